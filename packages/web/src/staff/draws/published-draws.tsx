import { RightOutlined } from '@ant-design/icons';
import { List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { DrawSessionDto } from '@ssj/server/api-types';
import { getDraws } from '../../api/draw-endpoints.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useT } from '../../i18n/use-t.ts';
import { useSession } from '../../session/use-session.ts';
import { RedrawButton } from './redraw-button.tsx';

/** Step (d), done: each frame's published draw, with its number of targets, linking to its public page. */
export function PublishedDraws({ session }: { session: DrawSessionDto }) {
  const t = useT();
  const { session: login } = useSession();
  const isOffice = login?.user.role === 'office_admin';
  const draws = useApiQuery(`public-draws:${session.year}`, (signal) =>
    getDraws({ year: session.year }, signal),
  );
  const targetsById = new Map(
    draws.state.status === 'loaded' ? draws.state.data.map((draw) => [draw.id, draw.targets]) : [],
  );
  const supersededById = new Map(
    draws.state.status === 'loaded' ? draws.state.data.map((draw) => [draw.id, draw.supersededBy]) : [],
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
              <Space>
                {supersededById.get(drawId) != null ? (
                  <Tag color="orange">{t('redraw.superseded')}</Tag>
                ) : null}
                {isOffice && draws.state.status === 'loaded' && supersededById.get(drawId) == null ? (
                  <RedrawButton year={session.year} taskCode={frame.taskCode} batch={frame.batch} />
                ) : null}
                <Link to={`/public/draws/${drawId}`} data-testid={`published-draw-link-${frame.taskCode}`}>
                  {t('drawPublish.open')} <RightOutlined />
                </Link>
              </Space>
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
