import type { Kysely } from 'kysely';
import type { DrawRecord, StrataFile } from '@ssj/core';
import type { DrawDto, DrawListItemDto, DrawSessionDto } from '../../api-types.ts';
import type { Database } from '../../db/schema.ts';
import { IS_LIVE_DRAW, SUPERSEDED_BY } from './live-draw.ts';

/** The live draw of a task batch: the newest draw that no other draw supersedes. */
export async function findLiveDraw(
  db: Kysely<Database>,
  taskCode: string,
  batch: number,
): Promise<{ id: number; frameId: number } | null> {
  const row = await db
    .selectFrom('draws as d')
    .select(['d.id', 'd.frame_id'])
    .where('d.task_code', '=', taskCode)
    .where('d.batch', '=', batch)
    .where(IS_LIVE_DRAW)
    .orderBy('d.id', 'desc')
    .executeTakeFirst();
  return row === undefined ? null : { id: row.id, frameId: row.frame_id };
}

/** The full public record of a draw (frame ids put back from the frozen frame). */
export async function loadDrawRecord(db: Kysely<Database>, drawId: number): Promise<DrawRecord | null> {
  const row = await db
    .selectFrom('draws as d')
    .innerJoin('draw_frames as f', 'f.id', 'd.frame_id')
    .select(['d.record', 'f.ids'])
    .where('d.id', '=', drawId)
    .executeTakeFirst();
  if (row === undefined) return null;
  const stored = row.record as DrawRecord;
  return { ...stored, frame: { ...stored.frame, ids: row.ids } };
}

/** The sealed strata file of a draw's frame (auditors only), or null for a single-stratum frame. */
export async function loadStrataFile(
  db: Kysely<Database>,
  drawId: number,
): Promise<(StrataFile & { labels: Record<string, string> }) | null> {
  const row = await db
    .selectFrom('draws as d')
    .innerJoin('draw_frames as f', 'f.id', 'd.frame_id')
    .innerJoin('draw_sealed_strata as s', 's.frame_id', 'd.frame_id')
    .select(['f.ids', 's.salt', 's.id_strata', 's.labels'])
    .where('d.id', '=', drawId)
    .executeTakeFirst();
  if (row === undefined || row.id_strata.length === 0) return null;
  // The sealed stratum of each frame id is stored in the order of the ids (migration `sealed-strata-labels`).
  const assignments = row.id_strata.map((stratum, i) => ({ id: row.ids[i] ?? '', stratum }));
  return { salt: row.salt, assignments, labels: row.labels };
}

