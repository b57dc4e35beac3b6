import { err, ok } from '@ssj/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, verifyAuditChain } from '../audit/audit-log.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { runResultTransaction } from '../db/result-transaction.ts';
import { seedDemoPlan } from '../demo/demo-plan.ts';
import { freezeDrawSession } from '../features/draws/freeze-session.ts';
import { prepareDatabase } from '../start-server.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { checkConsistency } from './check-consistency.ts';

/**
 * What the crash harness relies on: stores that leave nothing half-written (runResultTransaction, db/) and checks
 * that see a half-done operation when there is one. One database (the published demo plan, no objects: every draw
 * frame is empty); the tests run in order and the last one damages it.
 */
let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  await prepareDatabase(database, { demo: false });
  await seedDemoPlan(database.db);
});
afterAll(async () => {
  await database.close();
});

async function countRows(table: 'plans' | 'draw_sessions' | 'draw_frames' | 'audit_log'): Promise<number> {
  const row = await database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('runResultTransaction (db/result-transaction.ts)', () => {
  it('rolls back what was written before an err, and commits an ok', async () => {
    const failed = await runResultTransaction(database.db, async (trx) => {
      await trx
        .insertInto('plans')
        .values({ year: 2091, title: 'x', status: 'draft', source_name: null })
        .execute();
      return err({ kind: 'later_check_failed' });
    });
    expect(failed).toEqual({ ok: false, error: { kind: 'later_check_failed' } });
    expect(await database.db.selectFrom('plans').select('id').where('year', '=', 2091).execute()).toEqual([]);

    const done = await runResultTransaction(database.db, async (trx) => {
      await trx
        .insertInto('plans')
        .values({ year: 2092, title: 'y', status: 'draft', source_name: null })
        .execute();
      return ok(1);
    });
    expect(done).toEqual({ ok: true, value: 1 });
    expect(await database.db.deleteFrom('plans').where('year', '=', 2092).executeTakeFirst()).toMatchObject({
      numDeletedRows: 1n,
    });
  });

  it('a draw session whose item fails after the session row was written leaves no session behind', async () => {
    const before = { sessions: await countRows('draw_sessions'), audit: await countRows('audit_log') };
    const frozen = await freezeDrawSession(database.db, SYSTEM_ACTOR, {
      year: 2023,
      title: 'empty frames',
      items: [{ taskCode: 'JC2023-001', batch: 1 }],
    });
    expect(frozen).toMatchObject({ ok: false, error: { kind: 'empty_frame' } });
    expect(await countRows('draw_sessions')).toBe(before.sessions);
    expect(await countRows('draw_frames')).toBe(0);
    expect(await countRows('audit_log')).toBe(before.audit);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });
});

describe('checkConsistency', () => {
  it('finds nothing wrong with what the platform wrote', async () => {
    expect(await checkConsistency(database.db)).toEqual([]);
  });

  it('names a session marked published without frames, seed, draws or audit entries', async () => {
    const session = await database.db
      .insertInto('draw_sessions')
      .values({ year: 2023, title: 'half', status: 'published', created_by: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const problems = (await checkConsistency(database.db)).map((p) => p.message);
    const label = `draw session ${String(session.id)} (published)`;
    expect(problems).toEqual(
      expect.arrayContaining([
        `${label} has no frames`,
        `${label} has no seed`,
        `${label}: status and publication time disagree`,
        `${label} has no draw.freeze audit entry`,
        `${label} has no draw.publish audit entry`,
      ]),
    );
    await database.db.deleteFrom('draw_sessions').where('id', '=', session.id).execute();
  });

  it('names a published plan whose task lost its lines, and a tampered audit entry', async () => {
    const task = await database.db
      .selectFrom('tasks')
      .select(['id', 'plan_id'])
      .where('code', '=', 'JC2023-001')
      .executeTakeFirstOrThrow();
    await database.db.deleteFrom('task_lines').where('task_id', '=', task.id).execute();
    await sql`update audit_log set request_id = 'forged' where id = (select min(id) from audit_log)`.execute(
      database.db,
    );
    const problems = await checkConsistency(database.db);
    expect(problems.map((p) => p.check)).toEqual(['audit chain', 'plans whole', 'plans whole']);
    expect(problems[1]?.message).toContain('has tasks without lines');
    expect(problems[2]?.message).toContain('differ from the snapshot of version 1');
  });
});
