/**
 * Progress statistics (进度统计, DOMAIN.md §5 *practice*): the five counts 应检查 · 已检查 · 已录入 · 已公示 · 完结,
 * the two rates 完成率 = 已公示 / 应检查 and 完结率 = 完结 / 已公示, and the overdue warnings (yellow: due today,
 * red: past the publication deadline and still unpublished).
 *
 * The unit counted is one drawn target of one task batch (a "task result"): a joint visit serving two tasks counts
 * once for each. The definitions, each as of the end of a China day D (the dashboards use D = yesterday):
 * - 应检查 `due`: drawn targets of live (not superseded) draws;
 * - 已检查 `inspected`: the visit took place (inspection date on or before D) or results were entered;
 * - 已录入 `entered`: results submitted for review on or before D (published ones included);
 * - 已公示 `published`: results published on or before D;
 * - 完结 `closed`: published, and either no problem was found (no follow-up case) or the follow-up case
 *   (后续处置) was closed on or before D;
 * - red `overdue`: not published by D and the deadline was D or earlier (the deadline has passed at the end of D);
 * - yellow `dueToday`: not published by D and the deadline is D + 1 (to be published today);
 * - `late`: published after the deadline (recorded, never hidden); `problems`: published with a problem found.
 * The funnel is monotone: due ≥ inspected ≥ entered ≥ published ≥ closed.
 */
import { formatIsoDate, toDayNumber } from '../calendar/civil-date.ts';

export interface ProgressCounts {
  /** 应检查 */
  readonly due: number;
  /** 已检查 */
  readonly inspected: number;
  /** 已录入 */
  readonly entered: number;
  /** 已公示 */
  readonly published: number;
  /** 完结 */
  readonly closed: number;
  /** red: past the deadline, unpublished */
  readonly overdue: number;
  /** yellow: deadline today, unpublished */
  readonly dueToday: number;
  /** published after the deadline */
  readonly late: number;
  /** published with a problem found (non-compliant) */
  readonly problems: number;
}

export const PROGRESS_COUNT_KEYS = [
  'due',
  'inspected',
  'entered',
  'published',
  'closed',
  'overdue',
  'dueToday',
  'late',
  'problems',
] as const satisfies readonly (keyof ProgressCounts)[];

export type ProgressCountKey = (typeof PROGRESS_COUNT_KEYS)[number];

/** Chinese column titles of the counts, in the order statistics tables print them. */
export const PROGRESS_COUNT_TITLES: Readonly<Record<ProgressCountKey, string>> = {
  due: '应检查',
  inspected: '已检查',
  entered: '已录入',
  published: '已公示',
  closed: '完结',
  overdue: '逾期未公示',
  dueToday: '今日到期',
  late: '逾期公示',
  problems: '发现问题',
};

export const EMPTY_PROGRESS_COUNTS: ProgressCounts = {
  due: 0,
  inspected: 0,
  entered: 0,
  published: 0,
  closed: 0,
  overdue: 0,
  dueToday: 0,
  late: 0,
  problems: 0,
};

/** The sum of several count rows (a total line). */
export function sumProgressCounts(rows: readonly ProgressCounts[]): ProgressCounts {
  const total: Record<ProgressCountKey, number> = { ...EMPTY_PROGRESS_COUNTS };
  for (const row of rows) for (const key of PROGRESS_COUNT_KEYS) total[key] += row[key];
  return total;
}

/** 完成率 = 已公示 / 应检查 in [0, 1]; null when nothing is due (a department with no tasks has no rate, not 0%). */
export function computeCompletionRate(counts: ProgressCounts): number | null {
  return counts.due === 0 ? null : counts.published / counts.due;
}

/** 完结率 = 完结 / 已公示 in [0, 1]; null when nothing is published yet. */
export function computeClosureRate(counts: ProgressCounts): number | null {
  return counts.published === 0 ? null : counts.closed / counts.published;
}

/**
 * The warning colour of a row: `red` when any result is overdue, `yellow` when any is due today, `green` when work
 * is due and nothing is late, `none` when nothing is due at all (a department with zero tasks is still listed).
 */
export type ProgressStatus = 'red' | 'yellow' | 'green' | 'none';

export function classifyProgressStatus(counts: ProgressCounts): ProgressStatus {
  if (counts.overdue > 0) return 'red';
  if (counts.dueToday > 0) return 'yellow';
  return counts.due === 0 ? 'none' : 'green';
}

/**
 * The day the figures stand at: the end of the previous China day ("as of yesterday"), so that a table does not
 * change while people read it and every figure of a day is the same. `today` is YYYY-MM-DD.
 */
export function computeAsOfDate(today: string): string {
  return formatIsoDate(toDayNumber(today) - 1);
}

/** The day after `date` (YYYY-MM-DD): the "today" of figures as of `date`. */
export function computeNextDate(date: string): string {
  return formatIsoDate(toDayNumber(date) + 1);
}

/**
 * Competition ranking (1, 2, 2, 4) by a score, highest first; rows without a score (null) are not ranked and get
 * null. Ties keep the input order. Returns the rank of each input row, by index.
 */
export function rankByScore(scores: readonly (number | null)[]): (number | null)[] {
  const order = scores
    .map((score, index) => ({ score, index }))
    .filter((x): x is { score: number; index: number } => x.score !== null)
    .sort((a, b) => b.score - a.score || a.index - b.index);
  const ranks: (number | null)[] = scores.map(() => null);
  let previous: number | null = null;
  let rank = 0;
  order.forEach((x, position) => {
    if (previous === null || x.score < previous - 1e-12) rank = position + 1;
    previous = x.score;
    ranks[x.index] = rank;
  });
  return ranks;
}

/** A rate as a percentage with one decimal (`85.3%`), or `—` when there is no rate. */
export function formatRate(rate: number | null): string {
  if (rate === null) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
