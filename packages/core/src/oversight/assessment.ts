/**
 * The annual assessment of departments (考评, DOMAIN.md §1: "assess departments in mid-December; all inspections
 * done and annual summaries filed by December 15"). The office sets, per year, how many of the 100 points each
 * criterion carries; every criterion is scored 0–100 from the records and the total is the weighted sum.
 *
 * Criteria (each a share of the department's own work, as of the assessment day):
 * - `completion` 按期完成: task results published by the completion deadline (default December 15) / 应检查;
 * - `timeliness` 及时公示: results published within 20 working days of the batch end (on or before their
 *   deadline, DOMAIN.md §3) / results published;
 * - `coverage` 任务事项全覆盖: tasks of the plan and their matters with at least one published result /
 *   tasks + matters of the department (a task never drawn counts as uncovered);
 * - `closure` 后续处置完结: follow-up cases closed / cases opened (no case at all: full marks once something is
 *   published, none before);
 * - `dataQuality` 数据质量: results approved at the first review, never returned (审核退回) / results entered.
 * A department with neither tasks nor drawn targets is listed but not assessed (no total, no rank).
 */
import { err, ok, type Result } from '../result.ts';
import { parseIsoDate } from '../calendar/civil-date.ts';
import { rankByScore } from './progress-figures.ts';

export const ASSESSMENT_CRITERIA = [
  'completion',
  'timeliness',
  'coverage',
  'closure',
  'dataQuality',
] as const;
export type AssessmentCriterion = (typeof ASSESSMENT_CRITERIA)[number];

export const ASSESSMENT_CRITERION_TITLES: Readonly<Record<AssessmentCriterion, string>> = {
  completion: '按期完成（12月15日前）',
  timeliness: '20个工作日内公示',
  coverage: '任务和事项全覆盖',
  closure: '后续处置完结',
  dataQuality: '数据质量',
};

export type AssessmentWeights = Readonly<Record<AssessmentCriterion, number>>;

export interface AssessmentRules {
  /** Points per criterion; they add up to 100. */
  readonly weights: AssessmentWeights;
  /** All inspections of the year published by this day (YYYY-MM-DD; the notice says December 15). */
  readonly completionDeadline: string;
}

/** The default rule set of a year: 30 · 25 · 15 · 15 · 15 points, deadline December 15. */
export function makeDefaultAssessmentRules(year: number): AssessmentRules {
  return {
    weights: { completion: 30, timeliness: 25, coverage: 15, closure: 15, dataQuality: 15 },
    completionDeadline: `${String(year)}-12-15`,
  };
}

export type AssessmentRulesProblem =
  | { readonly kind: 'bad_weight'; readonly criterion: AssessmentCriterion; readonly value: number }
  | { readonly kind: 'weights_sum'; readonly sum: number }
  | { readonly kind: 'bad_deadline'; readonly value: string; readonly year: number };

/** Checks a rule set for `year`: weights are whole points from 0 to 100 adding up to 100; the deadline is in the year. */
export function checkAssessmentRules(
  rules: AssessmentRules,
  year: number,
): Result<AssessmentRules, AssessmentRulesProblem> {
  let sum = 0;
  for (const criterion of ASSESSMENT_CRITERIA) {
    const value = rules.weights[criterion];
    if (!Number.isInteger(value) || value < 0 || value > 100) {
      return err({ kind: 'bad_weight', criterion, value });
    }
    sum += value;
  }
  if (sum !== 100) return err({ kind: 'weights_sum', sum });
  const date = parseIsoDate(rules.completionDeadline);
  if (!date.ok || !rules.completionDeadline.startsWith(`${String(year)}-`)) {
    return err({ kind: 'bad_deadline', value: rules.completionDeadline, year });
  }
  return ok({
    weights: Object.fromEntries(ASSESSMENT_CRITERIA.map((c) => [c, rules.weights[c]])) as AssessmentWeights,
    completionDeadline: rules.completionDeadline,
  });
}

