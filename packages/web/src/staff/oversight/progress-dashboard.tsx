import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Row,
  Select,
  Skeleton,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type {
  DepartmentProgressDto,
  ProgressMetricDto,
  ProgressReportDto,
  ProgressRowDto,
  RegionProgressDto,
  TaskProgressDto,
} from '@ssj/server/api-types';
import { getRegions } from '../../api/plan-endpoints.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useT } from '../../i18n/use-t.ts';
import type { MessageKey } from '../../i18n/zh-cn.ts';
import { QueryErrorAlert } from '../../layout/query-error-alert.tsx';
import { useSession } from '../../session/use-session.ts';
import { EChart } from './echart.tsx';
import {
  getProgress,
  progressExportUrl,
  type DrillQuery,
  type ProgressScopeQuery,
} from './oversight-endpoints.ts';
import {
  COUNT_KEYS,
  STATUS_BACKGROUNDS,
  STATUS_COLOURS,
  formatPercent,
  overdueInspectionsPath,
} from './progress-format.ts';
import { UnitsDrawer } from './units-drawer.tsx';

const CITY = '140500';
/** Bars shown at once in the department charts; more scroll with the slider at the right. */
const VISIBLE_BARS = 20;

/** A vertical scroll over the categories of a horizontal bar chart when there are more than fit. */
function zoom(count: number) {
  if (count <= VISIBLE_BARS) return [];
  return [
    {
      type: 'slider',
      yAxisIndex: 0,
      right: 4,
      width: 14,
      startValue: 0,
      endValue: VISIBLE_BARS - 1,
      zoomLock: true,
      showDetail: false,
    },
  ];
}

type Drill = { query: DrillQuery; title: string } | null;

function StatusTag({ row }: { row: ProgressRowDto }) {
  const t = useT();
  if (row.status === 'none') return <Tag>{t('oversight.status.none')}</Tag>;
  const colour = row.status === 'red' ? 'error' : row.status === 'yellow' ? 'warning' : 'success';
  return (
    <Tag color={colour} data-testid="progress-status">
      {t(`oversight.status.${row.status}`)}
    </Tag>
  );
}

/**
 * 进度监控: the figures of DOMAIN.md §5 as of yesterday (date shown): headline numbers, completion by department,
 * region and month, overdue counts (ECharts); tables by department, region and task with red/yellow rows; any count
 * opens the task results behind it; a department drills to its overdue inspections; every table exports to .xlsx.
 */
export function ProgressDashboard({ year }: { year: number }) {
  const t = useT();
  const navigate = useNavigate();
  const { session } = useSession();
  const isDepartment = session?.user.role === 'department_admin';
  const isCity = session?.user.regionCode === CITY;
  const [region, setRegion] = useState<string | undefined>(undefined);
  const [drill, setDrill] = useState<Drill>(null);
  const scope: ProgressScopeQuery = { year, region };
  const regions = useApiQuery(isCity && !isDepartment ? 'regions' : null, getRegions);
  const report = useApiQuery(`progress:${JSON.stringify(scope)}`, (signal) => getProgress(scope, signal));

  const open = (metric: ProgressMetricDto, title: string, extra: Partial<DrillQuery> = {}) => {
    setDrill({ query: { ...scope, metric, ...extra }, title });
  };

  if (report.state.status === 'error') {
    return (
      <QueryErrorAlert title={t('oversight.loadFailed')} error={report.state.error} onRetry={report.reload} />
    );
  }
  const data = report.state.status === 'loaded' ? report.state.data : null;

  return (
    <Flex vertical gap="middle" data-testid="progress-dashboard">
      <Flex justify="space-between" align="center" wrap gap="small">
        {data === null ? (
          <span />
        ) : (
          <Alert
            type="info"
            showIcon
            data-testid="progress-as-of"
            data-value={data.asOf}
            title={t('oversight.asOf', {
              date: data.asOf,
              scope: data.scope.departmentName ?? data.scope.regionName ?? t('oversight.scope.city'),
            })}
          />
        )}
        {isCity && !isDepartment ? (
          <Select<string>
            allowClear
            placeholder={t('oversight.scope.allRegions')}
            value={region}
            onChange={(value) => {
              setRegion(value);
            }}
            style={{ width: 200 }}
            data-testid="progress-region"
            options={(regions.state.status === 'loaded' ? regions.state.data : []).map((r) => ({
              value: r.code,
              label: r.name,
            }))}
          />
        ) : null}
      </Flex>
      {data === null ? <Skeleton active /> : <Headline data={data} onOpen={open} />}
      {data === null ? null : (
        <Charts
          data={data}
          onDepartment={(d) => {
            void navigate(overdueInspectionsPath(year, d.departmentId, d.counts.overdue > 0));
          }}
        />
      )}
      {data === null ? null : <ProgressTables data={data} scope={scope} onOpen={open} />}
      <UnitsDrawer
        query={drill?.query ?? null}
        title={drill?.title ?? ''}
        onClose={() => {
          setDrill(null);
        }}
      />
    </Flex>
  );
}

