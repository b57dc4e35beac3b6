import { Alert, Flex, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { getPlanYears } from '../../api/plan-endpoints.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useT } from '../../i18n/use-t.ts';
import { QueryErrorAlert } from '../../layout/query-error-alert.tsx';
import { useSession } from '../../session/use-session.ts';
import { pickYear } from '../plan/pick-year.ts';
import { RiskModelsCard } from './risk-models-card.tsx';
import { RiskReportCard } from './risk-report-card.tsx';
import { RiskTiltCard } from './risk-tilt-card.tsx';

/**
 * `/app/risk`: 风险模型 (智慧监管, issue #9), for the office (auditors read): the model versions and their held-out
 * evaluation with the calibration curve, the detection-rate reports with the control sample, and the rules for
 * model-tilted draws per plan and task. Bands and scores are sealed: this page is never public.
 */
export function RiskPage() {
  const t = useT();
  const { session } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const years = useApiQuery('plan-years', getPlanYears);
  const [trained, setTrained] = useState(0);
  const role = session?.user.role;
  if (role !== 'office_admin' && role !== 'auditor') {
    return <Alert type="info" showIcon title={t('risk.page.officeOnly')} data-testid="risk-office-only" />;
  }
  if (years.state.status === 'loading') return <Skeleton active />;
  if (years.state.status === 'error')
    return <QueryErrorAlert title={t('risk.loadFailed')} error={years.state.error} onRetry={years.reload} />;
  const year = pickYear(years.state.data, searchParams.get('year'));
  return (
    <Flex vertical gap="middle" data-testid="risk-page">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('risk.page.title')}
        </Typography.Title>
        {year === null ? null : (
          <Select<number>
            value={year}
            style={{ width: 120 }}
            options={years.state.data.map((y) => ({ value: y, label: t('risk.page.year', { year: y }) }))}
            onChange={(y) => {
              setSearchParams({ year: String(y) });
            }}
          />
        )}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('risk.page.intro')}
      </Typography.Paragraph>
      <RiskModelsCard
        onTrained={() => {
          setTrained((n) => n + 1);
        }}
      />
      {year === null ? null : (
        <>
          <RiskTiltCard key={`tilt:${String(trained)}`} year={year} />
          <RiskReportCard year={year} version={trained} />
        </>
      )}
    </Flex>
  );
}
