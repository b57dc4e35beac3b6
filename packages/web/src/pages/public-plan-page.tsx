import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Select, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  getPublicPlan,
  getPublicPlanChanges,
  getPublicPlanYears,
  publicPlanExportUrl,
} from '../api/plan-endpoints.ts';
import { useApiQuery } from '../api/use-api-query.ts';
import { formatDate } from '../i18n/format-date.ts';
import { useI18n } from '../i18n/use-t.ts';
import { QueryErrorAlert } from '../layout/query-error-alert.tsx';
import { useIsPhone } from '../layout/use-is-phone.ts';
import { PlanHistory } from '../plan/plan-history.tsx';
import { PlanTasksView } from '../plan/plan-tasks-view.tsx';
import { taskViewFromDto } from '../plan/task-view.ts';
import { pickYear } from '../staff/plan/pick-year.ts';
import { PortalFrame } from './portal-frame.tsx';

/**
 * `/public/plan?year=&version=`: the published joint plan by region and department, its .xlsx, every version
 * with what changed, and any earlier version.
 */
export function PublicPlanPage() {
  const { t, language } = useI18n();
  const isPhone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const years = useApiQuery('public-plan-years', getPublicPlanYears);
  const yearList = years.state.status === 'loaded' ? years.state.data : null;
  const year = yearList === null ? null : pickYear(yearList, params.get('year'));
  const versionParam = Number(params.get('version'));
  const version = Number.isInteger(versionParam) && versionParam > 0 ? versionParam : undefined;
  const plan = useApiQuery(year === null ? null : `public-plan:${year}:${version ?? 'current'}`, (signal) =>
    getPublicPlan(year ?? 0, { version }, signal),
  );
  const changes = useApiQuery(year === null ? null : `public-plan-changes:${year}`, (signal) =>
    getPublicPlanChanges(year ?? 0, signal),
  );
  const tasks = useMemo(
    () => (plan.state.status === 'loaded' ? plan.state.data.tasks.map(taskViewFromDto) : []),
    [plan.state],
  );

  const show = (next: { year?: number; version?: number | undefined }) => {
    const search = new URLSearchParams();
    const nextYear = next.year ?? year;
    if (nextYear !== null) search.set('year', String(nextYear));
    if (next.version !== undefined) search.set('version', String(next.version));
    setParams(search);
  };

  const back = (
    <Link to="/public">
      <ArrowLeftOutlined /> {t('publicPlan.back')}
    </Link>
  );

  if (years.state.status === 'loading') {
    return (
      <PortalFrame maxWidth={1400}>
        {back}
        <Skeleton active />
      </PortalFrame>
    );
  }
  if (years.state.status === 'error') {
    return (
      <PortalFrame maxWidth={1400}>
        {back}
        <QueryErrorAlert
          title={t('publicPlan.loadFailed')}
          error={years.state.error}
          onRetry={years.reload}
        />
      </PortalFrame>
    );
  }
  if (year === null) {
    return (
      <PortalFrame maxWidth={1400}>
        {back}
        <Card data-testid="portal-plan-empty">
          <Empty description={t('publicPlan.none')} />
        </Card>
      </PortalFrame>
    );
  }

  const data = plan.state.status === 'loaded' ? plan.state.data : null;
  const versions = data?.plan.versions ?? [];
  const currentVersion = versions.reduce((max, entry) => Math.max(max, entry.version), 0);
  const shownVersion = data?.plan.version;

  return (
    <PortalFrame maxWidth={1400}>
      {back}
      <Flex vertical gap="small">
        <Typography.Title level={isPhone ? 3 : 2} style={{ margin: 0 }} data-testid="portal-plan-title">
          {data?.plan.title ?? t('publicPlan.title', { year })}
        </Typography.Title>
        <Flex gap="small" align="center" wrap>
          <Select<number>
            data-testid="portal-year-select"
            value={year}
            onChange={(value) => {
              show({ year: value });
            }}
            options={(yearList ?? []).map((value) => ({
              value,
              label: t('plan.yearOption', { year: value }),
            }))}
            style={{ width: 120 }}
          />
          <Select<number>
            data-testid="portal-version-select"
            value={shownVersion}
            loading={data === null}
            onChange={(value) => {
              show({ version: value === currentVersion ? undefined : value });
            }}
            options={[...versions]
              .sort((a, b) => b.version - a.version)
              .map((entry) => ({
                value: entry.version,
                label:
                  entry.version === currentVersion
                    ? t('publicPlan.versionCurrent', { version: entry.version })
                    : t('plan.versionLabel', { version: entry.version }),
              }))}
            style={{ width: 150 }}
          />
          <Button
            icon={<DownloadOutlined />}
            href={publicPlanExportUrl(year)}
            download
            data-testid="portal-plan-export"
          >
            {shownVersion !== undefined && shownVersion < currentVersion
              ? t('publicPlan.exportCurrent')
              : t('plan.export')}
          </Button>
        </Flex>
        {data === null ? null : (
          <Typography.Text type="secondary" data-testid="portal-plan-summary">
            {t('publicPlan.summary', {
              version: data.plan.version,
              count: data.plan.taskCount,
              date: data.plan.publishedAt === null ? '—' : formatDate(data.plan.publishedAt, language),
            })}
          </Typography.Text>
        )}
        {data !== null && shownVersion !== undefined && shownVersion < currentVersion ? (
          <Alert
            type="info"
            showIcon
            data-testid="portal-old-version"
            title={t('publicPlan.oldVersion', { version: shownVersion, current: currentVersion })}
            action={
              <Button
                size="small"
                onClick={() => {
                  show({ version: undefined });
                }}
              >
                {t('publicPlan.toCurrent')}
              </Button>
            }
          />
        ) : null}
      </Flex>
      {plan.state.status === 'loading' ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {plan.state.status === 'error' ? (
        <QueryErrorAlert title={t('publicPlan.loadFailed')} error={plan.state.error} onRetry={plan.reload} />
      ) : null}
      {data === null ? null : (
        <>
          <Card title={t('plan.tasks')} size={isPhone ? 'small' : 'default'}>
            <div data-testid="portal-plan-table">
              <PlanTasksView tasks={tasks} />
            </div>
          </Card>
          <Card title={t('history.title')} size={isPhone ? 'small' : 'default'}>
            <Typography.Paragraph type="secondary">{t('publicPlan.historyHint')}</Typography.Paragraph>
            {changes.state.status === 'error' ? (
              <QueryErrorAlert
                title={t('publicPlan.loadFailed')}
                error={changes.state.error}
                onRetry={changes.reload}
              />
            ) : null}
            <PlanHistory
              versions={versions}
              changes={changes.state.status === 'loaded' ? changes.state.data : undefined}
              currentVersion={currentVersion}
              testId="portal-plan-history"
            />
          </Card>
        </>
      )}
    </PortalFrame>
  );
}
