import { Tag } from 'antd';
import type { InspectionStateDto } from '@ssj/server/api-types';
import { useT } from '../../i18n/use-t.ts';

const COLORS: Record<InspectionStateDto, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'error',
  published: 'success',
};

/** The result state (DOMAIN.md §5): 未录入 → 待审核 → 审核退回 → 已公示. */
export function InspectionStatusTag({ status }: { status: InspectionStateDto }) {
  const t = useT();
  return (
    <Tag color={COLORS[status]} data-testid="inspection-status" data-status={status}>
      {t(`inspectionStatus.${status}`)}
    </Tag>
  );
}

/** A joint visit (联合检查): one visit serves several tasks (进一次门、查多项事, DOMAIN.md §3). */
export function JointVisitTag({ taskCount }: { taskCount: number }) {
  const t = useT();
  if (taskCount < 2) return null;
  return (
    <Tag color="purple" data-testid="joint-visit">
      {t('inspections.joint', { count: taskCount })}
    </Tag>
  );
}
