import { Card, Descriptions, Flex, List, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import type { DrawTargetDto } from '@ssj/server/api-types';
import { useT } from '../i18n/use-t.ts';
import { useIsPhone } from '../layout/use-is-phone.ts';
import { TicketText } from './ticket-text.tsx';

function TeamTags({ team }: { team: DrawTargetDto['team'] }) {
  if (team.length === 0) return '—';
  return (
    <Flex vertical gap={2}>
      {team.map((member) => (
        <span key={member.inspectorCode} style={{ wordBreak: 'break-all' }}>
          <Typography.Text code>{member.inspectorCode}</Typography.Text>{' '}
          <Typography.Text type="secondary">{member.department}</Typography.Text>
        </span>
      ))}
    </Flex>
  );
}

/**
 * The drawn list (抽中名单) in ticket order: USCC (or the object's canonical id), name, region, address, ticket and the
 * team by public inspector code and department. A table on a wide screen, cards on a phone.
 */
export function DrawTargetsTable({ targets }: { targets: readonly DrawTargetDto[] }) {
  const t = useT();
  const isPhone = useIsPhone();

  if (isPhone) {
    return (
      <List<DrawTargetDto>
        data-testid="draw-targets-table"
        dataSource={[...targets]}
        split={false}
        pagination={targets.length > 30 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
        renderItem={(target) => (
          <List.Item style={{ paddingBlock: 6 }}>
            <Card
              size="small"
              style={{ width: '100%' }}
              data-testid={`draw-target-${target.canonicalId}`}
              title={
                <Typography.Text strong ellipsis>
                  {target.rank}. {target.name}
                </Typography.Text>
              }
            >
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'id',
                    label: t('targets.col.id'),
                    children: <Typography.Text copyable>{target.canonicalId}</Typography.Text>,
                  },
                  { key: 'region', label: t('targets.col.region'), children: target.regionName },
                  { key: 'address', label: t('targets.col.address'), children: target.address || '—' },
                  {
                    key: 'ticket',
                    label: t('targets.col.ticket'),
                    children: <TicketText ticket={target.ticket} />,
                  },
                  { key: 'team', label: t('targets.col.team'), children: <TeamTags team={target.team} /> },
                ]}
              />
            </Card>
          </List.Item>
        )}
      />
    );
  }

  const columns: TableColumnsType<DrawTargetDto> = [
    { key: 'rank', title: t('targets.col.rank'), dataIndex: 'rank', width: 60, align: 'end' },
    {
      key: 'id',
      title: t('targets.col.id'),
      width: 200,
      render: (_, target) => (
        <Typography.Text copyable style={{ whiteSpace: 'nowrap' }}>
          {target.canonicalId}
        </Typography.Text>
      ),
    },
    { key: 'name', title: t('targets.col.name'), dataIndex: 'name', width: 220 },
    { key: 'region', title: t('targets.col.region'), dataIndex: 'regionName', width: 90 },
    {
      key: 'address',
      title: t('targets.col.address'),
      width: 220,
      render: (_, target) => target.address || '—',
    },
    {
      key: 'ticket',
      title: t('targets.col.ticket'),
      width: 210,
      render: (_, target) => <TicketText ticket={target.ticket} />,
    },
    {
      key: 'team',
      title: t('targets.col.team'),
      width: 340,
      render: (_, target) => <TeamTags team={target.team} />,
    },
  ];

  return (
    <Table<DrawTargetDto>
      data-testid="draw-targets-table"
      size="small"
      bordered
      rowKey="canonicalId"
      columns={columns}
      dataSource={[...targets]}
      pagination={targets.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
      scroll={{ x: 1440 }}
      onRow={(target) => {
        const attributes: HTMLAttributes<HTMLElement> & { 'data-testid': string } = {
          'data-testid': `draw-target-${target.canonicalId}`,
        };
        return attributes;
      }}
    />
  );
}
