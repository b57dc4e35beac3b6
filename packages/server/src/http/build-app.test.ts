import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/demo-accounts.ts';
import { createTestApp, logInAs, type TestApp } from '../testing/test-app.ts';

describe('HTTP foundation: health, sessions, CSRF, roles and jurisdiction', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers /api/health with the database kind', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: t.database.kind });
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('refuses text with a NUL character with a 400 naming the field, before the database sees it', async () => {
    const query = await t.app.inject({ method: 'GET', url: '/api/public/results?q=abc%00def' });
    expect(query.statusCode).toBe(400);
    expect(query.json<{ error: { message: string } }>().error.message).toContain('q');
    const office = await logInAs(t.app, 'office', DEMO_PASSWORD);
    const body = await t.app.inject({
      method: 'POST',
      url: '/api/plans/2031/draft',
      headers: { cookie: office.cookie, 'x-csrf-token': office.csrfToken },
      payload: { title: '计划\u0000', sourceName: 'x.docx', tasks: [] },
    });
    expect(body.statusCode).toBe(400);
    expect(body.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'validation_failed',
    });
    expect(body.json<{ error: { message: string } }>().error.message).toContain('title');
    const plans = await t.database.db.selectFrom('plans').select('id').where('year', '=', 2031).execute();
    expect(plans).toEqual([]);
  });

  it('refuses a staff route without a session with 401 and a JSON error', async () => {
    for (const url of ['/api/auth/session', '/api/regions/140525/users']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    }
  });

  it('rejects a wrong password without saying whether the user exists', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'office', password: 'not-the-password1' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'not-the-password1' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('logs in with an HTTP-only cookie, reports the session, and logs out only with the CSRF token', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'office', password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    const { cookie, csrfToken } = await logInAs(t.app, 'office', DEMO_PASSWORD);

    const session = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    expect(session.statusCode).toBe(200);
    expect(session.json()).toMatchObject({
      user: { username: 'office', role: 'office_admin', regionCode: '140500' },
    });

    const noToken = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json()).toMatchObject({ error: { code: 'csrf_failed' } });

    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('refuses a cross-site login (foreign Origin, or a form body)', async () => {
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { username: 'office', password: DEMO_PASSWORD },
    });
    expect(foreign.statusCode).toBe(403);
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify({ username: 'office', password: DEMO_PASSWORD }),
    });
    expect(form.statusCode).toBe(415);
  });

  it("gives a county department admin its own region's data and 403 for another county's", async () => {
    const zezhou = await logInAs(t.app, 'zezhou-scjg', DEMO_PASSWORD);
    const own = await t.app.inject({
      method: 'GET',
      url: '/api/regions/140525/users',
      headers: { cookie: zezhou.cookie },
    });
    expect(own.statusCode).toBe(200);
    expect(own.json<{ users: { username: string }[] }>().users.map((u) => u.username)).toContain(
      'zezhou-scjg',
    );

    const other = await t.app.inject({
      method: 'GET',
      url: '/api/regions/140522/users',
      headers: { cookie: zezhou.cookie },
    });
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ error: { code: 'forbidden' } });

    const city = await t.app.inject({
      method: 'GET',
      url: '/api/regions/140500/users',
      headers: { cookie: zezhou.cookie },
    });
    expect(city.statusCode).toBe(403);
  });

  it('lets the city office read a subordinate county, and refuses an inspector by role', async () => {
    const office = await logInAs(t.app, 'office', DEMO_PASSWORD);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/regions/140522/users',
      headers: { cookie: office.cookie },
    });
    expect(res.statusCode).toBe(200);
    const inspector = await logInAs(t.app, 'inspector', DEMO_PASSWORD);
    const denied = await t.app.inject({
      method: 'GET',
      url: '/api/regions/140525/users',
      headers: { cookie: inspector.cookie },
    });
    expect(denied.statusCode).toBe(403);
  });

  it('validates input with a clear message', async () => {
    const office = await logInAs(t.app, 'office', DEMO_PASSWORD);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/regions/abc/users',
      headers: { cookie: office.cookie },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'validation_failed' } });
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('expires an idle session', async () => {
    const { cookie } = await logInAs(t.app, 'auditor', DEMO_PASSWORD);
    const saved = t.clock.now;
    try {
      t.clock.now = new Date(saved.getTime() + 9 * 60 * 60 * 1000);
      const res = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
      expect(res.statusCode).toBe(401);
    } finally {
      t.clock.now = saved;
    }
  });

  it('locks an account after five wrong passwords in a row', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'yangcheng-scjg', password: `wrong-password-${i}` },
      });
      expect(res.statusCode).toBe(401);
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'yangcheng-scjg', password: DEMO_PASSWORD },
    });
    expect(locked.statusCode).toBe(423);
    expect(locked.json()).toMatchObject({ error: { code: 'account_locked' } });
  });
});

describe('login rate limit', () => {
  it('answers 429 past the per-address limit', async () => {
    const t = await createTestApp({ loginRateLimit: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'nobody', password: 'whatever-123' },
        });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await t.close();
    }
  });
});
