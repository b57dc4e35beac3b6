import { Card, Empty, Flex, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../i18n/use-t.ts';
import { useSession } from '../../session/use-session.ts';
import { BurdenPanel } from './burden-panel.tsx';
import { EstimatesPanel } from './estimates-panel.tsx';
import { ProgressDashboard } from './progress-dashboard.tsx';
import { YearSelect, usePlanYear } from './year-select.tsx';

const TABS = ['progress', 'estimates', 'burden'] as const;
type Tab = (typeof TABS)[number];

/**
 * `/app/statistics?year=&tab=` 统计: progress monitoring (进度监控), the estimates the random samples allow, and
 * burden and effect (office and auditors: it shows sealed risk classes).
 */
export function StatisticsPage() {
  const t = useT();
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const { year, years, setYear } = usePlanYear();
  const role = session?.user.role;
  const seesSealed = role === 'office_admin' || role === 'auditor';
  const asked = params.get('tab');
  const tab: Tab = TABS.find((x) => x === asked && (x !== 'burden' || seesSealed)) ?? 'progress';
  if (role === 'inspector') {
    return (
      <Card>
        <Empty description={t('oversight.noAccess')} />
      </Card>
    );
  }
  const tabs = [
    { key: 'progress', label: t('oversight.tab.progress') },
    { key: 'estimates', label: t('oversight.tab.estimates') },
    ...(seesSealed ? [{ key: 'burden', label: t('oversight.tab.burden') }] : []),
  ];
  return (
    <Card
      title={
        <Flex align="center" gap="small" wrap>
          <Typography.Text strong>{t('oversight.statistics.title')}</Typography.Text>
          <YearSelect year={year} years={years} onChange={setYear} />
        </Flex>
      }
    >
      {years !== null && years.length === 0 ? <Empty description={t('oversight.noPlan')} /> : null}
      {year === null ? null : (
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            const next = new URLSearchParams(params);
            next.set('tab', key);
            setParams(next, { replace: true });
          }}
          items={tabs.map((x) => ({
            ...x,
            children:
              x.key !== tab ? null : x.key === 'progress' ? (
                <ProgressDashboard year={year} />
              ) : x.key === 'estimates' ? (
                <EstimatesPanel year={year} />
              ) : (
                <BurdenPanel year={year} />
              ),
          }))}
        />
      )}
    </Card>
  );
}
