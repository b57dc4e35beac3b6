/**
 * 抽查检查起止时间: `3月--12月`, `5月-10月`, `3月—6月`, `3-12月`, `3月至12月`, `3月份-12月份`,
 * `3月1日-12月31日`, `6月`, `全年`, `上半年`, `下半年`, full-width forms.
 */
import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { parseSmallNumber } from './parse-number.ts';
import type { PlanWindow } from './plan-types.ts';

const MONTH_NUMBER = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
const MONTH_TAIL = '(?:\\s*月份?(?:\\s*\\d{1,2}\\s*[日号])?)';
const RANGE_SEPARATOR = '\\s*(?:[-—–~～─]+|至|到)\\s*';
const RANGE = new RegExp(`${MONTH_NUMBER}${MONTH_TAIL}?${RANGE_SEPARATOR}${MONTH_NUMBER}${MONTH_TAIL}`, 'g');
const SINGLE = new RegExp(`${MONTH_NUMBER}\\s*月份?(?:\\s*\\d{1,2}\\s*[日号])?`, 'g');

const NAMED: readonly (readonly [RegExp, string])[] = [
  [/全年|全年度|1-12月全年/g, '1月-12月'],
  [/上半年/g, '1月-6月'],
  [/下半年/g, '7月-12月'],
];

function month(text: string | undefined): number | null {
  return text === undefined ? null : parseSmallNumber(text);
}

/**
 * Parses every window of a cell, left to right (a flattened cell may hold several: `3月-11月 3月-11月`).
 * Fails when none is found, a month is outside 1..12, a window runs backwards, or text is left over.
 */
export function parseWindows(text: string): Result<PlanWindow[], string> {
  let s = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (s === '') return err('empty window cell');
  for (const [pattern, replacement] of NAMED) s = s.replace(pattern, replacement);

  const found: { index: number; window: PlanWindow }[] = [];
  const mask = (from: number, length: number): void => {
    s = s.slice(0, from) + ' '.repeat(length) + s.slice(from + length);
  };
  for (const m of [...s.matchAll(RANGE)]) {
    const from = month(m[1]);
    const to = month(m[2]);
    if (from === null || to === null) return err(`unreadable months in "${m[0]}"`);
    found.push({ index: m.index, window: { fromMonth: from, toMonth: to } });
    mask(m.index, m[0].length);
  }
  for (const m of [...s.matchAll(SINGLE)]) {
    const only = month(m[1]);
    if (only === null) return err(`unreadable month in "${m[0]}"`);
    found.push({ index: m.index, window: { fromMonth: only, toMonth: only } });
    mask(m.index, m[0].length);
  }
  if (found.length === 0) return err(`no month in "${text.trim()}"`);
  const leftover = s.replace(/[\s,，;；、。.()（）]/g, '');
  if (leftover !== '') return err(`unrecognised text "${leftover}" in "${text.trim()}"`);

  found.sort((a, b) => a.index - b.index);
  const windows = found.map((f) => f.window);
  for (const w of windows) {
    if (w.fromMonth < 1 || w.fromMonth > 12 || w.toMonth < 1 || w.toMonth > 12) {
      return err(`month outside 1..12 in "${text.trim()}"`);
    }
    if (w.fromMonth > w.toMonth) return err(`window runs backwards in "${text.trim()}"`);
  }
  return ok(windows);
}

/** Parses a cell that must hold exactly one window. */
export function parseWindow(text: string): Result<PlanWindow, string> {
  const all = parseWindows(text);
  if (!all.ok) return all;
  const [first, ...more] = all.value;
  if (first === undefined) return err(`no month in "${text.trim()}"`);
  if (more.length > 0) return err(`${all.value.length} windows in "${text.trim()}"`);
  return ok(first);
}

/** Whether a cell looks like a window cell (used to assign shifted cells by content). */
export function looksLikeWindow(text: string): boolean {
  const s = text.normalize('NFKC');
  return /\d{1,2}\s*月/.test(s) || /^(全年|上半年|下半年)$/.test(s.trim());
}
