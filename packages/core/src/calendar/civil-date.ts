import { assert, err, ok } from '../result.ts';
import type { Result } from '../result.ts';

/**
 * Civil dates without `Date` (core has no clock): a date is a `YYYY-MM-DD` string or an integer day
 * number counting days since 1970-01-01 in the proleptic Gregorian calendar (ISO 8601 / GB/T 7408).
 * Algorithms after H. Hinnant, "chrono-compatible low-level date algorithms".
 */

/** Whether `year` is a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (1–12) of a year. */
export function countDaysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day number (days since 1970-01-01) of a valid civil date. */
export function dayNumberFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400; // [0, 399]
  const mp = (month + 9) % 12; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1; // [0, 365]
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy; // [0, 146096]
  return era * 146097 + doe - 719468;
}

export type CivilDate = { readonly year: number; readonly month: number; readonly day: number };

/** Civil date of a day number (inverse of {@link dayNumberFromCivil}). */
export function civilFromDayNumber(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Day of the week of a day number: 0 Sunday, 1 Monday, … 6 Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Whether a day number falls on Saturday or Sunday. */
export function isWeekend(dayNumber: number): boolean {
  const w = weekdayOfDayNumber(dayNumber);
  return w === 0 || w === 6;
}

/** Parses a strict `YYYY-MM-DD` date (years 0001–9999) to its day number. */
export function parseIsoDate(text: string): Result<number, string> {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text);
  if (m === null) return err(`not a YYYY-MM-DD date: ${JSON.stringify(text)}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > countDaysInMonth(year, month)) {
    return err(`no such date: ${text}`);
  }
  return ok(dayNumberFromCivil(year, month, day));
}

/** Day number of a `YYYY-MM-DD` date the caller has already validated (a programming error otherwise). */
export function toDayNumber(text: string): number {
  const r = parseIsoDate(text);
  assert(r.ok, r.ok ? '' : r.error);
  return r.value;
}

/** Formats a day number as `YYYY-MM-DD` (years 0001–9999). */
export function formatIsoDate(dayNumber: number): string {
  const { year, month, day } = civilFromDayNumber(dayNumber);
  assert(year >= 1 && year <= 9999, `formatIsoDate: year ${year} out of range`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Year of a day number. */
export function yearOfDayNumber(dayNumber: number): number {
  return civilFromDayNumber(dayNumber).year;
}
