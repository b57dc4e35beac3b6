import { ImportOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ObjectDto, ObjectKind } from '@ssj/server/api-types';
import { getObjectCategories, getObjects } from '../../api/register-endpoints.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useT } from '../../i18n/use-t.ts';
import { QueryErrorAlert } from '../../layout/query-error-alert.tsx';
import { planRegionLabel, planRegions } from '../../plan/plan-regions.ts';
import { useSession } from '../../session/use-session.ts';
import { RegisterExportButton } from './register-export-button.tsx';

const OBJECT_KINDS: readonly ObjectKind[] = [
  'enterprise',
  'individual',
  'cooperative',
  'institution',
  'social-organisation',
  'project',
  'facility',
];

/**
 * `/app/objects` 检查对象库: the object register by region, kind and category, searched by name or id, 50 per page.
 * The risk-class column appears only when the API sends it (office, department admins, auditors).
 */
export function ObjectsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { session } = useSession();
  const isCity = session?.user.regionCode === '140500';
  const canImport = session?.user.role === 'office_admin' || session?.user.role === 'department_admin';
  const [region, setRegion] = useState<string | undefined>(undefined);
  const [kind, setKind] = useState<string | undefined>(undefined);
  const [category, setCategory] = useState<string | undefined>(undefined);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const query = { region, kind, category, q, page };
  const objects = useApiQuery(`objects:${JSON.stringify(query)}`, (signal) => getObjects(query, signal));
  const categories = useApiQuery('object-categories', getObjectCategories);
  const categoryName = useMemo(() => {
    const map = new Map<string, string>();
    if (categories.state.status === 'loaded') for (const c of categories.state.data) map.set(c.code, c.name);
    return map;
  }, [categories.state]);
  const data = objects.state.status === 'loaded' ? objects.state.data : null;

  const columns: TableColumnsType<ObjectDto> = [
    { key: 'id', title: t('objects.col.id'), dataIndex: 'canonicalId', width: 190 },
    { key: 'name', title: t('objects.col.name'), dataIndex: 'name', width: 260 },
    {
      key: 'kind',
      title: t('objects.col.kind'),
      width: 110,
      render: (_, o) => t(`objectKind.${o.kind}`),
    },
    {
      key: 'categories',
      title: t('objects.col.categories'),
      width: 280,
      render: (_, o) => (
        <Flex wrap gap={4}>
          {o.categoryCodes.map((c) => (
            <Tag key={c}>{categoryName.get(c) ?? c}</Tag>
          ))}
        </Flex>
      ),
    },
    {
      key: 'region',
      title: t('objects.col.region'),
      width: 100,
      render: (_, o) => planRegionLabel(o.regionCode, o.regionCode),
    },
    { key: 'status', title: t('objects.col.status'), dataIndex: 'status', width: 90 },
    {
      key: 'capital',
      title: t('objects.col.capital'),
      width: 120,
      align: 'right',
      render: (_, o) => (o.registeredCapital === null ? '' : o.registeredCapital.toLocaleString()),
    },
    ...(data?.riskClassShown === true
      ? [
          {
            key: 'risk',
            title: (
              <Tooltip title={t('objects.riskSealed')}>
                <span>{t('objects.col.risk')}</span>
              </Tooltip>
            ),
            width: 110,
            render: (_: unknown, o: ObjectDto) => (o.riskClass == null ? '' : <Tag>{o.riskClass}</Tag>),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('objects.title')}
      extra={
        <Space>
          <RegisterExportButton kind="objects" />
          {canImport ? (
            <Button
              icon={<ImportOutlined />}
              data-testid="objects-import"
              onClick={() => {
                void navigate('/app/import/objects');
              }}
            >
              {t('objects.import')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Flex vertical gap="middle">
        <Flex wrap gap="small">
          <Select<string>
            allowClear
            placeholder={t('registers.allRegions')}
            value={region}
            disabled={!isCity}
            style={{ width: 140 }}
            options={planRegions.map((r) => ({ value: r.code, label: r.label }))}
            onChange={(value) => {
              setRegion(value);
              setPage(1);
            }}
            data-testid="objects-region"
          />
          <Select<string>
            allowClear
            placeholder={t('objects.allKinds')}
            value={kind}
            style={{ width: 150 }}
            options={OBJECT_KINDS.map((k) => ({ value: k, label: t(`objectKind.${k}`) }))}
            onChange={(value) => {
              setKind(value);
              setPage(1);
            }}
            data-testid="objects-kind"
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('objects.allCategories')}
            value={category}
            style={{ width: 260 }}
            options={
              categories.state.status === 'loaded'
                ? categories.state.data.map((c) => ({ value: c.code, label: c.name }))
                : []
            }
            onChange={(value) => {
              setCategory(value);
              setPage(1);
            }}
            data-testid="objects-category"
          />
          <Input.Search
            allowClear
            placeholder={t('objects.search')}
            style={{ width: 320 }}
            onSearch={(value) => {
              setQ(value.trim());
              setPage(1);
            }}
            data-testid="objects-search"
          />
        </Flex>
        {objects.state.status === 'error' ? (
          <QueryErrorAlert
            title={t('registers.loadFailed')}
            error={objects.state.error}
            onRetry={objects.reload}
          />
        ) : null}
        <Table<ObjectDto>
          data-testid="objects-table"
          rowKey="id"
          size="small"
          loading={objects.state.status === 'loading'}
          columns={columns}
          dataSource={data?.objects ?? []}
          scroll={{ x: 1300 }}
          pagination={{
            current: page,
            pageSize: data?.pageSize ?? 50,
            total: data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => <Typography.Text>{t('objects.total', { count: total })}</Typography.Text>,
            onChange: setPage,
          }}
        />
      </Flex>
    </Card>
  );
}
