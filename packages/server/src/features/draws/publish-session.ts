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
import type { Database, DrawFrameStratumRow } from '../../db/schema.ts';
import { runResultTransaction } from '../../db/result-transaction.ts';
import type { DrawError } from './draw-errors.ts';
import { describeFrameTilts } from '../risk/risk-tilt.ts';

export interface PublishedDraw {
  readonly drawId: number;
  readonly taskCode: string;
  readonly batch: number;
  readonly targets: number;
}

/** Frame ids held in memory at once: frames are drawn chunk by chunk, each chunk with a handful of statements. */
const IDS_PER_CHUNK = 400_000;
/** Rows per bulk insert statement of targets and team members. */
const ROWS_PER_INSERT = 50_000;

/** Last day of a month of a year, as YYYY-MM-DD (certificates must be valid through the window's end). */
function endOfMonth(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

interface FrameRow {
  readonly id: number;
  readonly task_id: number;
  readonly task_code: string;
  readonly batch: number;
  readonly frame_hash: string;
  readonly sealed_hash: string | null;
  readonly ids: string[];
  readonly strata: DrawFrameStratumRow[];
  readonly excluded: { count: number; ids: string[] };
  readonly supersedes_draw_id: number | null;
  readonly redraw_reason: string | null;
  readonly redraw_approved_by: number | null;
  readonly salt: string;
  readonly assignments: { id: string; stratum: string }[];
}

/** What a task contributes to its draws: name, ratio text, departments and the window's last month. */
interface TaskInfo {
  readonly name: string;
  readonly ratio: string;
  readonly initiators: number[];
  readonly cooperators: number[];
  readonly windowEndMonth: number | null;
}

interface PoolInspector {
  readonly id: number;
  readonly code: string;
  readonly departmentId: number;
  readonly certificateExpiresOn: string;
}

/** The session's tasks: name, the ratio text of the first line, departments and the window's end. */
async function loadTasks(
  trx: Transaction<Database>,
  taskIds: readonly number[],
): Promise<Map<number, TaskInfo>> {
  const tasks = new Map<number, TaskInfo>();
  if (taskIds.length === 0) return tasks;
  const rows = await trx
    .selectFrom('tasks')
    .select(['id', 'name', 'initiator_department_ids', 'cooperator_department_ids'])
    .where('id', 'in', [...new Set(taskIds)])
    .execute();
  const lines = await trx
    .selectFrom('task_lines')
    .select([
      'task_id',
      'ratio_percent',
      'ratio_bound',
      'times_per_year',
      'min_count',
      'approx_count',
      'window_to_month',
    ])
    .where('task_id', 'in', [...new Set(taskIds)])
    .orderBy('task_id')
    .orderBy('line_no')
    .execute();
  for (const t of rows) {
    const own = lines.filter((l) => l.task_id === t.id);
    const line = own[0];
    const ends = own.map((l) => l.window_to_month).filter((m): m is number => m !== null);
    tasks.set(t.id, {
      name: t.name,
      ratio:
        line === undefined
          ? ''
          : formatPlanRatio({
              ratio:
                line.ratio_percent === null || line.ratio_bound === null
                  ? null
                  : { percent: line.ratio_percent, bound: line.ratio_bound },
              timesPerYear: line.times_per_year,
              minCount: line.min_count,
              approxCount: line.approx_count,
            }),
      initiators: t.initiator_department_ids,
      cooperators: t.cooperator_department_ids,
      windowEndMonth: ends.length === 0 ? null : Math.max(...ends),
    });
  }
  return tasks;
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

/** A chunk of the session's frames, ids and strata files included (JSON read as text: cheaper to parse here). */
async function loadFrames(trx: Transaction<Database>, frameIds: readonly number[]): Promise<FrameRow[]> {
  const rows = await trx
    .selectFrom('draw_frames as f')
    .innerJoin('draw_sealed_strata as s', 's.frame_id', 'f.id')
    .select([
      'f.id',
      'f.task_id',
      'f.task_code',
      'f.batch',
      'f.frame_hash',
      'f.sealed_hash',
      sql<string>`f.ids::text`.as('ids'),
      'f.strata',
      sql<string>`f.excluded::text`.as('excluded'),
      'f.supersedes_draw_id',
      'f.redraw_reason',
      'f.redraw_approved_by',
      's.salt',
      sql<string>`s.assignments::text`.as('assignments'),
    ])
    .where('f.id', 'in', [...frameIds])
    .orderBy('f.id')
    .execute();
  return rows.map((r) => ({
    ...r,
    ids: JSON.parse(r.ids) as string[],
    excluded: JSON.parse(r.excluded) as { count: number; ids: string[] },
    assignments: JSON.parse(r.assignments) as { id: string; stratum: string }[],
  }));
}

function addTo<K>(map: Map<K, Set<number>>, key: K, value: number): void {
  const set = map.get(key);
  if (set === undefined) map.set(key, new Set([value]));
  else set.add(value);
}

/** Who may not inspect an object (回避): declared conflicts, and per task the inspectors who inspected it before. */
interface Recusals {
  readonly conflicts: Map<number, Set<number>>;
  /** Keyed by `taskId/objectId`. */
  readonly earlier: Map<string, Set<number>>;
}

/**
 * What the inspector draws of a chunk of frames read from the database, one statement each: the register ids of the
 * targets, declared conflicts for them, and the teams that drew them for the same task before.
 */
async function loadTargetFacts(
  trx: Transaction<Database>,
  taskIds: readonly number[],
  targetIds: readonly string[],
): Promise<{ objectIds: Map<string, number>; recusals: Recusals }> {
  const objectIds = new Map<string, number>();
  const recusals: Recusals = { conflicts: new Map(), earlier: new Map() };
  if (targetIds.length === 0) return { objectIds, recusals };
  // Id lists travel as one text parameter and objects come back as one text value: a chunk can hold tens of
  // thousands of targets, more than a statement may bind parameters, and PGlite pays for every row returned.
  const objects = await sql<{ objects: string | null }>`
    select string_agg(o.id || chr(9) || o.canonical_id, chr(10)) as objects
    from objects o
    where o.canonical_id = any(string_to_array(${[...new Set(targetIds)].join('\n')}, chr(10)))`.execute(trx);
  for (const line of (objects.rows[0]?.objects ?? '').split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) objectIds.set(line.slice(tab + 1), Number(line.slice(0, tab)));
  }
  const objectList = [...objectIds.values()].join(',');
  const rows = await sql<{ task_id: number | null; inspector_id: number; object_id: number }>`
    select null::integer as task_id, c.inspector_id, c.object_id
    from inspector_conflicts c
    where c.object_id = any(string_to_array(${objectList}, ',')::integer[])
    union all
    select d.task_id, m.inspector_id, m.object_id
    from draw_team_members m
    join draws d on d.id = m.draw_id
    where d.task_id = any(string_to_array(${[...new Set(taskIds)].join(',')}, ',')::integer[])
      and m.object_id = any(string_to_array(${objectList}, ',')::integer[])`.execute(trx);
  for (const r of rows.rows) {
    if (r.task_id === null) addTo(recusals.conflicts, r.object_id, r.inspector_id);
    else addTo(recusals.earlier, `${String(r.task_id)}/${String(r.object_id)}`, r.inspector_id);
  }
  return { objectIds, recusals };
}

interface InspectorDraw {
  readonly slots: ReturnType<typeof createDefaultSlots>;
  readonly targets: InspectorDrawTarget[];
  readonly cap: number;
}

/**
 * The inspector draw's input for one task batch: slots (2 of the initiating department + 1 of each cooperating
 * one), and per target the eligible inspectors of each department: active (在岗), 执法证 valid through the end of
 * the task's window, no declared conflict with the target, not on a team that drew this target for this task before.
 * `pool` is every active inspector of the session's departments in id order.
 */
function prepareInspectorDraw(
  year: number,
  taskId: number,
  task: TaskInfo,
  targetIds: readonly string[],
  pool: readonly PoolInspector[],
  objectIds: ReadonlyMap<string, number>,
  recusals: Recusals,
): InspectorDraw | null {
  const [initiator, ...otherInitiators] = task.initiators;
  if (initiator === undefined) return null;
  const cooperating = [...new Set([...otherInitiators, ...task.cooperators])].filter((d) => d !== initiator);
  const slots = createDefaultSlots(String(initiator), cooperating.map(String));
  const departmentIds = [initiator, ...cooperating];
  const inDepartments = new Set(departmentIds);
  const validThrough = endOfMonth(year, task.windowEndMonth ?? 12);
  const eligiblePool = pool.filter(
    (p) => inDepartments.has(p.departmentId) && p.certificateExpiresOn >= validThrough,
  );
  // Most targets have no recusal: they share one eligibility map; a target with a recusal gets its own.
  const shared = new Map<string, string[]>();
  for (const d of departmentIds) shared.set(String(d), []);
  for (const p of eligiblePool) shared.get(String(p.departmentId))?.push(p.code);
  const targets: InspectorDrawTarget[] = targetIds.map((targetId) => {
    const objectId = objectIds.get(targetId) ?? -1;
    const conflicts = recusals.conflicts.get(objectId);
    const earlier = recusals.earlier.get(`${String(taskId)}/${String(objectId)}`);
    if (conflicts === undefined && earlier === undefined) return { targetId, slots, eligible: shared };
    const eligible = new Map<string, string[]>();
    for (const d of departmentIds) eligible.set(String(d), []);
    for (const p of eligiblePool) {
      if (conflicts?.has(p.id) === true || earlier?.has(p.id) === true) continue;
      eligible.get(String(p.departmentId))?.push(p.code);
    }
    return { targetId, slots, eligible };
  });
  // Workload cap: one and a half times the even share of the busiest department, at least 5 teams.
  let evenShare = 1;
  for (const slot of slots) {
    const size = shared.get(slot.departmentId)?.length ?? 0;
    evenShare = Math.max(evenShare, Math.ceil((slot.count * targetIds.length) / Math.max(size, 1)));
  }
  return { slots, targets, cap: Math.max(5, Math.ceil(evenShare * 1.5)) };
}

/** One drawn and recorded task batch, ready to store. */
interface DrawnFrame {
  readonly frame: FrameRow;
  readonly record: DrawRecord;
  readonly targets: readonly { id: string; objectId: number; ticket: string }[];
  readonly members: readonly {
    objectId: number;
    inspectorId: number;
    departmentId: number;
    ticket: string;
  }[];
}

/**
 * Draw and publish every frame of a seeded session (DOMAIN.md §4.3–4.4), all or nothing: targets by the consistent
 * sampler per sealed stratum, teams by the inspector draw, and the public record of each task batch.
 *
 * Set-based: frames are read, drawn and stored chunk by chunk (the whole 2023 first batch is one chunk); what the
 * inspector draws need from the database (tasks, inspectors, register ids, recusals) is read once per session or
 * chunk, and draws, targets and team members are written with a few bulk statements.
 */
export async function publishDrawSession(
  db: Kysely<Database>,
  actor: AuditActor,
  sessionId: number,
): Promise<Result<{ draws: PublishedDraw[] }, DrawError>> {
  // A frame that fails after earlier frames were drawn must not leave the session half-published.
  return runResultTransaction(db, async (trx): Promise<Result<{ draws: PublishedDraw[] }, DrawError>> => {
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
    const seedDigits = session.seed_digits;
    const seedAt = session.seed_at;
    const seed = combineSessionSeed(seedDigits, session.beacon);
    if (!seed.ok) return err({ kind: 'bad_seed', message: seed.error.message });
    const frameList = await trx
      .selectFrom('draw_frames')
      .select(['id', 'task_id', 'id_count'])
      .where('session_id', '=', sessionId)
      .orderBy('id')
      .execute();
    const tasks = await loadTasks(
      trx,
      frameList.map((f) => f.task_id),
    );
    // Issue #9: a frame tilted by the risk model names the model version in its record's ratio text.
    const tiltNotes = await describeFrameTilts(
      trx,
      frameList.map((f) => f.id),
    );
    const departmentIds = [
      ...new Set([...tasks.values()].flatMap((t) => [...t.initiators, ...t.cooperators])),
    ];
    const pool: PoolInspector[] =
      departmentIds.length === 0
        ? []
        : (
            await trx
              .selectFrom('inspectors')
              .select(['id', 'code', 'department_id', 'certificate_expires_on'])
              .where('department_id', 'in', departmentIds)
              .where('status', '=', '在岗')
              .orderBy('id')
              .execute()
          ).map((p) => ({
            id: p.id,
            code: p.code,
            departmentId: p.department_id,
            certificateExpiresOn: p.certificate_expires_on,
          }));
    // The inspector draw ranks by tickets of the public inspector codes (the ids the record publishes), so an
    // auditor with the register re-runs it exactly; database ids are only for storing the teams.
    const idOfCode = new Map(pool.map((p) => [p.code, p.id]));
    const names = new Map(
      (departmentIds.length === 0
        ? []
        : await trx
            .selectFrom('departments')
            .select(['id', 'name'])
            .where('id', 'in', departmentIds)
            .execute()
      ).map((d) => [String(d.id), d.name]),
    );
    const published: PublishedDraw[] = [];
    for (const chunk of chunkFrames(frameList)) {
      const frames = await loadFrames(trx, chunk);
      const drawnTargets: { frame: FrameRow; ids: string[] }[] = [];
      for (const frame of frames) {
        const several = frame.strata.length > 1;
        const drawn = drawTargets(
          frame.ids,
          seed.value,
          frame.task_code,
          frame.batch,
          frame.strata,
          several ? frame.assignments : null,
        );
        if (!drawn.ok)
          return err({ kind: 'record_failed', code: frame.task_code, message: drawn.error.message });
        drawnTargets.push({ frame, ids: drawn.value.map((t) => t.id) });
      }
      const facts = await loadTargetFacts(
        trx,
        frames.map((f) => f.task_id),
        drawnTargets.flatMap((d) => d.ids),
      );
      const done: DrawnFrame[] = [];
      for (const { frame, ids: targetIds } of drawnTargets) {
        const task = tasks.get(frame.task_id);
        const prepared =
          task === undefined
            ? null
            : prepareInspectorDraw(
                session.year,
                frame.task_id,
                task,
                targetIds,
                pool,
                facts.objectIds,
                facts.recusals,
              );
        if (task === undefined || prepared === null)
          return err({ kind: 'no_initiator', code: frame.task_code });
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
              ? (names.get(teams.error.departmentId) ?? teams.error.departmentId)
              : '';
          return err({
            kind: 'inspectors_short',
            code: frame.task_code,
            department,
            message: teams.error.message,
          });
        }
        // A later frame of the same task in this session (another batch) recuses these teams, as stored ones.
        for (const team of teams.value) {
          const key = `${String(frame.task_id)}/${String(facts.objectIds.get(team.targetId) ?? -1)}`;
          for (const m of team.members) addTo(facts.recusals.earlier, key, idOfCode.get(m.inspectorId) ?? -1);
        }
        const several = frame.strata.length > 1;
        const record = buildDrawRecord({
          id: `D${String(sessionId)}-${frame.task_code}-${String(frame.batch)}`,
          task: {
            code: frame.task_code,
            year: session.year,
            name: task.name,
            batch: frame.batch,
            ratio: task.ratio + (tiltNotes.get(frame.id) ?? ''),
          },
          session: {
            id: String(sessionId),
            witnesses: session.witnesses ?? [],
            frozenAt: session.frozen_at.toISOString(),
            seedAt: seedAt.toISOString(),
          },
          seed: { digits: seedDigits, beacon: session.beacon },
          frame: {
            ids: frame.ids,
            strata: frame.strata,
            strataFile: several ? { salt: frame.salt, assignments: frame.assignments } : null,
            hash: frame.frame_hash,
            sealed: frame.sealed_hash,
          },
          excludedIds: frame.excluded.ids,
          targets: targetIds,
          inspectors: {
            slots: prepared.slots.map((s) => ({
              department: names.get(s.departmentId) ?? s.departmentId,
              count: s.count,
            })),
            workloadCap: prepared.cap,
            teams: teams.value.map((team) => ({
              targetId: team.targetId,
              members: team.members.map((m) => ({
                inspectorId: m.inspectorId,
                department: names.get(m.departmentId) ?? m.departmentId,
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
        const tickets = new Map(record.value.targets.map((t) => [t.id, t.ticket]));
        done.push({
          frame,
          record: record.value,
          targets: targetIds.map((id) => ({
            id,
            objectId: facts.objectIds.get(id) ?? -1,
            ticket: tickets.get(id) ?? '',
          })),
          members: teams.value.flatMap((team) =>
            team.members.map((m) => ({
              objectId: facts.objectIds.get(team.targetId) ?? -1,
              inspectorId: idOfCode.get(m.inspectorId) ?? -1,
              departmentId: Number(m.departmentId),
              ticket: m.ticket,
            })),
          ),
        });
      }
      published.push(...(await storeDraws(trx, done)));
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

/** Frame ids in chunks of at most {@link IDS_PER_CHUNK} ids (a larger frame is a chunk of its own). */
function chunkFrames(frames: readonly { id: number; id_count: number }[]): number[][] {
  const chunks: number[][] = [];
  let chunk: number[] = [];
  let ids = 0;
  for (const f of frames) {
    if (chunk.length > 0 && ids + f.id_count > IDS_PER_CHUNK) {
      chunks.push(chunk);
      chunk = [];
      ids = 0;
    }
    chunk.push(f.id);
    ids += f.id_count;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** Stores the draws of a chunk (records, targets, team members) with a few bulk statements. */
async function storeDraws(trx: Transaction<Database>, done: readonly DrawnFrame[]): Promise<PublishedDraw[]> {
  if (done.length === 0) return [];
  const drawIds = new Map<number, number>();
  for (let i = 0; i < done.length; i += 500) {
    const rows = await trx
      .insertInto('draws')
      .values(
        done.slice(i, i + 500).map((d) => ({
          frame_id: d.frame.id,
          task_id: d.frame.task_id,
          task_code: d.frame.task_code,
          batch: d.frame.batch,
          record: JSON.stringify(storedRecordOf(d.record)),
          record_sha256: hashRecord(d.record),
          supersedes_draw_id: d.frame.supersedes_draw_id,
          reason: d.frame.redraw_reason,
          approved_by: d.frame.redraw_approved_by,
        })),
      )
      .returning(['id', 'frame_id'])
      .execute();
    for (const r of rows) drawIds.set(r.frame_id, r.id);
  }
  // Rows travel column by column, each column one text parameter (ids and tickets hold no comma or LF): no JSON
  // keys repeated per row, and one statement per table and chunk.
  const targets = done.flatMap((d) =>
    d.targets.map((t, rank) => ({ drawId: drawIds.get(d.frame.id) ?? -1, rank: rank + 1, ...t })),
  );
  for (let i = 0; i < targets.length; i += ROWS_PER_INSERT) {
    const rows = targets.slice(i, i + ROWS_PER_INSERT);
    await sql`
      insert into draw_targets (draw_id, rank, object_id, canonical_id, ticket)
      select * from unnest(
        string_to_array(${rows.map((r) => r.drawId).join(',')}, ',')::integer[],
        string_to_array(${rows.map((r) => r.rank).join(',')}, ',')::integer[],
        string_to_array(${rows.map((r) => r.objectId).join(',')}, ',')::integer[],
        string_to_array(${rows.map((r) => r.id).join('\n')}, chr(10)),
        string_to_array(${rows.map((r) => r.ticket).join(',')}, ','))`.execute(trx);
  }
  const members = done.flatMap((d) =>
    d.members.map((m) => ({ drawId: drawIds.get(d.frame.id) ?? -1, ...m })),
  );
  for (let i = 0; i < members.length; i += ROWS_PER_INSERT) {
    const rows = members.slice(i, i + ROWS_PER_INSERT);
    await sql`
      insert into draw_team_members (draw_id, object_id, inspector_id, department_id, ticket)
      select * from unnest(
        string_to_array(${rows.map((r) => r.drawId).join(',')}, ',')::integer[],
        string_to_array(${rows.map((r) => r.objectId).join(',')}, ',')::integer[],
        string_to_array(${rows.map((r) => r.inspectorId).join(',')}, ',')::integer[],
        string_to_array(${rows.map((r) => r.departmentId).join(',')}, ',')::integer[],
        string_to_array(${rows.map((r) => r.ticket).join(',')}, ','))`.execute(trx);
  }
  return done.map((d) => ({
    drawId: drawIds.get(d.frame.id) ?? -1,
    taskCode: d.frame.task_code,
    batch: d.frame.batch,
    targets: d.targets.length,
  }));
}

/** The record as stored: the frame ids live in draw_frames (not twice); {@link loadDrawRecord} puts them back. */
function storedRecordOf(record: DrawRecord): unknown {
  return { ...record, frame: { ...record.frame, ids: [] } };
}

/**
 * SHA-256 of the record's canonical JSON (audit-log canonicalJson: keys sorted at every level), computed as
 * JSON.stringify of a key-sorted copy: the same text for a record (plain objects, arrays, strings, numbers, null),
 * several times faster on a frame of many ids. A key that looks like an array index (JavaScript lists those first,
 * whatever the insertion order) takes the general path.
 */
export function hashRecord(record: DrawRecord): string {
  const sorted = sortKeys(record);
  const text = sorted === INDEX_LIKE_KEY ? canonicalJson(record) : JSON.stringify(sorted);
  return createHash('sha256').update(text).digest('hex');
}

const INDEX_LIKE_KEY = Symbol('index-like key');

/**
 * A copy of `value` whose objects list their keys in code-unit order (arrays of primitives are kept as they are), or
 * {@link INDEX_LIKE_KEY} when an object has a key such as "7".
 */
function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (Array.isArray(value)) {
    if (!value.some((v) => v !== null && typeof v === 'object')) return value;
    const items = value.map(sortKeys);
    return items.includes(INDEX_LIKE_KEY) ? INDEX_LIKE_KEY : items;
  }
  const sorted: Record<string, unknown> = {};
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object).sort()) {
    if (/^(0|[1-9]\d*)$/.test(key)) return INDEX_LIKE_KEY;
    const item = sortKeys(object[key]);
    if (item === INDEX_LIKE_KEY) return INDEX_LIKE_KEY;
    sorted[key] = item;
  }
  return sorted;
}
