/**
 * The planner's statistics of the registers on PGlite, which runs PostgreSQL single-user without autovacuum.
 */
import { sql, type Kysely } from 'kysely';
import { findDatabaseEngine } from './database.ts';
import type { Database } from './schema.ts';

/** The registers (一单两库) as the draw reads them: objects with their licences and risk history, inspectors. */
const REGISTER_TABLES = [
  'objects',
  'object_licences',
  'object_risk_history',
  'inspectors',
  'inspector_conflicts',
] as const;

/**
 * Vacuums and analyses the registers. Without statistics the planner takes a table of 200,000 objects for a few
 * rows, and reads a whole region's register through an index instead of the table (a draw session's freeze and
 * publication took 0.5–0.9 s longer; docs/PERFORMANCE.md). PostgreSQL's autovacuum gathers them by itself; PGlite
 * has none, so the server does: after the demo register is generated, after an import is committed, at start and
 * hourly. Only the registers: analysing the draw tables as well while they were still empty made the first session's
 * publication slower, not faster (measured).
 */
export async function vacuumRegister(db: Kysely<Database>): Promise<void> {
  for (const table of REGISTER_TABLES) await sql`vacuum (analyze) ${sql.table(table)}`.execute(db);
}

/**
 * After an import is committed on PGlite: the registers' statistics gathered again (ANALYZE samples at most 30,000
 * rows of a table, so it costs little whatever the import's size; the vacuum waits for the hourly maintenance).
 * Nothing on PostgreSQL, whose autovacuum analyses a table once a tenth of it has changed.
 */
export async function analyzeRegisterAfterImport(db: Kysely<Database>): Promise<void> {
  if (findDatabaseEngine(db)?.kind !== 'pglite') return;
  for (const table of REGISTER_TABLES) await sql`analyze ${sql.table(table)}`.execute(db);
}
