/**
 * Civil dates as `YYYY-MM-DD` for the demo register (core has no clock: the reference date is passed in).
 * Day numbers are days since 1970-01-01 (H. Hinnant's days_from_civil / civil_from_days).
 */
import { assert } from '../result.ts';
import type { SeededRandom } from './seeded-random.ts';

export function toDayNumber(date: string): number {
  const y0 = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  if (!(
    date.length === 10 &&
    date[4] === '-' &&
    date[7] === '-' &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= 31
  )) {
    assert(false, `toDayNumber: not a YYYY-MM-DD date ${JSON.stringify(date)}`);
  }
  const y = month <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

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
