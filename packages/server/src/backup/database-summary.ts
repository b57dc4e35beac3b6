import { sql, type Kysely } from 'kysely';
import { AUDIT_GENESIS } from '../audit/audit-log.ts';
import type { Database } from '../db/schema.ts';
import type { DatabaseSummary } from './backup-archive.ts';

/**
 * What a database says about itself: applied migrations, the audit chain's length and head, and the row count of
 * every table in the public schema. Taken with a backup (into its manifest) and again after a restore: the two must
 * be equal.
 */
export async function summariseDatabase(db: Kysely<Database>): Promise<DatabaseSummary> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'
    order by table_name`.execute(db);
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const row = await sql<{ n: string }>`select count(*) as n from ${sql.table(name)}`.execute(db);
    counts[name] = Number(row.rows[0]?.n ?? 0);
  }
  const migrations =
    counts['schema_migrations'] === undefined
      ? []
      : (await sql<{ name: string }>`select name from schema_migrations order by name`.execute(db)).rows.map(
          (r) => r.name,
        );
  const head = await db
    .selectFrom('audit_log')
    .select(['id', 'hash'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return {
    migrations,
    audit: {
      entries: counts['audit_log'] ?? 0,
      headId: head?.id ?? null,
      headHash: head?.hash ?? AUDIT_GENESIS,
    },
    tables: counts,
  };
}
