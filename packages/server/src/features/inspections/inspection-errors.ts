import type { InspectionStateDto } from '../../api-types.ts';

/** Expected failures of inspection work; the routes map them to AppError codes. */
export type InspectionError =
  | { readonly kind: 'not_found'; readonly id: number }
  | { readonly kind: 'not_on_team'; readonly id: number }
  | { readonly kind: 'not_reviewer'; readonly id: number }
  | { readonly kind: 'wrong_state'; readonly id: number; readonly status: InspectionStateDto }
  | { readonly kind: 'invalid'; readonly message: string };

const STATE_NAMES: Record<InspectionStateDto, string> = {
  draft: '未录入',
  submitted: '待审核',
  returned: '审核退回',
  published: '已公示',
};

/** A message for people (zh-CN) that says what to do. */
export function describeInspectionError(e: InspectionError): string {
  switch (e.kind) {
    case 'not_found':
      return `找不到检查 ${String(e.id)}，或您无权查看`;
    case 'not_on_team':
      return `您不在检查 ${String(e.id)} 的检查组中，不能录入结果`;
    case 'not_reviewer':
      return `只有责任部门的审核人可以审核检查 ${String(e.id)}`;
    case 'wrong_state':
      return `检查 ${String(e.id)} 当前状态为“${STATE_NAMES[e.status]}”，不能进行此操作`;
    case 'invalid':
      return e.message;
  }
}
