import { Card, Typography } from 'antd';
import { getPublicPlanYears } from '../../api/plan-endpoints.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useT } from '../../i18n/use-t.ts';
import { useIsPhone } from '../../layout/use-is-phone.ts';
import { useSession } from '../../session/use-session.ts';
import { PublishedResults } from './published-results.tsx';

const CITY = '140500';

/**
 * `/app/results` 结果公示: the published results as the public sees them, within the user's region (a county user
 * its own county), each linking to its inspection.
 */
export function ResultsPage() {
  const t = useT();
  const isPhone = useIsPhone();
  const { session } = useSession();
  const years = useApiQuery('public-plan-years', getPublicPlanYears);
  const regionCode = session?.user.regionCode;
  const fixedRegion = regionCode === undefined || regionCode === CITY ? undefined : regionCode;
  return (
    <Card title={t('results.staffTitle')} size={isPhone ? 'small' : 'default'} data-testid="staff-results">
      <Typography.Paragraph type="secondary">{t('results.staffIntro')}</Typography.Paragraph>
      <PublishedResults
        years={years.state.status === 'loaded' ? years.state.data : []}
        linkToInspection
        fixedRegion={fixedRegion}
      />
    </Card>
  );
}
