/**
 * The annual plan notice as text (a PDF flattened to tab-separated lines): the format readers feed
 * {@link assemblePlan}; xlsx/xls/docx readers produce the same {@link PlanRow}s.
 */
import { assemblePlan } from './assemble-plan.ts';
import type { PlanParse, PlanRow } from './plan-types.ts';

/** One row per source line (1-based), cells split on tabs. */
export function readPlanTextRows(text: string): PlanRow[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line, i) => ({ line: i + 1, cells: line.split('\t') }));
}

export function parsePlanText(text: string): PlanParse {
  return assemblePlan(readPlanTextRows(text));
}
