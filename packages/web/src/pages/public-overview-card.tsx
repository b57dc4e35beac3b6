import { Alert, Button, Card, Col, Empty, Flex, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import type { PublicOverviewDto, RegionDto, RegionLevel } from '@ssj/server/api-types';
import { describeError } from '../api/describe-error.ts';
import { useI18n } from '../i18n/use-t.ts';
import { usePublicOverview } from './use-public-overview.ts';

const levelOrder: readonly RegionLevel[] = ['city', 'county', 'zone'];

/** The live numbers of the public portal: regions, departments and the published plan (or that there is none). */
export function PublicOverviewCard() {
  const { t } = useI18n();
  const { state, reload } = usePublicOverview();

  return (
    <Card title={t('portal.overview')} data-testid="portal-overview">
      {state.status === 'loading' ? <Skeleton active paragraph={{ rows: 3 }} /> : null}
      {state.status === 'error' ? (
        <Alert
          type="warning"
          showIcon
          title={t('portal.overview.loadFailed')}
          description={describeError(state.error, t)}
          data-testid="portal-overview-error"
          action={
            <Button size="small" onClick={reload}>
              {t('common.retry')}
            </Button>
          }
        />
      ) : null}
      {state.status === 'loaded' ? <OverviewFigures overview={state.overview} /> : null}
    </Card>
  );
}

function OverviewFigures({ overview }: { overview: PublicOverviewDto }) {
  const { t, language } = useI18n();
  const { plan, regions, departmentCount } = overview;
  const publishedAt =
    plan === null
      ? ''
      : new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', day: 'numeric' }).format(
          new Date(plan.publishedAt),
        );

  return (
    <Flex vertical gap="large">
      <Row gutter={[16, 16]}>
        <Col xs={12} sm={8}>
          <Statistic title={t('portal.overview.departments')} value={departmentCount} />
        </Col>
        <Col xs={12} sm={8}>
          <Statistic title={t('portal.overview.regions')} value={regions.length} />
        </Col>
        <Col xs={24} sm={8}>
          <Statistic
            title={t('portal.overview.plan')}
            value={plan === null ? '—' : plan.taskCount}
            suffix={plan === null ? undefined : t('portal.overview.taskCount')}
          />
        </Col>
      </Row>
      <div data-testid="portal-plan">
        {plan === null ? (
          <Alert type="info" showIcon title={t('portal.overview.noPlan')} />
        ) : (
          <Typography.Text>
            {t('portal.overview.planSummary', {
              year: plan.year,
              version: plan.version,
              taskCount: plan.taskCount,
              publishedAt,
            })}
          </Typography.Text>
        )}
      </div>
      <div data-testid="portal-regions">
        <Typography.Title level={5}>{t('portal.overview.regions')}</Typography.Title>
        {regions.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portal.overview.noRegions')} />
        ) : (
          <RegionTags regions={regions} />
        )}
      </div>
    </Flex>
  );
}

function RegionTags({ regions }: { regions: readonly RegionDto[] }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap="small">
      {levelOrder.map((level) => {
        const atLevel = regions.filter((region) => region.level === level);
        if (atLevel.length === 0) return null;
        return (
          <Flex key={level} wrap gap={6} align="center">
            <Typography.Text type="secondary" style={{ minWidth: 96 }}>
              {t(`regionLevel.${level}`)}
            </Typography.Text>
            {atLevel.map((region) => (
              <Tag key={region.code} title={region.code}>
                {region.name}
              </Tag>
            ))}
          </Flex>
        );
      })}
    </Flex>
  );
}
