import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InspectionDto, InspectionListDto, PublicResultPageDto } from '../../api-types.ts';
import { SYSTEM_ACTOR, verifyAuditChain } from '../../audit/audit-log.ts';
import { buildMultipart, TINY_PDF } from '../../testing/multipart.ts';
import { createTestApp, logInAs, type LoggedIn, type TestApp } from '../../testing/test-app.ts';
import { freezeDrawSession } from '../draws/freeze-session.ts';
import { publishDrawSession } from '../draws/publish-session.ts';
import { enterSessionSeed } from '../draws/seed-session.ts';
import { dispatchPublishedDraws } from './dispatch-inspections.ts';

const PASSWORD = 'Demo2023ssj';
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);

describe('inspections: dispatch → entry → review → publication → portal', () => {
  let t: TestApp;
  let inspector: LoggedIn;
  let reviewer: LoggedIn;
  let taskCodes: string[] = [];
  let inspectionId = 0;

  const call = async (
    who: LoggedIn,
    method: 'GET' | 'PUT' | 'POST' | 'PATCH',
    url: string,
    payload?: unknown,
  ) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });

  beforeAll(async () => {
    t = await createTestApp({ demoObjects: 3000 });
    t.clock.now = new Date('2023-07-10T02:00:00Z');
    const db = t.database.db;
    const department = await db
      .selectFrom('users')
      .select('department_id')
      .where('username', '=', 'zezhou-scjg')
      .executeTakeFirstOrThrow();
    const tasks = await db
      .selectFrom('tasks')
      .select(['code', 'initiator_department_ids'])
      .where('region_code', '=', '140525')
      .orderBy('seq')
      .execute();
    taskCodes = tasks
      .filter((x) => x.initiator_department_ids[0] === department.department_id)
      .map((x) => x.code)
      .slice(0, 2);
    expect(taskCodes.length).toBe(2);
    const frozen = await freezeDrawSession(db, SYSTEM_ACTOR, {
      year: 2023,
      title: '泽州 第一批',
      items: taskCodes.map((taskCode) => ({ taskCode, batch: 1 })),
    });
    if (!frozen.ok) throw new Error(JSON.stringify(frozen.error));
    const seeded = await enterSessionSeed(db, SYSTEM_ACTOR, frozen.value.sessionId, {
      digits: '27182818284590452353602874',
      beacon: null,
      witnesses: ['王五', '赵六'],
    });
    if (!seeded.ok) throw new Error(JSON.stringify(seeded.error));
    const published = await publishDrawSession(db, SYSTEM_ACTOR, frozen.value.sessionId);
    if (!published.ok) throw new Error(JSON.stringify(published.error));
    inspector = await logInAs(t.app, 'inspector', PASSWORD);
    reviewer = await logInAs(t.app, 'zezhou-scjg', PASSWORD);
  });
  afterAll(async () => {
    await t.close();
  });

  it('dispatches every drawn target once, joint visits merged, and is idempotent', async () => {
    const db = t.database.db;
    const first = await dispatchPublishedDraws(db, SYSTEM_ACTOR);
    const targets = await db
      .selectFrom('draw_targets as x')
      .innerJoin('draws as d', 'd.id', 'x.draw_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('d.task_code', 'in', taskCodes)
      .executeTakeFirstOrThrow();
    expect(first.created + first.joined).toBe(Number(targets.n));
    const links = await db
      .selectFrom('inspection_tasks')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(links.n)).toBe(Number(targets.n));
    const again = await dispatchPublishedDraws(db, SYSTEM_ACTOR);
    expect(again).toEqual({ draws: 0, created: 0, joined: 0 });
    // Every visit has a team of at least 2 and a deadline 20 working days after its window.
    const visits = await db.selectFrom('inspections').select(['id', 'window_to', 'deadline']).execute();
    expect(visits.length).toBe(first.created);
    for (const v of visits) expect(v.deadline > v.window_to).toBe(true);
    const small = await sql<{ id: number }>`
      select i.id from inspections i where (select count(*) from inspection_members m where m.inspection_id = i.id) < 2`.execute(
      db,
    );
    expect(small.rows).toEqual([]);
  });

  it('shows the inspector its own visits, due soonest first, and nobody else’s', async () => {
    const res = await call(inspector, 'GET', '/api/inspections?limit=500');
    expect(res.statusCode).toBe(200);
    const list = res.json<InspectionListDto>();
    expect(list.inspections.length).toBeGreaterThan(0);
    expect(list.today).toBe('2023-07-10');
    const deadlines = list.inspections.map((i) => i.deadline);
    expect([...deadlines].sort()).toEqual(deadlines);
    const linked = await t.database.db
      .selectFrom('users')
      .select('inspector_id')
      .where('username', '=', 'inspector')
      .executeTakeFirstOrThrow();
    const mine = await t.database.db
      .selectFrom('inspection_members')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('inspector_id', '=', linked.inspector_id ?? -1)
      .executeTakeFirstOrThrow();
    expect(list.total).toBe(Number(mine.n));
    inspectionId = list.inspections[0]?.id ?? 0;
    const other = await t.database.db
      .selectFrom('inspections')
      .select('id')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('inspection_members as m')
              .select('m.inspection_id')
              .whereRef('m.inspection_id', '=', 'inspections.id')
              .where('m.inspector_id', '=', linked.inspector_id ?? -1),
          ),
        ),
      )
      .executeTakeFirst();
    if (other !== undefined) {
      expect((await call(inspector, 'GET', `/api/inspections/${String(other.id)}`)).statusCode).toBe(404);
    }
  });

  it('saves a draft, refuses an incomplete submission and a wrong evidence file, then submits with a photo', async () => {
    const detail = (
      await call(inspector, 'GET', `/api/inspections/${String(inspectionId)}`)
    ).json<InspectionDto>();
    expect(detail.canEdit).toBe(true);
    expect(detail.team.length).toBeGreaterThanOrEqual(2);
    expect(detail.object.uscc ?? detail.object.regNo ?? detail.canonicalId).toBeTruthy();
    const entries = detail.tasks.flatMap((task) =>
      task.matters.map((matter) => ({ taskId: task.taskId, matter })),
    );
    const draft = await call(inspector, 'PUT', `/api/inspections/${String(inspectionId)}`, {
      method: '实地检查',
      results: entries.slice(0, 1).map((e) => ({ ...e, codes: ['A'] })),
    });
    expect(draft.statusCode).toBe(200);
    expect(draft.json<InspectionDto>().status).toBe('draft');

    const incomplete = await call(inspector, 'POST', `/api/inspections/${String(inspectionId)}/submit`, {
      results: [],
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json<{ error: { message: string } }>().error.message).toContain('请为任务');

    const contradictory = await call(inspector, 'PUT', `/api/inspections/${String(inspectionId)}`, {
      results: entries.slice(0, 1).map((e) => ({ ...e, codes: ['1', 'A'] })),
    });
    expect(contradictory.statusCode).toBe(400);

    const before = await t.database.db
      .selectFrom('files')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const exe = buildMultipart({}, [
      {
        field: 'file',
        fileName: 'photo.jpg',
        contentType: 'image/jpeg',
        bytes: Buffer.from('MZ\x90\x00not a photo'),
      },
    ]);
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/inspections/${String(inspectionId)}/evidence`,
      headers: { cookie: inspector.cookie, 'x-csrf-token': inspector.csrfToken, ...exe.headers },
      payload: exe.payload,
    });
    expect(refused.statusCode).toBe(415);
    expect(refused.json<{ error: { message: string } }>().error.message).toContain('photo.jpg');
    const big = buildMultipart({}, [
      {
        field: 'file',
        fileName: 'huge.pdf',
        contentType: 'application/pdf',
        bytes: Buffer.concat([TINY_PDF, Buffer.alloc(11 * 1024 * 1024)]),
      },
    ]);
    const tooBig = await t.app.inject({
      method: 'POST',
      url: `/api/inspections/${String(inspectionId)}/evidence`,
      headers: { cookie: inspector.cookie, 'x-csrf-token': inspector.csrfToken, ...big.headers },
      payload: big.payload,
    });
    expect(tooBig.statusCode).toBe(413);
    const after = await t.database.db
      .selectFrom('files')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);

    const photo = buildMultipart({ caption: '门头照片' }, [
      { field: 'file', fileName: 'door.png', contentType: 'image/png', bytes: PNG },
    ]);
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/inspections/${String(inspectionId)}/evidence`,
      headers: { cookie: inspector.cookie, 'x-csrf-token': inspector.csrfToken, ...photo.headers },
      payload: photo.payload,
    });
    expect(uploaded.statusCode).toBe(200);
    const evidence = uploaded.json<InspectionDto>().evidence;
    expect(evidence).toHaveLength(1);
    expect(evidence[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);

    const submitted = await call(inspector, 'POST', `/api/inspections/${String(inspectionId)}/submit`, {
      method: '实地检查',
      inspectedOn: '2023-07-05',
      findings: '现场检查发现部分台账缺失',
      results: entries.map((e, i) => ({ ...e, codes: i === 0 ? ['A'] : ['1'] })),
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json<InspectionDto>().status).toBe('submitted');
    expect(submitted.json<InspectionDto>().canEdit).toBe(false);
  });

  it('lets only the responsible department review: returned once with a reason, then approved and published', async () => {
    const byInspector = await call(inspector, 'POST', `/api/inspections/${String(inspectionId)}/review`, {
      action: 'approve',
    });
    expect(byInspector.statusCode).toBe(403);
    const noReason = await call(reviewer, 'POST', `/api/inspections/${String(inspectionId)}/review`, {
      action: 'return',
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    const returned = await call(reviewer, 'POST', `/api/inspections/${String(inspectionId)}/review`, {
      action: 'return',
      reason: '请补充整改要求',
    });
    expect(returned.statusCode).toBe(200);
    expect(returned.json<InspectionDto>().status).toBe('returned');
    const detail = (
      await call(inspector, 'GET', `/api/inspections/${String(inspectionId)}`)
    ).json<InspectionDto>();
    expect(detail.returnReason).toBe('请补充整改要求');
    expect(detail.canEdit).toBe(true);
    const resubmitted = await call(inspector, 'POST', `/api/inspections/${String(inspectionId)}/submit`, {
      findings: '现场检查发现部分台账缺失，已责令限期整改',
      results: detail.results.map((r) => ({ taskId: r.taskId, matter: r.matter, codes: r.codes })),
    });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    t.clock.now = new Date('2023-07-10T06:00:00Z'); // within the session's idle limit
    const approved = await call(reviewer, 'POST', `/api/inspections/${String(inspectionId)}/review`, {
      action: 'approve',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const published = approved.json<InspectionDto>();
    expect(published.status).toBe('published');
    expect(published.publishedOn).toBe('2023-07-10');
    expect(published.deadlineStatus.kind).toBe('met');
    expect(published.reviews.map((r) => r.action)).toEqual(['submit', 'return', 'submit', 'approve']);
    const again = await call(reviewer, 'POST', `/api/inspections/${String(inspectionId)}/review`, {
      action: 'approve',
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses any change to a published result at the database', async () => {
    const db = t.database.db;
    await expect(
      sql`update inspections set findings = 'changed' where id = ${inspectionId}`.execute(db),
    ).rejects.toThrow(/published/);
    await expect(
      sql`update inspection_results set result_codes = '["1"]'::jsonb where inspection_id = ${inspectionId}`.execute(
        db,
      ),
    ).rejects.toThrow(/published/);
    await expect(
      sql`delete from inspection_reviews where inspection_id = ${inspectionId}`.execute(db),
    ).rejects.toThrow();
  });

  it('shows the published result on the public portal, found by USCC, with the deadline met; CSV and JSON too', async () => {
    const detail = (
      await call(reviewer, 'GET', `/api/inspections/${String(inspectionId)}`)
    ).json<InspectionDto>();
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/public/results?q=${encodeURIComponent(detail.canonicalId)}`,
    });
    expect(res.statusCode).toBe(200);
    const page = res.json<PublicResultPageDto>();
    expect(page.total).toBe(detail.tasks.length);
    expect(page.results[0]?.late).toBe(false);
    expect(page.results[0]?.publishedOn).toBe('2023-07-10');
    expect(JSON.stringify(page)).not.toMatch(/risk|inspectorId|certificate/i);
    const byName = await t.app.inject({
      method: 'GET',
      url: `/api/public/results?q=${encodeURIComponent(detail.objectName.slice(1, 5))}`,
    });
    expect(byName.json<PublicResultPageDto>().results.map((r) => r.inspectionId)).toContain(inspectionId);
    const tooShort = await t.app.inject({
      method: 'GET',
      url: `/api/public/results?q=${encodeURIComponent('老王')}`,
    });
    expect(tooShort.statusCode).toBe(400);
    const codes = page.results.flatMap((r) => r.matters.flatMap((m) => m.codes));
    expect(codes).toContain('A');
    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/public/results/download.csv?q=${detail.canonicalId}`,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(detail.objectName);
    expect(csv.body).toContain('发现问题待后续处理');
    const json = await t.app.inject({ method: 'GET', url: '/api/public/results/download.json?code=A' });
    expect(json.json<PublicResultPageDto>().total).toBeGreaterThan(0);
  });

  it('opens a follow-up case for the problem; closing it with 吊销 raises the object to class D and publishes it', async () => {
    const list = await call(reviewer, 'GET', '/api/follow-ups?year=2023');
    const cases = list.json<{ followUps: { id: number; inspectionId: number; state: string }[] }>().followUps;
    const mine = cases.find((c) => c.inspectionId === inspectionId);
    expect(mine?.state).toBe('open');
    const early = await call(reviewer, 'PATCH', `/api/follow-ups/${String(mine?.id)}`, {
      closedOn: '2023-08-01',
    });
    expect(early.statusCode).toBe(400);
    const closed = await call(reviewer, 'PATCH', `/api/follow-ups/${String(mine?.id)}`, {
      type: '立案调查/行政处罚',
      outcome: '依法吊销营业执照',
      closedOn: '2023-08-01',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<{ seriousMarks: string[] }>().seriousMarks).toEqual(['吊销']);
    const object = await t.database.db
      .selectFrom('inspections as i')
      .innerJoin('objects as o', 'o.id', 'i.object_id')
      .select(['o.id', 'o.risk_class'])
      .where('i.id', '=', inspectionId)
      .executeTakeFirstOrThrow();
    expect(object.risk_class).toBe('D');
    const history = await t.database.db
      .selectFrom('object_risk_history')
      .select(['class', 'reason'])
      .where('object_id', '=', object.id)
      .where('source', 'like', 'follow-up:%')
      .execute();
    expect(history[0]?.reason).toContain('吊销');
    const portal = await t.app.inject({ method: 'GET', url: '/api/public/follow-ups?year=2023' });
    expect(
      portal.json<{ followUps: { inspectionId: number; outcome: string }[] }>().followUps,
    ).toContainEqual(expect.objectContaining({ inspectionId, outcome: '依法吊销营业执照' }));
  });

  it('offers recognition (采信) of another department’s published result for the same object and matter', async () => {
    const db = t.database.db;
    const source = await db
      .selectFrom('inspection_results')
      .select(['id', 'matter', 'task_id'])
      .where('inspection_id', '=', inspectionId)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const object = await db
      .selectFrom('inspections')
      .select('object_id')
      .where('id', '=', inspectionId)
      .executeTakeFirstOrThrow();
    // Another department's task of the plan draws the same object later: build that visit as dispatch would.
    const otherTask = await db
      .selectFrom('tasks')
      .select(['id', 'code', 'initiator_department_ids'])
      .where('region_code', '=', '140525')
      .where('code', 'not in', taskCodes)
      .orderBy('seq')
      .executeTakeFirstOrThrow();
    const anyDraw = await db.selectFrom('draws').select('id').orderBy('id').executeTakeFirstOrThrow();
    const other = await db
      .insertInto('inspections')
      .values({
        year: 2023,
        object_id: object.object_id,
        canonical_id: 'X',
        region_code: '140525',
        responsible_department_id: otherTask.initiator_department_ids[0] ?? 1,
        window_from: '2023-07-01',
        window_to: '2023-09-30',
        deadline: '2023-10-30',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('inspection_tasks')
      .values({
        inspection_id: other.id,
        draw_id: anyDraw.id,
        object_id: object.object_id,
        task_id: otherTask.id,
        task_code: otherTask.code,
        batch: 1,
        department_id: otherTask.initiator_department_ids[0] ?? 1,
        matters: JSON.stringify([source.matter]),
        window_from: '2023-07-01',
        window_to: '2023-09-30',
        deadline: '2023-10-30',
      })
      .execute();
    const office = await logInAs(t.app, 'office', PASSWORD);
    const detail = (await call(office, 'GET', `/api/inspections/${String(other.id)}`)).json<InspectionDto>();
    expect(detail.recognitionOffers).toEqual([
      expect.objectContaining({ taskId: otherTask.id, matter: source.matter, resultId: source.id }),
    ]);
  });

  it('keeps the audit chain intact through all of it', async () => {
    const verdict = await verifyAuditChain(t.database.db);
    expect(verdict.ok).toBe(true);
    const actions = await t.database.db.selectFrom('audit_log').select('action').execute();
    const names = new Set(actions.map((a) => a.action));
    for (const a of [
      'inspections.dispatch',
      'inspection.save',
      'inspection.submit',
      'inspection.return',
      'inspection.publish',
      'inspection.evidence',
      'follow_up.close',
    ]) {
      expect(names.has(a), a).toBe(true);
    }
  });
});
