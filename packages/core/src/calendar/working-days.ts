import { assert } from '../result.ts';
import { formatIsoDate, toDayNumber, yearOfDayNumber } from './civil-date.ts';
import { isWorkingDayNumber } from './work-calendar.ts';
import type { WorkCalendar } from './work-calendar.ts';

/** A date computed over working days, with warnings about years whose schedule is unknown. */
export type WorkingDayResult = { readonly date: string; readonly warnings: string[] };

function warnUnknownYears(cal: WorkCalendar, years: ReadonlySet<number>): string[] {
  return [...years]
    .filter((y) => !cal.knownYears.has(y))
    .sort((a, b) => a - b)
    .map((y) => `no official holiday schedule known for ${y}: counted Monday-Friday as working days`);
}

/**
 * The n-th working day after `date` (DATE itself not counted; DOMAIN.md §3, working days with 调休);
 * n = 0 gives `date` itself, a negative n the |n|-th working day before it. When the days walked
 * through fall in a year whose schedule is unknown, the answer still comes (weekends-only for that
 * year) with a warning naming the year.
 */
export function addWorkingDays(cal: WorkCalendar, date: string, n: number): WorkingDayResult {
  assert(Number.isSafeInteger(n), `addWorkingDays: n must be an integer, got ${n}`);
  let day = toDayNumber(date);
  const step = n < 0 ? -1 : 1;
  const years = new Set<number>();
  let remaining = Math.abs(n);
  while (remaining > 0) {
    day += step;
    years.add(yearOfDayNumber(day));
    if (isWorkingDayNumber(cal, day)) remaining -= 1;
  }
  return { date: formatIsoDate(day), warnings: warnUnknownYears(cal, years) };
}

/**
 * Number of working days d with from < d ≤ to (0 when to ≤ from), so that
 * `addWorkingDays(cal, from, n).date === to` implies a count of n when `to` is a working day.
 * Warns about every year in (from, to] whose schedule is unknown.
 */
export function countWorkingDaysBetween(
  cal: WorkCalendar,
  from: string,
  to: string,
): { readonly count: number; readonly warnings: string[] } {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  let count = 0;
  const years = new Set<number>();
  for (let day = start + 1; day <= end; day++) {
    years.add(yearOfDayNumber(day));
    if (isWorkingDayNumber(cal, day)) count += 1;
  }
  return { count, warnings: warnUnknownYears(cal, years) };
}
