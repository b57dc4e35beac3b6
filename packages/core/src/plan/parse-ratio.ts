/**
 * 抽查比例及频次: `不低于20% 1次/年`, `100%,1次/年 (约6家)`, `不低于10%；不少于4户；1次/年`, `5%; 2次/年`,
 * `30% 次/年`, `不超过10%; 1次/年`, `20%； 抽查1次`, `100 1次/年`, full-width forms …
 */
import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { parseSmallNumber, SMALL_NUMBER_SOURCE } from './parse-number.ts';
import type { PlanRatio, RatioBound } from './plan-types.ts';

export interface ParsedRatio {
  readonly ratio: PlanRatio | null;
  readonly timesPerYear: number | null;
  /** 不少于N户/家. */
  readonly minCount: number | null;
  /** 约N家/户. */
  readonly approxCount: number | null;
  /** Repairs and doubts (each one deserves a warning), e.g. `no % sign: 100 read as 100%`. */
  readonly issues: readonly string[];
}

const N = SMALL_NUMBER_SOURCE;
const UNIT = '(?:家|户|个|所|处|座|项|人)';
const AT_LEAST = ['不低于', '不少于', '不小于', '至少', '最少', '最低', '≥', '>='];
const AT_MOST = ['不超过', '不高于', '不大于', '不多于', '最多', '最高', '≤', '<='];
const BOUND_WORD = [...AT_LEAST, ...AT_MOST].map(escapeRegex).join('|');
const PERCENT = new RegExp(`(${BOUND_WORD})?\\s*(\\d+(?:\\.\\d+)?)\\s*%\\s*(及以上|以上|及以下|以下)?`, 'g');
const APPROX = new RegExp(`[(（]?\\s*(?:约|大约|大概)\\s*(${N})\\s*${UNIT}?\\s*[)）]?`);
const MIN_COUNT = new RegExp(`(?:不少于|不低于|至少|最少)\\s*(${N})\\s*${UNIT}`);
const PER_PERIOD = new RegExp(`(${N})?\\s*次\\s*/\\s*(年|半年|季度|季|月)`);
const EVERY_PERIOD = new RegExp(`每\\s*(年|半年|季度|季|月)\\s*(?:抽查|检查)?\\s*(${N})\\s*次`);
const CHECK_TIMES = new RegExp(`(?:抽查|检查|全年|年度?)\\s*(${N})\\s*次`);
const BARE_TIMES = new RegExp(`(${N})\\s*次`);
const WHOLE = /全部|全覆盖|全数/;

const PERIODS_PER_YEAR: Readonly<Record<string, number>> = { 年: 1, 半年: 2, 季度: 4, 季: 4, 月: 12 };

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function boundOf(word: string | undefined, suffix: string | undefined): RatioBound {
  if (word !== undefined && AT_LEAST.includes(word)) return 'atLeast';
  if (word !== undefined && AT_MOST.includes(word)) return 'atMost';
  if (suffix !== undefined && suffix.endsWith('以上')) return 'atLeast';
  if (suffix !== undefined && suffix.endsWith('以下')) return 'atMost';
  return 'exact';
}

/** Full-width → half-width (NFKC), unified separators. */
export function normaliseRatioText(text: string): string {
  return text.normalize('NFKC').replace(/[／]/g, '/').replace(/\s+/g, ' ').trim();
}

/**
 * Parses one ratio-and-frequency cell. Fails only when the cell says nothing recognisable
 * (no share, no frequency, no count); partial readings succeed with `issues`.
 */
