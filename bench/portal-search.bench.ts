/**
 * Benchmark (issue "Inspections, results and publication"): the public portal's result search over 1 M published
 * results, 100 concurrent clients for 30 s (autocannon), p50/p95/p99 and requests/s, beside a bare hello-world route
 * (`/api/ping`, no database) of the same server in the same run. Target: p95 < 50 ms, 0 errors.
 *
 * The data: the demo register (BENCH_OBJECTS, default 200,000) and 1 M published task results (BENCH_RESULTS), written
 * in bulk SQL on top of a few real published draws; the server runs as a child process (`ssj serve`) on that data
 * directory; the queries are varied (USCC look-ups, name fragments, filtered pages) so no cache is hit twice.
 * Run: `npm run bench -- portal` (or `node --import tsx bench/portal-search.bench.ts`). Prints JSON.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../packages/server/src/audit/audit-log.ts';
import { openDatabase } from '../packages/server/src/db/database.ts';
import { freezeDrawSession } from '../packages/server/src/features/draws/freeze-session.ts';
import { publishDrawSession } from '../packages/server/src/features/draws/publish-session.ts';
import { enterSessionSeed } from '../packages/server/src/features/draws/seed-session.ts';
import { vacuumReadModel } from '../packages/server/src/jobs/read-model-maintenance.ts';
import { prepareDatabase } from '../packages/server/src/start-server.ts';
import { createDatabase, findPgBin, startPostgres, type PgServer } from './temporary-postgres.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const objects = Number(process.env['BENCH_OBJECTS'] ?? '200000');
const results = Number(process.env['BENCH_RESULTS'] ?? '1000000');
const seconds = Number(process.env['BENCH_SECONDS'] ?? '30');
const connections = Number(process.env['BENCH_CONNECTIONS'] ?? '100');
const port = 3900 + (process.pid % 90);
// BENCH_DATABASE=postgres (`npm run bench -- portal-postgres`): the same run on a throwaway PostgreSQL server (or
// DATABASE_URL), which answers searches on every core where PGlite answers them one at a time on the server's thread.
const onPostgres = process.env['BENCH_DATABASE'] === 'postgres';
let pgServer: PgServer | null = null;
let url = process.env['DATABASE_URL'] ?? '';
if (onPostgres && url === '') {
  const bin = findPgBin();
  if (bin === null) {
    console.log(
      JSON.stringify({ benchmark: 'portal-result-search', skipped: 'no PostgreSQL and no DATABASE_URL' }),
    );
    process.exit(0);
  }
  pgServer = await startPostgres(bin);
  url = await createDatabase(pgServer.url, 'ssj_portal');
}
// BENCH_DATA_DIR (PGlite only): keep the prepared data directory there and reuse it on the next run (to compare query
// changes without preparing a million results again); without it a temporary directory is used and removed.
const keptDir = process.env['BENCH_DATA_DIR'] ?? '';
const dataDir = onPostgres
  ? null
  : keptDir !== ''
    ? keptDir
    : fs.mkdtempSync(path.join(os.tmpdir(), 'ssj-bench-portal-'));
const PREPARED_MARK = dataDir === null ? '' : path.join(dataDir, '..', `${path.basename(dataDir)}.prepared`);
const reuse = keptDir !== '' && fs.existsSync(PREPARED_MARK);

const t0 = performance.now();
// The server (`ssj serve` with SSJ_DATA_DIR) keeps its PGlite database in the `pglite` folder of its data directory:
// the data is prepared there. (Until 2026-11-28 it was prepared one level up, so the server searched an empty
// database of its own: the PGlite figures before that date are void.)
const handle = await openDatabase(
  dataDir === null ? { kind: 'postgres', url } : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
);
const db = handle.db;
if (reuse) {
  // Migrations added since the directory was prepared (the read model, say) run here; nothing else is written.
  await prepareDatabase(handle, { demo: false });
} else {
  await prepareResults();
}
async function prepareResults(): Promise<void> {
  await prepareDatabase(handle, { demo: true, demoObjects: objects });
  const perObject = Math.ceil(results / objects);
  // A few real published draws give the results their draw ids (one result per draw and object).
  const tasks = await db
    .selectFrom('tasks')
    .select('code')
    .where('region_code', '=', '140500')
    .orderBy('seq')
    .limit(perObject + 4)
    .execute();
  let drawIds: { id: number; task_id: number; task_code: string }[] = [];
  for (let i = 0; i < tasks.length && drawIds.length < perObject; i++) {
    const code = tasks[i]?.code ?? '';
    const frozen = await freezeDrawSession(db, SYSTEM_ACTOR, {
      year: 2023,
      title: `bench ${code}`,
      items: [{ taskCode: code, batch: 1 }],
    });
    if (!frozen.ok) continue;
    await enterSessionSeed(db, SYSTEM_ACTOR, frozen.value.sessionId, {
      digits: '1234567890123456789012',
      beacon: null,
      witnesses: ['甲', '乙'],
    });
    const published = await publishDrawSession(db, SYSTEM_ACTOR, frozen.value.sessionId);
    if (!published.ok) continue;
    drawIds = await db.selectFrom('draws').select(['id', 'task_id', 'task_code']).orderBy('id').execute();
  }
  if (drawIds.length < perObject)
    throw new Error(
      `bench: only ${String(drawIds.length)} draws for ${String(perObject)} results per object`,
    );
  const department = await db.selectFrom('departments').select('id').orderBy('id').executeTakeFirstOrThrow();
  for (let k = 1; k <= perObject; k++) {
    const draw = drawIds[k - 1];
    if (draw === undefined) break;
    const limit = Math.min(objects, results - (k - 1) * objects);
    await db.transaction().execute(async (trx) => {
      await sql`
      insert into inspections (year, object_id, canonical_id, region_code, responsible_department_id, status,
        window_from, window_to, deadline, method, inspected_on, published_on, published_at, late)
      select 2023, o.id, o.canonical_id, o.region_code, ${department.id}, 'submitted', '2023-03-01', '2023-06-30',
        '2023-07-28', '实地检查', to_char(date '2023-03-01' + ((o.id * 7 + ${k}) % 120), 'YYYY-MM-DD'),
        to_char(date '2023-07-01' + ((o.id + ${k}) % 40), 'YYYY-MM-DD'), now(), ((o.id + ${k}) % 13 = 0)
      from objects o where o.id in (select id from objects order by id limit ${limit})`.execute(trx);
      await sql`
      insert into inspection_tasks (inspection_id, draw_id, object_id, task_id, task_code, batch, department_id,
        matters, window_from, window_to, deadline)
      select i.id, ${draw.id}, i.object_id, ${draw.task_id}, ${draw.task_code}, 1, ${department.id},
        '["营业执照（登记证）规范使用情况的检查"]'::jsonb, '2023-03-01', '2023-06-30', '2023-07-28'
      from inspections i where not exists (select 1 from inspection_tasks x where x.inspection_id = i.id)`.execute(
        trx,
      );
      await sql`
      insert into inspection_results (inspection_id, task_id, matter, result_codes, non_compliant)
      select it.inspection_id, it.task_id, '营业执照（登记证）规范使用情况的检查',
        case when it.inspection_id % 11 = 0 then '["A"]'::jsonb when it.inspection_id % 37 = 0 then '["6"]'::jsonb
          else '["1"]'::jsonb end,
        it.inspection_id % 11 = 0
      from inspection_tasks it where it.draw_id = ${draw.id}`.execute(trx);
      // Approval, in bulk: the triggers of migration `public-results` write the portal's read model here.
      await sql`update inspections set status = 'published' where status = 'submitted'`.execute(trx);
    });
    process.stderr.write(`results: ${String(Math.min(results, k * objects))}\n`);
  }
}
await sql`analyze`.execute(db);
// The read model vacuumed, as PostgreSQL's autovacuum does after a bulk load and the PGlite server does at start and
// hourly (`read-model-maintenance.ts`): its pages are all-visible, so pages of keys are read from the indexes alone.
await vacuumReadModel(db);
const published = await db
  .selectFrom('inspection_tasks')
  .select((eb) => eb.fn.countAll<string>().as('n'))
  .executeTakeFirstOrThrow();
const ids = (
  await sql<{
    canonical_id: string;
  }>`select canonical_id from objects order by (id::bigint * 7919) % 100003 limit 5000`.execute(db)
).rows.map((r) => r.canonical_id);
const names = (
  await sql<{
    name: string;
  }>`select name from objects order by (id::bigint * 104729) % 99991 limit 2000`.execute(db)
).rows.map((r) => r.name);
const regions = (await db.selectFrom('regions').select('code').execute()).map((r) => r.code);
await handle.close();
if (keptDir !== '' && !reuse) fs.writeFileSync(PREPARED_MARK, new Date().toISOString());
const tPrepared = performance.now();

const server = spawn(process.execPath, [path.join(ROOT, 'packages/cli/bin/ssj.js'), 'serve', '--no-demo'], {
  cwd: ROOT,
  env: {
    ...process.env,
    ...(dataDir === null ? { DATABASE_URL: url } : { SSJ_DATA_DIR: dataDir }),
    PORT: String(port),
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const base = `http://127.0.0.1:${String(port)}`;
for (let i = 0; ; i++) {
  try {
    const res = await fetch(`${base}/api/ping`);
    if (res.ok) break;
  } catch {
    // not up yet
  }
  if (i > 600) throw new Error('bench: the server did not start');
  await new Promise((r) => setTimeout(r, 500));
}

let counter = 0;
function pickSearchPath(): string {
  counter++;
  const n = counter;
  switch (n % 4) {
    case 0:
    case 1:
      return `/api/public/results?q=${ids[n % ids.length] ?? ''}`;
    case 2: {
      const name = names[n % names.length] ?? '店';
      const from = n % Math.max(1, name.length - 3);
      return `/api/public/results?q=${encodeURIComponent(name.slice(from, from + 4))}`;
    }
    default:
      return `/api/public/results?year=2023&region=${regions[n % regions.length] ?? '140500'}&offset=${String((n % 50) * 20)}${n % 3 === 0 ? '&code=A' : ''}`;
  }
}

interface Measured {
  readonly result: autocannon.Result;
  /** Every response time (ms), for exact percentiles (autocannon's summary has p97.5 but no p95). */
  readonly times: number[];
}
async function run(title: string, requests: autocannon.Request[]): Promise<Measured> {
  process.stderr.write(`${title}: ${String(connections)} clients for ${String(seconds)} s\n`);
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: base, connections, duration: seconds, requests }, (error, r) => {
      if (error !== null && error !== undefined)
        reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(r);
    });
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      times.push(responseTime);
    });
  });
  return { result, times };
}
const hello = await run('hello', [{ method: 'GET', path: '/api/ping' }]);
const search = await run('search', [
  {
    method: 'GET',
    setupRequest: (req) => ({ ...req, path: pickSearchPath() }),
  },
]);
server.kill('SIGINT');
await new Promise((r) => server.once('exit', r));
if (dataDir !== null && keptDir === '') fs.rmSync(dataDir, { recursive: true, force: true });
pgServer?.stop();

function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return +(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0).toFixed(1);
}
function summarise({ result: r, times }: Measured): Record<string, number | Record<string, number>> {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    requestsPerSecond: Math.round(r.requests.average),
    p50ms: percentile(sorted, 0.5),
    p95ms: percentile(sorted, 0.95),
    p99ms: percentile(sorted, 0.99),
    errors: r.errors + r.timeouts + r.non2xx,
    requests: r.requests.total,
    // What the errors were: connection errors, time-outs, and answers other than 2xx by status.
    errorKinds: {
      connection: r.errors,
      timeouts: r.timeouts,
      ...Object.fromEntries(
        Object.entries(r.statusCodeStats ?? {})
          .filter(([status]) => !status.startsWith('2'))
          .map(([status, stat]) => [status, stat.count ?? 0]),
      ),
    },
  };
}
console.log(
  JSON.stringify(
    {
      benchmark: 'portal-result-search',
      database: onPostgres ? 'postgres' : 'pglite',
      objects,
      publishedResults: Number(published.n),
      connections,
      seconds,
      prepareSeconds: +((tPrepared - t0) / 1000).toFixed(1),
      hello: summarise(hello),
      search: summarise(search),
      cpu: os.cpus()[0]?.model,
    },
    null,
    1,
  ),
);
