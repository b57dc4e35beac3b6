import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { appendAudit, SYSTEM_ACTOR, verifyAuditChain } from './audit-log.ts';

describe('audit chain', () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await createTestDatabase();
    for (let i = 0; i < 5; i++) {
      await h.db.transaction().execute((trx) =>
        appendAudit(trx, SYSTEM_ACTOR, {
          action: 'test.step',
          entity: 'thing',
          entityId: String(i),
          after: { i },
        }),
      );
    }
  });
  afterAll(async () => {
    await h.close();
  });

  it('verifies an untouched chain', async () => {
    expect(await verifyAuditChain(h.db)).toEqual({ ok: true, entries: 5 });
  });

  it('names the entry whose column was changed directly in the database', async () => {
    await sql`update audit_log set entity_id = 'x' where id = 3`.execute(h.db);
    const result = await verifyAuditChain(h.db);
    expect(result).toMatchObject({ ok: false, entryId: 3 });
    await sql`update audit_log set entity_id = '2' where id = 3`.execute(h.db);
    expect(await verifyAuditChain(h.db)).toEqual({ ok: true, entries: 5 });
  });

  it('names the entry after a deleted row', async () => {
    await sql`delete from audit_log where id = 2`.execute(h.db);
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: false, entryId: 3 });
  });

  it('rolls the entry back with its transaction', async () => {
    const before = await h.db.selectFrom('audit_log').select('id').execute();
    await expect(
      h.db.transaction().execute(async (trx) => {
        await appendAudit(trx, SYSTEM_ACTOR, { action: 'test.fail', entity: 'thing', entityId: null });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const after = await h.db.selectFrom('audit_log').select('id').execute();
    expect(after.length).toBe(before.length);
  });
});
