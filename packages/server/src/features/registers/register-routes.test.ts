import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { makeOrgCode, makeUscc } from '@ssj/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ImportPreviewDto,
  ImportResultDto,
  InspectorDto,
  ObjectCategoryDto,
  ObjectPageDto,
  PopulationsDto,
} from '../../api-types.ts';
import { DEMO_PASSWORD } from '../../demo/demo-accounts.ts';
import { buildMultipart } from '../../testing/multipart.ts';
import { createTestApp, logInAs, type LoggedIn, type TestApp } from '../../testing/test-app.ts';

const realFile = fileURLToPath(
  new URL('../../../../../../shared/realdata/market-entities-2021.xls', import.meta.url),
);

let t: TestApp;
const users = new Map<string, LoggedIn>();

beforeAll(async () => {
  t = await createTestApp({ demoObjects: 888 });
  for (const name of ['office', 'city-scjg', 'zezhou-scjg', 'inspector', 'auditor']) {
    users.set(name, await logInAs(t.app, name, DEMO_PASSWORD));
  }
});
afterAll(async () => {
  await t.close();
});

function session(who: string): LoggedIn {
  const s = users.get(who);
  if (s === undefined) throw new Error(`not logged in: ${who}`);
  return s;
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the answer's type
async function get<T>(who: string, url: string): Promise<{ status: number; body: T; raw: string }> {
  const s = session(who);
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
  return { status: res.statusCode, body: (res.statusCode === 200 ? res.json() : null) as T, raw: res.body };
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the answer's type
async function send<T>(
  who: string,
  method: 'POST' | 'PUT',
  url: string,
  payload: unknown,
): Promise<{ status: number; body: T; raw: string }> {
  const s = session(who);
  const res = await t.app.inject({
    method,
    url,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
    payload: payload as Record<string, unknown>,
  });
  return { status: res.statusCode, body: (res.statusCode === 200 ? res.json() : null) as T, raw: res.body };
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the answer's type
async function upload<T>(
  who: string,
  url: string,
  fields: Record<string, string>,
  fileName: string,
  bytes: Uint8Array,
): Promise<{ status: number; body: T; raw: string }> {
  const s = session(who);
  const mp = buildMultipart(fields, [
    { field: 'file', fileName, contentType: 'application/octet-stream', bytes },
  ]);
  const res = await t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken, ...mp.headers },
    payload: mp.payload,
  });
  return { status: res.statusCode, body: (res.statusCode === 200 ? res.json() : null) as T, raw: res.body };
}

describe('the object register', () => {
  it('pages 50 at a time and finds an object by name or canonical id', async () => {
    const page1 = await get<ObjectPageDto>('office', '/api/objects');
    expect(page1.status, page1.raw).toBe(200);
    expect(page1.body.total).toBeGreaterThanOrEqual(888);
    expect(page1.body.objects).toHaveLength(50);
    const page2 = await get<ObjectPageDto>('office', '/api/objects?page=2');
    expect(page2.body.objects[0]?.canonicalId).not.toBe(page1.body.objects[0]?.canonicalId);

    const target = page2.body.objects[7];
    if (target === undefined) throw new Error('no object');
    const byName = await get<ObjectPageDto>('office', `/api/objects?q=${encodeURIComponent(target.name)}`);
    expect(byName.body.objects.map((o) => o.id)).toContain(target.id);
    const byId = await get<ObjectPageDto>('office', `/api/objects?q=${target.canonicalId.slice(0, 14)}`);
    expect(byId.body.objects.map((o) => o.id)).toContain(target.id);
    for (const o of byId.body.objects)
      expect(o.canonicalId.startsWith(target.canonicalId.slice(0, 14))).toBe(true);

    const individuals = await get<ObjectPageDto>('office', '/api/objects?kind=individual');
    expect(individuals.body.total).toBeGreaterThan(0);
    expect(individuals.body.total).toBeLessThan(page1.body.total);
    for (const o of individuals.body.objects) expect(o.kind).toBe('individual');
  });

  it('filters by category', async () => {
    const categories = (await t.app.inject({ method: 'GET', url: '/api/object-categories' })).json<{
      categories: ObjectCategoryDto[];
    }>().categories;
    expect(categories.find((c) => c.code === 'food-sales')?.name).toBeDefined();
    const some = (await get<ObjectPageDto>('office', '/api/objects')).body.objects.find(
      (o) => o.categoryCodes.length > 0,
    );
    const code = some?.categoryCodes[0];
    if (code === undefined) throw new Error('no object with a category');
    const res = await get<ObjectPageDto>('office', `/api/objects?category=${code}`);
    expect(res.body.total).toBeGreaterThan(0);
    for (const o of res.body.objects) expect(o.categoryCodes).toContain(code);
  });

  it('scopes a county user to its own region and refuses another county', async () => {
    const own = await get<ObjectPageDto>('zezhou-scjg', '/api/objects');
    expect(own.body.total).toBeGreaterThan(0);
    for (const o of own.body.objects) expect(o.regionCode).toBe('140525');
    const other = await get<ObjectPageDto>('zezhou-scjg', '/api/objects?region=140522');
    expect(other.status).toBe(403);
    const city = await get<ObjectPageDto>('city-scjg', '/api/objects?region=140522');
    expect(city.status).toBe(200);
    for (const o of city.body.objects) expect(o.regionCode).toBe('140522');
  });

  it('hides the sealed risk class from inspectors and shows it to admins and auditors', async () => {
    const asInspector = await get<ObjectPageDto>('inspector', '/api/objects');
    expect(asInspector.status).toBe(200);
    expect(asInspector.body.riskClassShown).toBe(false);
    expect(asInspector.raw).not.toContain('riskClass"');
    for (const who of ['office', 'zezhou-scjg', 'auditor']) {
      const res = await get<ObjectPageDto>(who, '/api/objects');
      expect(res.body.riskClassShown, who).toBe(true);
      expect(
        res.body.objects.some((o) => o.riskClass !== null && o.riskClass !== undefined),
        who,
      ).toBe(true);
    }
  });
});

