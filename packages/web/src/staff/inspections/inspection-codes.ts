/**
 * The code tables the inspection pages show, copied from core (the web imports no runtime code from @ssj/core):
 * result codes and inspection methods from `packages/core/src/inspection/result-codes.ts`, follow-up types and the
 * serious-outcome marks from `packages/core/src/inspection/follow-up.ts` (DOMAIN.md §5). Keep them in step; the
 * server validates every value, so a stale copy shows a clear error rather than storing a wrong code.
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

/** "A 发现问题待后续处理"; an unknown code as it is. */
export function describeResultCode(code: string): string {
  const known = BY_CODE.get(code);
  return known === undefined ? code : `${known.code} ${known.name}`;
}

/** The tag colour of a code: green for nothing found, red for a problem, grey for the object's status. */
export function resultCodeColor(code: string): string | undefined {
  const kind = BY_CODE.get(code)?.kind;
  if (kind === 'clear') return 'green';
  if (kind === 'problem') return 'red';
  return undefined;
}

/**
 * Keeps a multi-select consistent as the user picks (the server checks the same rules): "1 未发现问题" stands alone,
 * and "F" does not go with a problem found. The newest pick wins over what contradicts it.
 */
export function reconcileResultCodes(previous: readonly string[], next: readonly string[]): string[] {
  const added = next.filter((c) => !previous.includes(c));
  let codes = [...next];
  for (const code of added) {
    const kind = BY_CODE.get(code)?.kind;
    if (code === '1') codes = ['1'];
    else codes = codes.filter((c) => c !== '1');
    if (code === 'F') codes = codes.filter((c) => BY_CODE.get(c)?.kind !== 'problem');
    if (kind === 'problem') codes = codes.filter((c) => c !== 'F');
  }
  return RESULT_CODES.map((c) => c.code).filter((c) => codes.includes(c));
}

/** Inspection methods (DOMAIN.md §5); 采信其他部门结果 is set by recognition, not chosen for a visit. */
export const INSPECTION_METHODS = ['实地检查', '书面检查', '网络监测', '委托专业机构', '检验检测'] as const;
export const RECOGNITION_METHOD = '采信其他部门结果';

/** Follow-up types (后续处置, DOMAIN.md §5). */
export const FOLLOW_UP_TYPES = [
  '无需后续处置',
  '责令改正',
  '立案调查/行政处罚',
  '移送其他行政机关',
  '移送司法机关',
  '抄告相关部门',
  '列入经营异常名录',
] as const;