function Headline({
  data,
  onOpen,
}: {
  data: ProgressReportDto;
  onOpen: (metric: ProgressMetricDto, title: string) => void;
}) {
  const t = useT();
  const c = data.totals.counts;
  const keys = ['due', 'inspected', 'entered', 'published', 'closed', 'overdue', 'dueToday'] as const;
  return (
    <Row gutter={[12, 12]}>
      {keys.map((key) => (
        <Col key={key} flex="1 0 120px">
          <Card
            size="small"
            hoverable
            onClick={() => {
              onOpen(key, t(`oversight.count.${key}`));
            }}
            data-testid={`progress-kpi-${key}`}
            data-value={c[key]}
          >
            <Statistic
              title={t(`oversight.count.${key}`)}
              value={c[key]}
              styles={{
                content: {
                  color:
                    key === 'overdue' && c[key] > 0
                      ? STATUS_COLOURS.red
                      : key === 'dueToday' && c[key] > 0
                        ? STATUS_COLOURS.yellow
                        : undefined,
                },
              }}
            />
          </Card>
        </Col>
      ))}
      <Col flex="1 0 120px">
        <Card size="small" data-testid="progress-kpi-completion">
          <Statistic
            title={t('oversight.rate.completion')}
            value={formatPercent(data.totals.completionRate)}
          />
        </Card>
      </Col>
      <Col flex="1 0 120px">
        <Card size="small">
          <Statistic title={t('oversight.rate.closure')} value={formatPercent(data.totals.closureRate)} />
        </Card>
      </Col>
    </Row>
  );
}

