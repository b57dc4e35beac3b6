import { sql, type Kysely } from 'kysely';

/**
 * Indexes for the public result search (issue "Inspections, results and publication": portal result search over
 * 1 M published results): by USCC / 注册号, newest publications first, per task / department filters, and object names
 * by any fragment of three or more characters (a trigram index: pg_trgm, loaded into PGlite as an extension and part
 * of PostgreSQL's standard contrib modules; it indexes Chinese text too).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create index objects_name_trgm_idx on objects using gin (name gin_trgm_ops)`.execute(db);
  await db.schema.createIndex('inspections_canonical_idx').on('inspections').column('canonical_id').execute();
  await db.schema
    .createIndex('inspections_published_idx')
    .on('inspections')
    .columns(['status', 'published_on desc', 'id desc'])
    .execute();
  await db.schema
    .createIndex('inspection_tasks_department_idx')
    .on('inspection_tasks')
    .columns(['department_id', 'inspection_id'])
    .execute();
  await db.schema
    .createIndex('inspection_tasks_code_idx')
    .on('inspection_tasks')
    .columns(['task_code'])
    .execute();
}
