import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/demo-accounts.ts';
import { freezeDrawSession } from '../features/draws/freeze-session.ts';
import { publishDrawSession } from '../features/draws/publish-session.ts';
import { enterSessionSeed } from '../features/draws/seed-session.ts';
import { dispatchPublishedDraws } from '../features/inspections/dispatch-inspections.ts';
import { SYSTEM_ACTOR } from '../audit/audit-log.ts';
import { buildMultipart, TINY_PDF } from '../testing/multipart.ts';
import { createTestApp, logInAs, type LoggedIn, type TestApp } from '../testing/test-app.ts';
import { ROUTES } from './routes.ts';

/**
 * The access matrix (issue "Trust"): every route × every role, generated from the route table. Each route needs a
 * sample request here, so a new route without one fails this test. Expectations follow from the route's declared
 * rule: anonymous gets 401 on staff routes; a role outside the rule gets 403; a role inside never gets 401/403
 * (except where the handler refuses a particular record, listed per sample); a county user asking for another
 * county's data gets 403.
 */
type Who = 'anonymous' | 'office' | 'city-scjg' | 'zezhou-scjg' | 'inspector' | 'auditor';
const ROLE_OF: Record<Exclude<Who, 'anonymous'>, string> = {
  office: 'office_admin',
  'city-scjg': 'department_admin',
  'zezhou-scjg': 'department_admin',
  inspector: 'inspector',
  auditor: 'auditor',
};

interface Sample {
  readonly path: string;
  readonly body?: unknown;
  readonly multipart?: {
    fields: Record<string, string>;
    file: { field: string; name: string; bytes: Buffer };
  };
  /** A path that touches another county (泽州's admin must get 403). */
  readonly otherCounty?: string;
  /** Users the handler itself may refuse for this particular record. */
  readonly handlerMayRefuse?: readonly Who[];
}

const SAMPLE_RULE = {
  regionCodes: ['140525'],
  categoryCodes: [],
  filters: {
    kinds: ['enterprise'],
    statuses: ['存续'],
    minRegisteredCapital: null,
    licence: null,
    flags: [],
  },
  explicit: false,
  explicitNames: [],
  confidence: 'high',
  reasons: [],
};

