import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRequestDto, PlanChangeDto, PlanPreviewDto, PlanTasksDto } from '../../api-types.ts';
import { DEMO_PASSWORD } from '../../demo/demo-accounts.ts';
import { DEMO_PLAN_NOTICE } from '../../demo/demo-plan.ts';
import { buildMultipart, TINY_PDF } from '../../testing/multipart.ts';
import { createTestApp, logInAs, type LoggedIn, type TestApp } from '../../testing/test-app.ts';

describe('plan lifecycle: preview → draft → publish → change request → version 2', () => {
  let t: TestApp;
  let office: LoggedIn;
  let city: LoggedIn;
  const notice = fs.readFileSync(DEMO_PLAN_NOTICE);

  beforeAll(async () => {
    t = await createTestApp();
    office = await logInAs(t.app, 'office', DEMO_PASSWORD);
    city = await logInAs(t.app, 'city-scjg', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await t.close();
  });

  async function preview(bytes: Uint8Array, fileName: string, who: LoggedIn = office) {
    const body = buildMultipart({}, [{ field: 'file', fileName, contentType: 'text/plain', bytes }]);
    return t.app.inject({
      method: 'POST',
      url: '/api/plans/preview',
      headers: { ...body.headers, cookie: who.cookie, 'x-csrf-token': who.csrfToken },
      payload: body.payload,
    });
  }

  async function countPlans(): Promise<number> {
    const rows = await t.database.db.selectFrom('plans').select('id').execute();
    return rows.length;
  }

  it('previews the notice without storing anything', async () => {
    const before = await countPlans();
    const res = await preview(notice, 'notice.txt');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<PlanPreviewDto>();
    expect(body.tasks).toHaveLength(350);
    expect(body.warnings.length).toBeGreaterThan(0);
    expect(await countPlans()).toBe(before);
  });

  it('refuses a preview from a department admin and without the CSRF token', async () => {
    expect((await preview(notice, 'notice.txt', city)).statusCode).toBe(403);
    const body = buildMultipart({}, [
      { field: 'file', fileName: 'n.txt', contentType: 'text/plain', bytes: notice },
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/plans/preview',
      headers: { ...body.headers, cookie: office.cookie },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(403);
  });

  it('answers garbage, an empty file and an oversized file with a clear message naming the file', async () => {
    const garbage = await preview(Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x9c, 0xff]), 'garbage.bin');
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json<{ error: { message: string } }>().error.message).toContain('garbage.bin');
    const empty = await preview(Buffer.alloc(0), 'empty.txt');
    expect(empty.statusCode).toBe(400);
    expect(empty.json<{ error: { message: string } }>().error.message).toContain('empty.txt');
    const words = await preview(Buffer.from('这不是一份计划。\n只是一些文字。\n'), 'words.txt');
    expect(words.statusCode).toBe(400);
    const huge = await preview(Buffer.alloc(50 * 1024 * 1024, 0x41), 'huge.txt');
    expect(huge.statusCode).toBe(413);
    expect(await countPlans()).toBe(1);
  });

  it('stores an edited draft, publishes it, and shows it publicly', async () => {
    const parsed = (await preview(notice, 'notice.txt')).json<PlanPreviewDto>();
    const edited = parsed.tasks.map((task) =>
      task.seq === 7 ? { ...task, name: '对互联网上网服务营业场所的双随机抽查（已核对）' } : task,
    );
    const draft = await t.app.inject({
      method: 'POST',
      url: '/api/plans/2024/draft',
      headers: { cookie: office.cookie, 'x-csrf-token': office.csrfToken },
      payload: { title: '2024 计划', sourceName: 'notice.txt', tasks: edited },
    });
    expect(draft.statusCode, draft.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/plans/2024' })).statusCode).toBe(404);
    const published = await t.app.inject({
      method: 'POST',
      url: '/api/plans/2024/publish',
      headers: { cookie: office.cookie, 'x-csrf-token': office.csrfToken },
    });
    expect(published.statusCode, published.body).toBe(200);
    const pub = (await t.app.inject({ method: 'GET', url: '/api/public/plans/2024' })).json<PlanTasksDto>();
    expect(pub.plan.version).toBe(1);
    expect(pub.tasks.find((x) => x.code === 'JC2024-007')?.name).toBe(
      '对互联网上网服务营业场所的双随机抽查（已核对）',
    );
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/plans/2024/draft',
      headers: { cookie: office.cookie, 'x-csrf-token': office.csrfToken },
      payload: { title: '2024 计划', sourceName: 'notice.txt', tasks: edited },
    });
    expect(again.statusCode).toBe(409);
  });

  async function submitChange(
    who: LoggedIn,
    fields: Record<string, string>,
    letter = TINY_PDF,
    name = 'letter.pdf',
  ) {
    const body = buildMultipart(fields, [
      { field: 'letter', fileName: name, contentType: 'application/pdf', bytes: letter },
    ]);
    return t.app.inject({
      method: 'POST',
      url: '/api/plans/2024/change-requests',
      headers: { ...body.headers, cookie: who.cookie, 'x-csrf-token': who.csrfToken },
      payload: body.payload,
    });
  }

  it('takes an adjustment with a stamped letter, and the approval makes version 2 with its history', async () => {
    const pubRes = await t.app.inject({ method: 'GET', url: '/api/public/plans/2024' });
    expect(pubRes.statusCode, pubRes.body.slice(0, 300)).toBe(200);
    const pub = pubRes.json<PlanTasksDto>();
    const mine = pub.tasks.find((x) => x.initiatorDepartments.some((d) => d.name === '晋城市市场监督管理局'));
    expect(mine).toBeDefined();
    if (mine === undefined) return;
    const proposed = {
      seq: mine.seq,
      seqPrinted: mine.seqPrinted,
      region: '晋城市本级',
      name: mine.name,
      lines: mine.lines.map((l) => ({ ...l, window: { fromMonth: 4, toMonth: 11 } })),
      riskBased: mine.riskBased,
      initiators: mine.initiators,
      cooperators: mine.cooperators,
      initiatorDepartments: [],
      cooperatorDepartments: [],
    };
    const wrongType = await submitChange(
      city,
      { kind: 'adjust', taskCode: mine.code, reason: '调整检查时间', task: JSON.stringify(proposed) },
      Buffer.from('MZ this is an exe'),
      'letter.pdf',
    );
    expect(wrongType.statusCode).toBe(415);
    const tooBig = await submitChange(
      city,
      { kind: 'adjust', taskCode: mine.code, reason: '调整检查时间', task: JSON.stringify(proposed) },
      Buffer.concat([TINY_PDF, Buffer.alloc(11 * 1024 * 1024)]),
    );
    expect(tooBig.statusCode).toBe(413);
    expect(await t.database.db.selectFrom('files').select('id').execute()).toHaveLength(0);

    const res = await submitChange(city, {
      kind: 'adjust',
      taskCode: mine.code,
      reason: '调整检查时间',
      task: JSON.stringify(proposed),
    });
    expect(res.statusCode, res.body).toBe(200);
    const request = res.json<ChangeRequestDto>();
    expect(request).toMatchObject({ status: 'pending', kind: 'adjust', taskCode: mine.code });

    const letter = await t.app.inject({
      method: 'GET',
      url: `/api/change-requests/${String(request.id)}/letter`,
      headers: { cookie: office.cookie },
    });
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    expect(letter.rawPayload.equals(TINY_PDF)).toBe(true);

    const byCity = await t.app.inject({
      method: 'POST',
      url: `/api/change-requests/${String(request.id)}/approve`,
      headers: { cookie: city.cookie, 'x-csrf-token': city.csrfToken },
      payload: {},
    });
    expect(byCity.statusCode).toBe(403);
    const approved = await t.app.inject({
      method: 'POST',
      url: `/api/change-requests/${String(request.id)}/approve`,
      headers: { cookie: office.cookie, 'x-csrf-token': office.csrfToken },
      payload: { reason: '同意' },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<ChangeRequestDto>()).toMatchObject({ status: 'approved', resultingVersion: 2 });

    const v2 = (await t.app.inject({ method: 'GET', url: '/api/public/plans/2024' })).json<PlanTasksDto>();
    expect(v2.plan.version).toBe(2);
    expect(v2.tasks.find((x) => x.code === mine.code)?.lines[0]?.window).toEqual({
      fromMonth: 4,
      toMonth: 11,
    });
    expect(v2.tasks).toHaveLength(350);
    const v1Res = await t.app.inject({ method: 'GET', url: '/api/public/plans/2024?version=1' });
    expect(v1Res.statusCode, v1Res.body.slice(0, 300)).toBe(200);
    const v1 = v1Res.json<PlanTasksDto>();
    expect(v1.tasks.find((x) => x.code === mine.code)?.lines[0]?.window).toEqual(mine.lines[0]?.window);
    const changes = (await t.app.inject({ method: 'GET', url: '/api/public/plans/2024/changes' })).json<{
      changes: PlanChangeDto[];
    }>().changes;
    expect(changes.map((c) => [c.version, c.kind])).toEqual([
      [2, 'adjust'],
      [1, 'publish'],
    ]);
    expect(changes[0]).toMatchObject({ taskCode: mine.code, departmentName: '晋城市市场监督管理局' });

    const twice = await t.app.inject({
      method: 'POST',
      url: `/api/change-requests/${String(request.id)}/approve`,
      headers: { cookie: office.cookie, 'x-csrf-token': office.csrfToken },
      payload: {},
    });
    expect(twice.statusCode).toBe(409);
  });

  it("refuses a change to another department's task, and a withdrawal goes through after approval", async () => {
    const pub = (await t.app.inject({ method: 'GET', url: '/api/public/plans/2024' })).json<PlanTasksDto>();
    const other = pub.tasks.find(
      (x) =>
        x.regionCode === '140500' &&
        ![...x.initiatorDepartments, ...x.cooperatorDepartments].some(
          (d) => d.name === '晋城市市场监督管理局',
        ),
    );
    expect(other).toBeDefined();
    const refused = await submitChange(city, {
      kind: 'withdraw',
      taskCode: other?.code ?? '',
      reason: '不属于本部门',
    });
    expect(refused.statusCode).toBe(403);

    const mine = pub.tasks.filter((x) =>
      x.initiatorDepartments.some((d) => d.name === '晋城市市场监督管理局'),
    )[1];
    const withdraw = await submitChange(city, {
      kind: 'withdraw',
      taskCode: mine?.code ?? '',
      reason: '任务已合并',
    });
    expect(withdraw.statusCode, withdraw.body).toBe(200);
    const id = withdraw.json<ChangeRequestDto>().id;
    const rejected = await t.app.inject({
      method: 'POST',
      url: `/api/change-requests/${String(id)}/reject`,
      headers: { cookie: office.cookie, 'x-csrf-token': office.csrfToken },
      payload: { reason: '材料不全' },
    });
    expect(rejected.json<ChangeRequestDto>()).toMatchObject({
      status: 'rejected',
      decisionReason: '材料不全',
    });
    const after = (await t.app.inject({ method: 'GET', url: '/api/public/plans/2024' })).json<PlanTasksDto>();
    expect(after.plan.version).toBe(2);
    expect(after.tasks).toHaveLength(350);

    const list = await t.app.inject({
      method: 'GET',
      url: '/api/plans/2024/change-requests',
      headers: { cookie: city.cookie },
    });
    expect(list.json<{ changeRequests: ChangeRequestDto[] }>().changeRequests.map((c) => c.status)).toEqual([
      'rejected',
      'approved',
    ]);
    const zezhou = await logInAs(t.app, 'zezhou-scjg', DEMO_PASSWORD);
    const theirs = await t.app.inject({
      method: 'GET',
      url: '/api/plans/2024/change-requests',
      headers: { cookie: zezhou.cookie },
    });
    expect(theirs.json<{ changeRequests: ChangeRequestDto[] }>().changeRequests).toHaveLength(0);
    const letter = await t.app.inject({
      method: 'GET',
      url: `/api/change-requests/${String(id)}/letter`,
      headers: { cookie: zezhou.cookie },
    });
    expect(letter.statusCode).toBe(403);
  });
});