/** A zh-CN sentence for a rule-set problem. */
export function describeAssessmentRulesProblem(problem: AssessmentRulesProblem): string {
  switch (problem.kind) {
    case 'bad_weight':
      return `“${ASSESSMENT_CRITERION_TITLES[problem.criterion]}”的分值须为 0 到 100 的整数，收到 ${String(problem.value)}`;
    case 'weights_sum':
      return `各项分值合计须为 100 分，现为 ${String(problem.sum)} 分`;
    case 'bad_deadline':
      return `完成期限须为 ${String(problem.year)} 年内的日期（YYYY-MM-DD），收到“${problem.value}”`;
  }
}

/** What the records say about one department's year (counts of task results, tasks, matters and cases). */
export interface AssessmentInput {
  /** 应检查: drawn targets of the department's task batches. */
  readonly due: number;
  /** Published on or before the completion deadline. */
  readonly publishedByDeadline: number;
  /** Published as of the assessment day. */
  readonly published: number;
  /** Published on or before their own publication deadline (20 working days). */
  readonly publishedOnTime: number;
  /** Active tasks the department initiates in the year's plan, and those with a published result. */
  readonly tasks: number;
  readonly tasksCovered: number;
  /** Distinct (task, matter) pairs of those tasks, and those with a published result for the matter. */
  readonly matters: number;
  readonly mattersCovered: number;
  /** Follow-up cases opened, and closed. */
  readonly followUps: number;
  readonly followUpsClosed: number;
  /** Results entered (submitted at least once), and those never returned by the reviewer. */
  readonly entered: number;
  readonly enteredFirstPass: number;
}

export interface AssessmentScore {
  /** False for a department with neither tasks nor drawn targets: listed, not scored, not ranked. */
  readonly assessed: boolean;
  /** Each criterion scored 0–100 (one decimal); null when not assessed. */
  readonly criteria: Readonly<Record<AssessmentCriterion, number | null>>;
  /** Σ weight × score / 100, 0–100 with two decimals; null when not assessed. */
  readonly total: number | null;
}

function share(part: number, whole: number, empty: number): number {
  if (whole <= 0) return empty;
  return Math.round((Math.min(part, whole) / whole) * 1000) / 10;
}

/** Scores one department under a rule set (see the module comment for each criterion). */
export function scoreAssessment(input: AssessmentInput, rules: AssessmentRules): AssessmentScore {
  const assessed = input.tasks > 0 || input.due > 0;
  if (!assessed) {
    return {
      assessed,
      total: null,
      criteria: { completion: null, timeliness: null, coverage: null, closure: null, dataQuality: null },
    };
  }
  const criteria: Record<AssessmentCriterion, number> = {
    completion: share(input.publishedByDeadline, input.due, 0),
    timeliness: share(input.publishedOnTime, input.published, 0),
    coverage: share(input.tasksCovered + input.mattersCovered, input.tasks + input.matters, 0),
    closure: share(input.followUpsClosed, input.followUps, input.published > 0 ? 100 : 0),
    dataQuality: share(input.enteredFirstPass, input.entered, 0),
  };
  let total = 0;
  for (const c of ASSESSMENT_CRITERIA) total += (rules.weights[c] * criteria[c]) / 100;
  return { assessed, criteria, total: Math.round(total * 100) / 100 };
}

/** Ranks of the totals, highest first, ties sharing a rank (1, 2, 2, 4); departments not assessed get null. */
export function rankAssessments(scores: readonly AssessmentScore[]): (number | null)[] {
  return rankByScore(scores.map((s) => s.total));
}

/** The grade printed in the report: 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, else 不合格. */
export function gradeAssessment(total: number | null): string {
  if (total === null) return '未考评';
  if (total >= 90) return '优秀';
  if (total >= 80) return '良好';
  if (total >= 60) return '合格';
  return '不合格';
}