const SAMPLES: Record<string, Sample> = {
  'POST /api/auth/login': { path: '/api/auth/login', body: { username: 'nobody', password: 'x' } },
  'GET /api/auth/session': { path: '/api/auth/session' },
  'POST /api/auth/logout': { path: '/api/auth/logout' },
  'GET /api/health': { path: '/api/health' },
  'GET /api/ping': { path: '/api/ping' },
  'GET /api/registers/:kind/export.xlsx': {
    path: '/api/registers/inspectors/export.xlsx?region=140525',
    otherCounty: '/api/registers/inspectors/export.xlsx?region=140522',
  },
  'GET /api/regions': { path: '/api/regions' },
  'GET /api/departments': { path: '/api/departments' },
  'GET /api/public/overview': { path: '/api/public/overview' },
  'GET /api/regions/:code/users': {
    path: '/api/regions/140525/users',
    otherCounty: '/api/regions/140522/users',
  },
  'GET /api/public/plans': { path: '/api/public/plans' },
  'GET /api/public/plans/:year': { path: '/api/public/plans/2023' },
  'GET /api/public/plans/:year/export.xlsx': { path: '/api/public/plans/2023/export.xlsx' },
  'GET /api/plans/:year/export.xlsx': { path: '/api/plans/2023/export.xlsx' },
  'GET /api/public/plans/:year/changes': { path: '/api/public/plans/2023/changes' },
  'GET /api/plans': { path: '/api/plans' },
  'GET /api/plans/:year': { path: '/api/plans/2023', otherCounty: '/api/plans/2023?region=140522' },
  'POST /api/plans/preview': {
    path: '/api/plans/preview',
    multipart: { fields: {}, file: { field: 'file', name: 'x.txt', bytes: Buffer.from('not a plan') } },
  },
  'POST /api/plans/:year/draft': {
    path: '/api/plans/2031/draft',
    body: { title: 'x', sourceName: null, tasks: [] },
  },
  'POST /api/plans/:year/publish': { path: '/api/plans/2031/publish' },
  'GET /api/plans/:year/change-requests': { path: '/api/plans/2023/change-requests' },
  'POST /api/plans/:year/change-requests': {
    path: '/api/plans/2023/change-requests',
    multipart: {
      fields: { kind: 'withdraw', taskCode: 'JC2023-058', reason: '矩阵测试' },
      file: { field: 'letter', name: 'l.pdf', bytes: TINY_PDF },
    },
    handlerMayRefuse: ['city-scjg', 'zezhou-scjg'],
  },
  'GET /api/change-requests/:id/letter': { path: '/api/change-requests/999999/letter' },
  'POST /api/change-requests/:id/approve': { path: '/api/change-requests/999999/approve', body: {} },
  'POST /api/change-requests/:id/reject': {
    path: '/api/change-requests/999999/reject',
    body: { reason: '矩阵测试' },
  },
  'POST /api/draw-sessions': {
    path: '/api/draw-sessions',
    body: { year: 2023, title: 'matrix', items: [{ taskCode: 'JC2023-999', batch: 1 }] },
  },
  'POST /api/draw-sessions/:id/seed': {
    path: '/api/draw-sessions/999999/seed',
    body: { digits: '12345678901234567890123', witnesses: ['甲', '乙'] },
  },
  'POST /api/draw-sessions/:id/publish': { path: '/api/draw-sessions/999999/publish' },
  'GET /api/public/draw-sessions': { path: '/api/public/draw-sessions' },
  'GET /api/public/draw-sessions/:id': { path: '/api/public/draw-sessions/1' },
  'GET /api/public/draws': { path: '/api/public/draws' },
  'GET /api/public/draws/:id': { path: '/api/public/draws/1' },
  'GET /api/public/draws/:id/record.json': { path: '/api/public/draws/1/record.json' },
  'GET /api/draws/:id/strata.json': { path: '/api/draws/1/strata.json' },
  'GET /api/audit-log': { path: '/api/audit-log' },
  'GET /api/audit-log/verification': { path: '/api/audit-log/verification' },
  'GET /api/public/audit-anchors': { path: '/api/public/audit-anchors' },
  'POST /api/admin/backup': { path: '/api/admin/backup' },
  'GET /api/joint-visits': { path: '/api/joint-visits?year=2023' },
  'GET /api/objects': { path: '/api/objects?region=140525', otherCounty: '/api/objects?region=140522' },
  'GET /api/inspectors': {
    path: '/api/inspectors?region=140525',
    otherCounty: '/api/inspectors?region=140522',
  },
  'GET /api/items': { path: '/api/items' },
  'GET /api/public/items': { path: '/api/public/items' },
  'GET /api/object-categories': { path: '/api/object-categories' },
  'POST /api/imports/:kind/preview': {
    path: '/api/imports/objects/preview',
    multipart: {
      fields: {},
      file: { field: 'file', name: 'x.csv', bytes: Buffer.from('名称,地址\n甲,乙\n') },
    },
  },
  'POST /api/imports/:kind': {
    path: '/api/imports/objects',
    multipart: {
      fields: { dryRun: 'true' },
      file: { field: 'file', name: 'x.csv', bytes: Buffer.from('名称,地址\n甲,乙\n') },
    },
  },
  'POST /api/imports/risk-history': {
    path: '/api/imports/risk-history',
    multipart: {
      fields: { dryRun: 'true' },
      file: { field: 'file', name: 'risk.csv', bytes: Buffer.from('USCC,class,date\n') },
    },
  },
  'GET /api/imports/reports/:id.xlsx': { path: '/api/imports/reports/0123456789abcdef0123456789abcdef.xlsx' },
  'GET /api/plans/:year/populations': {
    path: '/api/plans/2023/populations?region=140525',
    otherCounty: '/api/plans/2023/populations?region=140522',
  },
  'POST /api/populations/:taskLineId/count': { path: '/api/populations/999999/count', body: SAMPLE_RULE },
  'PUT /api/populations/:taskLineId': { path: '/api/populations/999999', body: SAMPLE_RULE },
  'GET /api/inspections': { path: '/api/inspections?year=2023' },
  'GET /api/inspections/:id': { path: '/api/inspections/999999' },
  'PUT /api/inspections/:id': { path: '/api/inspections/999999', body: { results: [] } },
  'POST /api/inspections/:id/submit': { path: '/api/inspections/999999/submit', body: { results: [] } },
  'POST /api/inspections/:id/review': { path: '/api/inspections/999999/review', body: { action: 'approve' } },
  'POST /api/inspections/:id/evidence': {
    path: '/api/inspections/999999/evidence',
    multipart: { fields: {}, file: { field: 'file', name: 'x.pdf', bytes: TINY_PDF } },
  },
  'GET /api/inspections/:id/evidence/:evidenceId': { path: '/api/inspections/999999/evidence/1' },
  'POST /api/inspections/dispatch': { path: '/api/inspections/dispatch', body: { year: 2023 } },
  'GET /api/follow-ups': { path: '/api/follow-ups?year=2023' },
  'PATCH /api/follow-ups/:id': { path: '/api/follow-ups/999999', body: { outcome: '矩阵测试' } },
  'GET /api/public/results': { path: '/api/public/results?year=2023' },
  'GET /api/public/results/download.:format': { path: '/api/public/results/download.csv?year=2023' },
  'GET /api/public/follow-ups': { path: '/api/public/follow-ups?year=2023' },
  'GET /api/oversight/progress': {
    path: '/api/oversight/progress?year=2023&region=140525',
    otherCounty: '/api/oversight/progress?year=2023&region=140522',
  },
  'GET /api/oversight/progress/units': {
    path: '/api/oversight/progress/units?year=2023&region=140525&metric=overdue',
    otherCounty: '/api/oversight/progress/units?year=2023&region=140522&metric=overdue',
  },
  'GET /api/oversight/progress/export.xlsx': {
    path: '/api/oversight/progress/export.xlsx?year=2023&region=140525&table=tasks',
    otherCounty: '/api/oversight/progress/export.xlsx?year=2023&region=140522&table=tasks',
  },
  'GET /api/oversight/estimates': { path: '/api/oversight/estimates?year=2023&by=region' },
  'GET /api/oversight/estimates/export.xlsx': {
    path: '/api/oversight/estimates/export.xlsx?year=2023&by=task',
  },
  'GET /api/oversight/burden': { path: '/api/oversight/burden?year=2023' },
  'GET /api/oversight/bulletins': { path: '/api/oversight/bulletins?year=2023' },
  'POST /api/oversight/bulletins': { path: '/api/oversight/bulletins', body: { year: 2023 } },
  'GET /api/oversight/bulletins/:id/download': { path: '/api/oversight/bulletins/999999/download' },
  'GET /api/oversight/assessment/:year': { path: '/api/oversight/assessment/2023' },
  'GET /api/oversight/assessment/:year/rules': { path: '/api/oversight/assessment/2023/rules' },
  'PUT /api/oversight/assessment/:year/rules': {
    path: '/api/oversight/assessment/2023/rules',
    body: {
      weights: { completion: 30, timeliness: 25, coverage: 15, closure: 15, dataQuality: 15 },
      completionDeadline: '2023-12-15',
    },
  },
  'GET /api/oversight/assessment/:year/report.:format': {
    path: '/api/oversight/assessment/2023/report.xlsx',
  },
  'GET /api/oversight/assessment/:year/departments/:id/summary.xlsx': {
    path: '/api/oversight/assessment/2023/departments/1/summary.xlsx',
    handlerMayRefuse: ['city-scjg', 'zezhou-scjg'],
  },
  'GET /api/inspections/:id/notice.docx': { path: '/api/inspections/999999/notice.docx' },
  'GET /api/inspections/:id/record-sheet.docx': { path: '/api/inspections/999999/record-sheet.docx' },
  'GET /api/results/export.xlsx': {
    path: '/api/results/export.xlsx?year=2023&region=140525',
    otherCounty: '/api/results/export.xlsx?year=2023&region=140522',
  },
  'GET /api/notifications': { path: '/api/notifications' },
  'POST /api/notifications/:id/read': { path: '/api/notifications/999999/read' },
  'GET /api/calendar/overrides': { path: '/api/calendar/overrides' },
  'PUT /api/calendar/overrides': {
    path: '/api/calendar/overrides',
    body: { year: 2099, entries: [{ date: '2099-01-01', kind: 'holiday', name: '元旦' }], complete: false },
  },
  'GET /api/calendar/deadline': { path: '/api/calendar/deadline?end=2023-09-28' },
  'GET /api/risk/models': { path: '/api/risk/models' },
  'POST /api/risk/models': { path: '/api/risk/models', body: { asOf: '2000-01-01' } },
  'GET /api/objects/:id/risk': {
    path: '/api/objects/1/risk',
    handlerMayRefuse: ['city-scjg', 'zezhou-scjg', 'inspector'],
  },
  'GET /api/risk/report': { path: '/api/risk/report?year=2023' },
  'GET /api/risk/tilt/:year': { path: '/api/risk/tilt/2023' },
  'PUT /api/risk/tilt/:year': { path: '/api/risk/tilt/2023', body: { enabled: false } },
  'PUT /api/risk/tilt/:year/tasks/:code': {
    path: '/api/risk/tilt/2023/tasks/JC2023-133',
    body: { enabled: false },
  },
  'GET /api/risk/tilt/:year/tasks/:code/allocation': {
    path: '/api/risk/tilt/2023/tasks/JC2023-133/allocation',
  },
};

