import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Segmented, Skeleton, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { EstimateDimensionDto, EstimateRowDto } from '@ssj/server/api-types';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useT } from '../../i18n/use-t.ts';
import { QueryErrorAlert } from '../../layout/query-error-alert.tsx';
import { EChart } from './echart.tsx';
import { estimatesExportUrl, getEstimates } from './oversight-endpoints.ts';
import { formatPercent } from './progress-format.ts';

const DIMENSIONS: readonly EstimateDimensionDto[] = ['task', 'matter', 'sector', 'region'];
const CHART_ROWS = 30;

/**
 * What the random samples say (DOMAIN.md §5): the estimated share of non-compliant objects with its 95% interval
 * per task batch, matter, sector or region, and the sample behind each estimate (n inspected, x found, population,
 * how much of it the strata with results cover). The chart floats each interval with the estimate as a dot.
 */
export function EstimatesPanel({ year }: { year: number }) {
  const t = useT();
  const [by, setBy] = useState<EstimateDimensionDto>('task');
  const estimates = useApiQuery(`estimates:${year}:${by}`, (signal) => getEstimates(year, by, signal));
  const rows = useMemo(
    () => (estimates.state.status === 'loaded' ? estimates.state.data.rows : []),
    [estimates.state],
  );
  const charted = useMemo(
    () =>
      rows
        .filter((r) => r.status === 'ok')
        .sort((a, b) => b.n - a.n)
        .slice(0, CHART_ROWS),
    [rows],
  );
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 8, right: 72, top: 28, bottom: 8, containLabel: true },
      legend: { top: 0, data: [t('oversight.estimate.interval'), t('oversight.estimate.point')] },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: { dataIndex: number }[]) => {
          const r = charted[params[0]?.dataIndex ?? -1];
          if (r === undefined) return '';
          return `${r.label}<br/>${t('oversight.estimate.tooltip', {
            p: formatPercent(r.p),
            low: formatPercent(r.low),
            high: formatPercent(r.high),
            n: r.n,
            x: r.x,
          })}`;
        },
      },
      xAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => formatPercent(v) } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: charted.map((r) => r.label),
        axisLabel: { width: 200, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          stack: 'interval',
          silent: true,
          itemStyle: { color: 'transparent' },
          data: charted.map((r) => r.low ?? 0),
        },
        {
          type: 'bar',
          stack: 'interval',
          name: t('oversight.estimate.interval'),
          itemStyle: { color: '#91caff' },
          data: charted.map((r) => (r.high ?? 0) - (r.low ?? 0)),
          label: {
            show: true,
            position: 'right',
            formatter: (p: { dataIndex: number }) => `n=${charted[p.dataIndex]?.n ?? 0}`,
          },
        },
        {
          type: 'scatter',
          name: t('oversight.estimate.point'),
          itemStyle: { color: '#0958d9' },
          symbolSize: 9,
          data: charted.map((r) => r.p ?? 0),
        },
      ],
    }),
    [charted, t],
  );
  const columns: TableColumnsType<EstimateRowDto> = [
    { key: 'label', title: t(`oversight.estimate.by.${by}`), dataIndex: 'label', width: 200 },
    { key: 'detail', title: t('oversight.estimate.detail'), dataIndex: 'detail', ellipsis: true },
    {
      key: 'p',
      title: t('oversight.estimate.point'),
      width: 90,
      align: 'right',
      render: (_, r) => formatPercent(r.p),
    },
    {
      key: 'interval',
      title: t('oversight.estimate.interval'),
      width: 150,
      render: (_, r) => (r.status === 'ok' ? `${formatPercent(r.low)} – ${formatPercent(r.high)}` : '—'),
    },
    { key: 'n', title: t('oversight.estimate.n'), dataIndex: 'n', width: 80, align: 'right' },
    { key: 'x', title: t('oversight.estimate.x'), dataIndex: 'x', width: 80, align: 'right' },
    {
      key: 'population',
      title: t('oversight.estimate.population'),
      dataIndex: 'population',
      width: 90,
      align: 'right',
    },
    {
      key: 'coverage',
      title: t('oversight.estimate.coverage'),
      width: 110,
      render: (_, r) =>
        r.status === 'ok' ? (
          r.coveredPopulation < r.population ? (
            <Tag color="warning">{formatPercent(r.coveredPopulation / r.population)}</Tag>
          ) : (
            formatPercent(1)
          )
        ) : (
          <Tag>{t('oversight.estimate.noSample')}</Tag>
        ),
    },
  ];
  return (
    <Flex vertical gap="middle" data-testid="estimates-panel">
      <Flex justify="space-between" wrap gap="small">
        <Segmented<EstimateDimensionDto>
          value={by}
          onChange={setBy}
          options={DIMENSIONS.map((d) => ({ value: d, label: t(`oversight.estimate.by.${d}`) }))}
        />
        <Button icon={<DownloadOutlined />} href={estimatesExportUrl(year, by)} download>
          {t('oversight.export')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary">{t('oversight.estimate.method')}</Typography.Paragraph>
      {estimates.state.status === 'error' ? (
        <QueryErrorAlert
          title={t('oversight.loadFailed')}
          error={estimates.state.error}
          onRetry={estimates.reload}
        />
      ) : null}
      {estimates.state.status === 'loading' ? <Skeleton active /> : null}
      {charted.length > 0 ? (
        <Card size="small" title={t('oversight.estimate.chart', { count: charted.length })}>
          <EChart option={option} height={Math.max(200, 26 * charted.length + 60)} testId="chart-estimates" />
        </Card>
      ) : null}
      {estimates.state.status === 'loaded' ? (
        <Table<EstimateRowDto>
          data-testid="estimates-table"
          size="small"
          rowKey="key"
          columns={columns}
          dataSource={rows}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          scroll={{ x: 1000 }}
        />
      ) : null}
    </Flex>
  );
}
