import type { Command } from 'commander';
import { migrateToLatest, openDatabase, readConfig, selectDatabaseTarget } from '@ssj/server';

/** `ssj migrate`: apply pending migrations (serve does this at start too; use it for PostgreSQL deployments). */
export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (DATABASE_URL or the embedded database in SSJ_DATA_DIR)')
    .action(async () => {
      const database = await openDatabase(selectDatabaseTarget(readConfig()));
      try {
        const applied = await migrateToLatest(database.db);
        process.stdout.write(
          applied.length === 0 ? 'database is up to date\n' : `applied: ${applied.join(', ')}\n`,
        );
      } finally {
        await database.close();
      }
    });
}
