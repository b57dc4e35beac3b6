import { Card, Flex, Skeleton, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { RiskDetectionRowDto, RiskTiltComparisonDto } from '@ssj/server/api-types';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useT } from '../../i18n/use-t.ts';
import { QueryErrorAlert } from '../../layout/query-error-alert.tsx';
import { getRiskReport } from './risk-endpoints.ts';
import { formatRate, formatRatio } from './risk-format.ts';

function DetectionTable({ rows, testId }: { rows: readonly RiskDetectionRowDto[]; testId: string }) {
  const t = useT();
  return (
    <Table<RiskDetectionRowDto>
      size="small"
      bordered
      pagination={false}
      rowKey="key"
      data-testid={testId}
      dataSource={[...rows]}
      columns={[
        { key: 'label', title: t('risk.report.col.group'), dataIndex: 'label' },
        { key: 'n', title: t('risk.report.col.inspections'), dataIndex: 'inspections', align: 'end' },
        { key: 'x', title: t('risk.report.col.nonCompliant'), dataIndex: 'nonCompliant', align: 'end' },
        { key: 'rate', title: t('risk.report.col.rate'), align: 'end', render: (_, r) => formatRate(r.rate) },
      ]}
    />
  );
}

function ComparisonTable({ rows, testId }: { rows: readonly RiskTiltComparisonDto[]; testId: string }) {
  const t = useT();
  const columns: TableColumnsType<RiskTiltComparisonDto> = [
    { key: 'label', title: t('risk.report.col.group'), dataIndex: 'label' },
    {
      key: 'control',
      title: t('risk.report.col.control'),
      align: 'end',
      render: (_, r) =>
        `${formatRate(r.control.rate)}（${String(r.control.nonCompliant)}/${String(r.control.inspections)}）`,
    },
    {
      key: 'tilted',
      title: t('risk.report.col.tilted'),
      align: 'end',
      render: (_, r) =>
        `${formatRate(r.tilted.rate)}（${String(r.tilted.nonCompliant)}/${String(r.tilted.inspections)}）`,
    },
    { key: 'lift', title: t('risk.report.col.lift'), align: 'end', render: (_, r) => formatRatio(r.lift) },
    {
      key: 'all',
      title: t('risk.report.col.all'),
      align: 'end',
      render: (_, r) =>
        `${formatRate(r.all.rate)}（${String(r.all.nonCompliant)}/${String(r.all.inspections)}）`,
    },
    {
      key: 'uniform',
      title: t('risk.report.col.uniformEstimate'),
      align: 'end',
      render: (_, r) => formatRate(r.uniformEstimate),
    },
    {
      key: 'estimatedLift',
      title: t('risk.report.col.estimatedLift'),
      align: 'end',
      render: (_, r) => formatRatio(r.estimatedLift),
    },
  ];
  return (
    <Table<RiskTiltComparisonDto>
      size="small"
      bordered
      pagination={rows.length > 20 ? { pageSize: 20 } : false}
      rowKey="key"
      data-testid={testId}
      dataSource={[...rows]}
      columns={columns}
    />
  );
}

/**
 * Detection rates of a plan year (issue #9 "Reports"): by model band and by official class; for draws tilted by the
 * model, the tilted strata against their uniform control sample, overall, per task and per sector.
 */
export function RiskReportCard({ year, version }: { year: number; version: number }) {
  const t = useT();
  const query = useApiQuery(`risk-report:${String(year)}:${String(version)}`, (signal) =>
    getRiskReport(year, signal),
  );
  return (
    <Card title={t('risk.report.title', { year })} data-testid="risk-report">
      {query.state.status === 'loading' ? <Skeleton active /> : null}
      {query.state.status === 'error' ? (
        <QueryErrorAlert title={t('risk.loadFailed')} error={query.state.error} onRetry={query.reload} />
      ) : null}
      {query.state.status === 'loaded' ? (
        <Flex vertical gap="middle">
          <Typography.Text type="secondary">{t('risk.report.definition')}</Typography.Text>
          {query.state.data.model === null ? null : (
            <>
              <Typography.Text strong>
                {t('risk.report.byBand', { version: query.state.data.model.version })}
              </Typography.Text>
              <DetectionTable rows={query.state.data.byBand} testId="risk-report-bands" />
              <Typography.Text strong>{t('risk.report.byBandAfter')}</Typography.Text>
              <DetectionTable rows={query.state.data.byBandAfterTraining} testId="risk-report-bands-after" />
            </>
          )}
          <Typography.Text strong>{t('risk.report.byClass')}</Typography.Text>
          <DetectionTable rows={query.state.data.byClass} testId="risk-report-classes" />
          <Typography.Text strong>{t('risk.report.tilt')}</Typography.Text>
          {query.state.data.tilt === null ? (
            <Typography.Text type="secondary">{t('risk.report.noTilt')}</Typography.Text>
          ) : (
            <Flex vertical gap="small" data-testid="risk-report-tilt">
              <Typography.Text>
                {t('risk.report.tiltSummary', {
                  draws: query.state.data.tilt.draws,
                  rate: formatRate(query.state.data.tilt.untilted.rate),
                  n: query.state.data.tilt.untilted.inspections,
                })}
              </Typography.Text>
              <ComparisonTable rows={[query.state.data.tilt.overall]} testId="risk-report-tilt-overall" />
              <Typography.Text strong>{t('risk.report.byTask')}</Typography.Text>
              <ComparisonTable rows={query.state.data.tilt.byTask} testId="risk-report-tilt-tasks" />
              <Typography.Text strong>{t('risk.report.bySector')}</Typography.Text>
              <ComparisonTable rows={query.state.data.tilt.bySector} testId="risk-report-tilt-sectors" />
            </Flex>
          )}
        </Flex>
      ) : null}
    </Card>
  );
}
