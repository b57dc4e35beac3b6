import { sql, type Kysely } from 'kysely';

/**
 * The three large values of a draw session — a frame's ids (`draw_frames.ids`), its sealed stratum labels
 * (`draw_sealed_strata.id_strata`) and a draw's record (`draws.record`) — are stored out of line without compression
 * (`STORAGE EXTERNAL`). PostgreSQL compresses a value over ~2 KB with pglz by default, and on embedded PGlite that
 * compression was about a fifth of storing a session's records and frames (the 2023 first batch: the statements of
 * its publication 1.3–1.5 s instead of 1.7–1.9 s, alternating runs on one stored database; docs/PERFORMANCE.md). The
 * values are written once and read whole (exports, verification), never searched inside; they take about twice the
 * space (a few MB per session). Rows stored before keep their compression; only the way new values are stored changes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table draw_frames alter column ids set storage external`.execute(db);
  await sql`alter table draw_sealed_strata alter column id_strata set storage external`.execute(db);
  await sql`alter table draws alter column record set storage external`.execute(db);
}
