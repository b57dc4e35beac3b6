import { DownloadOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { ProgressUnitDto } from '@ssj/server/api-types';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useIsPhone } from '../../layout/use-is-phone.ts';
import { useT } from '../../i18n/use-t.ts';
import { QueryErrorAlert } from '../../layout/query-error-alert.tsx';
import { getProgressUnits, progressExportUrl, type DrillQuery } from './oversight-endpoints.ts';

const PAGE_SIZE = 50;

/** The task results behind a number (钻取): a paged list with links to each inspection, and its .xlsx. */
export function UnitsDrawer({
  query,
  title,
  onClose,
}: {
  query: DrillQuery | null;
  title: string;
  onClose: () => void;
}) {
  const t = useT();
  const isPhone = useIsPhone();
  const [page, setPage] = useState(1);
  const paged = query === null ? null : { ...query, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE };
  const units = useApiQuery(paged === null ? null : `units:${JSON.stringify(paged)}`, (signal) =>
    getProgressUnits(paged ?? { year: 0, metric: 'due' }, signal),
  );
  const columns: TableColumnsType<ProgressUnitDto> = [
    {
      key: 'object',
      title: t('oversight.unit.object'),
      render: (_, u) =>
        u.inspectionId === null ? (
          u.objectName
        ) : (
          <Link to={`/app/inspections/${u.inspectionId}`}>{u.objectName}</Link>
        ),
    },
    { key: 'id', title: t('oversight.unit.canonicalId'), dataIndex: 'canonicalId', width: 190 },
    {
      key: 'task',
      title: t('oversight.unit.task'),
      width: 130,
      render: (_, u) => t('oversight.unit.taskBatch', { code: u.taskCode, batch: u.batch }),
    },
    { key: 'region', title: t('oversight.unit.region'), dataIndex: 'objectRegionName', width: 100 },
    {
      key: 'status',
      title: t('oversight.unit.status'),
      width: 100,
      render: (_, u) => (
        <Tag>{t(u.status === null ? 'oversight.state.none' : `oversight.state.${u.status}`)}</Tag>
      ),
    },
    { key: 'deadline', title: t('oversight.unit.deadline'), dataIndex: 'deadline', width: 110 },
    { key: 'published', title: t('oversight.unit.publishedOn'), dataIndex: 'publishedOn', width: 110 },
  ];
  return (
    <Drawer
      open={query !== null}
      onClose={() => {
        setPage(1);
        onClose();
      }}
      title={title}
      size={isPhone ? '100%' : 960}
      extra={
        query === null ? null : (
          <Button icon={<DownloadOutlined />} href={progressExportUrl('units', query)} download>
            {t('oversight.export')}
          </Button>
        )
      }
    >
      {units.state.status === 'error' ? (
        <QueryErrorAlert title={t('oversight.loadFailed')} error={units.state.error} onRetry={units.reload} />
      ) : (
        <Flex vertical gap="small">
          {units.state.status === 'loaded' ? (
            <Typography.Text type="secondary" data-testid="units-total">
              {t('oversight.unit.total', { count: units.state.data.total, asOf: units.state.data.asOf })}
            </Typography.Text>
          ) : null}
          <Table<ProgressUnitDto>
            data-testid="units-table"
            size="small"
            rowKey={(u) => `${u.taskCode}/${u.batch}/${u.canonicalId}`}
            loading={units.state.status === 'loading'}
            columns={columns}
            dataSource={units.state.status === 'loaded' ? units.state.data.units : []}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: units.state.status === 'loaded' ? units.state.data.total : 0,
              showSizeChanger: false,
              onChange: setPage,
            }}
            scroll={{ x: 900 }}
          />
        </Flex>
      )}
    </Drawer>
  );
}