describe('access matrix: every route × every role', () => {
  let t: TestApp;
  const sessions = new Map<Who, LoggedIn | null>();
  const publicBodies: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ demoObjects: 1000 });
    const frozen = await freezeDrawSession(t.database.db, SYSTEM_ACTOR, {
      year: 2023,
      title: 'matrix',
      items: [{ taskCode: 'JC2023-133', batch: 1 }],
    });
    if (!frozen.ok) throw new Error(JSON.stringify(frozen.error));
    await enterSessionSeed(t.database.db, SYSTEM_ACTOR, frozen.value.sessionId, {
      digits: '12345678901234567890123',
      beacon: null,
      witnesses: ['甲', '乙'],
    });
    const published = await publishDrawSession(t.database.db, SYSTEM_ACTOR, frozen.value.sessionId);
    if (!published.ok) throw new Error(JSON.stringify(published.error));
    await dispatchPublishedDraws(t.database.db, SYSTEM_ACTOR);
    sessions.set('anonymous', null);
    for (const who of Object.keys(ROLE_OF) as Exclude<Who, 'anonymous'>[]) {
      sessions.set(who, await logInAs(t.app, who, DEMO_PASSWORD));
    }
  });
  afterAll(async () => {
    await t.close();
  });

  async function call(
    method: string,
    sample: Sample,
    path: string,
    who: Who,
  ): Promise<{ status: number; body: string }> {
    const session = sessions.get(who) ?? null;
    const headers: Record<string, string> =
      session === null ? {} : { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
    if (sample.multipart !== undefined) {
      const mp = buildMultipart(sample.multipart.fields, [
        {
          field: sample.multipart.file.field,
          fileName: sample.multipart.file.name,
          contentType: 'application/octet-stream',
          bytes: sample.multipart.file.bytes,
        },
      ]);
      const res = await t.app.inject({
        method: method as 'POST',
        url: path,
        headers: { ...headers, ...mp.headers },
        payload: mp.payload,
      });
      return { status: res.statusCode, body: res.body };
    }
    const res = await t.app.inject({
      method: method as 'GET',
      url: path,
      headers,
      ...(sample.body === undefined ? {} : { payload: sample.body as Record<string, unknown> }),
    });
    return { status: res.statusCode, body: res.body };
  }

  it('has a sample request for every route (a new route must be added here)', () => {
    const missing = ROUTES.map((r) => `${r.method} ${r.url}`).filter((k) => SAMPLES[k] === undefined);
    expect(missing).toEqual([]);
  });

  it.each(ROUTES.map((r) => [`${r.method} ${r.url}`, r] as const))('%s', async (key, route) => {
    const sample = SAMPLES[key];
    expect(sample).toBeDefined();
    if (sample === undefined) return;
    for (const who of sessions.keys()) {
      if (key === 'POST /api/auth/logout') continue; // ends the session other rows use; covered in build-app.test.ts
      const { status, body } = await call(route.method, sample, sample.path, who);
      const label = `${key} as ${who} → ${String(status)} ${body.slice(0, 120)}`;
      if (route.access.kind === 'public') {
        expect(status, label).not.toBe(403);
        // The only 401 a public route gives is a wrong password at login.
        if (status === 401) expect(body, label).toContain('invalid_credentials');
        if (status === 200) publicBodies.push(body);
        continue;
      }
      if (who === 'anonymous') {
        expect(status, label).toBe(401);
        continue;
      }
      const allowed = route.access.roles.includes(ROLE_OF[who] as never);
      if (!allowed) {
        expect(status, label).toBe(403);
      } else if (!(sample.handlerMayRefuse ?? []).includes(who)) {
        expect([401, 403], label).not.toContain(status);
      }
      if (allowed && who === 'zezhou-scjg' && sample.otherCounty !== undefined) {
        const other = await call(route.method, sample, sample.otherCounty, who);
        expect(other.status, `${key} other county as ${who}`).toBe(403);
      }
    }
  });

  it('never returns sealed data on a public route', async () => {
    const inspectors = await t.database.db
      .selectFrom('inspectors')
      .select(['name', 'certificate_no'])
      .limit(200)
      .execute();
    const salts = await t.database.db.selectFrom('draw_sealed_strata').select('salt').execute();
    const text = publicBodies.join('\n');
    expect(text.length).toBeGreaterThan(1000);
    for (const key of [
      '"riskClass"',
      '"risk_class"',
      '"salt"',
      '"assignments"',
      '"passwordHash"',
      '"password_hash"',
      '"certificateNo"',
      '"band"',
    ]) {
      expect(text, key).not.toContain(key);
    }
    for (const s of salts) expect(text).not.toContain(s.salt);
    for (const i of inspectors) {
      expect(text).not.toContain(i.certificate_no);
      expect(text).not.toContain(`"${i.name}"`);
    }
  });
});
