import { makeOrgCode, makeUscc } from '@ssj/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/audit-log.ts';
import { importObjects } from '../features/imports/import-objects.ts';
import { prepareDatabase } from '../start-server.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import type { DatabaseHandle } from './database.ts';
import { analyzeRegisterAfterImport, vacuumRegister } from './register-statistics.ts';

describe('register statistics', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await prepareDatabase(handle, { demo: false });
  });
  afterAll(async () => {
    await handle.close();
  });

  const counts = async () => {
    const rows = await sql<{ relname: string; vacuums: string; analyses: string }>`
      select relname, vacuum_count as vacuums, analyze_count as analyses from pg_stat_user_tables
      where relname in ('objects', 'object_licences', 'object_risk_history', 'inspectors', 'inspector_conflicts')
      order by relname`.execute(handle.db);
    return new Map(
      rows.rows.map((r) => [r.relname, { vacuums: Number(r.vacuums), analyses: Number(r.analyses) }]),
    );
  };

  it('vacuums and analyses every register table, and gives the planner the size of the object register', async () => {
    const uscc = (i: number): string => makeUscc('92140502' + makeOrgCode(`MC${String(i).padStart(6, '0')}`));
    const csv = [
      '名称,统一社会信用代码,登记状态',
      ...Array.from({ length: 300 }, (_, k) => `统计测试店${String(k)},${uscc(k)},存续`),
    ].join('\r\n');
    const imported = await importObjects(handle.db, SYSTEM_ACTOR, {
      fileName: 's.csv',
      bytes: Buffer.from(csv),
    });
    expect(imported.imported).toBe(300);
    const before = await counts();
    await vacuumRegister(handle.db);
    const after = await counts();
    expect([...after.keys()]).toEqual([
      'inspector_conflicts',
      'inspectors',
      'object_licences',
      'object_risk_history',
      'objects',
    ]);
    for (const [table, c] of after) {
      expect(c.vacuums, table).toBe((before.get(table)?.vacuums ?? 0) + 1);
      expect(c.analyses, table).toBe((before.get(table)?.analyses ?? 0) + 1);
    }
    const estimate = await sql<{ n: number }>`
      select reltuples::integer as n from pg_class where relname = 'objects'`.execute(handle.db);
    expect(estimate.rows[0]?.n).toBe(300);
  });

  it('after a committed import, analyses the registers on PGlite (PostgreSQL leaves it to autovacuum)', async () => {
    const before = await counts();
    await analyzeRegisterAfterImport(handle.db);
    const after = await counts();
    const expected = handle.kind === 'pglite' ? 1 : 0;
    for (const [table, c] of after)
      expect(c.analyses - (before.get(table)?.analyses ?? 0), table).toBe(expected);
  });
});
