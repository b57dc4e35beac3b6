import type { Kysely, Transaction } from 'kysely';
import { makeWorkCalendar, type WorkCalendar } from '@ssj/core';
import type { Database } from '../../db/schema.ts';

/** The date in China (UTC+8, no daylight saving) of an instant, as YYYY-MM-DD: deadlines are counted in local days. */
export function formatChinaDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

let cached: { key: string; calendar: WorkCalendar } | null = null;

/**
 * The working-day calendar (DOMAIN.md §3): the official schedules shipped by `chinese-days`, plus the office's
 * override table (`calendar_overrides`) and the years the office declared complete (`calendar_complete_years`).
 */
export async function loadWorkCalendar(db: Kysely<Database> | Transaction<Database>): Promise<WorkCalendar> {
  const overrides = await db
    .selectFrom('calendar_overrides')
    .select(['date', 'kind', 'name'])
    .orderBy('date')
    .execute();
  const years = await db.selectFrom('calendar_complete_years').select('year').orderBy('year').execute();
  // Building from the official schedules costs more than reading the (small) override table: keep the last one.
  const key = JSON.stringify([overrides, years]);
  if (cached !== null && cached.key === key) return cached.calendar;
  const cal = makeWorkCalendar({
    overrides: overrides.map((o) => ({ date: o.date, kind: o.kind, name: o.name })),
    completeYears: years.map((y) => y.year),
  });
  // Overrides are validated on entry (one row per date), so building can only fail on a bug.
  if (!cal.ok) throw new Error(`ssj: calendar overrides are inconsistent: ${JSON.stringify(cal.error)}`);
  cached = { key, calendar: cal.value };
  return cal.value;
}
