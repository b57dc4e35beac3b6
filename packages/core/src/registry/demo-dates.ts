/**
 * Civil dates as `YYYY-MM-DD` for the demo register (core has no clock: the reference date is passed in).
 */
import { assert } from '../result.ts';
import type { SeededRandom } from './seeded-random.ts';

/** Civil-date arithmetic is the calendar's (calendar/civil-date.ts); re-exported under the names used here. */
export { formatIsoDate as fromDayNumber, toDayNumber } from '../calendar/civil-date.ts';
import { formatIsoDate as fromDayNumber, toDayNumber } from '../calendar/civil-date.ts';

/** A uniformly random date in [from, to] (both `YYYY-MM-DD`, inclusive). */
export function pickDate(random: SeededRandom, from: string, to: string): string {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  if (a > b) assert(false, `pickDate: empty range ${from}..${to}`);
  return fromDayNumber(random.nextInt(a, b));
}

/** `date` moved by whole days. */
export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** First day of the month `months` months after the month of `date`. */
export function addMonths(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const y = year + Math.floor(month / 12);
  const m = (((month % 12) + 12) % 12) + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
}
