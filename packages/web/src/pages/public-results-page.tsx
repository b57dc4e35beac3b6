import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { getPublicPlanYears } from '../api/plan-endpoints.ts';
import { useApiQuery } from '../api/use-api-query.ts';
import { useT } from '../i18n/use-t.ts';
import { useIsPhone } from '../layout/use-is-phone.ts';
import { PublishedResults } from '../staff/inspections/published-results.tsx';
import { PortalFrame } from './portal-frame.tsx';

/**
 * `/public/results?q=&year=&region=&department=&code=&page=`: 抽查结果 (一公开, DOMAIN.md §5). Approved results of
 * every task a visit served, found by name or USCC, with each matter's result codes and names, the publication date
 * against the deadline (按期 / 逾期), and CSV and JSON downloads of the same query.
 */
export function PublicResultsPage() {
  const t = useT();
  const isPhone = useIsPhone();
  const years = useApiQuery('public-plan-years', getPublicPlanYears);
  return (
    <PortalFrame maxWidth={1400}>
      <Link to="/public">
        <ArrowLeftOutlined /> {t('publicPlan.back')}
      </Link>
      <Flex vertical gap="small">
        <Typography.Title level={isPhone ? 3 : 2} style={{ margin: 0 }} data-testid="public-results-title">
          {t('publicResults.title')}
        </Typography.Title>
        <Typography.Paragraph style={{ margin: 0 }}>{t('publicResults.intro')}</Typography.Paragraph>
      </Flex>
      <Card size={isPhone ? 'small' : 'default'}>
        <PublishedResults years={years.state.status === 'loaded' ? years.state.data : []} />
      </Card>
    </PortalFrame>
  );
}
