/**
 * The office's holiday-schedule table (DOMAIN.md §3: working days with 调休; a year whose schedule is not yet known
 * must be flagged): the State Council publishes next year's schedule each autumn, and `chinese-days` ships it only
 * in a later release, so the office enters it here. A year's entries are replaced as a whole, checked by core
 * `makeWorkCalendar` together with everything else, and audited. When the table changes, the deadlines of the
 * inspections not yet published whose counting crosses that year are counted again (a published deadline is final).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import {
  computePublicationDeadline,
  isWeekend,
  listOfficialScheduleYears,
  makeWorkCalendar,
  parseIsoDate,
  err,
  ok,
  type Result,
  type WorkCalendar,
} from '@ssj/core';
import type { CalendarOverrideDto, CalendarOverridesDto, CalendarOverridesInput } from '../../api-types.ts';
import { appendAudit, type AuditActor } from '../../audit/audit-log.ts';
import type { Database } from '../../db/schema.ts';

export type CalendarOverrideError =
  | { readonly kind: 'invalid'; readonly message: string }
  | { readonly kind: 'inconsistent'; readonly message: string };

/** The table and the years it and the package know. */
export async function listCalendarOverrides(
  db: Kysely<Database>,
  year?: number,
): Promise<CalendarOverridesDto> {
  let q = db.selectFrom('calendar_overrides').select(['date', 'kind', 'name']).orderBy('date');
  if (year !== undefined) q = q.where('date', 'like', `${String(year)}-%`);
  const entries = await q.execute();
  const years = await db.selectFrom('calendar_complete_years').select('year').orderBy('year').execute();
  return {
    entries: entries.map((e) => ({ date: e.date, kind: e.kind, name: e.name })),
    completeYears: years.map((y) => y.year),
    officialYears: listOfficialScheduleYears(),
  };
}

/**
 * Checks one year's entries: each a real date of that year, listed once; a 调休 working day (`workday`) must fall
 * on a Saturday or Sunday (a weekday is a working day anyway, so such an entry is a typing error).
 */
export function checkYearEntries(input: CalendarOverridesInput): Result<null, CalendarOverrideError> {
  const seen = new Set<string>();
  for (const [index, e] of input.entries.entries()) {
    const row = `第 ${String(index + 1)} 条`;
    const day = parseIsoDate(e.date);
    if (!day.ok) return err({ kind: 'invalid', message: `${row}日期「${e.date}」不是有效日期` });
    if (!e.date.startsWith(`${String(input.year)}-`)) {
      return err({ kind: 'invalid', message: `${row}日期 ${e.date} 不在 ${String(input.year)} 年内` });
    }
    if (seen.has(e.date)) return err({ kind: 'invalid', message: `${row}日期 ${e.date} 重复` });
    seen.add(e.date);
    if (e.kind === 'workday' && !isWeekend(day.value)) {
      return err({
        kind: 'invalid',
        message: `${row}：${e.date} 是周一至周五，本来就是工作日，调休上班日应为周六或周日`,
      });
    }
  }
  return ok(null);
}