function Charts({
  data,
  onDepartment,
}: {
  data: ProgressReportDto;
  onDepartment: (d: DepartmentProgressDto) => void;
}) {
  const t = useT();
  // Departments with work due, the furthest behind first (red ones lead), 20 at a time with a scroll bar.
  const working = useMemo(
    () =>
      data.departments
        .filter((d) => d.counts.due > 0)
        .sort(
          (a, b) => (a.completionRate ?? 0) - (b.completionRate ?? 0) || b.counts.overdue - a.counts.overdue,
        ),
    [data],
  );
  const departmentOption = useMemo(
    () => ({
      animation: false,
      grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
      dataZoom: zoom(working.length),
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => formatPercent(v) } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: working.map((d) => d.departmentName),
        axisLabel: { width: 180, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: t('oversight.rate.completion'),
          data: working.map((d) => ({
            value: d.completionRate ?? 0,
            itemStyle: { color: STATUS_COLOURS[d.status] },
          })),
          label: {
            show: true,
            position: 'right',
            formatter: (p: { value: number }) => formatPercent(p.value),
          },
        },
      ],
    }),
    [working, t],
  );
  const regionOption = useMemo(
    () => ({
      animation: false,
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: data.regions.map((r) => r.regionName),
        axisLabel: { interval: 0, rotate: 30 },
      },
      yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => formatPercent(v) } },
      series: [
        {
          type: 'bar',
          name: t('oversight.rate.completion'),
          data: data.regions.map((r) => ({
            value: r.completionRate ?? 0,
            itemStyle: { color: STATUS_COLOURS[r.status] },
          })),
          label: { show: true, position: 'top', formatter: (p: { value: number }) => formatPercent(p.value) },
        },
      ],
    }),
    [data, t],
  );
  const monthOption = useMemo(
    () => ({
      animation: false,
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: data.months.map((m) => m.month.slice(5)) },
      yAxis: [
        { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => formatPercent(v) } },
        { type: 'value', minInterval: 1 },
      ],
      series: [
        {
          type: 'line',
          name: t('oversight.month.cumulativeRate'),
          data: data.months.map((m) => m.cumulativeRate),
          itemStyle: { color: '#1677ff' },
        },
        {
          type: 'line',
          name: t('oversight.month.expectedRate'),
          data: data.months.map((m) => m.expectedRate),
          lineStyle: { type: 'dashed' },
          itemStyle: { color: '#8c8c8c' },
        },
        {
          type: 'bar',
          yAxisIndex: 1,
          name: t('oversight.month.published'),
          data: data.months.map((m) => m.published),
          itemStyle: { color: '#95de64' },
        },
        {
          type: 'bar',
          yAxisIndex: 1,
          name: t('oversight.month.late'),
          data: data.months.map((m) => m.late),
          itemStyle: { color: STATUS_COLOURS.red },
        },
      ],
    }),
    [data, t],
  );
  const late = useMemo(
    () =>
      working
        .filter((d) => d.counts.overdue > 0 || d.counts.dueToday > 0)
        .sort((a, b) => b.counts.overdue - a.counts.overdue || b.counts.dueToday - a.counts.dueToday),
    [working],
  );
  const overdueOption = useMemo(
    () => ({
      animation: false,
      legend: { top: 0 },
      grid: { left: 8, right: 40, top: 28, bottom: 8, containLabel: true },
      dataZoom: zoom(late.length),
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: late.map((d) => d.departmentName),
        axisLabel: { width: 180, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          stack: 'warn',
          name: t('oversight.count.overdue'),
          data: late.map((d) => d.counts.overdue),
          itemStyle: { color: STATUS_COLOURS.red },
        },
        {
          type: 'bar',
          stack: 'warn',
          name: t('oversight.count.dueToday'),
          data: late.map((d) => d.counts.dueToday),
          itemStyle: { color: STATUS_COLOURS.yellow },
        },
      ],
    }),
    [late, t],
  );
  const barHeight = (n: number) => Math.max(160, 26 * Math.min(n, VISIBLE_BARS) + 40);
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={12}>
        <Card
          size="small"
          title={t('oversight.chart.byDepartment')}
          extra={<Typography.Text type="secondary">{t('oversight.chart.clickHint')}</Typography.Text>}
        >
          {working.length === 0 ? (
            <Typography.Text type="secondary">{t('oversight.noWork')}</Typography.Text>
          ) : (
            <EChart
              option={departmentOption}
              height={barHeight(working.length)}
              testId="chart-departments"
              onClick={({ dataIndex }) => {
                const d = working[dataIndex];
                if (d !== undefined) onDepartment(d);
              }}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Flex vertical gap={12}>
          <Card size="small" title={t('oversight.chart.byMonth')}>
            <EChart option={monthOption} height={260} testId="chart-months" />
          </Card>
          <Card size="small" title={t('oversight.chart.byRegion')}>
            <EChart option={regionOption} height={240} testId="chart-regions" />
          </Card>
          <Card size="small" title={t('oversight.chart.overdue')}>
            {late.length === 0 ? (
              <Typography.Text type="secondary">{t('oversight.noOverdue')}</Typography.Text>
            ) : (
              <EChart
                option={overdueOption}
                height={barHeight(late.length)}
                testId="chart-overdue"
                onClick={({ dataIndex }) => {
                  const d = late[dataIndex];
                  if (d !== undefined) onDepartment(d);
                }}
              />
            )}
          </Card>
        </Flex>
      </Col>
    </Row>
  );
}

