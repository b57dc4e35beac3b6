import { RightOutlined } from '@ant-design/icons';
import { List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { DrawSessionDto } from '@ssj/server/api-types';
import { getDraws } from '../../api/draw-endpoints.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useT } from '../../i18n/use-t.ts';

/** Step (d), done: each frame's published draw, with its number of targets, linking to its public page. */
export function PublishedDraws({ session }: { session: DrawSessionDto }) {
  const t = useT();
  const draws = useApiQuery(`public-draws:${session.year}`, (signal) =>
    getDraws({ year: session.year }, signal),
  );
  const targetsById = new Map(
    draws.state.status === 'loaded' ? draws.state.data.map((draw) => [draw.id, draw.targets]) : [],
  );
  const published = session.frames.filter((frame) => frame.drawId !== null);
  return (
    <List
      data-testid="published-draws"
      size="small"
      bordered
      dataSource={published}
      renderItem={(frame) => {
        const drawId = frame.drawId ?? 0;
        const targets = targetsById.get(drawId);
        return (
          <List.Item
            extra={
              <Link to={`/public/draws/${drawId}`} data-testid={`published-draw-link-${frame.taskCode}`}>
                {t('drawPublish.open')} <RightOutlined />
              </Link>
            }
          >
            <List.Item.Meta
              title={`${frame.taskCode} · ${t('draw.batchLabel', { batch: frame.batch })}`}
              description={
                <>
                  <Typography.Text>{frame.taskName}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary">
                    {targets === undefined
                      ? t('drawPublish.frameOnly', { size: frame.frameSize })
                      : t('drawPublish.counts', { size: frame.frameSize, count: targets })}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        );
      }}
    />
  );
}
