import { LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { DrawSessionDto } from '@ssj/server/api-types';
import { describeError } from '../../api/describe-error.ts';
import { createDrawSession } from '../../api/draw-endpoints.ts';
import { getPlan, getPlanYears } from '../../api/plan-endpoints.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { formatDate } from '../../i18n/format-date.ts';
import { useI18n } from '../../i18n/use-t.ts';
import { QueryErrorAlert } from '../../layout/query-error-alert.tsx';
import { useIsPhone } from '../../layout/use-is-phone.ts';
import { useSession } from '../../session/use-session.ts';
import { pickYear } from '../plan/pick-year.ts';
import { TaskBatchPicker } from './task-batch-picker.tsx';
import type { BatchSelection } from './task-batch-picker.tsx';

/**
 * Steps (a) and (b) of a 抽取会 for the office: pick task batches of a published plan and freeze their frames
 * (冻结抽取范围). The server answers with the frozen frames and their hashes, public from then on.
 */
export function NewDrawSession({ onFrozen }: { onFrozen: (session: DrawSessionDto) => void }) {
  const { t, language } = useI18n();
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const { csrfToken } = useSession();
  const [searchParams] = useSearchParams();
  // `?year=2023` preselects a plan year (links from the plan page, and browser tests); else the latest.
  const yearParam = Number(searchParams.get('year'));
  const [askedYear, setAskedYear] = useState<number | null>(
    Number.isInteger(yearParam) && yearParam > 0 ? yearParam : null,
  );
  const [title, setTitle] = useState<string | null>(null);
  const [selection, setSelection] = useState<BatchSelection>(new Map());
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const years = useApiQuery('plan-years', getPlanYears);
  const yearList = years.state.status === 'loaded' ? years.state.data : null;
  const year = yearList === null ? null : pickYear(yearList, askedYear === null ? null : String(askedYear));
  const plan = useApiQuery(year === null ? null : `plan:${year}`, (signal) => getPlan(year ?? 0, {}, signal));
  const planData = plan.state.status === 'loaded' ? plan.state.data : null;
  const isPublished = planData?.plan.status === 'published';
  const defaultTitle =
    year === null
      ? ''
      : t('drawNew.defaultTitle', { year, date: formatDate(new Date().toISOString(), language) });
  const shownTitle = title ?? defaultTitle;

  const freeze = async () => {
    if (csrfToken === null || year === null) return;
    setPending(true);
    setFailure(null);
    try {
      const items = [...selection.entries()].map(([taskCode, batch]) => ({ taskCode, batch }));
      const session = await createDrawSession({ year, title: shownTitle.trim(), items }, csrfToken);
      void message.success(t('drawNew.frozen', { count: session.frames.length }));
      onFrozen(session);
    } catch (error) {
      setFailure(describeError(error, t));
    } finally {
      setPending(false);
    }
  };

  if (years.state.status === 'error') {
    return <QueryErrorAlert title={t('plan.loadFailed')} error={years.state.error} onRetry={years.reload} />;
  }
  if (yearList !== null && yearList.length === 0) {
    return <Alert type="info" showIcon title={t('drawNew.noPlan')} />;
  }

  return (
    <Flex vertical gap="middle">
      <Flex gap="small" wrap align="center">
        <Select<number>
          data-testid="draw-year-select"
          value={year ?? undefined}
          loading={yearList === null}
          onChange={(value) => {
            setAskedYear(value);
            setSelection(new Map());
            setTitle(null);
          }}
          options={(yearList ?? []).map((value) => ({ value, label: t('plan.yearOption', { year: value }) }))}
          style={{ width: isPhone ? '100%' : 120 }}
        />
        <Input
          data-testid="draw-session-title"
          aria-label={t('drawNew.title')}
          placeholder={t('drawNew.title')}
          value={shownTitle}
          maxLength={200}
          onChange={(event) => {
            setTitle(event.target.value);
          }}
          style={{ width: isPhone ? '100%' : 420 }}
        />
      </Flex>
      {plan.state.status === 'loading' && year !== null ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
      {plan.state.status === 'error' ? (
        <QueryErrorAlert title={t('plan.loadFailed')} error={plan.state.error} onRetry={plan.reload} />
      ) : null}
      {planData !== null && !isPublished ? (
        <Alert type="warning" showIcon title={t('drawNew.notPublished', { year: planData.plan.year })} />
      ) : null}
      {planData !== null && isPublished ? (
        <>
          <TaskBatchPicker tasks={planData.tasks} selection={selection} onChange={setSelection} />
          <Alert type="info" showIcon title={t('drawNew.freezeHint')} />
          {failure === null ? null : (
            <Alert
              type="error"
              showIcon
              title={t('drawNew.failed')}
              description={failure}
              data-testid="freeze-error"
            />
          )}
          <Flex gap="small" align="center" wrap>
            <Button
              type="primary"
              icon={<LockOutlined />}
              data-testid="freeze-frames"
              loading={pending}
              disabled={selection.size === 0 || shownTitle.trim() === ''}
              onClick={() => {
                void freeze();
              }}
            >
              {t('drawNew.freeze')}
            </Button>
            <Typography.Text type="secondary">
              {t('drawPick.selected', { count: selection.size })}
            </Typography.Text>
          </Flex>
        </>
      ) : null}
    </Flex>
  );
}