export function parseRatio(text: string): Result<ParsedRatio, string> {
  let rest = normaliseRatioText(text);
  if (rest === '') return err('empty ratio cell');
  const issues: string[] = [];

  let approxCount: number | null = null;
  const approx = APPROX.exec(rest);
  if (approx) {
    approxCount = parseSmallNumber(approx[1] ?? '');
    rest = cut(rest, approx);
  }

  let minCount: number | null = null;
  const min = MIN_COUNT.exec(rest);
  if (min) {
    minCount = parseSmallNumber(min[1] ?? '');
    rest = cut(rest, min);
  }

  let timesPerYear: number | null = null;
  let sawFrequency = false;
  const perPeriod = PER_PERIOD.exec(rest);
  const everyPeriod = perPeriod ? null : EVERY_PERIOD.exec(rest);
  if (perPeriod) {
    sawFrequency = true;
    const count = perPeriod[1] === undefined ? null : parseSmallNumber(perPeriod[1]);
    const per = PERIODS_PER_YEAR[perPeriod[2] ?? '年'] ?? 1;
    if (count === null) issues.push(`frequency "${perPeriod[0].trim()}" has no number`);
    else timesPerYear = count * per;
    rest = cut(rest, perPeriod);
  } else if (everyPeriod) {
    sawFrequency = true;
    const count = parseSmallNumber(everyPeriod[2] ?? '');
    timesPerYear = count === null ? null : count * (PERIODS_PER_YEAR[everyPeriod[1] ?? '年'] ?? 1);
    rest = cut(rest, everyPeriod);
  } else {
    const check = CHECK_TIMES.exec(rest) ?? BARE_TIMES.exec(rest);
    if (check) {
      sawFrequency = true;
      timesPerYear = parseSmallNumber(check[1] ?? '');
      issues.push(`frequency "${check[0].trim()}" has no period: read as per year`);
      rest = cut(rest, check);
    }
  }

  let ratio: PlanRatio | null = null;
  const percents = [...rest.matchAll(PERCENT)];
  const first = percents[0];
  if (first) {
    const percent = Number(first[2]);
    ratio = { percent, bound: boundOf(first[1], first[3]) };
    if (percent <= 0 || percent > 100) issues.push(`share ${percent}% is outside 0..100`);
    if (percents.length > 1) issues.push(`more than one share printed: only "${first[0].trim()}" is used`);
    for (const m of percents.slice().reverse()) rest = cut(rest, m);
  } else {
    const bare = /(^|[^\d.])(不低于|不超过|不少于)?\s*(\d+(?:\.\d+)?)(?![\d.])/.exec(rest);
    const value = bare ? Number(bare[3]) : NaN;
    if (bare && value > 0 && value <= 100) {
      ratio = { percent: value, bound: boundOf(bare[2], undefined) };
      issues.push(`no % sign: ${bare[3] ?? ''} read as ${value}%`);
      rest = rest.slice(0, bare.index) + (bare[1] ?? '') + rest.slice(bare.index + bare[0].length);
    } else if (WHOLE.test(rest)) {
      ratio = { percent: 100, bound: 'exact' };
      issues.push(`"${WHOLE.exec(rest)?.[0] ?? ''}" read as 100%`);
      rest = rest.replace(WHOLE, '');
    }
  }

  if (ratio === null && !sawFrequency && minCount === null && approxCount === null) {
    return err(`no share or frequency in "${text.trim()}"`);
  }
  if (ratio === null) issues.push('no share (%) printed');
  const leftover = rest.replace(/[\s;；,，:：、。.()（）/-]/g, '');
  if (leftover !== '') issues.push(`unrecognised text "${leftover}"`);
  return ok({ ratio, timesPerYear, minCount, approxCount, issues });
}

function cut(text: string, match: RegExpExecArray | RegExpMatchArray): string {
  const index = match.index ?? 0;
  return `${text.slice(0, index)} ${text.slice(index + match[0].length)}`;
}

/**
 * A cell that flattens several sub-rows holds several shares (`5% 1次/年 5% 1次/年`): one text per share.
 * A cell with at most one share is returned whole.
 */
export function splitRatioCell(text: string): string[] {
  const s = normaliseRatioText(text);
  const starts = [...s.matchAll(PERCENT)].map((m) => m.index);
  if (starts.length <= 1) return [text.trim()];
  const parts: string[] = [];
  for (let i = 0; i < starts.length; i++) {
    parts.push(s.slice(i === 0 ? 0 : starts[i], starts[i + 1] ?? s.length).trim());
  }
  return parts;
}

/** Whether a cell looks like a ratio-and-frequency cell (used to find the ratio column in shifted rows). */
export function looksLikeRatio(text: string): boolean {
  const s = normaliseRatioText(text);
  if (s === '' || s.length > 40) return false;
  return (
    new RegExp(`^(${BOUND_WORD})?\\s*\\d+(\\.\\d+)?\\s*%`).test(s) ||
    /次\s*\/\s*(年|半年|季度?|月)/.test(s) ||
    new RegExp(`^抽查\\s*${N}\\s*次$`).test(s) ||
    /^\d+(\.\d+)?\s+\d+\s*次/.test(s)
  );
}
