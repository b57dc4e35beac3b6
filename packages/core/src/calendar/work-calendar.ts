import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { isWeekend, parseIsoDate, toDayNumber, yearOfDayNumber } from './civil-date.ts';
import { listOfficialScheduleEntries, listOfficialScheduleYears } from './official-schedule.ts';
import type { CalendarEntry } from './official-schedule.ts';

/**
 * Working days as the State Council's holiday schedule defines them, with 调休 (DOMAIN.md §3): a day
 * is a working day when it is a Monday–Friday not listed as a holiday, or a weekend day listed as a
 * workday. Built from the official schedules shipped by `chinese-days` and an office-editable override
 * table (for years the package does not know yet, or corrections). `knownYears` are the years whose
 * schedule is known; other years fall back to weekends-only and must be flagged by callers.
 */
export type WorkCalendar = {
  /** Day number → listed status. */
  readonly entries: ReadonlyMap<number, { readonly kind: 'workday' | 'holiday'; readonly name: string }>;
  readonly knownYears: ReadonlySet<number>;
};

export type WorkCalendarOptions = {
  /** Office-editable entries; they replace the package's entry for the same date. */
  readonly overrides?: readonly CalendarEntry[];
  /** Years whose override entries form a complete official schedule (added to `knownYears`). */
  readonly completeYears?: readonly number[];
  /** Use the package's official schedules (default true; false for tests and what-ifs). */
  readonly useOfficialSchedule?: boolean;
};

export type WorkCalendarProblem =
  | { readonly kind: 'bad-date'; readonly index: number; readonly message: string }
  | { readonly kind: 'conflicting-overrides'; readonly date: string }
  | { readonly kind: 'bad-year'; readonly year: number };

/** Builds a work calendar (see {@link WorkCalendar}); overrides are validated. */
export function makeWorkCalendar(
  options: WorkCalendarOptions = {},
): Result<WorkCalendar, WorkCalendarProblem> {
  const entries = new Map<number, { kind: 'workday' | 'holiday'; name: string }>();
  const knownYears = new Set<number>();
  if (options.useOfficialSchedule ?? true) {
    for (const e of listOfficialScheduleEntries()) {
      entries.set(toDayNumber(e.date), { kind: e.kind, name: e.name ?? '' });
    }
    for (const y of listOfficialScheduleYears()) knownYears.add(y);
  }
  const seen = new Map<number, 'workday' | 'holiday'>();
  for (const [index, e] of (options.overrides ?? []).entries()) {
    const day = parseIsoDate(e.date);
    if (!day.ok) return err({ kind: 'bad-date', index, message: day.error });
    const previous = seen.get(day.value);
    if (previous !== undefined && previous !== e.kind)
      return err({ kind: 'conflicting-overrides', date: e.date });
    seen.set(day.value, e.kind);
    entries.set(day.value, { kind: e.kind, name: e.name ?? '' });
  }
  for (const year of options.completeYears ?? []) {
    if (!Number.isInteger(year) || year < 1 || year > 9999) return err({ kind: 'bad-year', year });
    knownYears.add(year);
  }
  return ok({ entries, knownYears });
}

/** What a calendar says about one day. */
export type DayStatus = {
  readonly date: string;
  readonly working: boolean;
  /** `workday`/`holiday`: listed in the schedule; `weekday`/`weekend`: by the plain weekly rule. */
  readonly kind: 'workday' | 'holiday' | 'weekday' | 'weekend';
  readonly name: string;
  /** Whether the official schedule of this day's year is known. */
  readonly scheduleKnown: boolean;
};

/** Whether a day number is a working day (see {@link WorkCalendar}). */
export function isWorkingDayNumber(cal: WorkCalendar, dayNumber: number): boolean {
  const entry = cal.entries.get(dayNumber);
  if (entry !== undefined) return entry.kind === 'workday';
  return !isWeekend(dayNumber);
}

/**
 * Whether a `YYYY-MM-DD` date is a working day. In a year without a known schedule the answer is
 * weekends-only; use {@link describeDay} or {@link isScheduleKnown} to flag that.
 */
export function isWorkingDay(cal: WorkCalendar, date: string): boolean {
  return isWorkingDayNumber(cal, toDayNumber(date));
}

/** Whether the official schedule for a year is known to the calendar. */
export function isScheduleKnown(cal: WorkCalendar, year: number): boolean {
  return cal.knownYears.has(year);
}

/** Full status of a `YYYY-MM-DD` date. */
export function describeDay(cal: WorkCalendar, date: string): DayStatus {
  const dayNumber = toDayNumber(date);
  const scheduleKnown = cal.knownYears.has(yearOfDayNumber(dayNumber));
  const entry = cal.entries.get(dayNumber);
  if (entry !== undefined) {
    return { date, working: entry.kind === 'workday', kind: entry.kind, name: entry.name, scheduleKnown };
  }
  const weekend = isWeekend(dayNumber);
  return { date, working: !weekend, kind: weekend ? 'weekend' : 'weekday', name: '', scheduleKnown };
}
