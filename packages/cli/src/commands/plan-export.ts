import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { writePlanXlsx } from '@ssj/core';
import { loadPlanTasks, openDatabase, prepareDatabase, readConfig, selectDatabaseTarget } from '@ssj/server';

/** `ssj plan export --year 2023 --xlsx FILE`: the plan's current tasks as the annex, in the notice's columns. */
export function registerPlanExportCommand(plan: Command): void {
  plan
    .command('export')
    .description('write a stored plan back as the annex .xlsx (same columns as the notice)')
    .requiredOption('--year <year>', 'plan year')
    .requiredOption('--xlsx <file>', 'output .xlsx file')
    .action(async (options: { year: string; xlsx: string }) => {
      const year = Number(options.year);
      const database = await openDatabase(selectDatabaseTarget(readConfig()));
      try {
        await prepareDatabase(database, { demo: false });
        const planRow = await database.db
          .selectFrom('plans')
          .select(['id', 'title'])
          .where('year', '=', year)
          .executeTakeFirst();
        if (planRow === undefined) {
          process.stderr.write(`ssj plan export: no plan for ${options.year}\n`);
          process.exitCode = 1;
          return;
        }
        const tasks = await loadPlanTasks(database.db, planRow.id);
        await writeFile(options.xlsx, await writePlanXlsx(tasks, { year, title: planRow.title }));
        process.stdout.write(`${options.xlsx}: ${tasks.length} tasks\n`);
      } finally {
        await database.close();
      }
    });
}
