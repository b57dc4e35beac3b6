import { sql, type Kysely, type Transaction } from 'kysely';
import { combineSessionSeed, err, formatPlanRatio, ok, type Result } from '@ssj/core';
import { appendAudit, type AuditActor } from '../../audit/audit-log.ts';
import type { Database } from '../../db/schema.ts';
import { runResultTransaction } from '../../db/result-transaction.ts';
import type { DrawError } from './draw-errors.ts';
import { describeFrameTilts } from '../risk/risk-tilt.ts';
import {
  type DrawnFrame,
  type FrameText,
  type PoolInspector,
  type Supersedes,
  type TaskInfo,
  type TeamContext,
} from './draw-computation.ts';
import { groupForOverlap, openDrawComputer, type DrawComputer } from './draw-computer.ts';

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

/** What a frame's row says besides the draw itself: the re-draw it is, if any. */
interface FrameRedraw {
  readonly supersedesDrawId: number | null;
  readonly reason: string | null;
  readonly approvedBy: number | null;
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
  redraw: FrameRedraw,
): Promise<Supersedes | null> {
  if (redraw.supersedesDrawId === null) return null;
  const old = await trx
    .selectFrom('draws')
    .select(['record'])
    .where('id', '=', redraw.supersedesDrawId)
    .executeTakeFirstOrThrow();
  const approver =
    redraw.approvedBy === null
      ? undefined
      : await trx
          .selectFrom('users')
          .select('display_name')
          .where('id', '=', redraw.approvedBy)
          .executeTakeFirst();
  return {
    drawId: (old.record as { id: string }).id,
    reason: redraw.reason ?? '',
    approvedBy: approver?.display_name ?? '领导小组办公室',
  };
}

/**
 * A chunk of the session's frames, ids and strata files included, their JSON as text (parsed where the draw runs),
 * and what each says of a re-draw.
 */
async function loadFrames(
  trx: Transaction<Database>,
  frameIds: readonly number[],
): Promise<{ texts: FrameText[]; redraws: Map<number, FrameRedraw> }> {
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
      sql<string>`s.id_strata::text`.as('id_strata'),
    ])
    .where('f.id', 'in', [...frameIds])
    .orderBy('f.id')
    .execute();
  return {
    texts: rows.map((r) => ({
      id: r.id,
      taskId: r.task_id,
      taskCode: r.task_code,
      batch: r.batch,
      frameHash: r.frame_hash,
      sealedHash: r.sealed_hash,
      strata: r.strata,
      salt: r.salt,
      idsText: r.ids,
      excludedText: r.excluded,
      idStrataText: r.id_strata,
    })),
    redraws: new Map(
      rows.map((r) => [
        r.id,
        { supersedesDrawId: r.supersedes_draw_id, reason: r.redraw_reason, approvedBy: r.redraw_approved_by },
      ]),
    ),
  };
}

function addTo<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/**
 * What the inspector draws of a chunk of frames read from the database, one statement each: the register ids of the
 * targets, declared conflicts for them (回避), and the inspectors of teams that drew them for the same task before.
 */
async function loadTargetFacts(
  trx: Transaction<Database>,
  taskIds: readonly number[],
  targetIds: readonly string[],
): Promise<Pick<TeamContext, 'objectIds' | 'conflicts' | 'earlier'>> {
  const objectIds = new Map<string, number>();
  const conflicts = new Map<number, number[]>();
  const earlier = new Map<string, number[]>();
  if (targetIds.length === 0) return { objectIds, conflicts, earlier };
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
    if (r.task_id === null) addTo(conflicts, r.object_id, r.inspector_id);
    else addTo(earlier, `${String(r.task_id)}/${String(r.object_id)}`, r.inspector_id);
  }
  return { objectIds, conflicts, earlier };
}

/**
 * Draw and publish every frame of a seeded session (DOMAIN.md §4.3–4.4), all or nothing: targets by the consistent
 * sampler per sealed stratum, teams by the inspector draw, and the public record of each task batch.
 *
 * Set-based and overlapped: frames are read, drawn and stored chunk by chunk (the whole 2023 first batch is one
 * chunk); what the draws need from the database (tasks, inspectors, register ids, recusals) is read once per session
 * or chunk; the draw itself (draw-computation.ts) runs in the draw worker (draw-computer.ts), group by group, while
 * this thread stores the previous group's draws, targets and team members with a few bulk statements.
 */