describe('the inspector register and the item list', () => {
  it('lists inspectors for admins and auditors, by region for a county admin, never for inspectors', async () => {
    const all = await get<{ inspectors: InspectorDto[] }>('office', '/api/inspectors');
    expect(all.body.inspectors.length).toBeGreaterThan(0);
    const own = await get<{ inspectors: InspectorDto[] }>('zezhou-scjg', '/api/inspectors');
    expect(own.body.inspectors.length).toBeGreaterThan(0);
    for (const i of own.body.inspectors) expect(i.regionCode).toBe('140525');
    const dept = all.body.inspectors.find((i) => i.regionCode === '140522');
    if (dept === undefined) throw new Error('no 阳城 inspector');
    expect((await get('zezhou-scjg', `/api/inspectors?department=${dept.departmentId}`)).status).toBe(403);
    const byDept = await get<{ inspectors: InspectorDto[] }>(
      'office',
      `/api/inspectors?department=${dept.departmentId}`,
    );
    for (const i of byDept.body.inspectors) expect(i.departmentId).toBe(dept.departmentId);
    expect((await get('inspector', '/api/inspectors')).status).toBe(403);
    expect((await get('auditor', '/api/inspectors')).status).toBe(200);
  });

  it('publishes the item list without a login', async () => {
    for (const url of ['/api/items', '/api/public/items']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(Array.isArray(res.json<{ items: unknown[] }>().items)).toBe(true);
    }
  });
});

