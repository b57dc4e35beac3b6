import { CheckOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Result, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { PopulationLineDto, PopulationRule } from '@ssj/server/api-types';
import { describeError } from '../../api/describe-error.ts';
import { getPlanYears } from '../../api/plan-endpoints.ts';
import { confirmPopulation, getObjectCategories, getPopulations } from '../../api/register-endpoints.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { formatDate } from '../../i18n/format-date.ts';
import { useI18n } from '../../i18n/use-t.ts';
import { QueryErrorAlert } from '../../layout/query-error-alert.tsx';
import { planRegionLabel } from '../../plan/plan-regions.ts';
import { useSession } from '../../session/use-session.ts';
import { pickYear } from './pick-year.ts';
import { PlanSubNav } from './plan-sub-nav.tsx';
import { PopulationDrawer } from './population-drawer.tsx';

/**
 * `/app/plan/populations?year=` 抽查对象范围: per plan line the scope as printed, the rule the platform recognised
 * (regions, categories by name, filters), the frame size and who confirmed it; admins confirm it as it is or edit it
 * in a drawer that shows the live count (DOMAIN.md §4.1: the frame must be right before it is frozen).
 */
export function PopulationsPage() {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const { session, csrfToken } = useSession();
  const role = session?.user.role;
  const canEdit = role === 'office_admin' || role === 'department_admin';
  const [params, setParams] = useSearchParams();
  const years = useApiQuery('plan-years', getPlanYears);
  const yearList = years.state.status === 'loaded' ? years.state.data : null;
  const year = yearList === null ? null : pickYear(yearList, params.get('year'));
  const populations = useApiQuery(year === null ? null : `populations:${year}`, (signal) =>
    getPopulations(year ?? 0, signal),
  );
  const categories = useApiQuery('object-categories', getObjectCategories);
  const categoryName = useMemo(() => {
    const map = new Map<string, string>();
    if (categories.state.status === 'loaded') for (const c of categories.state.data) map.set(c.code, c.name);
    return map;
  }, [categories.state]);
  const [editing, setEditing] = useState<PopulationLineDto | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);

  /** A department admin confirms only lines of its own region's tasks (the server checks it too). */
  const mayConfirm = (line: PopulationLineDto) =>
    canEdit && (role === 'office_admin' || line.regionCode === session?.user.regionCode);

  const confirm = async (line: PopulationLineDto, rule: PopulationRule) => {
    if (csrfToken === null || populations.state.status !== 'loaded') return;
    setConfirming(line.taskLineId);
    try {
      const { frameSize } = await confirmPopulation(line.taskLineId, rule, csrfToken);
      void message.success(t('populations.confirmed', { count: frameSize }));
      setEditing(null);
      populations.reload();
    } catch (e) {
      void message.error(describeError(e, t));
    } finally {
      setConfirming(null);
    }
  };

  const describeRule = (rule: PopulationRule) => (
    <Flex vertical gap={2}>
      <span>{rule.regionCodes.map((c) => planRegionLabel(c, c)).join('、')}</span>
      <Flex wrap gap={4}>
        {rule.categoryCodes.length === 0 ? (
          <Typography.Text type="secondary">{t('populations.allCategories')}</Typography.Text>
        ) : (
          rule.categoryCodes.map((c) => <Tag key={c}>{categoryName.get(c) ?? c}</Tag>)
        )}
        {rule.filters.kinds?.map((k) => (
          <Tag key={k} color="blue">
            {t(`objectKind.${k}`)}
          </Tag>
        ))}
        {rule.filters.minRegisteredCapital === null ? null : (
          <Tag color="blue">≥ {rule.filters.minRegisteredCapital} 万元</Tag>
        )}
        {rule.filters.licence === null ? null : <Tag color="blue">{rule.filters.licence}</Tag>}
        {rule.filters.flags.map((f) => (
          <Tag key={f} color="blue">
            {f}
          </Tag>
        ))}
      </Flex>
      {rule.explicit ? (
        <Typography.Text type="secondary">
          {t('populations.named', { names: rule.explicitNames.join('、') })}
        </Typography.Text>
      ) : null}
    </Flex>
  );

  const columns: TableColumnsType<PopulationLineDto> = [
    {
      key: 'task',
      title: t('populations.col.task'),
      width: 220,
      render: (_, l) => (
        <Flex vertical>
          <Typography.Text strong>{l.taskCode}</Typography.Text>
          <span>{l.taskName}</span>
          <Typography.Text type="secondary">{planRegionLabel(l.regionCode, l.regionCode)}</Typography.Text>
        </Flex>
      ),
    },
    { key: 'scope', title: t('populations.col.scope'), dataIndex: 'scope', width: 220 },
    {
      key: 'rule',
      title: t('populations.col.rule'),
      render: (_, l) => (
        <Flex vertical gap={2}>
          {describeRule(l.rule)}
          {l.rule.confidence === 'low' && l.confirmedAt === null ? (
            <Tooltip title={l.rule.reasons.join('\n')}>
              <Tag color="orange">{t('populations.lowConfidence')}</Tag>
            </Tooltip>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'frame',
      title: t('populations.col.frame'),
      width: 90,
      align: 'right',
      render: (_, l) => (
        <span data-testid={`population-frame-size-${l.taskCode}`}>
          {l.frameSize === null ? '—' : l.frameSize.toLocaleString()}
        </span>
      ),
    },
    {
      key: 'confirmed',
      title: t('populations.col.confirmed'),
      width: 200,
      render: (_, l) => (
        <Flex vertical gap={4}>
          {l.confirmedAt === null ? (
            <Tag>{t('populations.unconfirmed')}</Tag>
          ) : (
            <Typography.Text type="success">
              {t('populations.confirmedBy', { name: l.confirmedBy ?? '' })} ·{' '}
              {formatDate(l.confirmedAt, language)}
            </Typography.Text>
          )}
          {mayConfirm(l) ? (
            <Flex gap={4}>
              <Button
                size="small"
                icon={<CheckOutlined />}
                loading={confirming === l.taskLineId}
                data-testid={`population-confirm-${l.taskLineId}`}
                onClick={() => {
                  void confirm(l, l.rule);
                }}
              >
                {t('populations.confirm')}
              </Button>
              <Button
                size="small"
                icon={<EditOutlined />}
                data-testid={`population-edit-${l.taskLineId}`}
                onClick={() => {
                  setEditing(l);
                }}
              >
                {t('populations.edit')}
              </Button>
            </Flex>
          ) : null}
        </Flex>
      ),
    },
  ];

  if (years.state.status === 'error') {
    return (
      <QueryErrorAlert title={t('populations.loadFailed')} error={years.state.error} onRetry={years.reload} />
    );
  }
  if (yearList !== null && yearList.length === 0) return <Result title={t('populations.empty')} />;

  return (
    <Flex vertical gap="middle">
      <PlanSubNav />
      <Card
        title={
          <Flex align="center" gap="small" wrap>
            <Typography.Text strong>{t('populations.title')}</Typography.Text>
            <Select<number>
              value={year ?? undefined}
              loading={yearList === null}
              onChange={(value) => {
                setParams({ year: String(value) });
              }}
              options={(yearList ?? []).map((value) => ({
                value,
                label: t('plan.yearOption', { year: value }),
              }))}
              style={{ width: 120 }}
            />
          </Flex>
        }
      >
        {populations.state.status === 'error' ? (
          <QueryErrorAlert
            title={t('populations.loadFailed')}
            error={populations.state.error}
            onRetry={populations.reload}
          />
        ) : null}
        <Table<PopulationLineDto>
          data-testid="populations-table"
          rowKey="taskLineId"
          size="small"
          loading={populations.state.status === 'loading'}
          columns={columns}
          dataSource={populations.state.status === 'loaded' ? populations.state.data.lines : []}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          scroll={{ x: 1000 }}
        />
      </Card>
      {editing === null ? null : (
        <PopulationDrawer
          line={editing}
          categories={categories.state.status === 'loaded' ? categories.state.data : []}
          saving={confirming === editing.taskLineId}
          onClose={() => {
            setEditing(null);
          }}
          onConfirm={(rule) => {
            void confirm(editing, rule);
          }}
        />
      )}
    </Flex>
  );
}
