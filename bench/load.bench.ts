/**
 * Load (issue "Trust"): 200 logged-in staff doing mixed work and 1,000 public clients reading the portal for 60 s
 * against PostgreSQL. 0 errors expected; latency percentiles per group go to docs/PERFORMANCE.md.
 *
 * Data: the demo register (BENCH_OBJECTS, default 50,000) with a simulated 2023 (`simulateYear`), on a throwaway
 * PostgreSQL server (or DATABASE_URL). Staff: 200 accounts (office, department admins, inspectors linked to register
 * entries, auditors), each with its own session and its own loop: list its inspections, open one, read the plan and
 * the follow-ups, and (inspectors) save a draft of one of its open visits. Public: 1,000 autocannon connections over
 * the portal (result search by USCC and name, plan, draws, follow-ups). The server is `ssj serve` in a child process.
 * Run: `npm run bench -- load`. Prints JSON.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { hashPassword } from '../packages/server/src/auth/passwords.ts';
import { createSession } from '../packages/server/src/auth/sessions.ts';
import { openDatabase } from '../packages/server/src/db/database.ts';
import { simulateYear } from '../packages/server/src/demo/simulate-year.ts';
import { prepareDatabase } from '../packages/server/src/start-server.ts';
import {
  createDatabase,
  findFreePort,
  findPgBin,
  startPostgres,
  type PgServer,
} from './temporary-postgres.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const objects = Number(process.env['BENCH_OBJECTS'] ?? '50000');
const seconds = Number(process.env['BENCH_SECONDS'] ?? '60');
const staffCount = Number(process.env['BENCH_STAFF'] ?? '200');
const publicCount = Number(process.env['BENCH_PUBLIC'] ?? '1000');

let server: PgServer | null = null;
let url = process.env['DATABASE_URL'] ?? '';
if (url === '') {
  const bin = findPgBin();
  if (bin === null) {
    console.log(JSON.stringify({ benchmark: 'load', skipped: 'no PostgreSQL binaries and no DATABASE_URL' }));
    process.exit(0);
  }
  server = await startPostgres(bin);
  url = await createDatabase(server.url, 'ssj_load');
}
const t0 = performance.now();
const handle = await openDatabase({ kind: 'postgres', url });
await prepareDatabase(handle, { demo: true, demoObjects: objects });
await simulateYear(handle.db, {
  year: 2023,
  actor: { userId: null, role: 'bench', departmentId: null, requestId: null },
});
const db = handle.db;

// 200 staff accounts with their own sessions (one password hash shared: argon2 is the slow part, not the point).
const passwordHash = await hashPassword('Bench2023load');
const departments = await sql<{ id: number; region_code: string }>`
  select d.id, d.region_code from departments d
  where exists (select 1 from inspections i where i.responsible_department_id = d.id) order by d.id`.execute(
  db,
);
const inspectors = await sql<{ id: number; department_id: number; region_code: string }>`
  select p.id, p.department_id, p.region_code from inspectors p
  where exists (select 1 from inspection_members m join inspections i on i.id = m.inspection_id
    where m.inspector_id = p.id and i.status = 'draft')
  order by p.id limit ${Math.ceil(staffCount * 0.45)}`.execute(db);
interface Staff {
  role: string;
  cookie: string;
  csrf: string;
  draft: number | null;
}
const staff: Staff[] = [];
for (let i = 0; i < staffCount; i++) {
  const slot = i % 20;
  const role =
    slot < 1 ? 'office_admin' : slot < 2 ? 'auditor' : slot < 11 ? 'department_admin' : 'inspector';
  const inspector =
    role === 'inspector' ? inspectors.rows[i % Math.max(1, inspectors.rows.length)] : undefined;
  const department = departments.rows[i % Math.max(1, departments.rows.length)];
  const user = await db
    .insertInto('users')
    .values({
      username: `load-${String(i)}`,
      display_name: `压测用户${String(i)}`,
      password_hash: passwordHash,
      role: role as 'inspector',
      department_id:
        role === 'inspector'
          ? (inspector?.department_id ?? null)
          : role === 'department_admin'
            ? (department?.id ?? null)
            : null,
      region_code:
        role === 'inspector'
          ? (inspector?.region_code ?? '140500')
          : role === 'department_admin'
            ? (department?.region_code ?? '140500')
            : '140500',
      inspector_id: inspector?.id ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const session = await createSession(db, user.id, new Date());
  const draft =
    inspector === undefined
      ? null
      : ((
          await sql<{
            id: number;
          }>`select i.id from inspections i join inspection_members m on m.inspection_id = i.id
            where m.inspector_id = ${inspector.id} and i.status = 'draft' order by i.id limit 1`.execute(db)
        ).rows[0]?.id ?? null);
  staff.push({ role, cookie: `ssj_session=${session.token}`, csrf: session.csrfToken, draft });
}
const ids = (
  await sql<{
    canonical_id: string;
  }>`select canonical_id from inspections where status = 'published' order by (id::bigint * 7919) % 100003 limit 3000`.execute(
    db,
  )
).rows.map((r) => r.canonical_id);
const names = (
  await sql<{
    name: string;
  }>`select o.name from inspections i join objects o on o.id = i.object_id where i.status = 'published' order by (i.id::bigint * 104729) % 99991 limit 1000`.execute(
    db,
  )
).rows.map((r) => r.name);
const draws = (await sql<{ id: number }>`select id from draws order by id limit 200`.execute(db)).rows.map(
  (r) => r.id,
);
await handle.close();
const tPrepared = performance.now();

const port = await findFreePort();
const child = spawn(process.execPath, [path.join(ROOT, 'packages/cli/bin/ssj.js'), 'serve', '--no-demo'], {
  cwd: ROOT,
  env: { ...process.env, DATABASE_URL: url, PORT: String(port), LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const base = `http://127.0.0.1:${String(port)}`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/api/ping`)).ok) break;
  } catch {
    // not up yet
  }
  if (i > 600) throw new Error('bench: the server did not start');
  await new Promise((r) => setTimeout(r, 500));
}

interface Tally {
  times: number[];
  errors: number;
  statuses: Record<string, number>;
  /** Per kind of request (the path without ids and query): time spent, for finding the slow ones. */
  byKind: Record<string, { n: number; totalMs: number }>;
}
const staffTally: Tally = { times: [], errors: 0, statuses: {}, byKind: {} };

