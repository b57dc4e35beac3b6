/**
 * Benchmark: the full first-batch draw session of the 2023 plan on the demo register (issue "The double-random
 * draw"): 350 tasks, frames frozen, seed entered, targets and inspectors drawn, records stored and published, on
 * embedded PGlite. Run: `npm run bench:draw` (env BENCH_OBJECTS, default 200000). Prints JSON. The draw worker is
 * started before the session is timed, as `ssj serve` starts it when it listens; its start is reported beside.
 */
import os from 'node:os';
import { openDatabase } from '../packages/server/src/db/database.ts';
import { warmDrawComputer } from '../packages/server/src/features/draws/draw-computer.ts';
import { freezeDrawSession } from '../packages/server/src/features/draws/freeze-session.ts';
import { publishDrawSession } from '../packages/server/src/features/draws/publish-session.ts';
import { enterSessionSeed } from '../packages/server/src/features/draws/seed-session.ts';
import { SYSTEM_ACTOR } from '../packages/server/src/audit/audit-log.ts';
import { prepareDatabase } from '../packages/server/src/start-server.ts';

const objects = Number(process.env['BENCH_OBJECTS'] ?? '200000');
const handle = await openDatabase({ kind: 'pglite', dataDir: null });
const t0 = performance.now();
await prepareDatabase(handle, { demo: true, demoObjects: objects });
const tPrepared = performance.now();
// As `ssj serve` does once it listens: the draw worker is started before the first session (its cost is reported).
await warmDrawComputer();
const tWarm = performance.now();
const tasks = await handle.db
  .selectFrom('tasks')
  .innerJoin('plans', 'plans.id', 'tasks.plan_id')
  .select('tasks.code')
  .where('plans.year', '=', 2023)
  .orderBy('tasks.seq')
  .execute();
const items = tasks.map((t) => ({ taskCode: t.code, batch: 1 }));
// CPU time of this process beside the wall clock: PGlite runs on the same thread, so on an idle machine the two
// agree, and a session much longer than its CPU time was waiting for a CPU other work held.
const cpuSeconds = (): number => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1e6;
};
const c1 = cpuSeconds();
const t1 = performance.now();
const frozen = await freezeDrawSession(handle.db, SYSTEM_ACTOR, { year: 2023, title: 'bench', items });
if (!frozen.ok) throw new Error(JSON.stringify(frozen.error));
const t2 = performance.now();
const seeded = await enterSessionSeed(handle.db, SYSTEM_ACTOR, frozen.value.sessionId, {
  digits: '314159265358979323846264338327',
  beacon: null,
  witnesses: ['甲', '乙'],
});
if (!seeded.ok) throw new Error(JSON.stringify(seeded.error));
const published = await publishDrawSession(handle.db, SYSTEM_ACTOR, frozen.value.sessionId);
if (!published.ok) throw new Error(JSON.stringify(published.error));
const t3 = performance.now();
const c3 = cpuSeconds();
const targets = published.value.draws.reduce((n, d) => n + d.targets, 0);
const frameIds = frozen.value.frames.reduce((n, f) => n + f.frameSize, 0);
console.log(
  JSON.stringify(
    {
      benchmark: 'draw-session-2023-batch1',
      objects,
      tasks: items.length,
      frameIds,
      targets,
      prepareSeconds: +((tPrepared - t0) / 1000).toFixed(2),
      workerStartSeconds: +((tWarm - tPrepared) / 1000).toFixed(2),
      freezeSeconds: +((t2 - t1) / 1000).toFixed(2),
      drawAndPublishSeconds: +((t3 - t2) / 1000).toFixed(2),
      sessionSeconds: +((t3 - t1) / 1000).toFixed(2),
      sessionCpuSeconds: +(c3 - c1).toFixed(2),
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      cpu: os.cpus()[0]?.model,
    },
    null,
    1,
  ),
);
await handle.close();
