/**
 * `npm run bench`: runs every benchmark in its own process and writes docs/PERFORMANCE.md with the machine and the
 * date. Speed is measured here, never asserted in tests. `npm run bench -- sampler` runs one.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const BENCHES: Record<string, { file: string; title: string; target: string; env?: Record<string, string> }> =
  {
    sampler: {
      file: 'bench/sampler.bench.ts',
      title: 'Ticketing and bottom-k selection of a 1 M-id frame (one core)',
      target: '≥ 1 M ids/s, beside openssl speed -evp sha256 (one 64-byte block per id)',
    },
    draw: {
      file: 'bench/draw-session.bench.ts',
      title: 'Full first-batch draw session of the 2023 plan on the demo register (PGlite)',
      target: '≤ 5 s for the session (freeze + seed + draw + publish)',
    },
    import: {
      file: 'bench/object-import.bench.ts',
      title: 'Import of a 1 M-row object CSV into PostgreSQL and PGlite, beside psql \\copy',
      target:
        '≥ 0.5× `psql \\copy` of the same file on PostgreSQL (rows/s); peak memory flat (100 k vs 1 M rows)',
    },
    load: {
      file: 'bench/load.bench.ts',
      title: 'Load: 200 logged-in staff and 1,000 public clients for 60 s (PostgreSQL)',
      target: '0 errors; latency percentiles per group',
    },
    portal: {
      file: 'bench/portal-search.bench.ts',
      title: 'Public portal result search over 1 M published results (PGlite, 100 clients, 30 s)',
      target: 'p95 < 50 ms, 0 errors; beside a bare hello-world route of the same server',
    },
    'portal-postgres': {
      file: 'bench/portal-search.bench.ts',
      title: 'Public portal result search over 1 M published results (PostgreSQL, 100 clients, 30 s)',
      target: 'p95 < 50 ms, 0 errors; beside a bare hello-world route of the same server',
      env: { BENCH_DATABASE: 'postgres' },
    },
  };

const wanted = process.argv.slice(2);
const names = wanted.length > 0 ? wanted : Object.keys(BENCHES);
const sections: string[] = [];
for (const name of names) {
  const bench = BENCHES[name];
  if (bench === undefined) throw new Error(`unknown benchmark ${name}`);
  process.stderr.write(`running ${name}…\n`);
  const out = execFileSync(process.execPath, ['--import', 'tsx', bench.file], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...bench.env },
  });
  const json = out.slice(out.indexOf('{'));
  sections.push(`## ${bench.title}\n\nTarget: ${bench.target}\n\n\`\`\`json\n${json.trim()}\n\`\`\`\n`);
  process.stdout.write(json);
}

const file = path.join(ROOT, 'docs/PERFORMANCE.md');
const header = `# Performance

Measured by \`npm run bench\` (bench/run.ts), never asserted in tests. Each run replaces the sections it ran.

Last run: ${new Date().toISOString()} on ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${String(os.cpus().length)} cores,
${String(Math.round(os.totalmem() / 1024 ** 3))} GiB, ${os.platform()} ${os.release()}, Node ${process.version}.
`;
const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
const kept = previous
  .split(/\n(?=## )/)
  .slice(1)
  .filter((s) => !names.some((n) => s.startsWith(`## ${BENCHES[n]?.title ?? ''}`)));
fs.writeFileSync(file, [header, ...kept.map((s) => s.trim() + '\n'), ...sections].join('\n'));
process.stderr.write(`wrote ${file}\n`);
