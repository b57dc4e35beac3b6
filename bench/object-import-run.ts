/**
 * One run of the object import for the import benchmark, in its own process so that its peak memory (maxRSS) is its
 * own: opens the database (`postgres URL` or `pglite DIR`), migrates it, then imports FILE through importObjects,
 * exactly what `ssj objects import FILE` does (a read stream of the file, all or nothing, audited). `--dry-run`
 * validates and checks duplicates but stores nothing. Prints one JSON line.
 *
 * node --import tsx bench/object-import-run.ts postgres postgres://… FILE [--dry-run]
 */
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { importObjects, openDatabase, prepareDatabase } from '../packages/server/src/index.ts';
import type { AuditActor, DatabaseTarget } from '../packages/server/src/index.ts';

const [kind, location, file] = process.argv.slice(2);
if ((kind !== 'postgres' && kind !== 'pglite') || location === undefined || file === undefined) {
  throw new Error('usage: object-import-run.ts postgres|pglite URL|DIR FILE [--dry-run]');
}
const dryRun = process.argv.includes('--dry-run');
const target: DatabaseTarget =
  kind === 'postgres' ? { kind: 'postgres', url: location } : { kind: 'pglite', dataDir: location };
const handle = await openDatabase(target);
await prepareDatabase(handle, { demo: false });
const actor: AuditActor = { userId: null, role: 'cli', departmentId: null, requestId: null };
const size = statSync(file).size;
const rssBefore = process.memoryUsage().rss;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const result = await importObjects(
  handle.db,
  actor,
  { fileName: path.basename(file), stream: createReadStream(file), size },
  { dryRun },
);
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
await handle.close();
console.log(
  JSON.stringify({
    rows: result.rows,
    valid: result.valid,
    imported: result.imported,
    errorRows: result.errorRows,
    stored: result.stored,
    seconds: +seconds.toFixed(2),
    rowsPerSecond: Math.round(result.rows / seconds),
    nodeCpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(2),
    rssBeforeImportMiB: Math.round(rssBefore / 1024 ** 2),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