async function timed(tally: Tally, path: string, init: RequestInit = {}): Promise<unknown> {
  const start = performance.now();
  const kind = `${init.method ?? 'GET'} ${path.replace(/\?.*$/, '').replace(/\/\d+/g, '/:id')}`;
  try {
    const res = await fetch(`${base}${path}`, init);
    const body: unknown = await res.json();
    const ms = performance.now() - start;
    tally.times.push(ms);
    const k = (tally.byKind[kind] ??= { n: 0, totalMs: 0 });
    k.n++;
    k.totalMs += ms;
    if (!res.ok) {
      tally.errors++;
      tally.statuses[String(res.status)] = (tally.statuses[String(res.status)] ?? 0) + 1;
    }
    return body;
  } catch {
    tally.errors++;
    tally.statuses['network'] = (tally.statuses['network'] ?? 0) + 1;
    return null;
  }
}

async function runStaff(s: Staff, until: number): Promise<void> {
  const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };
  let n = 0;
  while (performance.now() < until) {
    n++;
    const list = (await timed(
      staffTally,
      `/api/inspections?year=2023&limit=20&offset=${String((n % 5) * 20)}`,
      { headers },
    )) as {
      inspections?: { id: number }[];
    } | null;
    const first = list?.inspections?.[n % Math.max(1, list.inspections.length)];
    if (first !== undefined) await timed(staffTally, `/api/inspections/${String(first.id)}`, { headers });
    if (s.role === 'inspector' && s.draft !== null) {
      await timed(staffTally, `/api/inspections/${String(s.draft)}`, {
        method: 'PUT',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ findings: `压测草稿 ${String(n)}`, results: [] }),
      });
    } else if (s.role !== 'inspector') {
      await timed(staffTally, '/api/follow-ups?year=2023&state=open', { headers });
    }
    await timed(staffTally, '/api/plans/2023', { headers });
  }
}

let counter = 0;
function pickPublicPath(): string {
  counter++;
  const n = counter;
  switch (n % 6) {
    case 0:
    case 1:
      return `/api/public/results?q=${ids[n % ids.length] ?? ''}`;
    case 2: {
      const name = names[n % names.length] ?? '烧烤店';
      // A fragment of at least 3 characters (the portal refuses shorter name searches with a 400).
      const fragment = name.length >= 5 ? name.slice(2, 7) : name.padEnd(3, '店');
      return `/api/public/results?q=${encodeURIComponent(fragment)}`;
    }
    case 3:
      return `/api/public/results?year=2023&offset=${String((n % 20) * 20)}`;
    case 4:
      return `/api/public/draws/${String(draws[n % Math.max(1, draws.length)] ?? 1)}`;
    default:
      return '/api/public/plans/2023';
  }
}

const publicTimes: number[] = [];
const publicStatuses: Record<string, number> = {};
const until = performance.now() + seconds * 1000;
const publicRun = new Promise<autocannon.Result>((resolve, reject) => {
  const instance = autocannon(
    {
      url: base,
      connections: publicCount,
      duration: seconds,
      timeout: 30,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: pickPublicPath() }) }],
    },
    (error, r) => {
      if (error !== null && error !== undefined)
        reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(r);
    },
  );
  instance.on('response', (_client, status, _bytes, responseTime) => {
    publicTimes.push(responseTime);
    if (status >= 300) publicStatuses[String(status)] = (publicStatuses[String(status)] ?? 0) + 1;
  });
});
await Promise.all(staff.map((s) => runStaff(s, until)));
const publicResult = await publicRun;
child.kill('SIGINT');
await new Promise((r) => child.once('exit', r));
server?.stop();

function percentiles(times: readonly number[]): Record<string, number> {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number): number =>
    +(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0).toFixed(1);
  return { p50ms: at(0.5), p95ms: at(0.95), p99ms: at(0.99), maxms: at(1) };
}
console.log(
  JSON.stringify(
    {
      benchmark: 'load-mixed',
      database: 'postgres',
      objects,
      seconds,
      prepareSeconds: +((tPrepared - t0) / 1000).toFixed(1),
      staff: {
        clients: staffCount,
        requests: staffTally.times.length,
        requestsPerSecond: Math.round(staffTally.times.length / seconds),
        errors: staffTally.errors,
        statuses: staffTally.statuses,
        meanMsByKind: Object.fromEntries(
          Object.entries(staffTally.byKind).map(([k, v]) => [k, Math.round(v.totalMs / v.n)]),
        ),
        ...percentiles(staffTally.times),
      },
      public: {
        clients: publicCount,
        requests: publicResult.requests.total,
        requestsPerSecond: Math.round(publicResult.requests.average),
        errors: publicResult.errors + publicResult.timeouts + publicResult.non2xx,
        errorKinds: {
          connection: publicResult.errors - publicResult.timeouts,
          timeouts: publicResult.timeouts,
          non2xx: publicResult.non2xx,
        },
        statuses: publicStatuses,
        ...percentiles(publicTimes),
      },
      cpu: os.cpus()[0]?.model,
    },
    null,
    1,
  ),
);
