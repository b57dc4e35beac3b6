/**
 * Result codes of a random inspection (DOMAIN.md §5, the national disclosure system's codes), multi-select.
 * Each code has a kind: `clear` (nothing found), `problem` (a violation found: needs follow-up, counts as
 * non-compliant), `status` (the target could not be inspected as such: unreachable, closed, deregistered …) or
 * `inactive` (F: the activity the inspection covers is not carried on).
 */
export type ResultCodeKind = 'clear' | 'problem' | 'status' | 'inactive';

export interface ResultCode {
  readonly code: string;
  readonly name: string;
  readonly kind: ResultCodeKind;
}

export const RESULT_CODES: readonly ResultCode[] = [
  { code: '1', name: '未发现问题', kind: 'clear' },
  { code: 'A', name: '发现问题待后续处理', kind: 'problem' },
  { code: 'E', name: '发现问题经责令已改正', kind: 'problem' },
  { code: 'B', name: '未按规定公示应当公示的信息', kind: 'problem' },
  { code: 'C', name: '公示信息隐瞒真实情况弄虚作假', kind: 'problem' },
  { code: '6', name: '通过登记的住所（经营场所）无法联系', kind: 'problem' },
  { code: '8', name: '不配合检查情节严重', kind: 'problem' },
  { code: 'F', name: '未发现开展本次抽查涉及的经营活动', kind: 'inactive' },
  { code: '7', name: '已关闭停业或正在组织清算', kind: 'status' },
  { code: '9', name: '注销', kind: 'status' },
  { code: '10', name: '被吊销', kind: 'status' },
  { code: '11', name: '被撤销', kind: 'status' },
  { code: '12', name: '迁出', kind: 'status' },
  { code: '3', name: '违反食品药品相关规定', kind: 'problem' },
  { code: '4', name: '违反质量技术监督相关规定', kind: 'problem' },
  { code: '5', name: '违反其他部门相关规定', kind: 'problem' },
  { code: 'G', name: '违反公安部门相关规定', kind: 'problem' },
  { code: 'D', name: '违反其他工商行政管理规定行为', kind: 'problem' },
];

const BY_CODE = new Map(RESULT_CODES.map((c) => [c.code, c]));

/** The code's definition, or undefined for an unknown code. */
export function findResultCode(code: string): ResultCode | undefined {
  return BY_CODE.get(code);
}

export type ResultCodesProblem =
  | { readonly kind: 'empty' }
  | { readonly kind: 'unknown'; readonly code: string }
  | { readonly kind: 'duplicate'; readonly code: string }
  | { readonly kind: 'contradiction'; readonly codes: readonly string[]; readonly message: string };

/**
 * Checks a multi-select of result codes: at least one, all known, none twice, and not self-contradictory:
 * 1 未发现问题 stands alone, and F 未发现开展 … does not go with a problem found.
 * Returns the codes in the table's order.
 */
export function checkResultCodes(
  codes: readonly string[],
): { ok: true; value: string[] } | { ok: false; error: ResultCodesProblem } {
  if (codes.length === 0) return { ok: false, error: { kind: 'empty' } };
  const seen = new Set<string>();
  for (const code of codes) {
    if (!BY_CODE.has(code)) return { ok: false, error: { kind: 'unknown', code } };
    if (seen.has(code)) return { ok: false, error: { kind: 'duplicate', code } };
    seen.add(code);
  }
  if (seen.has('1') && seen.size > 1) {
    return {
      ok: false,
      error: {
        kind: 'contradiction',
        codes: ['1'],
        message: '“1 未发现问题”不能与其他结果同时选择',
      },
    };
  }
  const problems = [...seen].filter((c) => BY_CODE.get(c)?.kind === 'problem');
  if (seen.has('F') && problems.length > 0) {
    return {
      ok: false,
      error: {
        kind: 'contradiction',
        codes: ['F', ...problems],
        message: '“F 未发现开展本次抽查涉及的经营活动”不能与发现问题的结果同时选择',
      },
    };
  }
  return { ok: true, value: RESULT_CODES.map((c) => c.code).filter((c) => seen.has(c)) };
}

/**
 * Whether a result counts as non-compliant for the estimates (issue "Oversight": a result other than
 * 未发现问题 / 未发现开展本次抽查涉及的经营活动; the status codes — closed, deregistered … — are non-compliant only
 * with a problem code beside them).
 */
export function isNonCompliant(codes: readonly string[]): boolean {
  return codes.some((c) => BY_CODE.get(c)?.kind === 'problem');
}

/** Whether a result needs a follow-up case (后续处置): any problem found. */
export function needsFollowUp(codes: readonly string[]): boolean {
  return isNonCompliant(codes);
}

/** Inspection methods (DOMAIN.md §5). 采信其他部门结果 is set by recognition, not chosen for a visit. */
export const INSPECTION_METHODS = [
  '实地检查',
  '书面检查',
  '网络监测',
  '委托专业机构',
  '检验检测',
  '采信其他部门结果',
] as const;
export type InspectionMethod = (typeof INSPECTION_METHODS)[number];

export function isInspectionMethod(value: string): value is InspectionMethod {
  return (INSPECTION_METHODS as readonly string[]).includes(value);
}
