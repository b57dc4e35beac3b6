import path from 'node:path';
import type { Command } from 'commander';
import {
  describeImportPlanError,
  importPlanDraft,
  openDatabase,
  prepareDatabase,
  publishPlan,
  readConfig,
  selectDatabaseTarget,
} from '@ssj/server';
import { readPlanFile } from './read-plan-file.ts';

interface PlanImportOptions {
  year: string;
  title?: string;
  publish?: boolean;
}

/**
 * `ssj plan import FILE --year 2023 [--title T] [--publish]`: parse the notice and store it as the year's draft
 * (all or nothing); with --publish, publish it as version 1.
 */
export function registerPlanImportCommand(plan: Command): void {
  plan
    .command('import')
    .description('store a plan notice as the year’s draft plan (all or nothing)')
    .argument('<file>', 'the notice: text, .xlsx, .xls or .docx')
    .requiredOption('--year <year>', 'plan year, e.g. 2023')
    .option('--title <title>', 'plan title (default: derived from the year)')
    .option('--publish', 'publish the draft right away')
    .action(async (file: string, options: PlanImportOptions) => {
      const year = Number(options.year);
      if (!Number.isInteger(year) || year < 2000 || year > 2100) {
        process.stderr.write(`ssj plan import: --year must be a year, got "${options.year}"\n`);
        process.exitCode = 2;
        return;
      }
      const read = await readPlanFile(file, undefined);
      if (!read.ok) {
        process.stderr.write(`ssj plan import: ${read.message}\n`);
        process.exitCode = read.exitCode;
        return;
      }
      const parsed = read.parse;
      const database = await openDatabase(selectDatabaseTarget(readConfig()));
      try {
        await prepareDatabase(database, { demo: false });
        const actor = { userId: null, role: 'cli', departmentId: null, requestId: null };
        const imported = await importPlanDraft(database.db, actor, {
          year,
          title: options.title ?? `${year}年度部门联合双随机抽查工作计划`,
          sourceName: path.basename(file),
          tasks: parsed.tasks,
        });
        if (!imported.ok) {
          process.stderr.write(`ssj plan import: ${file}: ${describeImportPlanError(imported.error)}\n`);
          process.exitCode = 1;
          return;
        }
        process.stdout.write(
          `${file}: stored ${imported.value.taskCount} tasks as the ${year} draft (${parsed.warnings.length} warnings to review)\n`,
        );
        if (options.publish === true) {
          const published = await publishPlan(database.db, actor, year);
          if (!published.ok) {
            process.stderr.write(`ssj plan import: could not publish: ${published.error.kind}\n`);
            process.exitCode = 1;
            return;
          }
          process.stdout.write(`published ${year} plan version 1 (sha256 ${published.value.sha256})\n`);
        }
      } finally {
        await database.close();
      }
    });
}
