import type { Command } from 'commander';
import {
  DEFAULT_DEMO_OBJECTS,
  openDatabase,
  prepareDatabase,
  readConfig,
  selectDatabaseTarget,
} from '@ssj/server';
import { createProgressReporter } from './progress.ts';

/** `ssj demo`: fill an empty database with the demo accounts, the 2023 plan and the demo register. */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('fill an empty database with demo accounts, the 晋城 2023 plan and a generated register')
    .option('--objects <n>', 'objects in the generated register', String(DEFAULT_DEMO_OBJECTS))
    .action(async (options: { objects: string }) => {
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
      } finally {
        progress.stop();
        await database.close();
      }
    });
}
