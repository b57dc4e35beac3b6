import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerAuditCommand } from '../commands/audit.ts';
import { runCommand } from '../testing/run-command.ts';
import { runCrashHarness } from './crash-harness.ts';

const onPostgres = (process.env['DATABASE_URL'] ?? '') !== '';

/**
 * The crash harness, bounded for the test suite: three kills (a draw session, an object import, a plan import) at
 * points from a fixed seed, each followed by a restart (the killed process's lock is stale) and every consistency
 * check, then `ssj audit verify` on the killed draw session's data directory. The kill windows come from one uninterrupted
 * run per scenario, made the first time on a machine (those runs are checked as complete) and cached with the template
 * database. `npm run soak:crash` runs a hundred and more. The embedded database only: the harness kills processes
 * that own a PGlite data directory.
 */
describe.skipIf(onPostgres)(
  'crash harness: SIGKILL during a draw session, an object import and a plan import',
  () => {
    it('leaves every operation complete or absent, every invariant holding and the audit chain intact', async () => {
      const report = await runCrashHarness({
        seed: 20261127,
        runs: 3,
        objectRows: 3000,
        calibrate: 'cached',
        keep: true,
        log: (line) => {
          console.info(line);
        },
      });
      try {
        const killed = report.results.filter((r) => r.killAfterMs !== null);
        expect(killed.map((r) => r.scenario)).toEqual(['draw-run', 'objects-import', 'plan-import']);
        expect(report.results.flatMap((r) => r.problems)).toEqual([]);
        const saved = process.env['SSJ_DATA_DIR'];
        try {
          // Every run's chain was verified in-process; the command itself, once, on the killed draw session.
          process.env['SSJ_DATA_DIR'] = killed[0]?.dataDir ?? '';
          const verified = await runCommand(registerAuditCommand, ['audit', 'verify']);
          expect(verified.out).toMatch(/^audit chain intact: \d+ entries/);
          expect(verified.code).toBeUndefined();
        } finally {
          if (saved === undefined) delete process.env['SSJ_DATA_DIR'];
          else process.env['SSJ_DATA_DIR'] = saved;
        }
        console.info(`crash harness: ${JSON.stringify(report.states)} in ${String(report.ms)} ms`);
      } finally {
        if (report.inconsistencies === 0)
          fs.rmSync(path.resolve(report.workDir), { recursive: true, force: true });
      }
    }, 900_000); // not a speed limit: the first run on a machine also builds the template and calibrates
  },
);
