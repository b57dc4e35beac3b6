/**
 * Dispatch (issue "Inspections, results and publication"): every target of a live published draw becomes an
 * inspection for its drawn team, with the matters of the task, the batch window and the publication deadline (the
 * 20th working day after the batch end, DOMAIN.md §3). A target already waiting for a visit (未录入) whose window
 * overlaps is not visited twice: the task joins that visit (进一次门、查多项事, DOMAIN.md §3 joint visits), its team
 * joins the visit's team, and the visit keeps the shared window and the earliest deadline.
 *
 * Idempotent and crash-safe: a draw is dispatched in one transaction, and a draw with inspection rows is skipped, so
 * running it again (after a crash, at start-up, after every draw session) only does what is missing.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { computeBatchWindow, computePublicationDeadline, type WorkCalendar } from '@ssj/core';
import { appendAudit, type AuditActor } from '../../audit/audit-log.ts';
import type { Database } from '../../db/schema.ts';
import { loadWorkCalendar } from '../calendar/calendar-store.ts';
import { IS_LIVE_DRAW } from '../draws/live-draw.ts';
import { linkDemoInspector } from '../../demo/link-demo-inspector.ts';

export interface DispatchSummary {
  readonly draws: number;
  readonly created: number;
  readonly joined: number;
}

interface TaskWindow {
  readonly departmentId: number;
  readonly matters: string[];
  readonly window: { from: string; to: string };
  readonly deadline: string;
  readonly warning: string | null;
}

async function describeTaskBatch(
  trx: Transaction<Database>,
  cal: WorkCalendar,
  year: number,
  taskId: number,
  batch: number,
): Promise<TaskWindow | null> {
  const task = await trx
    .selectFrom('tasks')
    .select(['initiator_department_ids'])
    .where('id', '=', taskId)
    .executeTakeFirstOrThrow();
  const departmentId = task.initiator_department_ids[0];
  if (departmentId === undefined) return null;
  const lines = await trx
    .selectFrom('task_lines')
    .select(['matters', 'window_from_month', 'window_to_month', 'times_per_year'])
    .where('task_id', '=', taskId)
    .orderBy('line_no')
    .execute();
  const froms = lines.map((l) => l.window_from_month).filter((m): m is number => m !== null);
  const tos = lines.map((l) => l.window_to_month).filter((m): m is number => m !== null);
  const times = Math.max(1, ...lines.map((l) => l.times_per_year ?? 1));
  const window = computeBatchWindow({
    year,
    fromMonth: froms.length > 0 ? Math.min(...froms) : null,
    toMonth: tos.length > 0 ? Math.max(...tos) : null,
    timesPerYear: times,
    batch: Math.min(batch, times),
  });
  const deadline = computePublicationDeadline(cal, window.to);
  const matters = [...new Set(lines.flatMap((l) => l.matters))];
  return {
    departmentId,
    matters: matters.length > 0 ? matters : ['随机抽查'],
    window,
    deadline: deadline.date,
    warning: deadline.warnings.length > 0 ? deadline.warnings.join('; ') : null,
  };
}

/** Dispatches one draw in the caller's transaction. */
async function dispatchDraw(
  trx: Transaction<Database>,
  cal: WorkCalendar,
  draw: { id: number; task_id: number; task_code: string; batch: number; year: number },
): Promise<{ created: number; joined: number }> {
  const info = await describeTaskBatch(trx, cal, draw.year, draw.task_id, draw.batch);
  if (info === null) return { created: 0, joined: 0 };
  const targets = await trx
    .selectFrom('draw_targets as t')
    .innerJoin('objects as o', 'o.id', 't.object_id')
    .select(['t.object_id', 't.canonical_id', 'o.region_code'])
    .where('t.draw_id', '=', draw.id)
    .orderBy('t.rank')
    .execute();
  if (targets.length === 0) return { created: 0, joined: 0 };
  const objectIds = JSON.stringify(targets.map((t) => t.object_id));
  // Visits still waiting (未录入, nothing submitted) for these objects whose window overlaps this batch's.
  const open = await trx
    .selectFrom('inspections')
    .select(['id', 'object_id', 'window_from', 'window_to', 'deadline'])
    .where('year', '=', draw.year)
    .where('status', '=', 'draft')
    .where('submitted_at', 'is', null)
    .where('window_from', '<=', info.window.to)
    .where('window_to', '>=', info.window.from)
    .where('object_id', 'in', sql<number>`(select (jsonb_array_elements_text(${objectIds}::jsonb))::integer)`)
    .orderBy('id')
    .execute();
  const openByObject = new Map<number, (typeof open)[number]>();
  for (const o of open) if (!openByObject.has(o.object_id)) openByObject.set(o.object_id, o);

  const fresh = targets.filter((t) => !openByObject.has(t.object_id));
  const inspectionOf = new Map<number, number>();
  if (fresh.length > 0) {
    const rows = fresh.map((t) => ({
      object_id: t.object_id,
      canonical_id: t.canonical_id,
      region_code: t.region_code,
    }));
    const inserted = await sql<{ id: number; object_id: number }>`
      insert into inspections (year, object_id, canonical_id, region_code, responsible_department_id, window_from,
        window_to, deadline, deadline_warning)
      select ${draw.year}, r.object_id, r.canonical_id, r.region_code, ${info.departmentId}, ${info.window.from},
        ${info.window.to}, ${info.deadline}, ${info.warning}
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(object_id integer, canonical_id text, region_code text)
      returning id, object_id`.execute(trx);
    for (const r of inserted.rows) inspectionOf.set(r.object_id, r.id);
  }
  for (const [objectId, visit] of openByObject) {
    inspectionOf.set(objectId, visit.id);
    const from = visit.window_from > info.window.from ? visit.window_from : info.window.from;
    const to = visit.window_to < info.window.to ? visit.window_to : info.window.to;
    const deadline = visit.deadline < info.deadline ? visit.deadline : info.deadline;
    await trx
      .updateTable('inspections')
      .set({ window_from: from, window_to: to, deadline })
      .where('id', '=', visit.id)
      .execute();
  }
  const links = targets.map((t) => ({
    inspection_id: inspectionOf.get(t.object_id),
    object_id: t.object_id,
  }));
  await sql`
    insert into inspection_tasks (inspection_id, draw_id, object_id, task_id, task_code, batch, department_id, matters,
      window_from, window_to, deadline)
    select r.inspection_id, ${draw.id}, r.object_id, ${draw.task_id}, ${draw.task_code}, ${draw.batch},
      ${info.departmentId}, ${JSON.stringify(info.matters)}::jsonb, ${info.window.from}, ${info.window.to},
      ${info.deadline}
    from jsonb_to_recordset(${JSON.stringify(links)}::jsonb) as r(inspection_id integer, object_id integer)`.execute(
    trx,
  );
  await sql`
    insert into inspection_members (inspection_id, inspector_id, department_id)
    select distinct it.inspection_id, m.inspector_id, m.department_id
    from draw_team_members m
    join inspection_tasks it on it.draw_id = m.draw_id and it.object_id = m.object_id
    where m.draw_id = ${draw.id}
    on conflict do nothing`.execute(trx);
  return { created: fresh.length, joined: openByObject.size };
}

