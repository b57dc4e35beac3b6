import { Button, Drawer, Flex, Form, InputNumber, Select, Spin, Statistic, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ObjectCategoryDto, ObjectKind, PopulationLineDto, PopulationRule } from '@ssj/server/api-types';
import { describeError } from '../../api/describe-error.ts';
import { countPopulation } from '../../api/register-endpoints.ts';
import { useT } from '../../i18n/use-t.ts';
import { planRegions } from '../../plan/plan-regions.ts';
import { useSession } from '../../session/use-session.ts';

const OBJECT_KINDS: readonly ObjectKind[] = [
  'enterprise',
  'individual',
  'cooperative',
  'institution',
  'social-organisation',
  'project',
  'facility',
];

/** Waits this long after the last edit before counting (a count is a query over the whole register). */
const COUNT_DELAY_MS = 400;

/**
 * Edits a plan line's population rule: regions, categories (by name), kinds and a minimum capital; shows the live
 * frame size as the clerk edits (nothing is stored until 确认此范围).
 */
export function PopulationDrawer({
  line,
  categories,
  saving,
  onClose,
  onConfirm,
}: {
  line: PopulationLineDto;
  categories: readonly ObjectCategoryDto[];
  saving: boolean;
  onClose: () => void;
  onConfirm: (rule: PopulationRule) => void;
}) {
  const t = useT();
  const { csrfToken } = useSession();
  const [rule, setRule] = useState<PopulationRule>(line.rule);
  const [count, setCount] = useState<number | null>(line.frameSize);
  const [counting, setCounting] = useState(false);
  const [countError, setCountError] = useState<string | null>(null);

  useEffect(() => {
    if (csrfToken === null) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setCounting(true);
      countPopulation(line.taskLineId, rule, csrfToken, controller.signal).then(
        (answer) => {
          setCount(answer.frameSize);
          setCountError(null);
          setCounting(false);
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setCountError(describeError(error, t));
          setCounting(false);
        },
      );
    }, COUNT_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [rule, line.taskLineId, csrfToken, t]);

  return (
    <Drawer
      open
      size="large"
      title={t('populations.drawer.title', { code: line.taskCode })}
      onClose={onClose}
      extra={
        <Flex gap="small">
          <Button onClick={onClose}>{t('populations.drawer.cancel')}</Button>
          <Button
            type="primary"
            loading={saving}
            data-testid="population-drawer-save"
            onClick={() => {
              onConfirm(rule);
            }}
          >
            {t('populations.drawer.save')}
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap="middle">
        <Typography.Paragraph type="secondary">{line.scope}</Typography.Paragraph>
        <Flex align="center" gap="small" data-testid="population-live-count">
          <Statistic title={t('populations.drawer.liveCount')} value={count ?? '—'} />
          {counting ? <Spin size="small" /> : null}
        </Flex>
        {countError === null ? null : <Typography.Text type="danger">{countError}</Typography.Text>}
        <Form layout="vertical">
          <Form.Item label={t('populations.drawer.regions')}>
            <Select<string[]>
              mode="multiple"
              data-testid="population-regions"
              value={[...rule.regionCodes]}
              options={planRegions.map((r) => ({ value: r.code, label: r.label }))}
              onChange={(value) => {
                setRule({ ...rule, regionCodes: value });
              }}
            />
          </Form.Item>
          <Form.Item label={t('populations.drawer.categories')}>
            <Select<string[]>
              mode="multiple"
              data-testid="population-categories"
              showSearch={{ optionFilterProp: 'label' }}
              value={[...rule.categoryCodes]}
              options={categories.map((c) => ({ value: c.code, label: `${c.name}（${c.group}）` }))}
              onChange={(value) => {
                setRule({ ...rule, categoryCodes: value });
              }}
            />
          </Form.Item>
          <Form.Item label={t('populations.drawer.kinds')}>
            <Select<ObjectKind[]>
              mode="multiple"
              allowClear
              value={rule.filters.kinds === null ? [] : [...rule.filters.kinds]}
              options={OBJECT_KINDS.map((k) => ({ value: k, label: t(`objectKind.${k}`) }))}
              onChange={(value) => {
                setRule({ ...rule, filters: { ...rule.filters, kinds: value.length === 0 ? null : value } });
              }}
            />
          </Form.Item>
          <Form.Item label={t('populations.drawer.minCapital')}>
            <InputNumber<number>
              min={0}
              value={rule.filters.minRegisteredCapital}
              onChange={(value) => {
                setRule({ ...rule, filters: { ...rule.filters, minRegisteredCapital: value } });
              }}
            />
          </Form.Item>
        </Form>
        {rule.reasons.length > 0 ? (
          <Flex vertical>
            <Typography.Text strong>{t('populations.drawer.reasons')}</Typography.Text>
            {rule.reasons.map((r) => (
              <Typography.Text key={r} type="secondary">
                {r}
              </Typography.Text>
            ))}
          </Flex>
        ) : null}
      </Flex>
    </Drawer>
  );
}
