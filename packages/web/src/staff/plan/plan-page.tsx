import { DownloadOutlined, ImportOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Flex, Select, Skeleton, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { PlanSummaryDto } from '@ssj/server/api-types';
import { getPlan, getPlanYears, planExportUrl } from '../../api/plan-endpoints.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { formatDate } from '../../i18n/format-date.ts';
import { useI18n } from '../../i18n/use-t.ts';
import { QueryErrorAlert } from '../../layout/query-error-alert.tsx';
import { PlanHistory } from '../../plan/plan-history.tsx';
import { PlanTasksView } from '../../plan/plan-tasks-view.tsx';
import { taskViewFromDto } from '../../plan/task-view.ts';
import { useSession } from '../../session/use-session.ts';
import { PlanSubNav } from './plan-sub-nav.tsx';
import { PublishPlanButton } from './publish-plan-button.tsx';
import { pickYear } from './pick-year.ts';

/** `/app/plan?year=`: one year's plan (draft or published): status, tasks by region and department, versions. */
export function PlanPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { session } = useSession();
  const isOffice = session?.user.role === 'office_admin';
  const [params, setParams] = useSearchParams();
  const years = useApiQuery('plan-years', getPlanYears);
  const yearList = years.state.status === 'loaded' ? years.state.data : null;
  const year = yearList === null ? null : pickYear(yearList, params.get('year'));
  const plan = useApiQuery(year === null ? null : `plan:${year}`, (signal) => getPlan(year ?? 0, {}, signal));
  const tasks = useMemo(
    () => (plan.state.status === 'loaded' ? plan.state.data.tasks.map(taskViewFromDto) : []),
    [plan.state],
  );

  const header = (
    <Flex justify="space-between" align="center" wrap gap="small">
      <PlanSubNav />
      {isOffice ? (
        <Button
          icon={<ImportOutlined />}
          onClick={() => {
            void navigate('/app/plan/import');
          }}
        >
          {t('plan.importNew')}
        </Button>
      ) : null}
    </Flex>
  );

  if (years.state.status === 'error') {
    return (
      <Flex vertical gap="middle">
        {header}
        <QueryErrorAlert title={t('plan.loadFailed')} error={years.state.error} onRetry={years.reload} />
      </Flex>
    );
  }
  if (yearList !== null && yearList.length === 0) {
    return (
      <Flex vertical gap="middle">
        {header}
        <Card data-testid="plan-empty">
          <Empty description={isOffice ? t('plan.emptyOffice') : t('plan.empty')} />
        </Card>
      </Flex>
    );
  }

  const selectYear = (value: number) => {
    setParams({ year: String(value) });
  };

  return (
    <Flex vertical gap="middle">
      {header}
      <Card
        title={
          <Flex align="center" gap="small" wrap>
            <Typography.Text strong>{t('plan.pageTitle')}</Typography.Text>
            <Select<number>
              data-testid="plan-year-select"
              value={year ?? undefined}
              loading={yearList === null}
              onChange={selectYear}
              options={(yearList ?? []).map((value) => ({
                value,
                label: t('plan.yearOption', { year: value }),
              }))}
              style={{ width: 120 }}
            />
          </Flex>
        }
        extra={
          year === null ? null : (
            <Flex gap="small" wrap>
              <Button
                icon={<DownloadOutlined />}
                href={planExportUrl(year)}
                download
                data-testid="plan-export"
              >
                {t('plan.export')}
              </Button>
              {isOffice && plan.state.status === 'loaded' && plan.state.data.plan.status === 'draft' ? (
                <PublishPlanButton
                  year={year}
                  taskCount={plan.state.data.plan.taskCount}
                  blockedReason={null}
                  onPublished={() => {
                    plan.reload();
                  }}
                />
              ) : null}
            </Flex>
          )
        }
      >
        {plan.state.status === 'loading' ? <Skeleton active /> : null}
        {plan.state.status === 'error' ? (
          <QueryErrorAlert title={t('plan.loadFailed')} error={plan.state.error} onRetry={plan.reload} />
        ) : null}
        {plan.state.status === 'loaded' ? <PlanSummary plan={plan.state.data.plan} /> : null}
      </Card>
      {plan.state.status === 'loaded' ? (
        <>
          <Card title={t('plan.tasks')}>
            <PlanTasksView tasks={tasks} testId="plan-task-table" />
          </Card>
          <Card title={t('history.title')}>
            <PlanHistory
              versions={plan.state.data.plan.versions}
              currentVersion={plan.state.data.plan.version}
              testId="plan-history"
            />
          </Card>
        </>
      ) : null}
    </Flex>
  );
}

function PlanSummary({ plan }: { plan: PlanSummaryDto }) {
  const { t, language } = useI18n();
  return (
    <Descriptions
      column={{ xs: 1, sm: 2, lg: 3 }}
      items={[
        { key: 'title', label: t('plan.title'), children: plan.title, span: 'filled' },
        {
          key: 'status',
          label: t('plan.status'),
          children: (
            <Tag color={plan.status === 'published' ? 'green' : 'gold'} data-testid="plan-status">
              {t(`plan.status.${plan.status}`)}
            </Tag>
          ),
        },
        {
          key: 'version',
          label: t('plan.version'),
          children: (
            <span data-testid="plan-version">{t('plan.versionLabel', { version: plan.version })}</span>
          ),
        },
        {
          key: 'count',
          label: t('plan.taskCount'),
          children: <span data-testid="plan-task-count">{plan.taskCount}</span>,
        },
        {
          key: 'published',
          label: t('plan.publishedAt'),
          children: plan.publishedAt === null ? '—' : formatDate(plan.publishedAt, language),
        },
        { key: 'source', label: t('plan.source'), children: plan.sourceName ?? '—' },
      ]}
    />
  );
}
