/**
 * Benchmark (issue "The registers"): a 1 M-row object CSV imported into PostgreSQL and into PGlite, rows/s and peak
 * memory, beside `psql \copy` of the same file into a staging table of text columns on the same server. Target:
 * ≥ 0.5× `\copy` on PostgreSQL, memory flat (peak RSS of a 100,000-row import beside the 1 M-row one).
 *
 * Each import runs in its own process (bench/object-import-run.ts), so its peak RSS is its own. PostgreSQL is a
 * throwaway server started here like CI does (initdb + pg_ctl, fsync off, in a temporary directory; as the
 * `postgres` user when run as root), or the server BENCH_DATABASE_URL names. Without PostgreSQL binaries the
 * PostgreSQL parts are skipped with a note. Env: BENCH_IMPORT_ROWS (default 1000000), BENCH_PGBIN, BENCH_SKIP_PGLITE.
 * Run: `npm run bench:import`. Prints JSON.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureObjectCsv, OBJECT_CSV_HEADERS } from './object-import-csv.ts';
import { createDatabase, findPgBin, startPostgres, type PgServer } from './temporary-postgres.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const rows = Number(process.env['BENCH_IMPORT_ROWS'] ?? '1000000');
const smallRows = Math.min(100_000, rows);
const log = (text: string): void => {
  process.stderr.write(`  ${text}\n`);
};

interface RunResult {
  rows: number;
  imported: number;
  errorRows: number;
  stored: boolean;
  seconds: number;
  rowsPerSecond: number;
  nodeCpuSeconds: number;
  rssBeforeImportMiB: number;
  peakRssMiB: number;
}

/** One import in a child process. */
function runImport(kind: 'postgres' | 'pglite', location: string, file: string, dryRun = false): RunResult {
  const args = ['--import', 'tsx', 'bench/object-import-run.ts', kind, location, file];
  if (dryRun) args.push('--dry-run');
  const out = execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 });
  const result = JSON.parse(out.slice(out.lastIndexOf('\n{') + 1)) as RunResult;
  if (result.errorRows > 0 || (!dryRun && !result.stored)) throw new Error(`import failed: ${out}`);
  return result;
}

/** `psql \copy` of the file into a staging table with the file's columns as text; wall seconds. */
function timePsqlCopy(psql: string, url: string, file: string): number {
  const columns = OBJECT_CSV_HEADERS.map((_, i) => `c${String(i + 1)} text`).join(', ');
  execFileSync(psql, [url, '-qc', `create table bench_staging (${columns})`]);
  const t0 = performance.now();
  const r = spawnSync(
    psql,
    [url, '-qc', `\\copy bench_staging from '${file}' with (format csv, header true, encoding 'UTF8')`],
    { encoding: 'utf8' },
  );
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`psql \\copy failed: ${r.stderr}`);
  execFileSync(psql, [url, '-qc', 'drop table bench_staging']);
  return seconds;
}

const OBJECT_COLUMNS =
  'canonical_id, uscc, reg_no, name, name_key, kind, category_codes, region_code, address, business_scope, ' +
  'registered_capital, established_on, status, legal_representative, risk_class, source';

/**
 * `psql \copy` of the rows the import stored, already in the register's columns, into an empty table with the
 * indexes, constraints and foreign key of `objects`: what the database alone costs for the real table.
 */
function timePsqlCopyIntoObjectsShape(psql: string, url: string): number {
  const dump = path.join(mkdtempSync(path.join(os.tmpdir(), 'ssj-bench-rows-')), 'objects.tsv');
  try {
    execFileSync(psql, [url, '-qc', `\\copy (select ${OBJECT_COLUMNS} from objects) to '${dump}'`]);
    execFileSync(psql, [
      url,
      '-qc',
      'create table bench_objects (like objects including all); ' +
        'alter table bench_objects add foreign key (region_code) references regions (code)',
    ]);
    const t0 = performance.now();
    const r = spawnSync(psql, [url, '-qc', `\\copy bench_objects (${OBJECT_COLUMNS}) from '${dump}'`], {
      encoding: 'utf8',
    });
    const seconds = (performance.now() - t0) / 1000;
    if (r.status !== 0) throw new Error(`psql \\copy failed: ${r.stderr}`);
    execFileSync(psql, [url, '-qc', 'drop table bench_objects']);
    return seconds;
  } finally {
    rmSync(path.dirname(dump), { recursive: true, force: true });
  }
}

log(`generating the ${String(rows)}-row CSV (once; kept in ${os.tmpdir()})…`);
const file = await ensureObjectCsv(rows);
const smallFile = await ensureObjectCsv(smallRows);
const csvMiB = Math.round(statSync(file).size / 1024 ** 2);

