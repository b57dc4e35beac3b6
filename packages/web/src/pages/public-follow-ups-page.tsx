import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Input, List, Select, Skeleton, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import type { FollowUpDto } from '@ssj/server/api-types';
import { getPublicFollowUps } from '../api/inspection-endpoints.ts';
import { getPublicPlanYears } from '../api/plan-endpoints.ts';
import { useApiQuery } from '../api/use-api-query.ts';
import { useT } from '../i18n/use-t.ts';
import { QueryErrorAlert } from '../layout/query-error-alert.tsx';
import { useIsPhone } from '../layout/use-is-phone.ts';
import { FollowUpStateTags } from '../staff/follow-ups/follow-up-state-tags.tsx';
import { ResultCodeTags } from '../staff/inspections/result-code-tags.tsx';
import { PortalFrame } from './portal-frame.tsx';

const PAGE_SIZE = 20;

function readNumber(value: string | null): number | undefined {
  const n = Number(value);
  return value !== null && Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/**
 * `/public/follow-ups?q=&year=&page=`: 后续处置 (DOMAIN.md §5): closed follow-up cases with their type, outcome and
 * closing date, published once closed.
 */
export function PublicFollowUpsPage() {
  const t = useT();
  const isPhone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const page = readNumber(params.get('page')) ?? 1;
  const query = {
    year: readNumber(params.get('year')),
    q: params.get('q') ?? undefined,
    offset: (page - 1) * PAGE_SIZE,
    // One more than a page tells whether there is a next page (the endpoint gives no total).
    limit: PAGE_SIZE + 1,
  };
  const list = useApiQuery(`public-follow-ups:${JSON.stringify(query)}`, (signal) =>
    getPublicFollowUps(query, signal),
  );
  const years = useApiQuery('public-plan-years', getPublicPlanYears);

  const set = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(name);
      else next.set(name, String(value));
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const loaded = list.state.status === 'loaded' ? list.state.data : null;
  const shown = loaded?.slice(0, PAGE_SIZE) ?? [];
  const hasNext = (loaded?.length ?? 0) > PAGE_SIZE;

  return (
    <PortalFrame maxWidth={1100}>
      <Link to="/public">
        <ArrowLeftOutlined /> {t('publicPlan.back')}
      </Link>
      <Flex vertical gap="small">
        <Typography.Title level={isPhone ? 3 : 2} style={{ margin: 0 }}>
          {t('publicFollowUps.title')}
        </Typography.Title>
        <Typography.Paragraph style={{ margin: 0 }}>{t('publicFollowUps.intro')}</Typography.Paragraph>
      </Flex>
      <Card size={isPhone ? 'small' : 'default'}>
        <Flex vertical gap="middle">
          <Flex wrap gap="small">
            <Input.Search
              allowClear
              enterButton
              size={isPhone ? 'large' : 'middle'}
              placeholder={t('results.search')}
              defaultValue={query.q}
              style={{ width: isPhone ? '100%' : 320 }}
              onSearch={(value) => {
                set({ q: value.trim() });
              }}
              data-testid="public-follow-ups-search"
            />
            <Select<number>
              allowClear
              placeholder={t('inspections.allYears')}
              value={query.year}
              style={{ width: isPhone ? '100%' : 140 }}
              options={
                years.state.status === 'loaded'
                  ? years.state.data.map((y) => ({ value: y, label: t('plan.yearOption', { year: y }) }))
                  : []
              }
              onChange={(value) => {
                set({ year: value });
              }}
            />
          </Flex>
          {list.state.status === 'loading' ? <Skeleton active /> : null}
          {list.state.status === 'error' ? (
            <QueryErrorAlert
              title={t('publicFollowUps.loadFailed')}
              error={list.state.error}
              onRetry={list.reload}
            />
          ) : null}
          {loaded === null ? null : (
            <List<FollowUpDto>
              data-testid="public-follow-ups"
              dataSource={shown}
              locale={{ emptyText: <Empty description={t('publicFollowUps.none')} /> }}
              renderItem={(f) => (
                <List.Item style={{ paddingInline: 0 }}>
                  <Flex vertical gap={6} style={{ width: '100%' }}>
                    <Flex wrap gap={8} align="center">
                      <Typography.Text strong>{f.objectName}</Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {f.canonicalId} · {f.regionName}
                      </Typography.Text>
                    </Flex>
                    <Typography.Text style={{ fontSize: 13 }}>
                      <Typography.Text code>{f.taskCode}</Typography.Text> {f.taskName} · {f.departmentName}
                    </Typography.Text>
                    <ResultCodeTags codes={f.codes} />
                    <Typography.Text>
                      {t('followUp.col.type')}：{f.type ?? '—'}
                    </Typography.Text>
                    {f.outcome === '' ? null : (
                      <Typography.Text>
                        {t('followUp.col.outcome')}：{f.outcome}
                      </Typography.Text>
                    )}
                    <FollowUpStateTags followUp={f} />
                  </Flex>
                </List.Item>
              )}
            />
          )}
          {page > 1 || hasNext ? (
            <Flex gap="small" justify="center">
              <Typography.Link
                disabled={page <= 1}
                onClick={() => {
                  set({ page: page - 1 });
                }}
              >
                {t('publicFollowUps.previous')}
              </Typography.Link>
              <Typography.Text type="secondary">{t('publicFollowUps.page', { page })}</Typography.Text>
              <Typography.Link
                disabled={!hasNext}
                onClick={() => {
                  set({ page: page + 1 });
                }}
              >
                {t('publicFollowUps.next')}
              </Typography.Link>
            </Flex>
          ) : null}
        </Flex>
      </Card>
    </PortalFrame>
  );
}
