import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Flex, List, Tag, Typography, theme } from 'antd';
import type { PlanWarningDto } from '@ssj/server/api-types';
import type { Translate } from '../i18n/i18n-context.ts';
import { useI18n } from '../i18n/use-t.ts';
import { selectWarningText } from './warning-text.ts';

/** `第 50 行`, `第 109、110 行`, `第 50–62 行`: the notice lines a warning points at. */
export function formatLineNumbers(lines: readonly number[], t: Translate): string | null {
  const unique = [...new Set(lines)].sort((a, b) => a - b);
  const first = unique[0];
  const last = unique[unique.length - 1];
  if (first === undefined || last === undefined) return null;
  if (unique.length === 1) return t('plan.warning.line', { line: first });
  if (unique.length > 2 && last - first === unique.length - 1) {
    return t('plan.warning.lineRange', { from: first, to: last });
  }
  return t('plan.warning.line', { line: unique.join(t('plan.listSeparator')) });
}

export interface WarningListProps {
  warnings: readonly PlanWarningDto[];
  /** Seqs of tasks edited since the warning was raised. */
  edited: ReadonlySet<number>;
  onSelect: (seq: number) => void;
}

/** Every warning of the parse as "第 N 项 · 第 L 行 · message"; a click jumps to the task. */
export function WarningList({ warnings, edited, onSelect }: WarningListProps) {
  const { t, language } = useI18n();
  const { token } = theme.useToken();
  return (
    <List<PlanWarningDto>
      data-testid="warning-list"
      size="small"
      bordered
      dataSource={[...warnings]}
      style={{ maxHeight: 360, overflowY: 'auto' }}
      renderItem={(warning) => {
        const seq = warning.seq;
        const parts: string[] = [];
        parts.push(seq === null ? t('plan.warning.general') : t('plan.warning.task', { seq }));
        const lines = formatLineNumbers(warning.lines, t);
        if (lines !== null) parts.push(lines);
        const done = seq !== null && edited.has(seq);
        return (
          <List.Item
            data-testid="warning-item"
            style={{ cursor: seq === null ? 'default' : 'pointer' }}
            onClick={() => {
              if (seq !== null) onSelect(seq);
            }}
          >
            <Flex gap="small" align="flex-start" style={{ width: '100%' }}>
              {done ? (
                <CheckCircleOutlined style={{ color: token.colorSuccess, marginTop: 4 }} />
              ) : (
                <WarningOutlined style={{ color: token.colorWarning, marginTop: 4 }} />
              )}
              <Typography.Text style={{ flex: 1 }} delete={done}>
                <Typography.Text strong>{parts.join(' · ')}</Typography.Text> ·{' '}
                {selectWarningText(warning, language)}
              </Typography.Text>
              {done ? <Tag color="success">{t('plan.edited')}</Tag> : null}
            </Flex>
          </List.Item>
        );
      }}
    />
  );
}
