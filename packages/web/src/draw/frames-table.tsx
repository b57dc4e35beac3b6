import { RightOutlined } from '@ant-design/icons';
import { Card, Descriptions, Flex, List, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { DrawFrameDto } from '@ssj/server/api-types';
import { Link } from 'react-router-dom';
import { useT } from '../i18n/use-t.ts';
import { useIsPhone } from '../layout/use-is-phone.ts';
import { HashText } from './hash-text.tsx';
import { StrataTags } from './strata-tags.tsx';

function frameKey(frame: DrawFrameDto): string {
  return `${frame.taskCode}/${frame.batch}`;
}

/** The sum of the strata allocations: how many objects the frame's draw takes. */
export function countAllocated(frame: DrawFrameDto): number {
  return frame.strata.reduce((sum, stratum) => sum + stratum.allocation, 0);
}

/**
 * The frozen frames of a draw session (DOMAIN.md §4.1): task batch, frame size, public strata with sizes and
 * allocations, and the frame's SHA-256, which is public from freezing on, before the seed exists. A table on a wide
 * screen, cards on a phone; a published frame links to its draw.
 */
export function FramesTable({ frames }: { frames: readonly DrawFrameDto[] }) {
  const t = useT();
  const isPhone = useIsPhone();

  if (isPhone) {
    return (
      <List<DrawFrameDto>
        data-testid="frozen-frames-table"
        dataSource={[...frames]}
        split={false}
        renderItem={(frame) => (
          <List.Item style={{ paddingBlock: 6 }}>
            <Card
              size="small"
              style={{ width: '100%' }}
              title={
                <Typography.Text strong>
                  {frame.taskCode} · {t('draw.batchLabel', { batch: frame.batch })}
                </Typography.Text>
              }
              extra={
                frame.drawId === null ? null : (
                  <Link to={`/public/draws/${frame.drawId}`}>
                    {t('frames.toDraw')} <RightOutlined />
                  </Link>
                )
              }
            >
              <Typography.Paragraph style={{ marginBottom: 8 }}>{frame.taskName}</Typography.Paragraph>
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'size', label: t('frames.col.size'), children: frame.frameSize },
                  { key: 'allocated', label: t('frames.col.allocated'), children: countAllocated(frame) },
                  {
                    key: 'strata',
                    label: t('frames.col.strata'),
                    children: <StrataTags strata={frame.strata} />,
                  },
                  {
                    key: 'hash',
                    label: t('frames.col.hash'),
                    children: <HashText value={frame.frameHash} testId={`frame-hash-${frame.taskCode}`} />,
                  },
                ]}
              />
            </Card>
          </List.Item>
        )}
      />
    );
  }

  const columns: TableColumnsType<DrawFrameDto> = [
    {
      key: 'task',
      title: t('frames.col.task'),
      width: 200,
      render: (_, frame) => (
        <Flex vertical>
          <Typography.Text strong>{frame.taskCode}</Typography.Text>
          <Typography.Text type="secondary">{frame.taskName}</Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'batch',
      title: t('frames.col.batch'),
      width: 70,
      render: (_, frame) => t('draw.batchLabel', { batch: frame.batch }),
    },
    { key: 'size', title: t('frames.col.size'), width: 80, dataIndex: 'frameSize', align: 'end' },
    {
      key: 'allocated',
      title: t('frames.col.allocated'),
      width: 80,
      align: 'end',
      render: (_, frame) => countAllocated(frame),
    },
    {
      key: 'strata',
      title: t('frames.col.strata'),
      width: 150,
      render: (_, frame) => <StrataTags strata={frame.strata} />,
    },
    {
      key: 'hash',
      title: t('frames.col.hash'),
      width: 250,
      render: (_, frame) => <HashText value={frame.frameHash} testId={`frame-hash-${frame.taskCode}`} />,
    },
  ];
  if (frames.some((frame) => frame.drawId !== null)) {
    columns.push({
      key: 'draw',
      title: t('frames.col.draw'),
      width: 100,
      render: (_, frame) =>
        frame.drawId === null ? '—' : <Link to={`/public/draws/${frame.drawId}`}>{t('frames.toDraw')}</Link>,
    });
  }

  return (
    <Table<DrawFrameDto>
      data-testid="frozen-frames-table"
      size="small"
      bordered
      rowKey={frameKey}
      columns={columns}
      dataSource={[...frames]}
      pagination={frames.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 830 }}
    />
  );
}
