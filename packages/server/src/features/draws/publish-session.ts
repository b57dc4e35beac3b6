import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import {
  assignInspectors,
  buildDrawRecord,
  combineSessionSeed,
  createDefaultSlots,
  deriveSeed,
  drawTargets,
  err,
  formatPlanRatio,
  ok,
  type DrawRecord,
  type InspectorDrawTarget,
  type Result,
} from '@ssj/core';
import { appendAudit, canonicalJson, type AuditActor } from '../../audit/audit-log.ts';
import type { Database } from '../../db/schema.ts';
import type { DrawError } from './draw-errors.ts';

export interface PublishedDraw {
  readonly drawId: number;
  readonly taskCode: string;
  readonly batch: number;
  readonly targets: number;
}

/** Last day of a month of a year, as YYYY-MM-DD (certificates must be valid through the window's end). */
function endOfMonth(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

interface FrameRow {
  id: number;
  task_id: number;
  task_code: string;
  batch: number;
  frame_hash: string;
  ids: string[];
  strata: { name: string; size: number; allocation: number }[];
  excluded: { count: number; hash: string; ids: string[] };
  supersedes_draw_id: number | null;
  redraw_reason: string | null;
  redraw_approved_by: number | null;
}

/** The `supersedes` part of a re-draw's record: the replaced draw's record id, the reason, the approver's name. */
async function describeSupersedes(
  trx: Transaction<Database>,
  frame: FrameRow,
): Promise<{ drawId: string; reason: string; approvedBy: string } | null> {
  if (frame.supersedes_draw_id === null) return null;
  const old = await trx
    .selectFrom('draws')
    .select(['record'])
    .where('id', '=', frame.supersedes_draw_id)
    .executeTakeFirstOrThrow();
  const approver =
    frame.redraw_approved_by === null
      ? undefined
      : await trx
          .selectFrom('users')
          .select('display_name')
          .where('id', '=', frame.redraw_approved_by)
          .executeTakeFirst();
  return {
    drawId: (old.record as { id: string }).id,
    reason: frame.redraw_reason ?? '',
    approvedBy: approver?.display_name ?? '领导小组办公室',
  };
}

/**
 * The inspector draw's input for one task batch: slots (2 of the initiating department + 1 of each cooperating
 * one), and per target the eligible inspectors of each department: active (在岗), 执法证 valid through the end of
 * the task's window, no declared conflict with the target, not on a team that drew this target for this task before.
 */
async function prepareInspectorDraw(
  trx: Transaction<Database>,
  year: number,
  taskId: number,
  targetIds: readonly string[],
): Promise<
  | {
      ok: true;
      slots: ReturnType<typeof createDefaultSlots>;
      targets: InspectorDrawTarget[];
      cap: number;
      names: Map<string, string>;
      codes: Map<string, string>;
      objectIds: Map<string, number>;
    }
  | { ok: false; reason: 'no_initiator' }
> {
  const task = await trx
    .selectFrom('tasks')
    .select(['initiator_department_ids', 'cooperator_department_ids'])
    .where('id', '=', taskId)
    .executeTakeFirstOrThrow();
  const [initiator, ...otherInitiators] = task.initiator_department_ids;
  if (initiator === undefined) return { ok: false, reason: 'no_initiator' };
  const cooperating = [...new Set([...otherInitiators, ...task.cooperator_department_ids])].filter(
    (d) => d !== initiator,
  );
  const slots = createDefaultSlots(String(initiator), cooperating.map(String));
  const departmentIds = [initiator, ...cooperating];
  const windowEnd = await trx
    .selectFrom('task_lines')
    .select((eb) => eb.fn.max<number | null>('window_to_month').as('to'))
    .where('task_id', '=', taskId)
    .executeTakeFirstOrThrow();
  const validThrough = endOfMonth(year, windowEnd.to ?? 12);
  const pool = await trx
    .selectFrom('inspectors')
    .select(['id', 'code', 'department_id'])
    .where('department_id', 'in', departmentIds)
    .where('status', '=', '在岗')
    .where('certificate_expires_on', '>=', validThrough)
    .orderBy('id')
    .execute();
  // Id lists travel as one JSON parameter: a draw can have tens of thousands of targets, more than a statement
  // may bind parameters (65,535).
  const objects = await trx
    .selectFrom('objects')
    .select(['id', 'canonical_id'])
    .where(
      'canonical_id',
      'in',
      sql<string>`(select jsonb_array_elements_text(${JSON.stringify(targetIds)}::jsonb))`,
    )
    .execute();
  const objectIds = new Map(objects.map((o) => [o.canonical_id, o.id]));
  const objectIdList = objects.map((o) => o.id);
  const conflicts =
    objectIdList.length === 0
      ? []
      : await trx
          .selectFrom('inspector_conflicts')
          .select(['inspector_id', 'object_id'])
          .where(
            'object_id',
            'in',
            sql<number>`(select (jsonb_array_elements_text(${JSON.stringify(objectIdList)}::jsonb))::integer)`,
          )
          .execute();
  const earlier =
    objectIdList.length === 0
      ? []
      : await trx
          .selectFrom('draw_team_members as m')
          .innerJoin('draws as d', 'd.id', 'm.draw_id')
          .select(['m.inspector_id', 'm.object_id'])
          .where('d.task_id', '=', taskId)
          .where(
            'm.object_id',
            'in',
            sql<number>`(select (jsonb_array_elements_text(${JSON.stringify(objectIdList)}::jsonb))::integer)`,
          )
          .execute();
  const recused = new Set(
    [...conflicts, ...earlier].map((c) => `${String(c.inspector_id)}/${String(c.object_id)}`),
  );
  const codes = new Map(pool.map((p) => [String(p.id), p.code]));
  const departments = await trx
    .selectFrom('departments')
    .select(['id', 'name'])
    .where('id', 'in', departmentIds)
    .execute();
  const names = new Map(departments.map((d) => [String(d.id), d.name]));
  // Most targets have no recusal: they share one eligibility map; a target with a recusal gets its own.
  const shared = new Map<string, string[]>();
  for (const d of departmentIds) shared.set(String(d), []);
  for (const p of pool) shared.get(String(p.department_id))?.push(String(p.id));
  const recusedObjects = new Set([...conflicts, ...earlier].map((c) => c.object_id));
  const targets: InspectorDrawTarget[] = targetIds.map((targetId) => {
    const objectId = objectIds.get(targetId) ?? -1;
    if (!recusedObjects.has(objectId)) return { targetId, slots, eligible: shared };
    const eligible = new Map<string, string[]>();
    for (const d of departmentIds) eligible.set(String(d), []);
    for (const p of pool) {
      if (recused.has(`${String(p.id)}/${String(objectId)}`)) continue;
      eligible.get(String(p.department_id))?.push(String(p.id));
    }
    return { targetId, slots, eligible };
  });
  // Workload cap: one and a half times the even share of the busiest department, at least 5 teams.
  let evenShare = 1;
  for (const slot of slots) {
    const size = pool.filter((p) => String(p.department_id) === slot.departmentId).length;
    evenShare = Math.max(evenShare, Math.ceil((slot.count * targetIds.length) / Math.max(size, 1)));
  }
  return { ok: true, slots, targets, cap: Math.max(5, Math.ceil(evenShare * 1.5)), names, codes, objectIds };
}

/**
 * Draw and publish every frame of a seeded session (DOMAIN.md §4.3–4.4), all or nothing: targets by the consistent
 * sampler per sealed stratum, teams by the inspector draw, and the public record of each task batch.
 */
export async function publishDrawSession(
  db: Kysely<Database>,
  actor: AuditActor,
  sessionId: number,
): Promise<Result<{ draws: PublishedDraw[] }, DrawError>> {
  return db.transaction().execute(async (trx): Promise<Result<{ draws: PublishedDraw[] }, DrawError>> => {
    const session = await trx
      .selectFrom('draw_sessions')
      .selectAll()
      .where('id', '=', sessionId)
      .forUpdate()
      .executeTakeFirst();
    if (session === undefined) return err({ kind: 'session_not_found', id: sessionId });
    if (session.status !== 'seeded' || session.seed_digits === null || session.seed_at === null) {
      return err({ kind: 'wrong_state', id: sessionId, status: session.status, expected: 'seeded' });
    }
    const seed = combineSessionSeed(session.seed_digits, session.beacon);
    if (!seed.ok) return err({ kind: 'bad_seed', message: seed.error.message });
    // Frame ids are loaded one frame at a time: a whole session's frames can hold millions of ids.
    const frameIds = await trx
      .selectFrom('draw_frames')
      .select('id')
      .where('session_id', '=', sessionId)
      .orderBy('id')
      .execute();
    const published: PublishedDraw[] = [];
    for (const { id: frameId } of frameIds) {
      const frame: FrameRow = await trx
        .selectFrom('draw_frames')
        .select([
          'id',
          'task_id',
          'task_code',
          'batch',
          'frame_hash',
          'ids',
          'strata',
          'excluded',
          'supersedes_draw_id',
          'redraw_reason',
          'redraw_approved_by',
        ])
        .where('id', '=', frameId)
        .executeTakeFirstOrThrow();
      const sealed = await trx
        .selectFrom('draw_sealed_strata')
        .select(['salt', 'assignments'])
        .where('frame_id', '=', frame.id)
        .executeTakeFirstOrThrow();
      const several = frame.strata.length > 1;
      const drawn = drawTargets(
        frame.ids,
        seed.value,
        frame.task_code,
        frame.batch,
        frame.strata,
        several ? sealed.assignments : null,
      );
      if (!drawn.ok)
        return err({ kind: 'record_failed', code: frame.task_code, message: drawn.error.message });
      const targetIds = drawn.value.map((t) => t.id);
      const prepared = await prepareInspectorDraw(trx, session.year, frame.task_id, targetIds);
      if (!prepared.ok) return err({ kind: 'no_initiator', code: frame.task_code });
      const inspectorSeed = deriveSeed(seed.value, frame.task_code, frame.batch, 'inspectors');
      if (!inspectorSeed.ok) return err({ kind: 'bad_seed', message: inspectorSeed.error.message });
      const teams = assignInspectors({
        inspectorSeed: inspectorSeed.value,
        targets: prepared.targets,
        workloadCap: prepared.cap,
      });
      if (!teams.ok) {
        const department =
          teams.error.kind === 'departmentShort'
            ? (prepared.names.get(teams.error.departmentId) ?? teams.error.departmentId)
            : '';
        return err({
          kind: 'inspectors_short',
          code: frame.task_code,
          department,
          message: teams.error.message,
        });
      }
      const task = await trx
        .selectFrom('tasks')
        .select(['name'])
        .where('id', '=', frame.task_id)
        .executeTakeFirstOrThrow();
      const line = await trx
        .selectFrom('task_lines')
        .select(['ratio_percent', 'ratio_bound', 'times_per_year', 'min_count', 'approx_count'])
        .where('task_id', '=', frame.task_id)
        .orderBy('line_no')
        .executeTakeFirstOrThrow();
      const record = buildDrawRecord({
        id: `D${String(sessionId)}-${frame.task_code}-${String(frame.batch)}`,
        task: {
          code: frame.task_code,
          year: session.year,
          name: task.name,
          batch: frame.batch,
          ratio: formatPlanRatio({
            ratio:
              line.ratio_percent === null || line.ratio_bound === null
                ? null
                : { percent: line.ratio_percent, bound: line.ratio_bound },
            timesPerYear: line.times_per_year,
            minCount: line.min_count,
            approxCount: line.approx_count,
          }),
        },
        session: {
          id: String(sessionId),
          witnesses: session.witnesses ?? [],
          frozenAt: session.frozen_at.toISOString(),
          seedAt: session.seed_at.toISOString(),
        },
        seed: { digits: session.seed_digits, beacon: session.beacon },
        frame: {
          ids: frame.ids,
          strata: frame.strata,
          strataFile: several ? { salt: sealed.salt, assignments: sealed.assignments } : null,
          hash: frame.frame_hash,
        },
        excludedIds: frame.excluded.ids,
        targets: targetIds,
        inspectors: {
          slots: prepared.slots.map((s) => ({
            department: prepared.names.get(s.departmentId) ?? s.departmentId,
            count: s.count,
          })),
          workloadCap: prepared.cap,
          teams: teams.value.map((team) => ({
            targetId: team.targetId,
            members: team.members.map((m) => ({
              inspectorId: prepared.codes.get(m.inspectorId) ?? m.inspectorId,
              department: prepared.names.get(m.departmentId) ?? m.departmentId,
            })),
          })),
        },
        supersedes: await describeSupersedes(trx, frame),
      });
      if (!record.ok) {
        const message =
          record.error.kind === 'invalidInput'
            ? record.error.message
            : JSON.stringify(record.error.discrepancy);
        return err({ kind: 'record_failed', code: frame.task_code, message });
      }
      const stored = storedRecordOf(record.value);
      const row = await trx
        .insertInto('draws')
        .values({
          frame_id: frame.id,
          task_id: frame.task_id,
          task_code: frame.task_code,
          batch: frame.batch,
          record: JSON.stringify(stored),
          record_sha256: hashRecord(record.value),
          supersedes_draw_id: frame.supersedes_draw_id,
          reason: frame.redraw_reason,
          approved_by: frame.redraw_approved_by,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const tickets = new Map(record.value.targets.map((t) => [t.id, t.ticket]));
      const targetRows = targetIds.map((id, rank) => ({
        draw_id: row.id,
        rank: rank + 1,
        object_id: prepared.objectIds.get(id) ?? -1,
        canonical_id: id,
        ticket: tickets.get(id) ?? '',
      }));
      for (let i = 0; i < targetRows.length; i += 5000) {
        await sql`
          insert into draw_targets (draw_id, rank, object_id, canonical_id, ticket)
          select r.draw_id, r.rank, r.object_id, r.canonical_id, r.ticket
          from jsonb_to_recordset(${JSON.stringify(targetRows.slice(i, i + 5000))}::jsonb)
            as r(draw_id integer, rank integer, object_id integer, canonical_id text, ticket text)`.execute(
          trx,
        );
      }
      const memberRows = teams.value.flatMap((team) =>
        team.members.map((m) => ({
          draw_id: row.id,
          object_id: prepared.objectIds.get(team.targetId) ?? -1,
          inspector_id: Number(m.inspectorId),
          department_id: Number(m.departmentId),
          ticket: m.ticket,
        })),
      );
      for (let i = 0; i < memberRows.length; i += 5000) {
        await sql`
          insert into draw_team_members (draw_id, object_id, inspector_id, department_id, ticket)
          select r.draw_id, r.object_id, r.inspector_id, r.department_id, r.ticket
          from jsonb_to_recordset(${JSON.stringify(memberRows.slice(i, i + 5000))}::jsonb)
            as r(draw_id integer, object_id integer, inspector_id integer, department_id integer, ticket text)`.execute(
          trx,
        );
      }
      published.push({
        drawId: row.id,
        taskCode: frame.task_code,
        batch: frame.batch,
        targets: targetIds.length,
      });
    }
    await trx
      .updateTable('draw_sessions')
      .set({ status: 'published', published_at: new Date() })
      .where('id', '=', sessionId)
      .execute();
    await appendAudit(trx, actor, {
      action: 'draw.publish',
      entity: 'draw_session',
      entityId: String(sessionId),
      after: { draws: published },
    });
    return ok({ draws: published });
  });
}

/** The record as stored: the frame ids live in draw_frames (not twice); {@link loadDrawRecord} puts them back. */
function storedRecordOf(record: DrawRecord): unknown {
  return { ...record, frame: { ...record.frame, ids: [] } };
}

export function hashRecord(record: DrawRecord): string {
  return createHash('sha256').update(canonicalJson(record)).digest('hex');
}
