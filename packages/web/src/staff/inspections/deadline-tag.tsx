import { ClockCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Tag, Tooltip } from 'antd';
import type { DeadlineStatusDto } from '@ssj/server/api-types';
import { useT } from '../../i18n/use-t.ts';

/**
 * The countdown to the publication deadline (DOMAIN.md §3, §5): 剩余N个工作日; a yellow card 今日到期 on the due
 * day; a red card 已逾期N个工作日 after it; once published 按期公示 or 逾期公示 (late publication is shown, never
 * hidden).
 */
export function DeadlineTag({ status, deadline }: { status: DeadlineStatusDto; deadline: string }) {
  const t = useT();
  const title = t('inspections.deadlineOn', { date: deadline });
  let tag;
  switch (status.kind) {
    case 'open':
      tag = (
        <Tag color={status.workingDaysLeft <= 5 ? 'orange' : 'blue'} icon={<ClockCircleOutlined />}>
          {t('deadline.open', { count: status.workingDaysLeft })}
        </Tag>
      );
      break;
    case 'due':
      tag = (
        <Tag color="gold" icon={<WarningOutlined />}>
          {t('deadline.due')}
        </Tag>
      );
      break;
    case 'overdue':
      tag = (
        <Tag color="red" icon={<WarningOutlined />}>
          {t('deadline.overdue', { count: status.workingDaysLate })}
        </Tag>
      );
      break;
    case 'met':
      tag = <Tag color="green">{t('deadline.met')}</Tag>;
      break;
    case 'late':
      tag = <Tag color="volcano">{t('deadline.late', { count: status.workingDaysLate })}</Tag>;
      break;
  }
  return (
    <Tooltip title={title}>
      <span data-testid="deadline-tag" data-kind={status.kind}>
        {tag}
      </span>
    </Tooltip>
  );
}

/** The year named in the server's warning ("no official holiday schedule known for 2027: …"), if any. */
export function warningYear(warning: string): string | null {
  return /\b(\d{4})\b/.exec(warning)?.[1] ?? null;
}

/**
 * The deadline was counted through a year without a known holiday schedule (DOMAIN.md §3: flagged, never silently
 * treated as weekends-only): a visible warning; the server's own wording (English) in the tooltip.
 */
export function DeadlineWarning({ warning, compact = false }: { warning: string; compact?: boolean }) {
  const t = useT();
  const year = warningYear(warning);
  const text = year === null ? t('deadline.warningUnknown') : t('deadline.warning', { year });
  if (compact) {
    return (
      <Tooltip title={warning}>
        <Tag color="warning" icon={<WarningOutlined />} data-testid="deadline-warning">
          {t('deadline.warningShort')}
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={warning}>
      <Alert type="warning" showIcon data-testid="deadline-warning" title={text} />
    </Tooltip>
  );
}
