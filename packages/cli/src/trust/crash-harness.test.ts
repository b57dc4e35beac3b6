import { describe, expect, it } from 'vitest';
import { runCrashHarness } from './crash-harness.ts';

const onPostgres = (process.env['DATABASE_URL'] ?? '') !== '';

/**
 * The crash harness, bounded for the test suite: four kills (a draw session twice, an object import, a plan import)
 * at points from a fixed seed, each followed by a restart and every consistency check, and one real `ssj audit
 * verify` meeting a killed process's lock file. The kill windows come from one uninterrupted run per scenario, made
 * the first time on a machine (those runs are checked as complete) and cached with the template database.
 * `npm run soak:crash` runs a hundred and more.
 * The embedded database only: the harness kills processes that own a PGlite data directory.
 */
describe.skipIf(onPostgres)(
  'crash harness: SIGKILL during a draw session, an object import and a plan import',
  () => {
    it('leaves every operation complete or absent, every invariant holding and the audit chain intact', async () => {
      const report = await runCrashHarness({
        seed: 20261127,
        runs: 4,
        objectRows: 5000,
        auditVerifyEvery: 4,
        // Kill windows from an uninterrupted run per scenario, measured once per machine and cached with the template.
        calibrate: 'cached',
        log: (line) => {
          console.info(line);
        },
      });
      expect(report.results.filter((r) => r.killAfterMs !== null).map((r) => r.scenario)).toEqual([
        'draw-run',
        'objects-import',
        'plan-import',
        'draw-run',
      ]);
      expect(report.results.flatMap((r) => r.problems)).toEqual([]);
      console.info(`crash harness: ${JSON.stringify(report.states)} in ${String(report.ms)} ms`);
    });
  },
);