function countColumns<T extends ProgressRowDto>(
  t: (key: MessageKey, values?: Record<string, string | number>) => string,
  onCount: (row: T, metric: ProgressMetricDto) => void,
): TableColumnsType<T> {
  return [
    ...COUNT_KEYS.map((key) => ({
      key,
      title: t(`oversight.count.${key}`),
      width: 78,
      align: 'right' as const,
      render: (_: unknown, row: T) =>
        row.counts[key] === 0 ? (
          <Typography.Text type="secondary">0</Typography.Text>
        ) : (
          <Typography.Link
            data-testid={`count-${key}`}
            onClick={() => {
              onCount(row, key);
            }}
            style={key === 'overdue' ? { color: STATUS_COLOURS.red, fontWeight: 600 } : undefined}
          >
            {row.counts[key]}
          </Typography.Link>
        ),
    })),
    {
      key: 'completion',
      title: t('oversight.rate.completion'),
      width: 90,
      align: 'right' as const,
      render: (_: unknown, row: T) => formatPercent(row.completionRate),
    },
    {
      key: 'closure',
      title: t('oversight.rate.closure'),
      width: 90,
      align: 'right' as const,
      render: (_: unknown, row: T) => formatPercent(row.closureRate),
    },
    {
      key: 'status',
      title: t('oversight.status.title'),
      width: 100,
      render: (_: unknown, row: T) => <StatusTag row={row} />,
    },
  ];
}

function rowStyle(row: ProgressRowDto) {
  return { style: { background: STATUS_BACKGROUNDS[row.status] }, 'data-status': row.status };
}

