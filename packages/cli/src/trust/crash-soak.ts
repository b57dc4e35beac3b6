/**
 * `npm run soak:crash [-- --runs 100 --seed 1 --scenario draw-run --objects 50000 --audit-verify-every 10 --keep]`:
 * the crash harness at length (issue "Trust": at least 100 kills). One uninterrupted run per scenario first sizes the
 * kill windows; then `--runs` killed runs, scenarios in turn, kill points from `--seed`. Prints one line per run and a
 * summary; exit 1 when any run left an inconsistency (its data directory is kept and named).
 */
import { parseArgs } from 'node:util';
import { runCrashHarness } from './crash-harness.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '100' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    scenario: { type: 'string', multiple: true },
    objects: { type: 'string', default: '50000' },
    'audit-verify-every': { type: 'string', default: '10' },
    keep: { type: 'boolean', default: false },
  },
});

const seed = Number(values.seed);
const report = await runCrashHarness({
  seed,
  runs: Number(values.runs),
  ...(values.scenario === undefined ? {} : { scenarios: values.scenario }),
  objectRows: Number(values.objects),
  calibrate: 'always',
  auditVerifyEvery: Number(values['audit-verify-every']),
  keep: values.keep,
  log: (line) => {
    process.stdout.write(`${line}\n`);
  },
});
const killed = report.results.filter((r) => r.outcome === 'killed').length;
process.stdout.write(
  `\nseed ${String(seed)}: ${String(report.results.length)} runs (${String(killed)} killed mid-operation), ` +
    `${String(report.inconsistencies)} inconsistencies, ${(report.ms / 1000).toFixed(0)} s\n` +
    `states reached: ${JSON.stringify(report.states)}\n` +
    (report.inconsistencies > 0 ? `failed runs kept in ${report.workDir}\n` : ''),
);
process.exitCode = report.inconsistencies === 0 ? 0 : 1;