describe('register imports', () => {
  const uscc = (i: number): string => makeUscc('92140525' + makeOrgCode(`MA${String(i).padStart(6, '0')}`));
  const csv = Buffer.from(
    [
      '商户名称,信用代码,状态,开业日期,经营地址',
      `泽州甲店,${uscc(700001)},存续,2020-01-02,泽州县南村镇`,
      `泽州乙店,${uscc(700002)},存续,2021-03-04,泽州县南村镇`,
      `泽州丙店,${uscc(700003).slice(0, 17)}X,存续,2021-03-04,泽州县南村镇`,
    ].join('\r\n'),
  );

  it('previews the header, the suggested mapping and the sample rows, storing nothing', async () => {
    const res = await upload<ImportPreviewDto>(
      'zezhou-scjg',
      '/api/imports/objects/preview',
      {},
      'shops.csv',
      csv,
    );
    expect(res.status, res.raw).toBe(200);
    expect(res.body.headers).toEqual(['商户名称', '信用代码', '状态', '开业日期', '经营地址']);
    expect(res.body.mapping).toMatchObject({ name: 0, uscc: 1, status: 2, establishedOn: 3, address: 4 });
    expect(res.body.sampleRows).toHaveLength(3);
    expect(res.body.sampleRows[0]).toEqual({
      row: 2,
      cells: ['泽州甲店', uscc(700001), '存续', '2020-01-02', '泽州县南村镇'],
    });
    expect(res.body.fields.find((f) => f.key === 'name')?.required).toBe(true);
  });

  it('dry-runs, refuses the whole file on an error row, then imports the valid rows with skipInvalid', async () => {
    const before = (await get<ObjectPageDto>('office', '/api/objects?q=泽州')).body.total;
    const mapping = JSON.stringify({ name: '1', uscc: '2', status: '3', establishedOn: '4', address: '5' });
    const dry = await upload<ImportResultDto>(
      'zezhou-scjg',
      '/api/imports/objects',
      { mapping, dryRun: 'true' },
      'shops.csv',
      csv,
    );
    expect(dry.status, dry.raw).toBe(200);
    expect(dry.body).toMatchObject({
      dryRun: true,
      stored: false,
      imported: 0,
      valid: 2,
      rows: 3,
      errorRows: 1,
    });
    expect(dry.body.issues[0]).toMatchObject({ row: 4, column: '信用代码', severity: 'error' });

    const strict = await upload<ImportResultDto>(
      'zezhou-scjg',
      '/api/imports/objects',
      { mapping },
      'shops.csv',
      csv,
    );
    expect(strict.body).toMatchObject({ stored: false, imported: 0 });

    const loose = await upload<ImportResultDto>(
      'zezhou-scjg',
      '/api/imports/objects',
      { mapping, skipInvalid: 'true' },
      'shops.csv',
      csv,
    );
    expect(loose.body).toMatchObject({ stored: true, imported: 2 });
    const after = await get<ObjectPageDto>('zezhou-scjg', `/api/objects?q=${uscc(700002)}`);
    expect(after.body.objects.map((o) => o.name)).toEqual(['泽州乙店']);
    expect((await get<ObjectPageDto>('office', '/api/objects?q=泽州')).body.total).toBe(before + 2);
  });

  it('refuses a county admin importing into another county, and inspectors altogether', async () => {
    const other = await upload(
      'zezhou-scjg',
      '/api/imports/objects',
      { region: '140522', dryRun: 'true' },
      's.csv',
      csv,
    );
    expect(other.status).toBe(403);
    const inspector = await upload('inspector', '/api/imports/objects/preview', {}, 's.csv', csv);
    expect(inspector.status).toBe(403);
  });

  it('serves the issue report to the importing user only', async () => {
    const dry = await upload<ImportResultDto>(
      'office',
      '/api/imports/objects',
      { dryRun: 'true' },
      'shops.csv',
      csv,
    );
    const url = `/api/imports/reports/${dry.body.reportId}.xlsx`;
    const s = session('office');
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    expect((await get('city-scjg', url)).status).toBe(404);
    expect((await get('office', '/api/imports/reports/0123456789abcdef0123456789abcdef.xlsx')).status).toBe(
      404,
    );
  });

  it.skipIf(!existsSync(realFile))(
    'the real market-entity export: 83 TYXYDM errors (numbers that lost digits), nothing stored',
    async () => {
      const bytes = readFileSync(realFile);
      const preview = await upload<ImportPreviewDto>(
        'office',
        '/api/imports/objects/preview',
        {},
        'market-entities-2021.xls',
        bytes,
      );
      expect(preview.status, preview.raw).toBe(200);
      expect(preview.body.headers).toContain('TYXYDM');
      expect(preview.body.sampleRows).toHaveLength(20);
      const dry = await upload<ImportResultDto>(
        'office',
        '/api/imports/objects',
        { dryRun: 'true', region: '140525' },
        'market-entities-2021.xls',
        bytes,
      );
      expect(dry.status, dry.raw).toBe(200);
      expect(dry.body.rows).toBe(651);
      expect(dry.body.stored).toBe(false);
      const tyxydm = dry.body.issues.filter((i) => i.column === 'TYXYDM' && i.severity === 'error');
      expect(tyxydm).toHaveLength(83);
      const s = session('office');
      const report = await t.app.inject({
        method: 'GET',
        url: `/api/imports/reports/${dry.body.reportId}.xlsx`,
        headers: { cookie: s.cookie },
      });
      expect(report.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    },
  );
});

describe('the population of each plan line', () => {
  const lineOf = (p: PopulationsDto, region: string) => {
    const line = p.lines.find((l) => l.regionCode === region);
    if (line === undefined) throw new Error(`no line in ${region}`);
    return line;
  };

  it('lists each line with its rule and frame size; a county user sees its own region', async () => {
    const all = await get<PopulationsDto>('office', '/api/plans/2023/populations');
    expect(all.status, all.raw).toBe(200);
    expect(all.body.lines.length).toBeGreaterThan(300);
    expect(all.body.lines.some((l) => (l.frameSize ?? 0) > 0)).toBe(true);
    const own = await get<PopulationsDto>('zezhou-scjg', '/api/plans/2023/populations');
    expect(own.body.lines.length).toBeGreaterThan(0);
    for (const l of own.body.lines) expect(l.regionCode).toBe('140525');
  });

  it('counts live, stores nothing; confirms within jurisdiction, audited', async () => {
    // The demo confirms every line when it is seeded; this test's confirmations are the entries after that.
    const seeded = await t.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max<number>('id').as('id'))
      .executeTakeFirstOrThrow();
    const all = (await get<PopulationsDto>('office', '/api/plans/2023/populations')).body;
    const zezhou = lineOf(all, '140525');
    const yangcheng = lineOf(all, '140522');
    const sample = (await get<ObjectPageDto>('office', '/api/objects?region=140525')).body.objects.find(
      (o) => o.categoryCodes.length > 0 && o.status === '存续',
    );
    const rule = {
      ...zezhou.rule,
      regionCodes: ['140525'],
      categoryCodes: sample?.categoryCodes.slice(0, 1) ?? [],
      filters: { ...zezhou.rule.filters, kinds: null, flags: [], licence: null, minRegisteredCapital: null },
    };
    const count = await send<{ frameSize: number }>(
      'zezhou-scjg',
      'POST',
      `/api/populations/${zezhou.taskLineId}/count`,
      rule,
    );
    expect(count.status, count.raw).toBe(200);
    const objects = await get<ObjectPageDto>('office', '/api/objects?region=140525');
    expect(count.body.frameSize).toBeGreaterThan(0);
    expect(count.body.frameSize).toBeLessThanOrEqual(objects.body.total);
    const unchanged = (await get<PopulationsDto>('office', '/api/plans/2023/populations')).body;
    expect(lineOf(unchanged, '140525')).toEqual(zezhou);

    const bad = await send('zezhou-scjg', 'POST', `/api/populations/${zezhou.taskLineId}/count`, {
      ...rule,
      categoryCodes: ['no-such-category'],
    });
    expect(bad.status).toBe(400);

    const confirmed = await send<{ frameSize: number }>(
      'zezhou-scjg',
      'PUT',
      `/api/populations/${zezhou.taskLineId}`,
      rule,
    );
    expect(confirmed.status, confirmed.raw).toBe(200);
    expect(confirmed.body.frameSize).toBe(count.body.frameSize);
    const after = lineOf(
      (await get<PopulationsDto>('zezhou-scjg', '/api/plans/2023/populations')).body,
      '140525',
    );
    expect(after.frameSize).toBe(count.body.frameSize);
    expect(after.confirmedBy).toBe('泽州县市场监管局管理员');
    expect(after.confirmedAt).not.toBeNull();
    expect(after.rule.regionCodes).toEqual(['140525']);

    expect(
      (await send('zezhou-scjg', 'PUT', `/api/populations/${yangcheng.taskLineId}`, yangcheng.rule)).status,
    ).toBe(403);
    expect(
      (await send('city-scjg', 'PUT', `/api/populations/${yangcheng.taskLineId}`, yangcheng.rule)).status,
    ).toBe(403);
    expect(
      (await send('office', 'PUT', `/api/populations/${yangcheng.taskLineId}`, yangcheng.rule)).status,
    ).toBe(200);
    expect((await send('inspector', 'PUT', `/api/populations/${zezhou.taskLineId}`, rule)).status).toBe(403);

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', '=', 'population.confirm')
      .where('id', '>', seeded.id)
      .execute();
    expect(audit.map((a) => a.entity_id).sort()).toEqual(
      [String(zezhou.taskLineId), String(yangcheng.taskLineId)].sort(),
    );
  });
});