export async function loadDrawSession(db: Kysely<Database>, id: number): Promise<DrawSessionDto | null> {
  const s = await db.selectFrom('draw_sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (s === undefined) return null;
  const frames = await db
    .selectFrom('draw_frames as f')
    .innerJoin('tasks as t', 't.id', 'f.task_id')
    .leftJoin('draws as d', 'd.frame_id', 'f.id')
    .select([
      'f.task_code',
      't.name',
      'f.batch',
      'f.frame_hash',
      'f.id_count',
      'f.strata',
      'f.sealed_hash',
      'f.excluded',
      'd.id as draw_id',
    ])
    .where('f.session_id', '=', id)
    .orderBy('f.id')
    .execute();
  return {
    id: s.id,
    year: s.year,
    title: s.title,
    status: s.status,
    frozenAt: s.frozen_at.toISOString(),
    seed:
      s.seed_digits === null || s.seed_at === null
        ? null
        : {
            digits: s.seed_digits,
            beacon: s.beacon,
            witnesses: s.witnesses ?? [],
            enteredAt: s.seed_at.toISOString(),
          },
    publishedAt: s.published_at?.toISOString() ?? null,
    frames: frames.map((f) => ({
      taskCode: f.task_code,
      taskName: f.name,
      batch: f.batch,
      frameHash: f.frame_hash,
      frameSize: f.id_count,
      strata: f.strata,
      sealedHash: f.sealed_hash,
      excludedCount: f.excluded.count,
      drawId: f.draw_id,
    })),
  };
}

export async function listDrawSessions(db: Kysely<Database>): Promise<DrawSessionDto[]> {
  const ids = await db.selectFrom('draw_sessions').select('id').orderBy('id', 'desc').limit(200).execute();
  const sessions: DrawSessionDto[] = [];
  for (const { id } of ids) {
    const s = await loadDrawSession(db, id);
    if (s !== null) sessions.push(s);
  }
  return sessions;
}

/** Draws with their task, year, session, frame size and the draw superseding each (if any). */
function selectDrawSummaries(db: Kysely<Database>) {
  return db
    .selectFrom('draws as d')
    .innerJoin('draw_frames as f', 'f.id', 'd.frame_id')
    .innerJoin('tasks as t', 't.id', 'd.task_id')
    .innerJoin('plans as p', 'p.id', 't.plan_id')
    .select([
      'd.id',
      'd.task_code',
      't.name',
      'p.year',
      'd.batch',
      'f.session_id',
      'f.id_count',
      'd.created_at',
      SUPERSEDED_BY.as('superseded_by'),
    ]);
}

export async function listDraws(
  db: Kysely<Database>,
  filter: { year?: number | undefined; taskCode?: string | undefined },
): Promise<DrawListItemDto[]> {
  let query = selectDrawSummaries(db)
    .select((eb) =>
      eb
        .selectFrom('draw_targets as x')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('x.draw_id', '=', 'd.id')
        .as('targets'),
    )
    .orderBy('d.id', 'desc')
    .limit(2000);
  if (filter.year !== undefined) query = query.where('p.year', '=', filter.year);
  if (filter.taskCode !== undefined) query = query.where('d.task_code', '=', filter.taskCode);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    taskCode: r.task_code,
    taskName: r.name,
    year: r.year,
    batch: r.batch,
    sessionId: r.session_id,
    targets: Number(r.targets ?? 0),
    frameSize: r.id_count,
    createdAt: r.created_at.toISOString(),
    supersededBy: r.superseded_by,
  }));
}

/** A published draw with its drawn list (names and addresses are public once drawn) and teams by public code. */
export async function loadDraw(db: Kysely<Database>, id: number): Promise<DrawDto | null> {
  const d = await selectDrawSummaries(db)
    .select(['d.record_sha256', 'f.frame_hash', 'd.supersedes_draw_id'])
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (d === undefined) return null;
  const targets = await db
    .selectFrom('draw_targets as x')
    .innerJoin('objects as o', 'o.id', 'x.object_id')
    .innerJoin('regions as r', 'r.code', 'o.region_code')
    .select([
      'x.rank',
      'x.canonical_id',
      'o.name',
      'r.name as region_name',
      'o.address',
      'x.ticket',
      'x.object_id',
    ])
    .where('x.draw_id', '=', id)
    .orderBy('x.rank')
    .execute();
  const members = await db
    .selectFrom('draw_team_members as m')
    .innerJoin('inspectors as i', 'i.id', 'm.inspector_id')
    .innerJoin('departments as dep', 'dep.id', 'm.department_id')
    .select(['m.object_id', 'i.code', 'dep.name'])
    .where('m.draw_id', '=', id)
    .orderBy('m.object_id')
    .orderBy('m.ticket')
    .execute();
  const teams = new Map<number, { inspectorCode: string; department: string }[]>();
  for (const m of members) {
    const team = teams.get(m.object_id) ?? [];
    team.push({ inspectorCode: m.code, department: m.name });
    teams.set(m.object_id, team);
  }
  return {
    id: d.id,
    taskCode: d.task_code,
    taskName: d.name,
    year: d.year,
    batch: d.batch,
    sessionId: d.session_id,
    recordSha256: d.record_sha256,
    frameHash: d.frame_hash,
    frameSize: d.id_count,
    createdAt: d.created_at.toISOString(),
    supersedes: d.supersedes_draw_id,
    supersededBy: d.superseded_by,
    targets: targets.map((t) => ({
      rank: t.rank,
      canonicalId: t.canonical_id,
      name: t.name,
      regionName: t.region_name,
      address: t.address,
      ticket: t.ticket,
      team: teams.get(t.object_id) ?? [],
    })),
  };
}
