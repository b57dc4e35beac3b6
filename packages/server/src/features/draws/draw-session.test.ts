import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDrawRecord } from '@ssj/core';
import { SYSTEM_ACTOR } from '../../audit/audit-log.ts';
import { verifyAuditChain } from '../../audit/audit-log.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import { prepareDatabase } from '../../start-server.ts';
import { createTestDatabase } from '../../testing/test-database.ts';
import { findLiveDraw, loadDrawRecord, loadStrataFile } from './draw-queries.ts';
import { freezeDrawSession } from './freeze-session.ts';
import { proposeJointVisits } from './joint-visits.ts';
import { publishDrawSession } from './publish-session.ts';
import { enterSessionSeed } from './seed-session.ts';

const SEED = '31415926535897932384626433';

describe('a draw session on the demo register: freeze → seed → publish → verify', () => {
  let h: DatabaseHandle;
  let sessionId = 0;
  const items = [
    { taskCode: 'JC2023-001', batch: 1 },
    { taskCode: 'JC2023-007', batch: 1 },
    { taskCode: 'JC2023-096', batch: 1 },
  ];

  beforeAll(async () => {
    h = await createTestDatabase();
    await prepareDatabase(h, { demo: true, demoObjects: 3000 });
  });
  afterAll(async () => {
    await h.close();
  });

  it('freezes the frames and publishes their hashes before any seed exists', async () => {
    const frozen = await freezeDrawSession(h.db, SYSTEM_ACTOR, {
      year: 2023,
      title: '2023 第一批抽取会',
      items,
    });
    expect(frozen.ok, JSON.stringify(frozen)).toBe(true);
    if (!frozen.ok) return;
    sessionId = frozen.value.sessionId;
    expect(frozen.value.frames).toHaveLength(3);
    for (const f of frozen.value.frames) {
      expect(f.frameHash).toMatch(/^[0-9a-f]{64}$/);
      expect(f.frameSize).toBeGreaterThan(0);
      expect(f.targets).toBeGreaterThan(0);
      expect(f.targets).toBeLessThanOrEqual(f.frameSize);
    }
    const session = await h.db
      .selectFrom('draw_sessions')
      .selectAll()
      .where('id', '=', sessionId)
      .executeTakeFirstOrThrow();
    expect(session.seed_digits).toBeNull();
  });

  it('refuses a seed with too few digits or one witness', async () => {
    const short = await enterSessionSeed(h.db, SYSTEM_ACTOR, sessionId, {
      digits: '12345',
      beacon: null,
      witnesses: ['张三', '李四'],
    });
    expect(short).toMatchObject({ ok: false, error: { kind: 'bad_seed' } });
    const lonely = await enterSessionSeed(h.db, SYSTEM_ACTOR, sessionId, {
      digits: SEED,
      beacon: null,
      witnesses: ['张三'],
    });
    expect(lonely).toMatchObject({ ok: false, error: { kind: 'witnesses' } });
  });

  it('takes the seed once, and the database refuses to change it', async () => {
    const seeded = await enterSessionSeed(h.db, SYSTEM_ACTOR, sessionId, {
      digits: SEED,
      beacon: null,
      witnesses: ['张三', '李四'],
    });
    expect(seeded.ok).toBe(true);
    const again = await enterSessionSeed(h.db, SYSTEM_ACTOR, sessionId, {
      digits: '99999999999999999999999',
      beacon: null,
      witnesses: ['张三', '李四'],
    });
    expect(again).toMatchObject({ ok: false, error: { kind: 'wrong_state' } });
    await expect(
      sql`update draw_sessions set seed_digits = '11111111111111111111111' where id = ${sessionId}`.execute(
        h.db,
      ),
    ).rejects.toThrow(/never edited/);
  });

  it('publishes draws whose records verify, with teams of the right departments', async () => {
    const published = await publishDrawSession(h.db, SYSTEM_ACTOR, sessionId);
    expect(published.ok, JSON.stringify(published)).toBe(true);
    for (const item of items) {
      const live = await findLiveDraw(h.db, item.taskCode, item.batch);
      expect(live).not.toBeNull();
      if (live === null) continue;
      const record = await loadDrawRecord(h.db, live.id);
      expect(record).not.toBeNull();
      if (record === null) continue;
      const strata = await loadStrataFile(h.db, live.id);
      const publicCheck = verifyDrawRecord(record);
      expect(publicCheck.ok, JSON.stringify(publicCheck)).toBe(true);
      const fullCheck = verifyDrawRecord(record, strata ?? undefined);
      expect(fullCheck.ok, JSON.stringify(fullCheck)).toBe(true);
      expect(record.targets.length).toBeGreaterThan(0);
      expect(record.inspectors?.teams).toHaveLength(record.targets.length);
      for (const team of record.inspectors?.teams ?? []) {
        expect(team.members.length).toBeGreaterThanOrEqual(2);
      }
    }
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true });
  });

  it('refuses a direct UPDATE or DELETE of a published draw, its targets and its frame', async () => {
    await expect(sql`update draws set record_sha256 = 'x'`.execute(h.db)).rejects.toThrow(/immutable/);
    await expect(sql`delete from draw_targets`.execute(h.db)).rejects.toThrow(/immutable/);
    await expect(sql`update draw_frames set frame_hash = 'x'`.execute(h.db)).rejects.toThrow(/immutable/);
    await expect(sql`update draw_team_members set ticket = '0.1'`.execute(h.db)).rejects.toThrow(/immutable/);
    await expect(sql`delete from draw_sessions where id = ${sessionId}`.execute(h.db)).rejects.toThrow(
      /cannot be deleted/,
    );
    await expect(
      sql`update draw_sessions set title = 'x' where id = ${sessionId}`.execute(h.db),
    ).rejects.toThrow(/published/);
  });

  it('refuses to draw the same task batch again, and excludes batch 1 targets from batch 2', async () => {
    const again = await freezeDrawSession(h.db, SYSTEM_ACTOR, {
      year: 2023,
      title: 'again',
      items: [{ taskCode: 'JC2023-001', batch: 1 }],
    });
    expect(again).toMatchObject({ ok: false, error: { kind: 'already_drawn' } });
    const twice = await freezeDrawSession(h.db, SYSTEM_ACTOR, {
      year: 2023,
      title: 'batch 2',
      items: [{ taskCode: 'JC2023-096', batch: 2 }],
    });
    expect(twice.ok, JSON.stringify(twice)).toBe(true);
    if (!twice.ok) return;
    await enterSessionSeed(h.db, SYSTEM_ACTOR, twice.value.sessionId, {
      digits: '27182818284590452353602874',
      beacon: null,
      witnesses: ['王五', '赵六'],
    });
    expect((await publishDrawSession(h.db, SYSTEM_ACTOR, twice.value.sessionId)).ok).toBe(true);
    const first = await findLiveDraw(h.db, 'JC2023-096', 1);
    const second = await findLiveDraw(h.db, 'JC2023-096', 2);
    const r1 = first === null ? null : await loadDrawRecord(h.db, first.id);
    const r2 = second === null ? null : await loadDrawRecord(h.db, second.id);
    const firstTargets = new Set(r1?.targets.map((t) => t.id));
    expect(r2?.excluded.count).toBe(firstTargets.size);
    for (const t of r2?.targets ?? []) expect(firstTargets.has(t.id)).toBe(false);
    for (const id of firstTargets) expect(r2?.frame.ids.includes(id)).toBe(false);
  });

  it('re-draws only with a reason, as a new published draw that names the old one, which stays public', async () => {
    const old = await findLiveDraw(h.db, 'JC2023-001', 1);
    expect(old).not.toBeNull();
    const nothing = await freezeDrawSession(h.db, SYSTEM_ACTOR, {
      year: 2023,
      title: 'redraw',
      items: [{ taskCode: 'JC2023-007', batch: 1, redrawReason: '无' }],
    });
    expect(nothing.ok).toBe(true); // JC2023-007 batch 1 was drawn in the first session
    const undrawn = await freezeDrawSession(h.db, SYSTEM_ACTOR, {
      year: 2023,
      title: 'redraw',
      items: [{ taskCode: 'JC2023-058', batch: 1, redrawReason: '抽取对象已注销' }],
    });
    expect(undrawn).toMatchObject({ ok: false, error: { kind: 'nothing_to_redraw' } });
    const redraw = await freezeDrawSession(h.db, SYSTEM_ACTOR, {
      year: 2023,
      title: '重抽',
      items: [{ taskCode: 'JC2023-001', batch: 1, redrawReason: '抽中对象在冻结后被吊销，经批准重抽' }],
    });
    expect(redraw.ok, JSON.stringify(redraw)).toBe(true);
    if (!redraw.ok) return;
    const pending = await freezeDrawSession(h.db, SYSTEM_ACTOR, {
      year: 2023,
      title: '再次重抽',
      items: [{ taskCode: 'JC2023-001', batch: 1, redrawReason: '再次重抽' }],
    });
    expect(pending).toMatchObject({ ok: false, error: { kind: 'redraw_pending' } });
    await enterSessionSeed(h.db, SYSTEM_ACTOR, redraw.value.sessionId, {
      digits: '16180339887498948482045868',
      beacon: null,
      witnesses: ['甲', '乙'],
    });
    expect((await publishDrawSession(h.db, SYSTEM_ACTOR, redraw.value.sessionId)).ok).toBe(true);
    const live = await findLiveDraw(h.db, 'JC2023-001', 1);
    expect(live?.id).not.toBe(old?.id);
    const record = live === null ? null : await loadDrawRecord(h.db, live.id);
    expect(record?.supersedes).toMatchObject({
      drawId: 'D1-JC2023-001-1',
      reason: '抽中对象在冻结后被吊销，经批准重抽',
    });
    expect(record === null ? false : verifyDrawRecord(record).ok).toBe(true);
    const oldRecord = old === null ? null : await loadDrawRecord(h.db, old.id);
    expect(oldRecord?.id).toBe('D1-JC2023-001-1');
  });

  it('proposes one joint visit for a target two tasks with overlapping windows drew', async () => {
    const frozen = await freezeDrawSession(h.db, SYSTEM_ACTOR, {
      year: 2023,
      title: 'joint',
      items: [
        { taskCode: 'JC2023-045', batch: 1 },
        { taskCode: 'JC2023-046', batch: 1 },
      ],
    });
    expect(frozen.ok, JSON.stringify(frozen)).toBe(true);
    if (!frozen.ok) return;
    await enterSessionSeed(h.db, SYSTEM_ACTOR, frozen.value.sessionId, {
      digits: '14142135623730950488016887',
      beacon: null,
      witnesses: ['甲', '乙'],
    });
    expect((await publishDrawSession(h.db, SYSTEM_ACTOR, frozen.value.sessionId)).ok).toBe(true);
    const a = await findLiveDraw(h.db, 'JC2023-045', 1);
    const b = await findLiveDraw(h.db, 'JC2023-046', 1);
    const ra = a === null ? null : await loadDrawRecord(h.db, a.id);
    const rb = b === null ? null : await loadDrawRecord(h.db, b.id);
    const inB = new Set(rb?.targets.map((t) => t.id));
    const both = (ra?.targets ?? []).filter((t) => inB.has(t.id)).map((t) => t.id);
    expect(both.length).toBeGreaterThan(0);
    const visits = await proposeJointVisits(h.db, 2023, null);
    const proposed = visits.filter(
      (v) => v.tasks.some((t) => t.code === 'JC2023-045') && v.tasks.some((t) => t.code === 'JC2023-046'),
    );
    expect(proposed.map((v) => v.canonicalId).sort()).toEqual([...both].sort());
    for (const v of visits) {
      expect(new Set(v.tasks.map((t) => t.code)).size).toBeGreaterThan(1);
      for (const t of v.tasks) {
        expect(t.fromMonth).toBeLessThanOrEqual(v.window.fromMonth);
        expect(t.toMonth).toBeGreaterThanOrEqual(v.window.toMonth);
      }
      expect(v.window.fromMonth).toBeLessThanOrEqual(v.window.toMonth);
    }
  });
});
