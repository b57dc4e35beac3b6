import type { Kysely } from 'kysely';
import type { DrawRecord, StrataFile } from '@ssj/core';
import type { Database } from '../../db/schema.ts';

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
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('draws as s').select('s.id').whereRef('s.supersedes_draw_id', '=', 'd.id'))),
    )
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
    .innerJoin('draw_sealed_strata as s', 's.frame_id', 'd.frame_id')
    .select(['s.salt', 's.assignments', 's.labels'])
    .where('d.id', '=', drawId)
    .executeTakeFirst();
  if (row === undefined || row.assignments.length === 0) return null;
  return { salt: row.salt, assignments: row.assignments, labels: row.labels };
}
