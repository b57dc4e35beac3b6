import type { Kysely } from 'kysely';

/**
 * Re-draws (DOMAIN.md §4.4): a frame frozen to replace a published draw names that draw and the reason; the office
 * admin who froze it is the approver. The published draw it replaces stays public, marked superseded.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('draw_frames')
    .addColumn('supersedes_draw_id', 'integer', (c) => c.references('draws.id'))
    .execute();
  await db.schema.alterTable('draw_frames').addColumn('redraw_reason', 'text').execute();
  await db.schema
    .alterTable('draw_frames')
    .addColumn('redraw_approved_by', 'integer', (c) => c.references('users.id'))
    .execute();
}
