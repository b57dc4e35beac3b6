import { Card, Col, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import type { BurdenDto } from '@ssj/server/api-types';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useT } from '../../i18n/use-t.ts';
import { QueryErrorAlert } from '../../layout/query-error-alert.tsx';
import { EChart } from './echart.tsx';
import { getBurden } from './oversight-endpoints.ts';
import { formatPercent } from './progress-format.ts';

type RiskRow = BurdenDto['detectionByRiskClass'][number];

/**
 * Burden and effect (the OECD "reality check"): visits per object, the visits joint visits and recognition spared,
 * and how often an inspection finds a problem by credit-risk class (sealed: office and auditors only).
 */
export function BurdenPanel({ year }: { year: number }) {
  const t = useT();
  const burden = useApiQuery(`burden:${year}`, (signal) => getBurden(year, signal));
  const data = burden.state.status === 'loaded' ? burden.state.data : null;
  const visitsOption = useMemo(
    () =>
      data === null
        ? null
        : {
            animation: false,
            grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
            tooltip: { trigger: 'axis' },
            xAxis: {
              type: 'category',
              data: data.visitsPerObject.map((v) => t('oversight.burden.visits', { n: v.visits })),
            },
            yAxis: { type: 'value', minInterval: 1 },
            series: [
              {
                type: 'bar',
                data: data.visitsPerObject.map((v) => v.objects),
                itemStyle: { color: '#597ef7' },
              },
            ],
          },
    [data, t],
  );
  const riskOption = useMemo(
    () =>
      data === null
        ? null
        : {
            animation: false,
            grid: { left: 8, right: 48, top: 16, bottom: 8, containLabel: true },
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            xAxis: { type: 'category', data: data.detectionByRiskClass.map((r) => r.riskClass) },
            yAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => formatPercent(v) } },
            series: [
              {
                type: 'bar',
                stack: 'ci',
                silent: true,
                itemStyle: { color: 'transparent' },
                data: data.detectionByRiskClass.map((r) => r.low ?? 0),
              },
              {
                type: 'bar',
                stack: 'ci',
                name: t('oversight.estimate.interval'),
                itemStyle: { color: '#ffccc7' },
                data: data.detectionByRiskClass.map((r) => (r.high ?? 0) - (r.low ?? 0)),
              },
              {
                type: 'scatter',
                name: t('oversight.burden.detection'),
                itemStyle: { color: '#cf1322' },
                symbolSize: 10,
                data: data.detectionByRiskClass.map((r) => r.rate ?? 0),
                label: {
                  show: true,
                  position: 'right',
                  formatter: (p: { value: number }) => formatPercent(p.value),
                },
              },
            ],
          },
    [data, t],
  );
  if (burden.state.status === 'error') {
    return (
      <QueryErrorAlert title={t('oversight.loadFailed')} error={burden.state.error} onRetry={burden.reload} />
    );
  }
  if (data === null || visitsOption === null || riskOption === null) return <Skeleton active />;
  const stats = [
    ['oversight.burden.objectsVisited', data.objectsVisited],
    ['oversight.burden.totalVisits', data.visits],
    ['oversight.burden.mean', data.meanVisitsPerObject === null ? '—' : data.meanVisitsPerObject.toFixed(2)],
    ['oversight.burden.jointVisits', data.jointVisits],
    ['oversight.burden.savedByJoint', data.visitsSavedByJointVisits],
    ['oversight.burden.recognised', data.recognisedResults],
    ['oversight.burden.savedByRecognition', data.visitsSavedByRecognition],
  ] as const;
  return (
    <Row gutter={[12, 12]} data-testid="burden-panel">
      {stats.map(([key, value]) => (
        <Col key={key} xs={12} md={6} lg={3}>
          <Card size="small">
            <Statistic title={t(key)} value={value} />
          </Card>
        </Col>
      ))}
      <Col xs={24} lg={12}>
        <Card size="small" title={t('oversight.burden.perObject')}>
          <EChart option={visitsOption} height={240} testId="chart-visits" />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('oversight.burden.byRiskClass')}>
          <EChart option={riskOption} height={240} testId="chart-risk" />
          <Table<RiskRow>
            size="small"
            rowKey="riskClass"
            pagination={false}
            dataSource={data.detectionByRiskClass}
            columns={[
              { key: 'class', title: t('oversight.burden.riskClass'), dataIndex: 'riskClass' },
              {
                key: 'published',
                title: t('oversight.count.published'),
                dataIndex: 'published',
                align: 'right',
              },
              {
                key: 'problems',
                title: t('oversight.count.problems'),
                dataIndex: 'problems',
                align: 'right',
              },
              {
                key: 'rate',
                title: t('oversight.burden.detection'),
                align: 'right',
                render: (_, r) => formatPercent(r.rate),
              },
              {
                key: 'ci',
                title: t('oversight.estimate.interval'),
                render: (_, r) =>
                  r.rate === null ? '—' : `${formatPercent(r.low)} – ${formatPercent(r.high)}`,
              },
            ]}
          />
          <Typography.Text type="secondary">{t('oversight.burden.sealed')}</Typography.Text>
        </Card>
      </Col>
    </Row>
  );
}
