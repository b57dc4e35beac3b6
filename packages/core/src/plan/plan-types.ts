/**
 * The joint spot-check plan (部门联合双随机抽查工作计划) as imported from the published notice.
 * The per-task shape is the one of `shared/fixtures/plan-sample.json`.
 */

/** 不低于 → atLeast, 不超过 → atMost, otherwise exact. */
export type RatioBound = 'exact' | 'atLeast' | 'atMost';

/** 抽查比例: a share of the population. */
export interface PlanRatio {
  readonly percent: number;
  readonly bound: RatioBound;
}

/** 抽查检查起止时间, months 1..12 of the plan year. */
export interface PlanWindow {
  readonly fromMonth: number;
  readonly toMonth: number;
}

/** One inspection line of a task: a (sub-)row with its own matters, scope, ratio and window. */
export interface PlanLine {
  /** 抽查事项, split on enumeration markers (1. 2. …); [] when not printed. */
  readonly matters: readonly string[];
  /** 抽查对象范围. */
  readonly scope: string | null;
  readonly ratio: PlanRatio | null;
  /** 频次: inspections (batches) per year. */
  readonly timesPerYear: number | null;
  /** 不少于N户. */
  readonly minCount: number | null;
  /** (约N家). */
  readonly approxCount: number | null;
  readonly window: PlanWindow | null;
}

/** One task (抽查任务) of the annex. */
export interface PlanTask {
  /** Position 1..N in the annex (regions in notice order). */
  readonly seq: number;
  /** The printed 序号, or null when none is printed. */
  readonly seqPrinted: string | null;
  /** The region the task belongs to (晋城市本级, 城区, 泽州县 …). */
  readonly region: string;
  /** 抽查任务名称; null when not printed. */
  readonly name: string | null;
  readonly lines: readonly PlanLine[];
  /** True when the 智慧监管(信用风险)分类要求 cell carries text. */
  readonly riskBased: boolean;
  /** 发起部门, as printed. */
  readonly initiators: readonly string[];
  /** 配合部门, as printed. */
  readonly cooperators: readonly string[];
  /** Canonical names of the initiators that could be identified (see departments.ts). */
  readonly initiatorDepartments: readonly string[];
  /** Canonical names of the cooperators that could be identified. */
  readonly cooperatorDepartments: readonly string[];
}

/** A guess, a repair or a doubt, with the source lines (1-based) it is about. */
export interface PlanWarning {
  readonly seq: number | null;
  readonly lines: readonly number[];
  readonly message: string;
}

export interface PlanParse {
  readonly tasks: readonly PlanTask[];
  readonly warnings: readonly PlanWarning[];
}

/**
 * The format-neutral row model every reader produces (text today; xlsx/xls/docx later): one physical table row
 * with its cells left to right, as the source has them (columns possibly shifted or missing). `line` is the
 * 1-based source line (text) or sheet row (spreadsheets). A merged cell carries its text in its top-left cell
 * only; the other cells of the merge are '' (as a flattened PDF has them): the assembly reads blank cells of a
 * sub-row as merged with the row above, and a row with blank name and department cells as a sub-row.
 * Rows that are not table rows (titles, blank lines) have fewer than 3 cells and are skipped.
 */
export interface PlanRow {
  readonly line: number;
  readonly cells: readonly string[];
}