let postgres: Record<string, unknown> = {
  skipped: 'no PostgreSQL binaries (set BENCH_PGBIN) or BENCH_DATABASE_URL',
};
const givenUrl = process.env['BENCH_DATABASE_URL'];
const pgBin = findPgBin();
const server: PgServer | null = givenUrl === undefined && pgBin !== null ? await startPostgres(pgBin) : null;
const serverUrl = givenUrl ?? server?.url ?? null;
const psqlPath = server?.psql ?? (pgBin === null ? 'psql' : path.join(pgBin, 'psql'));
try {
  if (serverUrl !== null) {
    log(`PostgreSQL: \\copy of the file into a staging table…`);
    const copyUrl = await createDatabase(serverUrl, 'ssj_bench_copy');
    const copySeconds = timePsqlCopy(psqlPath, copyUrl, file);
    log(`PostgreSQL: import of ${String(rows)} rows…`);
    const importUrl = await createDatabase(serverUrl, 'ssj_bench_import');
    const full = runImport('postgres', importUrl, file);
    log(`PostgreSQL: \\copy of the stored rows into an empty table shaped like objects…`);
    const shapedSeconds = timePsqlCopyIntoObjectsShape(psqlPath, importUrl);
    log(`PostgreSQL: dry run (everything but the INSERT into objects)…`);
    const dry = runImport('postgres', await createDatabase(serverUrl, 'ssj_bench_dry'), file, true);
    log(`PostgreSQL: import of ${String(smallRows)} rows (memory)…`);
    const small =
      smallRows === rows
        ? full
        : runImport('postgres', await createDatabase(serverUrl, 'ssj_bench_small'), smallFile);
    const copyRowsPerSecond = Math.round(rows / copySeconds);
    postgres = {
      server:
        server === null
          ? 'BENCH_DATABASE_URL'
          : `PostgreSQL ${server.version}, throwaway server, fsync off (as in CI)`,
      psqlCopySeconds: +copySeconds.toFixed(2),
      psqlCopyRowsPerSecond: copyRowsPerSecond,
      importSeconds: full.seconds,
      importRowsPerSecond: full.rowsPerSecond,
      ratioToPsqlCopy: +(full.rowsPerSecond / copyRowsPerSecond).toFixed(2),
      psqlCopyIntoObjectsShapeSeconds: +shapedSeconds.toFixed(2),
      psqlCopyIntoObjectsShapeRowsPerSecond: Math.round(rows / shapedSeconds),
      importNodeCpuSeconds: full.nodeCpuSeconds,
      importPeakRssMiB: full.peakRssMiB,
      dryRunSeconds: dry.seconds,
      dryRunRowsPerSecond: dry.rowsPerSecond,
      dryRunPeakRssMiB: dry.peakRssMiB,
      [`import${String(smallRows / 1000)}kPeakRssMiB`]: small.peakRssMiB,
      [`import${String(smallRows / 1000)}kRowsPerSecond`]: small.rowsPerSecond,
    };
  }
} finally {
  server?.stop();
}

let pglite: Record<string, unknown> = { skipped: 'BENCH_SKIP_PGLITE' };
if (process.env['BENCH_SKIP_PGLITE'] === undefined) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ssj-bench-pglite-'));
  const smallDir = mkdtempSync(path.join(os.tmpdir(), 'ssj-bench-pglite-'));
  try {
    log(`PGlite (file-backed, ${dir}): import of ${String(rows)} rows…`);
    const full = runImport('pglite', dir, file);
    log(`PGlite: import of ${String(smallRows)} rows (memory)…`);
    const small = smallRows === rows ? full : runImport('pglite', smallDir, smallFile);
    pglite = {
      importSeconds: full.seconds,
      importRowsPerSecond: full.rowsPerSecond,
      importNodeCpuSeconds: full.nodeCpuSeconds,
      rssBeforeImportMiB: full.rssBeforeImportMiB,
      importPeakRssMiB: full.peakRssMiB,
      [`import${String(smallRows / 1000)}kPeakRssMiB`]: small.peakRssMiB,
      [`import${String(smallRows / 1000)}kRowsPerSecond`]: small.rowsPerSecond,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(smallDir, { recursive: true, force: true });
  }
}

console.log(
  JSON.stringify(
    {
      benchmark: `object-import-${rows >= 1e6 ? `${String(rows / 1e6)}M` : String(rows)}`,
      rows,
      csvMiB,
      postgres,
      pglite,
      cpu: os.cpus()[0]?.model,
      loadAverageAtEnd: os.loadavg().map((l) => +l.toFixed(1)),
      node: process.version,
    },
    null,
    1,
  ),
);