export async function publishDrawSession(
  db: Kysely<Database>,
  actor: AuditActor,
  sessionId: number,
): Promise<Result<{ draws: PublishedDraw[] }, DrawError>> {
  const computer = await openDrawComputer();
  try {
    // A frame that fails after earlier frames were drawn must not leave the session half-published.
    return await runResultTransaction(db, (trx) => publishInTransaction(trx, computer, actor, sessionId));
  } finally {
    computer.release();
  }
}

async function publishInTransaction(
  trx: Transaction<Database>,
  computer: DrawComputer,
  actor: AuditActor,
  sessionId: number,
): Promise<Result<{ draws: PublishedDraw[] }, DrawError>> {
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
  const departmentIds = [...new Set([...tasks.values()].flatMap((t) => [...t.initiators, ...t.cooperators]))];
  // The inspector draw ranks by tickets of the public inspector codes (the ids the record publishes), so an
  // auditor with the register re-runs it exactly; database ids are only for storing the teams.
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
  const names = new Map(
    (departmentIds.length === 0
      ? []
      : await trx.selectFrom('departments').select(['id', 'name']).where('id', 'in', departmentIds).execute()
    ).map((d) => [String(d.id), d.name]),
  );
  const published: PublishedDraw[] = [];
  for (const chunk of chunkFrames(frameList)) {
    const { texts, redraws } = await loadFrames(trx, chunk);
    const drawn = await computer.drawTargets(seed.value, texts);
    if (!drawn.ok) return drawn;
    const facts = await loadTargetFacts(
      trx,
      texts.map((f) => f.taskId),
      drawn.value.flatMap((d) => d.targetIds),
    );
    const supersedes = new Map<number, Supersedes>();
    for (const [frameId, redraw] of redraws) {
      const described = await describeSupersedes(trx, redraw);
      if (described !== null) supersedes.set(frameId, described);
    }
    const context: TeamContext = {
      session: {
        id: sessionId,
        year: session.year,
        witnesses: session.witnesses ?? [],
        frozenAt: session.frozen_at.toISOString(),
        seedAt: session.seed_at.toISOString(),
      },
      seed: { digits: session.seed_digits, beacon: session.beacon, value: seed.value },
      tasks,
      pool,
      names,
      ...facts,
      tiltNotes,
      supersedes,
    };
    // Every group is asked for at once; the worker answers them in order while the draws come back to be stored.
    const frameIds = drawn.value.map((d) => d.frameId);
    const answers = groupForOverlap(drawn.value.map((d) => d.targetIds.length)).map(([start, end], i) =>
      computer.drawTeams(i === 0 ? context : null, frameIds.slice(start, end)),
    );
    for (const answer of answers) answer.catch(() => undefined);
    for (const answer of answers) {
      const done = await answer;
      if (!done.ok) return done;
      published.push(...(await storeDraws(trx, done.value, redraws)));
    }
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

/** Stores the draws of a group (records, targets, team members) with a few bulk statements. */
async function storeDraws(
  trx: Transaction<Database>,
  done: readonly DrawnFrame[],
  redraws: ReadonlyMap<number, FrameRedraw>,
): Promise<PublishedDraw[]> {
  if (done.length === 0) return [];
  const drawIds = new Map<number, number>();
  for (let i = 0; i < done.length; i += 500) {
    const rows = await trx
      .insertInto('draws')
      .values(
        done.slice(i, i + 500).map((d) => {
          const redraw = redraws.get(d.frameId);
          return {
            frame_id: d.frameId,
            task_id: d.taskId,
            task_code: d.taskCode,
            batch: d.batch,
            record: d.storedRecord,
            record_sha256: d.recordSha256,
            supersedes_draw_id: redraw?.supersedesDrawId ?? null,
            reason: redraw?.reason ?? null,
            approved_by: redraw?.approvedBy ?? null,
          };
        }),
      )
      .returning(['id', 'frame_id'])
      .execute();
    for (const r of rows) drawIds.set(r.frame_id, r.id);
  }
  // Rows travel column by column, each column one text parameter (ids and tickets hold no comma or LF): no JSON
  // keys repeated per row, and one statement per table and group.
  const targets = done.flatMap((d) =>
    d.targets.map((t, rank) => ({ drawId: drawIds.get(d.frameId) ?? -1, rank: rank + 1, ...t })),
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
  const members = done.flatMap((d) => d.members.map((m) => ({ drawId: drawIds.get(d.frameId) ?? -1, ...m })));
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
    drawId: drawIds.get(d.frameId) ?? -1,
    taskCode: d.taskCode,
    batch: d.batch,
    targets: d.targets.length,
  }));
}
