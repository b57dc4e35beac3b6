import { Alert, Card, Empty, Flex, Select, Skeleton, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { getChangeRequests, getPlan, getPlanYears } from '../../api/plan-endpoints.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useT } from '../../i18n/use-t.ts';
import { QueryErrorAlert } from '../../layout/query-error-alert.tsx';
import { useSession } from '../../session/use-session.ts';
import { ChangeRequestForm } from './change-request-form.tsx';
import { ChangeRequestList } from './change-request-list.tsx';
import { pickYear } from './pick-year.ts';
import { PlanSubNav } from './plan-sub-nav.tsx';

/**
 * `/app/plan/changes?year=`: 计划调整. A department admin submits requests and follows them; the office approves or
 * rejects with a reason; auditors read.
 */
export function PlanChangesPage() {
  const t = useT();
  const { session } = useSession();
  const role = session?.user.role;
  const [params, setParams] = useSearchParams();
  const years = useApiQuery('plan-years', getPlanYears);
  const yearList = years.state.status === 'loaded' ? years.state.data : null;
  const year = yearList === null ? null : pickYear(yearList, params.get('year'));
  const plan = useApiQuery(year === null ? null : `plan:${year}`, (signal) => getPlan(year ?? 0, {}, signal));
  // Inspectors do not handle plan changes: they see the plan, not the requests.
  const canSeeRequests = role !== 'inspector';
  const requests = useApiQuery(
    year === null || !canSeeRequests ? null : `change-requests:${year}`,
    (signal) => getChangeRequests(year ?? 0, signal),
  );

  if (years.state.status === 'error') {
    return (
      <Flex vertical gap="middle">
        <PlanSubNav />
        <QueryErrorAlert title={t('plan.loadFailed')} error={years.state.error} onRetry={years.reload} />
      </Flex>
    );
  }
  if (yearList !== null && yearList.length === 0) {
    return (
      <Flex vertical gap="middle">
        <PlanSubNav />
        <Card>
          <Empty description={t('plan.empty')} />
        </Card>
      </Flex>
    );
  }

  const planData = plan.state.status === 'loaded' ? plan.state.data : null;
  const published = planData?.plan.status === 'published';
  const tasks = planData?.tasks ?? [];

  return (
    <Flex vertical gap="middle">
      <PlanSubNav />
      <Flex align="center" gap="small" wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('changes.title')}
        </Typography.Title>
        <Select<number>
          data-testid="changes-year-select"
          value={year ?? undefined}
          loading={yearList === null}
          onChange={(value) => {
            setParams({ year: String(value) });
          }}
          options={(yearList ?? []).map((value) => ({ value, label: t('plan.yearOption', { year: value }) }))}
          style={{ width: 120 }}
        />
        {planData === null ? null : (
          <Typography.Text type="secondary" data-testid="plan-version">
            {t('plan.versionLabel', { version: planData.plan.version })}
          </Typography.Text>
        )}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('changes.intro')}
      </Typography.Paragraph>
      {plan.state.status === 'error' ? (
        <QueryErrorAlert title={t('plan.loadFailed')} error={plan.state.error} onRetry={plan.reload} />
      ) : null}
      {role === 'department_admin' && year !== null ? (
        <Card title={t('changeForm.title')}>
          {plan.state.status === 'loading' ? <Skeleton active /> : null}
          {planData !== null && !published ? (
            <Alert type="info" showIcon title={t('changeForm.notPublished')} />
          ) : null}
          {planData !== null && published ? (
            <ChangeRequestForm
              year={year}
              tasks={tasks}
              onSubmitted={() => {
                requests.reload();
              }}
            />
          ) : null}
        </Card>
      ) : null}
      {canSeeRequests ? null : <Alert type="info" showIcon title={t('changes.notForRole')} />}
      {canSeeRequests ? (
        <Card
          title={role === 'department_admin' ? t('changes.mine') : t('changes.all')}
          extra={
            role === 'auditor' ? (
              <Typography.Text type="secondary">{t('changes.readOnly')}</Typography.Text>
            ) : null
          }
        >
          {requests.state.status === 'loading' ? <Skeleton active /> : null}
          {requests.state.status === 'error' ? (
            <QueryErrorAlert
              title={t('changes.loadFailed')}
              error={requests.state.error}
              onRetry={requests.reload}
            />
          ) : null}
          {requests.state.status === 'loaded' && year !== null ? (
            <ChangeRequestList
              year={year}
              requests={requests.state.data}
              tasks={tasks}
              canDecide={role === 'office_admin'}
              onDecided={() => {
                requests.reload();
                plan.reload();
              }}
            />
          ) : null}
        </Card>
      ) : null}
    </Flex>
  );
}
