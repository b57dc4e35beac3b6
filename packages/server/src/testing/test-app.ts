import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import type { DatabaseHandle } from '../db/database.ts';
import { buildApp } from '../http/build-app.ts';
import type { AppContext } from '../http/app-context.ts';
import { prepareDatabase, VERSION } from '../start-server.ts';
import { createTestDatabase } from './test-database.ts';

export interface TestApp {
  readonly app: FastifyInstance;
  readonly database: DatabaseHandle;
  readonly clock: { now: Date };
  close(): Promise<void>;
}

/** A migrated, seeded database with the demo accounts, and the HTTP app on top (no port; use app.inject). */
export async function createTestApp(
  options: { loginRateLimit?: number; demoObjects?: number } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  await prepareDatabase(database, { demo: true, demoObjects: options.demoObjects ?? 0 });
  const clock = { now: new Date() };
  const ctx: AppContext = {
    db: database.db,
    databaseKind: database.kind,
    logger: pino({ level: 'silent' }),
    version: VERSION,
    now: () => clock.now,
    secureCookies: false,
    loginRateLimit: { max: options.loginRateLimit ?? 1000, windowMs: 60_000 },
  };
  const app = await buildApp(ctx, { webDistDir: null });
  return {
    app,
    database,
    clock,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export interface LoggedIn {
  readonly cookie: string;
  readonly csrfToken: string;
}

export async function logInAs(app: FastifyInstance, username: string, password: string): Promise<LoggedIn> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login as ${username} failed: ${res.statusCode} ${res.body}`);
  return { cookie: sessionCookieOf(res), csrfToken: res.json<{ csrfToken: string }>().csrfToken };
}

export function sessionCookieOf(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === 'ssj_session');
  if (cookie === undefined) throw new Error('no session cookie');
  return `ssj_session=${cookie.value}`;
}
