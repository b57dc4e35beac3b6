import { addWorkingDays } from './working-days.ts';
import type { WorkingDayResult } from './working-days.ts';
import type { WorkCalendar } from './work-calendar.ts';

/** Working days allowed to enter and publish results after a batch ends (DOMAIN.md §3, seed notice). */
export const PUBLICATION_WORKING_DAYS = 20;

/**
 * Last day to publish (公示) the results of a batch: the 20th working day after the batch's end date
 * (DOMAIN.md §3: "results entered and published within 20 working days from the end of the batch";
 * the end day itself is not counted). Warns when the span crosses a year with an unknown schedule.
 */
export function computePublicationDeadline(cal: WorkCalendar, batchEnd: string): WorkingDayResult {
  return addWorkingDays(cal, batchEnd, PUBLICATION_WORKING_DAYS);
}
