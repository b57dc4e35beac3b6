import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { startReadModelMaintenance, vacuumReadModel } from './read-model-maintenance.ts';

describe('read model maintenance', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('vacuums and analyses the read model tables', async () => {
    await vacuumReadModel(handle.db);
    const rows = await sql<{ relname: string; vacuumed: boolean }>`
      select relname, (last_vacuum is not null) as vacuumed from pg_stat_user_tables
      where relname in ('public_results', 'public_result_codes') order by relname`.execute(handle.db);
    expect(rows.rows).toEqual([
      { relname: 'public_result_codes', vacuumed: true },
      { relname: 'public_results', vacuumed: true },
    ]);
  });

  it('runs on its interval on PGlite only (PostgreSQL has autovacuum), and stops cleanly', async () => {
    const vacuums = async () =>
      Number(
        (
          await sql<{
            n: string;
          }>`select vacuum_count as n from pg_stat_user_tables where relname = 'public_results'`.execute(
            handle.db,
          )
        ).rows[0]?.n,
      );
    const logger = pino({ level: 'silent' });
    const before = await vacuums();
    const maintenance = startReadModelMaintenance(handle.db, handle.kind, logger, 20);
    await new Promise((r) => setTimeout(r, 200));
    await maintenance.stop();
    const after = await vacuums();
    if (handle.kind === 'pglite') expect(after).toBeGreaterThan(before);
    else expect(after).toBe(before);
  });
});
