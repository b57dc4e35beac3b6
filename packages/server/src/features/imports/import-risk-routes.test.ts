import { makeOrgCode, makeUscc } from '@ssj/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResultDto } from '../../api-types.ts';
import { SYSTEM_ACTOR } from '../../audit/audit-log.ts';
import { DEMO_PASSWORD } from '../../demo/demo-accounts.ts';
import { buildMultipart } from '../../testing/multipart.ts';
import { createTestApp, logInAs, type LoggedIn, type TestApp } from '../../testing/test-app.ts';
import { importObjects } from './import-objects.ts';

let t: TestApp;
const users = new Map<string, LoggedIn>();
const zezhou = makeUscc('92140525' + makeOrgCode('MR800001'));
const yangcheng = makeUscc('92140522' + makeOrgCode('MR800002'));

beforeAll(async () => {
  t = await createTestApp();
  for (const name of ['office', 'zezhou-scjg', 'inspector', 'auditor']) {
    users.set(name, await logInAs(t.app, name, DEMO_PASSWORD));
  }
  const objects = await importObjects(t.database.db, SYSTEM_ACTOR, {
    fileName: 'objects.csv',
    bytes: Buffer.from(['名称,统一社会信用代码', `泽州甲店,${zezhou}`, `阳城乙店,${yangcheng}`].join('\n')),
  });
  expect(objects.imported).toBe(2);
});
afterAll(async () => {
  await t.close();
});

async function upload(
  who: string,
  fields: Record<string, string>,
  lines: readonly string[],
): Promise<{ status: number; body: ImportResultDto; raw: string }> {
  const s = users.get(who);
  if (s === undefined) throw new Error(`not logged in: ${who}`);
  const { payload, headers } = buildMultipart(fields, [
    { field: 'file', fileName: 'risk.csv', contentType: 'text/csv', bytes: Buffer.from(lines.join('\r\n')) },
  ]);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/imports/risk-history',
    headers: { ...headers, cookie: s.cookie, 'x-csrf-token': s.csrfToken },
    payload,
  });
  return { status: res.statusCode, body: res.json(), raw: res.body };
}

async function classOf(id: string): Promise<string | null> {
  const o = await t.database.db
    .selectFrom('objects')
    .select('risk_class')
    .where('canonical_id', '=', id)
    .executeTakeFirstOrThrow();
  return o.risk_class;
}

describe('POST /api/imports/risk-history', () => {
  it('dry-runs, then stores a county’s classes; the answer holds counts and issues, not the register’s classes', async () => {
    const lines = ['统一社会信用代码,信用风险分类,分类日期', `${zezhou},较高风险,2023-03-01`];
    const dry = await upload('zezhou-scjg', { dryRun: 'true' }, lines);
    expect(dry.status, dry.raw).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, stored: false, imported: 0, valid: 1, errorRows: 0 });
    expect(await classOf(zezhou)).toBeNull();

    const stored = await upload('zezhou-scjg', {}, lines);
    expect(stored.body).toMatchObject({ stored: true, imported: 1, rows: 1, issues: [] });
    expect(typeof stored.body.reportId).toBe('string');
    expect(await classOf(zezhou)).toBe('C');
    expect(stored.raw).not.toContain('较高风险');
  });

  it('a county admin cannot classify another county’s object: the whole file is refused with the row named', async () => {
    const res = await upload('zezhou-scjg', {}, [
      'USCC,class,date',
      `${zezhou},A,2023-04-01`,
      `${yangcheng},A,2023-04-01`,
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stored: false, imported: 0, errorRows: 1 });
    expect(res.body.issues).toEqual([expect.objectContaining({ row: 3, column: 'USCC', severity: 'error' })]);
    expect(await classOf(zezhou)).toBe('C');

    const office = await upload('office', {}, ['USCC,class,date', `${yangcheng},D,2023-04-01`]);
    expect(office.body).toMatchObject({ stored: true, imported: 1 });
    expect(await classOf(yangcheng)).toBe('D');
  });

  it('is for the office and department admins only', async () => {
    for (const who of ['inspector', 'auditor']) {
      expect((await upload(who, { dryRun: 'true' }, ['USCC,class,date'])).status).toBe(403);
    }
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/imports/risk-history' });
    expect(anonymous.statusCode).toBe(401);
  });
});
