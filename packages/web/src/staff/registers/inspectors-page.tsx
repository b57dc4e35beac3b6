import { ImportOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { InspectorDto } from '@ssj/server/api-types';
import { getInspectors } from '../../api/register-endpoints.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useT } from '../../i18n/use-t.ts';
import { QueryErrorAlert } from '../../layout/query-error-alert.tsx';
import { planRegionLabel } from '../../plan/plan-regions.ts';
import { useSession } from '../../session/use-session.ts';
import { RegisterExportButton } from './register-export-button.tsx';

/** Today as YYYY-MM-DD in the browser's time zone (certificate expiry is a calendar date). */
function formatToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * `/app/inspectors` 执法人员库: the inspector register by department (personal data: admins and auditors only);
 * an expired 执法证 is highlighted (DOMAIN.md §3: only valid certificates may be drawn).
 */
export function InspectorsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { session } = useSession();
  const canImport = session?.user.role === 'office_admin' || session?.user.role === 'department_admin';
  const [department, setDepartment] = useState<number | undefined>(undefined);
  const inspectors = useApiQuery('inspectors', (signal) => getInspectors(undefined, signal));
  const all = useMemo(
    () => (inspectors.state.status === 'loaded' ? inspectors.state.data : []),
    [inspectors.state],
  );
  const departments = useMemo(() => {
    const map = new Map<number, string>();
    for (const i of all)
      map.set(i.departmentId, `${i.departmentName}（${planRegionLabel(i.regionCode, '')}）`);
    return [...map].map(([value, label]) => ({ value, label }));
  }, [all]);
  const shown = department === undefined ? all : all.filter((i) => i.departmentId === department);
  const today = formatToday();

  const columns: TableColumnsType<InspectorDto> = [
    { key: 'code', title: t('inspectors.col.code'), dataIndex: 'code', width: 110 },
    { key: 'name', title: t('inspectors.col.name'), dataIndex: 'name', width: 100 },
    { key: 'department', title: t('inspectors.col.department'), dataIndex: 'departmentName' },
    {
      key: 'region',
      title: t('inspectors.col.region'),
      width: 100,
      render: (_, i) => planRegionLabel(i.regionCode, i.regionCode),
    },
    { key: 'certificate', title: t('inspectors.col.certificate'), dataIndex: 'certificateNo', width: 160 },
    {
      key: 'expires',
      title: t('inspectors.col.expires'),
      width: 170,
      render: (_, i) =>
        i.certificateExpiresOn < today ? (
          <Flex gap={4} data-testid="inspector-expired">
            <Typography.Text type="danger">{i.certificateExpiresOn}</Typography.Text>
            <Tag color="red">{t('inspectors.expired')}</Tag>
          </Flex>
        ) : (
          i.certificateExpiresOn
        ),
    },
    { key: 'status', title: t('inspectors.col.status'), dataIndex: 'status', width: 80 },
    {
      key: 'specialties',
      title: t('inspectors.col.specialties'),
      render: (_, i) => i.specialties.join('、'),
    },
  ];

  return (
    <Card
      title={t('inspectors.title')}
      extra={
        <Space>
          <RegisterExportButton kind="inspectors" />
          {canImport ? (
            <Button
              icon={<ImportOutlined />}
              onClick={() => {
                void navigate('/app/import/inspectors');
              }}
            >
              {t('inspectors.import')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Flex vertical gap="middle">
        <Select<number>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('inspectors.allDepartments')}
          value={department}
          onChange={setDepartment}
          options={departments}
          style={{ width: 360 }}
          data-testid="inspectors-department"
        />
        {inspectors.state.status === 'error' ? (
          <QueryErrorAlert
            title={t('registers.loadFailed')}
            error={inspectors.state.error}
            onRetry={inspectors.reload}
          />
        ) : null}
        <Table<InspectorDto>
          data-testid="inspectors-table"
          rowKey="id"
          size="small"
          loading={inspectors.state.status === 'loading'}
          columns={columns}
          dataSource={shown}
          scroll={{ x: 1000 }}
          pagination={{
            pageSize: 50,
            showSizeChanger: false,
            showTotal: (total) => t('inspectors.total', { count: total }),
          }}
        />
      </Flex>
    </Card>
  );
}
