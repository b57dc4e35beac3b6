import { countWorkingDaysBetween } from '../calendar/working-days.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';

/**
 * Where a result stands against its publication deadline (DOMAIN.md §5: yellow card on the due day, red after;
 * late publication is recorded, never hidden):
 * - `open`: not yet published, the deadline is ahead (`workingDaysLeft` ≥ 1);
 * - `due`: not yet published and today is the deadline (yellow card);
 * - `overdue`: not yet published and the deadline has passed (red card);
 * - `met` / `late`: published on or before / after the deadline.
 */
export type DeadlineStatus =
  | { readonly kind: 'open'; readonly workingDaysLeft: number }
  | { readonly kind: 'due' }
  | { readonly kind: 'overdue'; readonly workingDaysLate: number }
  | { readonly kind: 'met' }
  | { readonly kind: 'late'; readonly workingDaysLate: number };

/** The status of a deadline on `today`, given the date a result was published (null when not yet). Dates YYYY-MM-DD. */
export function describeDeadline(
  cal: WorkCalendar,
  deadline: string,
  today: string,
  publishedOn: string | null,
): DeadlineStatus {
  if (publishedOn !== null) {
    if (publishedOn <= deadline) return { kind: 'met' };
    return {
      kind: 'late',
      workingDaysLate: Math.max(1, countWorkingDaysBetween(cal, deadline, publishedOn).count),
    };
  }
  if (today < deadline)
    return { kind: 'open', workingDaysLeft: countWorkingDaysBetween(cal, today, deadline).count };
  if (today === deadline) return { kind: 'due' };
  return {
    kind: 'overdue',
    workingDaysLate: Math.max(1, countWorkingDaysBetween(cal, deadline, today).count),
  };
}
