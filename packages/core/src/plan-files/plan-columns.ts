/**
 * The columns of the annex (部门联合双随机抽查工作计划), told apart by their header text so that a file with the
 * columns in another order, or with other wording (抽查任务 / 任务名称, 抽查频次 / 抽查比例及频次), still reads.
 */

export type PlanColumnKind =
  | 'region'
  | 'seq'
  | 'name'
  | 'matters'
  | 'scope'
  | 'ratio'
  | 'risk'
  | 'window'
  | 'initiator'
  | 'cooperator'
  | 'mode'
  | 'other';

/** The column kinds task assembly reads, in the notice's order (地市 first). */
export const PLAN_COLUMN_ORDER = [
  'region',
  'seq',
  'name',
  'matters',
  'scope',
  'ratio',
  'risk',
  'window',
  'initiator',
  'cooperator',
] as const satisfies readonly PlanColumnKind[];

export type PlanDataColumn = (typeof PLAN_COLUMN_ORDER)[number];

/** Header texts as the notice prints them (and as {@link writePlanXlsx} writes them). */
export const PLAN_COLUMN_TITLES: Readonly<Record<PlanDataColumn, string>> = {
  region: '地区',
  seq: '序号',
  name: '抽查任务名称',
  matters: '抽查事项',
  scope: '抽查对象范围',
  ratio: '抽查比例及频次',
  risk: '智慧监管(信用风险)分类要求',
  window: '抽查检查起止时间',
  initiator: '发起部门',
  cooperator: '配合部门',
};

/** Kinds a header needs, and how many distinct kinds it must show, to be taken for the annex header. */
export const REQUIRED_PLAN_COLUMNS: readonly PlanDataColumn[] = ['name', 'ratio'];
export const MIN_PLAN_COLUMN_KINDS = 5;

function squeeze(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** The kind of a header cell (several header rows joined: `部门` over `发起` reads `部门发起`). */
export function classifyPlanHeader(text: string): PlanColumnKind {
  const h = squeeze(text);
  if (h === '') return 'other';
  if (h.includes('序号') || h === '编号') return 'seq';
  if (h.includes('模式')) return 'mode';
  if (/智慧|信用|风险/.test(h)) return 'risk';
  if (/比例|频次|频率/.test(h)) return 'ratio';
  if (h.includes('发起') || h.includes('牵头')) return 'initiator';
  if (/配合|协助|参与/.test(h)) return 'cooperator';
  if (h.includes('任务') && h.includes('名称')) return 'name';
  if (h.includes('事项')) return 'matters';
  if (h.includes('名称') || /^(抽查)?任务$/.test(h)) return 'name';
  if (/范围|对象/.test(h)) return 'scope';
  if (/时间|起止|期限|时限/.test(h)) return 'window';
  if (/地市|地区|区域|县区|区县|辖区|行政区|市县/.test(h)) return 'region';
  return 'other';
}
