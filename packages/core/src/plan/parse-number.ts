/** Small counts as the notice prints them: Arabic digits or Chinese numerals up to 99 (一, 两, 十二 …). */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Regex source matching what {@link parseSmallNumber} accepts. */
export const SMALL_NUMBER_SOURCE = '(?:\\d+|[零〇一二两三四五六七八九十]+)';

/** Parses `12`, `一`, `十`, `十二`, `二十`, `二十四`; null when not a number. */
export function parseSmallNumber(text: string): number | null {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (!/^[零〇一二两三四五六七八九十]+$/.test(t)) return null;
  const ten = t.indexOf('十');
  if (ten < 0) return t.length === 1 ? (DIGITS[t] ?? null) : null;
  if (t.indexOf('十', ten + 1) >= 0) return null;
  const before = t.slice(0, ten);
  const after = t.slice(ten + 1);
  const tens = before === '' ? 1 : before.length === 1 ? (DIGITS[before] ?? null) : null;
  const units = after === '' ? 0 : after.length === 1 ? (DIGITS[after] ?? null) : null;
  if (tens === null || units === null) return null;
  return tens * 10 + units;
}
