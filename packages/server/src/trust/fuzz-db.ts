import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Row counts of `tables`, to show that a refused import stored nothing (and a stored one only what it said). */
export async function countRows(
  db: Kysely<Database>,
  tables: readonly (keyof Database)[],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    counts[table] = Number(row.rows[0]?.n ?? 0);
  }
  return counts;
}

/** The tables whose count changed between two {@link countRows} snapshots, with the difference. */
export function diffCounts(
  before: Readonly<Record<string, number>>,
  after: Readonly<Record<string, number>>,
): Record<string, number> {
  const changed: Record<string, number> = {};
  for (const [table, n] of Object.entries(after)) {
    const delta = n - (before[table] ?? 0);
    if (delta !== 0) changed[table] = delta;
  }
  return changed;
}