/**
 * Dispatches every live published draw of `year` (all years when null) that has no inspections yet, oldest first,
 * one transaction per draw, each audited.
 */
export async function dispatchPublishedDraws(
  db: Kysely<Database>,
  actor: AuditActor,
  year: number | null = null,
): Promise<DispatchSummary> {
  let query = db
    .selectFrom('draws as d')
    .innerJoin('tasks as t', 't.id', 'd.task_id')
    .innerJoin('plans as p', 'p.id', 't.plan_id')
    .select(['d.id', 'd.task_id', 'd.task_code', 'd.batch', 'p.year'])
    .where(IS_LIVE_DRAW)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('inspection_tasks as it').select('it.draw_id').whereRef('it.draw_id', '=', 'd.id'),
        ),
      ),
    )
    .where((eb) =>
      eb.exists(eb.selectFrom('draw_targets as x').select('x.draw_id').whereRef('x.draw_id', '=', 'd.id')),
    );
  if (year !== null) query = query.where('p.year', '=', year);
  const draws = await query.orderBy('d.id').execute();
  if (draws.length === 0) return { draws: 0, created: 0, joined: 0 };
  const cal = await loadWorkCalendar(db);
  let created = 0;
  let joined = 0;
  for (const draw of draws) {
    const done = await db.transaction().execute(async (trx) => {
      // Re-check inside the transaction: another dispatcher may have done this draw meanwhile.
      await sql`select pg_advisory_xact_lock(7262023)`.execute(trx);
      const already = await trx
        .selectFrom('inspection_tasks')
        .select('draw_id')
        .where('draw_id', '=', draw.id)
        .executeTakeFirst();
      if (already !== undefined) return { created: 0, joined: 0 };
      const counts = await dispatchDraw(trx, cal, draw);
      await appendAudit(trx, actor, {
        action: 'inspections.dispatch',
        entity: 'draw',
        entityId: String(draw.id),
        after: { task: draw.task_code, batch: draw.batch, ...counts },
      });
      return counts;
    });
    created += done.created;
    joined += done.joined;
  }
  await linkDemoInspector(db);
  return { draws: draws.length, created, joined };
}