async function recountDeadlines(
  trx: Transaction<Database>,
  cal: WorkCalendar,
  year: number,
): Promise<number> {
  const first = `${String(year)}-01-01`;
  const last = `${String(year)}-12-31`;
  // Task batches of unpublished inspections whose counting (window end, deadline] reaches into the year.
  const links = await trx
    .selectFrom('inspection_tasks as it')
    .innerJoin('inspections as i', 'i.id', 'it.inspection_id')
    .select(['it.inspection_id', 'it.draw_id', 'it.window_to', 'it.deadline'])
    .where('i.status', '!=', 'published')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('inspection_tasks as x')
          .select('x.inspection_id')
          .whereRef('x.inspection_id', '=', 'i.id')
          .where('x.window_to', '<=', last)
          .where('x.deadline', '>=', first),
      ),
    )
    .orderBy('it.inspection_id')
    .execute();
  const byInspection = new Map<number, { deadline: string; warnings: Set<string> }>();
  for (const link of links) {
    const counted = computePublicationDeadline(cal, link.window_to);
    if (counted.date !== link.deadline) {
      await trx
        .updateTable('inspection_tasks')
        .set({ deadline: counted.date })
        .where('inspection_id', '=', link.inspection_id)
        .where('draw_id', '=', link.draw_id)
        .execute();
    }
    const entry = byInspection.get(link.inspection_id) ?? {
      deadline: counted.date,
      warnings: new Set<string>(),
    };
    if (counted.date < entry.deadline) entry.deadline = counted.date;
    for (const w of counted.warnings) entry.warnings.add(w);
    byInspection.set(link.inspection_id, entry);
  }
  let changed = 0;
  for (const [id, entry] of byInspection) {
    const warning = entry.warnings.size > 0 ? [...entry.warnings].join('; ') : null;
    const updated = await trx
      .updateTable('inspections')
      .set({ deadline: entry.deadline, deadline_warning: warning })
      .where('id', '=', id)
      .where((eb) =>
        eb.or([
          eb('deadline', '!=', entry.deadline),
          warning === null
            ? eb('deadline_warning', 'is not', null)
            : eb('deadline_warning', 'is distinct from', warning),
        ]),
      )
      .executeTakeFirst();
    changed += Number(updated.numUpdatedRows);
  }
  return changed;
}

/**
 * Replaces the entries of `input.year` and whether that year is complete; validated (see {@link checkYearEntries}
 * and core makeWorkCalendar), audited, and the affected unpublished deadlines counted again, in one transaction.
 */
export async function replaceCalendarYear(
  db: Kysely<Database>,
  actor: AuditActor,
  input: CalendarOverridesInput,
): Promise<Result<{ entries: number; recountedInspections: number }, CalendarOverrideError>> {
  const checked = checkYearEntries(input);
  if (!checked.ok) return checked;
  return db.transaction().execute(async (trx) => {
    await sql`lock table calendar_overrides in exclusive mode`.execute(trx);
    const prefix = `${String(input.year)}-%`;
    const others = await trx
      .selectFrom('calendar_overrides')
      .select(['date', 'kind', 'name'])
      .where('date', 'not like', prefix)
      .execute();
    const before = await trx
      .selectFrom('calendar_overrides')
      .select(['date', 'kind', 'name'])
      .where('date', 'like', prefix)
      .orderBy('date')
      .execute();
    const years = await trx.selectFrom('calendar_complete_years').select('year').execute();
    const completeYears = new Set(years.map((y) => y.year));
    const wasComplete = completeYears.has(input.year);
    if (input.complete) completeYears.add(input.year);
    else completeYears.delete(input.year);
    const entries: CalendarOverrideDto[] = [...input.entries].sort((a, b) => (a.date < b.date ? -1 : 1));
    const cal = makeWorkCalendar({
      overrides: [...others, ...entries].map((e) => ({ date: e.date, kind: e.kind, name: e.name })),
      completeYears: [...completeYears],
    });
    if (!cal.ok) {
      return err({ kind: 'inconsistent', message: `节假日安排不一致：${JSON.stringify(cal.error)}` });
    }
    await trx.deleteFrom('calendar_overrides').where('date', 'like', prefix).execute();
    if (entries.length > 0) {
      await trx
        .insertInto('calendar_overrides')
        .values(entries.map((e) => ({ date: e.date, kind: e.kind, name: e.name, created_by: actor.userId })))
        .execute();
    }
    if (input.complete && !wasComplete) {
      await trx
        .insertInto('calendar_complete_years')
        .values({ year: input.year, created_by: actor.userId })
        .execute();
    }
    if (!input.complete && wasComplete) {
      await trx.deleteFrom('calendar_complete_years').where('year', '=', input.year).execute();
    }
    const recountedInspections = await recountDeadlines(trx, cal.value, input.year);
    await appendAudit(trx, actor, {
      action: 'calendar.replace_year',
      entity: 'calendar_year',
      entityId: String(input.year),
      before: { entries: before, complete: wasComplete },
      after: { entries, complete: input.complete, recountedInspections },
    });
    return ok({ entries: entries.length, recountedInspections });
  });
}
