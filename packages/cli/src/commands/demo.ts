import type { Command } from 'commander';
import {
  DEFAULT_DEMO_OBJECTS,
  openDatabase,
  prepareDatabase,
  readConfig,
  selectDatabaseTarget,
  simulateYear,
} from '@ssj/server';
import { createProgressReporter } from './progress.ts';
import { runRiskTiltSimulation } from './risk-db.ts';

/** `ssj demo`: fill an empty database with the demo accounts, the 2023 plan and the demo register. */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('fill an empty database with demo accounts, the 晋城 2023 plan and a generated register')
    .option('--objects <n>', 'objects in the generated register', String(DEFAULT_DEMO_OBJECTS))
    .option(
      '--simulate-year <year>',
      'then play a whole year: draw sessions per window, inspections, reviews, publication, follow-ups',
    )
    .option('--as-of <date>', 'with --simulate-year: the simulated today (default December 31 of the year)')
    .option(
      '--risk-tilt',
      'with --simulate-year: train the risk model on the first half, tilt every other task by it in the second half',
    )
    .action(
      async (options: { objects: string; simulateYear?: string; asOf?: string; riskTilt?: boolean }) => {
        const year = options.simulateYear === undefined ? null : Number(options.simulateYear);
        if (year !== null && (!Number.isInteger(year) || year < 2000 || year > 2100)) {
          process.stderr.write('ssj demo: --simulate-year must be a year such as 2023\n');
          process.exitCode = 2;
          return;
        }
        if (options.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.asOf)) {
          process.stderr.write('ssj demo: --as-of must be a date YYYY-MM-DD\n');
          process.exitCode = 2;
          return;
        }
        const objects = Number(options.objects);
        if (!Number.isInteger(objects) || objects < 0) {
          process.stderr.write('ssj demo: --objects must be a whole number\n');
          process.exitCode = 2;
          return;
        }
        const database = await openDatabase(selectDatabaseTarget(readConfig()));
        const progress = createProgressReporter();
        try {
          const result = await prepareDatabase(database, {
            demo: true,
            demoObjects: objects,
            onProgress: progress.report,
          });
          progress.stop();
          process.stdout.write(
            `demo: ${String(result.createdDemoAccounts.length)} accounts, ${String(result.demoPlanTasks)} plan tasks, ${String(result.demoObjects)} objects created` +
              (result.demoObjects === 0 && result.demoPlanTasks === 0
                ? ' (the database already had demo data)'
                : '') +
              '\n',
          );
          if (year !== null) {
            if (options.riskTilt === true) {
              await runRiskTiltSimulation(database.db, year); // issue #9: the tilted second half, measured
              return;
            }
            const summary = await simulateYear(database.db, {
              year,
              actor: { userId: null, role: 'simulation', departmentId: null, requestId: null },
              ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
              onProgress: (step) => process.stderr.write(`simulate ${String(year)}: ${step}\n`),
            });
            process.stdout.write(
              `simulated ${String(year)}: ${String(summary.sessions)} draw sessions, ${String(summary.draws)} draws, ` +
                `${String(summary.inspections)} inspections, ${String(summary.published)} published ` +
                `(${String(summary.late)} late), ${String(summary.unfinished)} not done, ` +
                `${String(summary.followUps)} follow-ups (${String(summary.closedFollowUps)} closed)\n`,
            );
            for (const s of summary.skipped) process.stdout.write(`  skipped ${s.code}: ${s.reason}\n`);
          }
        } finally {
          progress.stop();
          await database.close();
        }
      },
    );
}
