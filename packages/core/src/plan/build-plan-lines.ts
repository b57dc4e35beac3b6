/** Turns the cells of one row into plan lines (several when a flattened row holds several sub-rows). */
import { parseRatio, splitRatioCell } from './parse-ratio.ts';
import { parseWindows } from './parse-window.ts';
import type { PlanLine, PlanWindow } from './plan-types.ts';
import type { RowReading } from './read-plan-row.ts';
import { splitMatters, tidyText } from './split-matters.ts';

export interface BuiltLines {
  readonly lines: PlanLine[];
  readonly issues: string[];
}

function readWindows(cells: readonly string[], issues: string[]): PlanWindow[] {
  const windows: PlanWindow[] = [];
  for (const cell of cells) {
    const parsed = parseWindows(cell);
    if (parsed.ok) windows.push(...parsed.value);
    else issues.push(`window not understood: ${parsed.error}`);
  }
  return windows;
}

function ratioFields(text: string, issues: string[]): Omit<PlanLine, 'matters' | 'scope' | 'window'> {
  if (text === '') {
    issues.push('no ratio printed');
    return { ratio: null, timesPerYear: null, minCount: null, approxCount: null };
  }
  const parsed = parseRatio(text);
  if (!parsed.ok) {
    issues.push(`ratio not understood: ${parsed.error}`);
    return { ratio: null, timesPerYear: null, minCount: null, approxCount: null };
  }
  for (const issue of parsed.value.issues) issues.push(`ratio "${text}": ${issue}`);
  const { ratio, timesPerYear, minCount, approxCount } = parsed.value;
  return { ratio, timesPerYear, minCount, approxCount };
}

/** Splits `A B` into n parts on spaces when it has exactly n; otherwise null. */
function splitInto(text: string, n: number): string[] | null {
  const parts = tidyText(text).split(' ');
  return parts.length === n ? parts : null;
}

export function buildPlanLines(row: RowReading): BuiltLines {
  const issues: string[] = [];
  const windows = readWindows(row.windows, issues);
  const ratios = row.ratio === '' ? [] : splitRatioCell(row.ratio);

  if (ratios.length > 1) {
    const n = ratios.length;
    const matters = splitInto(row.matters, n);
    const scopes = row.scope === '' ? null : splitInto(row.scope, n);
    issues.push(`one row holds ${n} sub-rows (${n} ratios in one cell): split into ${n} lines`);
    if (matters === null) issues.push(`抽查事项 does not split into ${n} parts: all kept on the first line`);
    if (scopes === null && row.scope !== '')
      issues.push(`抽查对象范围 does not split into ${n} parts: kept on every line`);
    if (windows.length !== n && windows.length !== 1) {
      issues.push(`${windows.length} windows for ${n} ratios: first window used where one is missing`);
    }
    const lines = ratios.map((text, i): PlanLine => {
      const matterText = matters ? (matters[i] ?? '') : i === 0 ? row.matters : '';
      const scope = scopes ? (scopes[i] ?? null) : tidyText(row.scope) || null;
      return {
        matters: splitMatters(matterText),
        scope,
        ...ratioFields(text, issues),
        window: windows[i] ?? windows[0] ?? null,
      };
    });
    return { lines, issues };
  }

  if (windows.length > 1) issues.push(`${windows.length} windows for one ratio: the first is used`);
  return {
    lines: [
      {
        matters: splitMatters(row.matters),
        scope: tidyText(row.scope) || null,
        ...ratioFields(row.ratio, issues),
        window: windows[0] ?? null,
      },
    ],
    issues,
  };
}
