/**
 * Cell texts of the annex as the plan importers read them back: every text here parses, through
 * parseRatio / parseWindows / splitMatters / splitDepartments (../plan), to the value it was made from.
 */
import type { PlanLine, PlanWindow } from '../plan/plan-types.ts';

/** `不低于20%；不少于4户；1次/年（约6家）`, `100%；1次/年`, `不超过10%`, `2次/年`; '' when nothing is set. */
export function formatPlanRatio(
  line: Pick<PlanLine, 'ratio' | 'timesPerYear' | 'minCount' | 'approxCount'>,
): string {
  const parts: string[] = [];
  if (line.ratio !== null) {
    const word = line.ratio.bound === 'atLeast' ? '不低于' : line.ratio.bound === 'atMost' ? '不超过' : '';
    parts.push(`${word}${String(line.ratio.percent)}%`);
  }
  if (line.minCount !== null) parts.push(`不少于${line.minCount}户`);
  if (line.timesPerYear !== null) parts.push(`${line.timesPerYear}次/年`);
  const text = parts.join('；');
  return line.approxCount === null ? text : `${text}（约${line.approxCount}家）`;
}

/** `3月-12月`, `6月` (a single month); '' for no window. */
export function formatPlanWindow(window: PlanWindow | null): string {
  if (window === null) return '';
  return window.fromMonth === window.toMonth
    ? `${window.fromMonth}月`
    : `${window.fromMonth}月-${window.toMonth}月`;
}

/** One matter as printed; several numbered `1. …` one per line (wrapped cells read as spaces). */
export function formatPlanMatters(matters: readonly string[]): string {
  if (matters.length <= 1) return matters[0] ?? '';
  return matters.map((m, i) => `${i + 1}. ${m}`).join('\n');
}

/** Department names separated by 、 (a printed name never holds one: splitDepartments splits on it). */
export function formatPlanDepartments(names: readonly string[]): string {
  return names.join('、');
}
