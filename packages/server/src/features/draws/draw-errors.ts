/** Expected failures of the draw, each with what to fix (zh-CN message built by describeDrawError). */
export type DrawError =
  | { readonly kind: 'no_published_plan'; readonly year: number }
  | { readonly kind: 'task_not_found'; readonly code: string }
  | {
      readonly kind: 'bad_batch';
      readonly code: string;
      readonly batch: number;
      readonly timesPerYear: number;
    }
  | { readonly kind: 'already_drawn'; readonly code: string; readonly batch: number }
  | { readonly kind: 'nothing_to_redraw'; readonly code: string; readonly batch: number }
  | { readonly kind: 'redraw_pending'; readonly code: string; readonly batch: number }
  | { readonly kind: 'no_ratio'; readonly code: string }
  | { readonly kind: 'empty_frame'; readonly code: string }
  | { readonly kind: 'allocation_failed'; readonly code: string; readonly message: string }
  | { readonly kind: 'duplicate_item'; readonly code: string; readonly batch: number }
  | { readonly kind: 'session_not_found'; readonly id: number }
  | { readonly kind: 'wrong_state'; readonly id: number; readonly status: string; readonly expected: string }
  | { readonly kind: 'bad_seed'; readonly message: string }
  | { readonly kind: 'witnesses'; readonly message: string }
  | { readonly kind: 'no_initiator'; readonly code: string }
  | {
      readonly kind: 'inspectors_short';
      readonly code: string;
      readonly department: string;
      readonly message: string;
    }
  | { readonly kind: 'record_failed'; readonly code: string; readonly message: string }
  | { readonly kind: 'draw_not_found'; readonly code: string; readonly batch: number };

export function describeDrawError(e: DrawError): string {
  switch (e.kind) {
    case 'no_published_plan':
      return `${e.year} 年度计划尚未发布`;
    case 'task_not_found':
      return `找不到任务 ${e.code}（或已撤销）`;
    case 'bad_batch':
      return `任务 ${e.code} 每年 ${e.timesPerYear} 次，没有第 ${e.batch} 批`;
    case 'already_drawn':
      return `任务 ${e.code} 第 ${e.batch} 批已抽取并公示；如需重抽，须经领导小组办公室批准另行抽取`;
    case 'nothing_to_redraw':
      return `任务 ${e.code} 第 ${e.batch} 批尚未抽取，无需重抽`;
    case 'redraw_pending':
      return `任务 ${e.code} 第 ${e.batch} 批已有一次待完成的重抽，请先完成该抽取会`;
    case 'no_ratio':
      return `任务 ${e.code} 的抽查比例未能识别，请先在计划中修正`;
    case 'empty_frame':
      return `任务 ${e.code} 的抽查对象范围为空，请先确认对象范围`;
    case 'allocation_failed':
      return `任务 ${e.code} 无法分配抽取数量：${e.message}`;
    case 'duplicate_item':
      return `任务 ${e.code} 第 ${e.batch} 批重复列出`;
    case 'session_not_found':
      return `找不到抽取会 ${e.id}`;
    case 'wrong_state':
      return `抽取会 ${e.id} 当前状态为 ${e.status}，此操作需要 ${e.expected}`;
    case 'bad_seed':
      return `随机种子无效：${e.message}`;
    case 'witnesses':
      return e.message;
    case 'no_initiator':
      return `任务 ${e.code} 没有可识别的发起部门，无法选派检查人员`;
    case 'inspectors_short':
      return `任务 ${e.code}：${e.department} 可选派的执法人员不足（${e.message}）`;
    case 'record_failed':
      return `任务 ${e.code} 的抽取记录无法生成：${e.message}`;
    case 'draw_not_found':
      return `任务 ${e.code} 第 ${e.batch} 批尚无已公示的抽取结果`;
  }
}
