import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDrawRecord, type PopulationRule } from '@ssj/core';
import { canonicalJson, SYSTEM_ACTOR } from '../../audit/audit-log.ts';
import { verifyAuditChain } from '../../audit/audit-log.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { prepareDatabase } from '../../start-server.ts';
import { createTestDatabase } from '../../testing/test-database.ts';
import { findLiveDraw, loadDrawRecord, loadStrataFile } from './draw-queries.ts';
import { freezeDrawSession } from './freeze-session.ts';
import { proposeJointVisits } from './joint-visits.ts';
import { publishDrawSession } from './publish-session.ts';
import { enterSessionSeed } from './seed-session.ts';
import { selectFrame, selectFrames } from '../registers/population-store.ts';

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

  it('checks a drawn target’s draw and object per statement as a foreign key would, and keeps its object', async () => {
    const target = await sql<{ draw_id: number; object_id: number }>`
      select draw_id, object_id from draw_targets limit 1`.execute(h.db);
    const t = target.rows[0];
    expect(t).toBeDefined();
    if (t === undefined) return;
    const stranger = await sql<{ id: number }>`
      select o.id from objects o
      where not exists (select 1 from draw_targets x where x.draw_id = ${t.draw_id} and x.object_id = o.id)
      limit 1`.execute(h.db);
    const strangerId = stranger.rows[0]?.id ?? -1;
    const insert = (drawId: number, objectIds: readonly number[]) => sql`
      insert into draw_targets (draw_id, rank, object_id, canonical_id, ticket)
      select ${drawId}, 100000 + n, x, 'X' || n, '0.5'
      from unnest(${objectIds}::integer[]) with ordinality as u(x, n)`;
    // A draw or an object that does not exist, even beside rows that are fine: refused, nothing stored.
    await expect(insert(999_999_999, [strangerId]).execute(h.db)).rejects.toThrow(
      /draw 999999999 does not exist/,
    );
    await expect(insert(t.draw_id, [strangerId, 999_999_998]).execute(h.db)).rejects.toThrow(
      /object 999999998 does not exist/,
    );
    const count = await sql<{ n: number }>`
      select count(*)::integer as n from draw_targets where rank > 100000`.execute(h.db);
    expect(count.rows[0]?.n).toBe(0);
    // The object of a drawn target can be neither deleted nor renumbered; another object can.
    await expect(sql`delete from objects where id = ${t.object_id}`.execute(h.db)).rejects.toThrow(
      /is a drawn target/,
    );
    await expect(
      sql`update objects set id = 999999997 where id = ${t.object_id}`.execute(h.db),
    ).rejects.toThrow(/is a drawn target/);
    await expect(
      sql`update objects set name = name where id = ${t.object_id}`.execute(h.db),
    ).resolves.toBeDefined();
  });

  it('checks a team member’s references per statement as a foreign key would, and keeps its inspector', async () => {
    const member = await sql<{
      draw_id: number;
      object_id: number;
      inspector_id: number;
      department_id: number;
    }>`
      select draw_id, object_id, inspector_id, department_id from draw_team_members limit 1`.execute(h.db);
    const m = member.rows[0];
    expect(m).toBeDefined();
    if (m === undefined) return;
    const stranger = await sql<{ id: number }>`
      select o.id from objects o
      where not exists (select 1 from draw_targets t where t.draw_id = ${m.draw_id} and t.object_id = o.id)
      limit 1`.execute(h.db);
    const insert = (objectId: number, inspectorId: number, departmentId: number) => sql`
      insert into draw_team_members (draw_id, object_id, inspector_id, department_id, ticket)
      values (${m.draw_id}, ${objectId}, ${inspectorId}, ${departmentId}, '0.5')`;
    // An object the draw did not draw, an inspector or a department that does not exist: refused, nothing stored.
    await expect(
      insert(stranger.rows[0]?.id ?? -1, m.inspector_id, m.department_id).execute(h.db),
    ).rejects.toThrow(/names no drawn target, inspector or department/);
    await expect(insert(m.object_id, 999_999_999, m.department_id).execute(h.db)).rejects.toThrow(
      /names no drawn/,
    );
    const other = await sql<{ id: number }>`
      select i.id from inspectors i
      where not exists (select 1 from draw_team_members t
        where t.draw_id = ${m.draw_id} and t.object_id = ${m.object_id} and t.inspector_id = i.id)
      limit 1`.execute(h.db);
    await expect(insert(m.object_id, other.rows[0]?.id ?? -1, 999_999_999).execute(h.db)).rejects.toThrow(
      /names no drawn/,
    );
    const count = await sql<{ n: number }>`
      select count(*)::integer as n from draw_team_members where draw_id = ${m.draw_id} and ticket = '0.5'`.execute(
      h.db,
    );
    expect(count.rows[0]?.n).toBe(0);
    // The inspector and the department of a drawn team can be neither deleted nor renumbered.
    await expect(sql`delete from inspectors where id = ${m.inspector_id}`.execute(h.db)).rejects.toThrow(
      /on a drawn team/,
    );
    await expect(
      sql`update inspectors set id = 999999999 where id = ${m.inspector_id}`.execute(h.db),
    ).rejects.toThrow(/on a drawn team/);
    await expect(sql`delete from departments where id = ${m.department_id}`.execute(h.db)).rejects.toThrow(
      /on a drawn team|foreign key/,
    );
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
    // The city's 100% check of key chemical firms and 阳城's 100% check of its chemical firms share 阳城's key firms.
    const frozen = await freezeDrawSession(h.db, SYSTEM_ACTOR, {
      year: 2023,
      title: 'joint',
      items: [
        { taskCode: 'JC2023-035', batch: 1 },
        { taskCode: 'JC2023-199', batch: 1 },
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
    const a = await findLiveDraw(h.db, 'JC2023-035', 1);
    const b = await findLiveDraw(h.db, 'JC2023-199', 1);
    const ra = a === null ? null : await loadDrawRecord(h.db, a.id);
    const rb = b === null ? null : await loadDrawRecord(h.db, b.id);
    const inB = new Set(rb?.targets.map((t) => t.id));
    const both = (ra?.targets ?? []).filter((t) => inB.has(t.id)).map((t) => t.id);
    expect(both.length).toBeGreaterThan(0);
    const visits = await proposeJointVisits(h.db, 2023, null);
    const proposed = visits.filter(
      (v) => v.tasks.some((t) => t.code === 'JC2023-035') && v.tasks.some((t) => t.code === 'JC2023-199'),
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

describe('the demo plan: every 2023 task confirmed, framed, and drawn in one first-batch session', () => {
  let h: DatabaseHandle;

  beforeAll(async () => {
    h = await createTestDatabase();
    await prepareDatabase(h, { demo: true, demoObjects: 3000 });
  });
  afterAll(async () => {
    await h.close();
  });

  async function loadLines() {
    return h.db
      .selectFrom('task_lines as l')
      .innerJoin('tasks as t', 't.id', 'l.task_id')
      .innerJoin('plans as p', 'p.id', 't.plan_id')
      .leftJoin('task_line_populations as q', 'q.task_line_id', 'l.id')
      .leftJoin('users as u', 'u.id', 'q.confirmed_by')
      .select(['t.code', 'l.id', 'q.rule', 'q.frame_size', 'q.confirmed_at', 'u.username'])
      .where('p.year', '=', 2023)
      .where('t.status', '=', 'active')
      .orderBy('l.id')
      .execute();
  }

  it('has every line confirmed by a demo clerk (audited like any confirmation) with a non-empty frame', async () => {
    const lines = await loadLines();
    expect(new Set(lines.map((l) => l.code)).size).toBe(350);
    const open = lines.filter(
      (l) => l.confirmed_at === null || l.username === null || !((l.frame_size ?? 0) > 0),
    );
    expect(open.map((l) => l.code)).toEqual([]);
    expect(new Set(lines.map((l) => l.username))).toEqual(
      new Set(['office', 'zezhou-scjg', 'yangcheng-scjg']),
    );
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['entity_id', 'actor_user_id'])
      .where('action', '=', 'population.confirm')
      .execute();
    expect(audit.map((a) => a.entity_id).sort()).toEqual(lines.map((l) => String(l.id)).sort());
    expect(audit.every((a) => a.actor_user_id !== null)).toBe(true);
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true });
  });

  /** Every rule's frame from {@link selectFrames} equals the frame its SQL form selects. */
  async function expectFramesAsSql(db: Kysely<Database>, rules: PopulationRule[]): Promise<void> {
    const frames = await selectFrames(db, rules);
    for (const [i, rule] of rules.entries()) {
      const expected = (await selectFrame(db, rule))
        .map((m) => `${m.canonicalId}/${m.riskClass ?? ''}`)
        .sort();
      const frame = frames[i] ?? { ids: [], riskClasses: [] };
      const found = frame.ids.map((id, k) => `${id}/${frame.riskClasses[k] ?? ''}`).sort();
      expect(found, JSON.stringify(rule)).toEqual(expected);
    }
  }

  it('reads every frame of the plan from one pass over the register, as the SQL form of each rule selects it', async () => {
    const rules = (await loadLines()).flatMap((l) => (l.rule === null ? [] : [l.rule]));
    await expectFramesAsSql(h.db, rules);
  });

  it('reads the register as it is after changes (the stored lines follow every row), and an unreadable code rule by rule', async () => {
    const rules = (await loadLines()).flatMap((l) => (l.rule === null ? [] : [l.rule]));
    const rollback = new Error('rollback');
    await expect(
      h.db.transaction().execute(async (trx) => {
        await sql`update objects set risk_class = case risk_class when 'A' then 'D' else 'A' end,
          registered_capital = coalesce(registered_capital, 0) + 20000000 where id % 7 = 0`.execute(trx);
        await sql`update objects set status = '注销' where id % 11 = 0`.execute(trx);
        await sql`update objects set category_codes = '[]'::jsonb where id % 13 = 0`.execute(trx);
        await expectFramesAsSql(trx, rules);
        // A code the one-pass read cannot split (a TAB in it): no stored line, and every frame still as in SQL.
        await sql`insert into objects (canonical_id, name, name_key, kind, category_codes, flags, region_code, address,
            business_scope, registered_capital, established_on, status, legal_representative, risk_class, source)
          select 'P-TAB' || chr(9) || 'X', name, name_key, kind, category_codes, flags, region_code, address,
            business_scope, registered_capital, established_on, status, legal_representative, risk_class, source
          from objects where status = '存续' order by id limit 1`.execute(trx);
        const line = await sql<{ register_line: string | null }>`
          select register_line from objects where canonical_id = ${'P-TAB\tX'}`.execute(trx);
        expect(line.rows).toEqual([{ register_line: null }]);
        await expectFramesAsSql(trx, rules);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
  });

  it('freezes all 350 tasks (batch 1) and publishes records that verify, with enough inspectors for every team', async () => {
    const tasks = await h.db
      .selectFrom('tasks')
      .innerJoin('plans', 'plans.id', 'tasks.plan_id')
      .select('tasks.code')
      .where('plans.year', '=', 2023)
      .where('tasks.status', '=', 'active')
      .orderBy('tasks.seq')
      .execute();
    const frozen = await freezeDrawSession(h.db, SYSTEM_ACTOR, {
      year: 2023,
      title: '2023 第一批（全部任务）',
      items: tasks.map((t) => ({ taskCode: t.code, batch: 1 })),
    });
    expect(frozen.ok, JSON.stringify(frozen)).toBe(true);
    if (!frozen.ok) return;
    expect(frozen.value.frames).toHaveLength(350);
    // Non-empty frames; a task 不超过10% of a one-object frame draws nobody on this small register, rightly.
    expect(frozen.value.frames.filter((f) => f.frameSize === 0)).toEqual([]);
    expect(frozen.value.frames.filter((f) => f.targets > 0).length).toBeGreaterThan(300);
    const seeded = await enterSessionSeed(h.db, SYSTEM_ACTOR, frozen.value.sessionId, {
      digits: '57721566490153286060651209',
      beacon: null,
      witnesses: ['甲', '乙'],
    });
    expect(seeded.ok).toBe(true);
    const published = await publishDrawSession(h.db, SYSTEM_ACTOR, frozen.value.sessionId);
    expect(published.ok, JSON.stringify(published)).toBe(true);
    if (!published.ok) return;
    expect(published.value.draws).toHaveLength(350);
    // The large values are stored uncompressed (migration draw-values-uncompressed), and the largest of them are
    // large enough that PostgreSQL would otherwise have compressed them.
    const storage = await sql<{ compressed: number; large: number }>`
      select count(*) filter (where pg_column_compression(d.record) is not null
          or pg_column_compression(f.ids) is not null or pg_column_compression(s.id_strata) is not null)::integer
          as compressed,
        count(*) filter (where octet_length(d.record::text) > 4096)::integer
          as large
      from draws d join draw_frames f on f.id = d.frame_id join draw_sealed_strata s on s.frame_id = f.id`.execute(
      h.db,
    );
    expect(storage.rows[0]?.compressed).toBe(0);
    expect(storage.rows[0]?.large).toBeGreaterThan(10);
    const stored = new Map(
      (await h.db.selectFrom('draws').select(['id', 'record_sha256']).execute()).map((d) => [
        d.id,
        d.record_sha256,
      ]),
    );
    for (const draw of published.value.draws) {
      const record = await loadDrawRecord(h.db, draw.drawId);
      if (record === null) throw new Error(`no record for ${draw.taskCode}`);
      const strata = await loadStrataFile(h.db, draw.drawId);
      const checked = verifyDrawRecord(record, strata ?? undefined);
      expect(checked.ok, `${draw.taskCode}: ${JSON.stringify(checked)}`).toBe(true);
      expect(record.targets).toHaveLength(draw.targets);
      for (const team of record.inspectors?.teams ?? [])
        expect(team.members.length).toBeGreaterThanOrEqual(2);
      // The stored digest is SHA-256 of the record's canonical JSON, frame ids put back.
      expect(stored.get(draw.drawId)).toBe(createHash('sha256').update(canonicalJson(record)).digest('hex'));
    }
    const rows = await h.db
      .selectFrom('draw_targets')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(published.value.draws.reduce((n, d) => n + d.targets, 0));
  });
});
