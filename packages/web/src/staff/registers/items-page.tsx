import { ImportOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Empty, Flex, Skeleton, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ItemDto } from '@ssj/server/api-types';
import { getItems } from '../../api/register-endpoints.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useT } from '../../i18n/use-t.ts';
import { QueryErrorAlert } from '../../layout/query-error-alert.tsx';
import { useSession } from '../../session/use-session.ts';
import { RegisterExportButton } from './register-export-button.tsx';

/** `/app/items` 事项清单: the published item list 随机抽查事项清单 (DOMAIN.md §2), grouped by department. */
export function ItemsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { session } = useSession();
  const canImport = session?.user.role === 'office_admin' || session?.user.role === 'department_admin';
  const items = useApiQuery('items', getItems);
  const groups = useMemo(() => {
    const map = new Map<string, ItemDto[]>();
    if (items.state.status === 'loaded') {
      for (const item of items.state.data)
        map.set(item.departmentName, [...(map.get(item.departmentName) ?? []), item]);
    }
    return [...map];
  }, [items.state]);

  const columns: TableColumnsType<ItemDto> = [
    { key: 'sequence', title: t('items.col.sequence'), dataIndex: 'sequence', width: 70 },
    { key: 'category', title: t('items.col.category'), dataIndex: 'category', width: 160 },
    { key: 'matter', title: t('items.col.matter'), dataIndex: 'matter' },
    { key: 'object', title: t('items.col.object'), dataIndex: 'objectScope', width: 180 },
    {
      key: 'type',
      title: t('items.col.type'),
      width: 90,
      render: (_, i) =>
        i.itemType === null ? (
          ''
        ) : (
          <Tag color={i.itemType === '重点' ? 'orange' : 'default'}>{i.itemType}</Tag>
        ),
    },
    { key: 'method', title: t('items.col.method'), dataIndex: 'method', width: 120 },
    { key: 'basis', title: t('items.col.basis'), dataIndex: 'legalBasis', ellipsis: true },
  ];

  return (
    <Card
      title={t('items.title')}
      extra={
        <Space>
          <RegisterExportButton kind="items" />
          {canImport ? (
            <Button
              icon={<ImportOutlined />}
              onClick={() => {
                void navigate('/app/import/items');
              }}
            >
              {t('items.import')}
            </Button>
          ) : null}
        </Space>
      }
    >
      {items.state.status === 'loading' ? <Skeleton active /> : null}
      {items.state.status === 'error' ? (
        <QueryErrorAlert title={t('registers.loadFailed')} error={items.state.error} onRetry={items.reload} />
      ) : null}
      {items.state.status === 'loaded' && groups.length === 0 ? (
        <Empty description={t('items.empty')} />
      ) : null}
      {groups.length > 0 ? (
        <Flex vertical data-testid="items-groups">
          <Collapse
            defaultActiveKey={groups.slice(0, 1).map(([name]) => name)}
            items={groups.map(([name, list]) => ({
              key: name,
              label: (
                <Flex gap="small">
                  <span>{name}</span>
                  <Tag>{t('items.count', { count: list.length })}</Tag>
                </Flex>
              ),
              children: (
                <Table<ItemDto>
                  rowKey="id"
                  size="small"
                  columns={columns}
                  dataSource={list}
                  pagination={list.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
                  scroll={{ x: 900 }}
                />
              ),
            }))}
          />
        </Flex>
      ) : null}
    </Card>
  );
}
