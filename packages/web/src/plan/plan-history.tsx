import { Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { PlanChangeDto, PlanVersionDto } from '@ssj/server/api-types';
import { formatDateTime } from '../i18n/format-date.ts';
import { useI18n } from '../i18n/use-t.ts';

const kindColors: Record<PlanChangeDto['kind'], string> = {
  publish: 'blue',
  add: 'green',
  adjust: 'orange',
  withdraw: 'red',
};

export interface PlanHistoryProps {
  versions: readonly PlanVersionDto[];
  /** The public change list; each change is shown under the version it made. */
  changes?: readonly PlanChangeDto[] | undefined;
  currentVersion?: number | undefined;
  testId?: string | undefined;
}

/** Every version of a plan, newest first: number, date, reason, what changed, and the SHA-256 of its task list. */
export function PlanHistory({ versions, changes, currentVersion, testId }: PlanHistoryProps) {
  const { t, language } = useI18n();
  const rows = [...versions].sort((a, b) => b.version - a.version);

  const columns: TableColumnsType<PlanVersionDto> = [
    {
      key: 'version',
      title: t('history.version'),
      width: 110,
      render: (_, row) => (
        <>
          {t('plan.versionLabel', { version: row.version })}
          {row.version === currentVersion ? (
            <Tag color="blue" style={{ marginInlineStart: 6 }}>
              {t('history.current')}
            </Tag>
          ) : null}
        </>
      ),
    },
    {
      key: 'date',
      title: t('history.date'),
      width: 170,
      render: (_, row) => formatDateTime(row.createdAt, language),
    },
    { key: 'reason', title: t('history.reason'), render: (_, row) => row.reason },
  ];
  if (changes !== undefined) {
    columns.push({
      key: 'changes',
      title: t('history.changes'),
      render: (_, row) => {
        const mine = changes.filter((change) => change.version === row.version);
        if (mine.length === 0) return '—';
        return mine.map((change, index) => (
          <div key={index} data-testid={`history-change-${row.version}`}>
            <Tag color={kindColors[change.kind]}>{t(`changeKind.${change.kind}`)}</Tag>
            {change.taskCode === null ? null : <Typography.Text strong>{change.taskCode} </Typography.Text>}
            {change.taskName ?? ''}
            {change.departmentName === null ? null : (
              <Typography.Text type="secondary"> · {change.departmentName}</Typography.Text>
            )}
            {change.reason !== '' && change.reason !== row.reason ? (
              <div>
                <Typography.Text type="secondary">{change.reason}</Typography.Text>
              </div>
            ) : null}
          </div>
        ));
      },
    });
  }
  columns.push({
    key: 'sha256',
    title: 'SHA-256',
    width: 150,
    render: (_, row) => (
      <Tooltip title={row.sha256}>
        <Typography.Text code copyable={{ text: row.sha256 }}>
          {row.sha256.slice(0, 12)}
        </Typography.Text>
      </Tooltip>
    ),
  });

  return (
    <Table<PlanVersionDto>
      data-testid={testId}
      size="small"
      rowKey="version"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 720 }}
    />
  );
}
