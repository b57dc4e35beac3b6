import { sql, type Kysely } from 'kysely';

/**
 * `objects.name_key` (the normalised name, compared only for equality with parameters) in the "C" collation: byte
 * comparison instead of the locale's, which made its index the costliest part of a large object import (issue "The
 * registers": a 1 M-row import; measured in docs/PERFORMANCE.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table objects alter column name_key type text collate "C"`.execute(db);
}
