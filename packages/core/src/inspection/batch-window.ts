import { assert } from '../result.ts';
import { countDaysInMonth } from '../calendar/civil-date.ts';

/** December 15 is the year's hard end for inspections (issue "Inspections, results and publication"). */
export const YEAR_END_MONTH_DAY = '12-15';

export interface BatchWindow {
  /** First day of the batch's window, YYYY-MM-DD. */
  readonly from: string;
  /** Last day of the batch's window (the batch end date the 20-working-day deadline counts from), YYYY-MM-DD. */
  readonly to: string;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The window of batch `batch` of a task done `timesPerYear` times a year inside the months `fromMonth`–`toMonth`
 * (the plan's 时间安排; the whole year when none is printed): the months are split as evenly as possible in order,
 * earlier batches first; when there are fewer months than batches every batch gets the whole window. The end never
 * passes December 15, the year's hard end for inspections.
 */
export function computeBatchWindow(input: {
  readonly year: number;
  readonly fromMonth: number | null;
  readonly toMonth: number | null;
  readonly timesPerYear: number | null;
  readonly batch: number;
}): BatchWindow {
  const from = input.fromMonth ?? 1;
  const to = input.toMonth ?? 12;
  const times = Math.max(1, input.timesPerYear ?? 1);
  assert(from >= 1 && from <= 12 && to >= from && to <= 12, `computeBatchWindow: bad months ${from}-${to}`);
  assert(
    Number.isInteger(input.batch) && input.batch >= 1 && input.batch <= times,
    'computeBatchWindow: bad batch',
  );
  const months = to - from + 1;
  let startMonth = from;
  let endMonth = to;
  if (months >= times) {
    startMonth = from + Math.floor(((input.batch - 1) * months) / times);
    endMonth = from + Math.floor((input.batch * months) / times) - 1;
  }
  const y = String(input.year);
  const endDay = endMonth === 12 ? 15 : countDaysInMonth(input.year, endMonth);
  return { from: `${y}-${pad(startMonth)}-01`, to: `${y}-${pad(endMonth)}-${pad(endDay)}` };
}