function ProgressTables({
  data,
  scope,
  onOpen,
}: {
  data: ProgressReportDto;
  scope: ProgressScopeQuery;
  onOpen: (metric: ProgressMetricDto, title: string, extra?: Partial<DrillQuery>) => void;
}) {
  const t = useT();
  const countTitle = (metric: ProgressMetricDto) =>
    t(`oversight.count.${metric === 'pending' ? 'due' : metric}`);
  const departmentColumns: TableColumnsType<DepartmentProgressDto> = [
    { key: 'rank', title: t('oversight.col.rank'), dataIndex: 'rank', width: 60, fixed: 'left' },
    { key: 'region', title: t('oversight.col.region'), dataIndex: 'regionName', width: 110 },
    {
      key: 'department',
      title: t('oversight.col.department'),
      width: 240,
      render: (_, d) => (
        <Link
          to={overdueInspectionsPath(data.year, d.departmentId, d.counts.overdue > 0)}
          data-testid={`progress-department-${d.departmentId}`}
          data-status={d.status}
        >
          {d.departmentName}
        </Link>
      ),
    },
    ...countColumns<DepartmentProgressDto>(t, (d, metric) => {
      onOpen(metric, `${d.departmentName} · ${countTitle(metric)}`, { department: d.departmentId });
    }),
  ];
  const regionColumns: TableColumnsType<RegionProgressDto> = [
    { key: 'region', title: t('oversight.col.region'), dataIndex: 'regionName', width: 140 },
    { key: 'departments', title: t('oversight.col.departments'), dataIndex: 'departments', width: 80 },
    ...countColumns<RegionProgressDto>(t, (r, metric) => {
      onOpen(metric, `${r.regionName} · ${countTitle(metric)}`, { region: r.regionCode });
    }),
  ];
  const taskColumns: TableColumnsType<TaskProgressDto> = [
    { key: 'code', title: t('oversight.col.task'), dataIndex: 'taskCode', width: 120, fixed: 'left' },
    { key: 'name', title: t('oversight.col.taskName'), dataIndex: 'taskName', width: 260, ellipsis: true },
    {
      key: 'department',
      title: t('oversight.col.department'),
      dataIndex: 'departmentName',
      width: 200,
      ellipsis: true,
    },
    ...countColumns<TaskProgressDto>(t, (task, metric) => {
      onOpen(metric, `${task.taskCode} · ${countTitle(metric)}`, { task: task.taskCode });
    }),
  ];
  const exportButton = (table: 'departments' | 'regions' | 'tasks' | 'months') => (
    <Button
      size="small"
      icon={<DownloadOutlined />}
      href={progressExportUrl(table, scope)}
      download
      data-testid={`export-${table}`}
    >
      {t('oversight.export')}
    </Button>
  );
  return (
    <Card size="small">
      <Tabs
        items={[
          {
            key: 'departments',
            label: t('oversight.tab.departments'),
            children: (
              <Flex vertical gap="small">
                <Flex justify="end">{exportButton('departments')}</Flex>
                <Table<DepartmentProgressDto>
                  data-testid="progress-departments-table"
                  size="small"
                  rowKey="departmentId"
                  columns={departmentColumns}
                  dataSource={data.departments}
                  onRow={rowStyle}
                  pagination={false}
                  scroll={{ x: 1400 }}
                />
              </Flex>
            ),
          },
          {
            key: 'regions',
            label: t('oversight.tab.regions'),
            children: (
              <Flex vertical gap="small">
                <Flex justify="end">{exportButton('regions')}</Flex>
                <Table<RegionProgressDto>
                  size="small"
                  rowKey="regionCode"
                  columns={regionColumns}
                  dataSource={data.regions}
                  onRow={rowStyle}
                  pagination={false}
                  scroll={{ x: 1200 }}
                />
              </Flex>
            ),
          },
          {
            key: 'tasks',
            label: t('oversight.tab.tasks'),
            children: (
              <Flex vertical gap="small">
                <Flex justify="end">{exportButton('tasks')}</Flex>
                <Table<TaskProgressDto>
                  size="small"
                  rowKey="taskId"
                  columns={taskColumns}
                  dataSource={data.tasks}
                  onRow={rowStyle}
                  pagination={{ pageSize: 50, showSizeChanger: false }}
                  scroll={{ x: 1600 }}
                />
              </Flex>
            ),
          },
          {
            key: 'months',
            label: t('oversight.tab.months'),
            children: (
              <Flex vertical gap="small">
                <Flex justify="end">{exportButton('months')}</Flex>
                <Table
                  size="small"
                  rowKey="month"
                  dataSource={data.months}
                  pagination={false}
                  columns={[
                    { key: 'month', title: t('oversight.month.month'), dataIndex: 'month' },
                    {
                      key: 'windowEnding',
                      title: t('oversight.month.windowEnding'),
                      dataIndex: 'windowEnding',
                      align: 'right',
                    },
                    {
                      key: 'published',
                      title: t('oversight.month.published'),
                      align: 'right',
                      render: (_, m) =>
                        m.published === 0 ? (
                          '0'
                        ) : (
                          <Typography.Link
                            onClick={() => {
                              onOpen('published', `${m.month} · ${t('oversight.month.published')}`, {
                                month: m.month,
                              });
                            }}
                          >
                            {m.published}
                          </Typography.Link>
                        ),
                    },
                    { key: 'late', title: t('oversight.month.late'), dataIndex: 'late', align: 'right' },
                    {
                      key: 'cumulativePublished',
                      title: t('oversight.month.cumulativePublished'),
                      dataIndex: 'cumulativePublished',
                      align: 'right',
                    },
                    {
                      key: 'cumulativeRate',
                      title: t('oversight.month.cumulativeRate'),
                      align: 'right',
                      render: (_, m) => formatPercent(m.cumulativeRate),
                    },
                    {
                      key: 'expectedRate',
                      title: t('oversight.month.expectedRate'),
                      align: 'right',
                      render: (_, m) => formatPercent(m.expectedRate),
                    },
                  ]}
                />
              </Flex>
            ),
          },
        ]}
      />
    </Card>
  );
}
