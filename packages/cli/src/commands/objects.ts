import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import {
  exportObjectsXlsx,
  importObjects,
  importRiskHistory,
  openDatabase,
  prepareDatabase,
  readConfig,
  selectDatabaseTarget,
} from '@ssj/server';
import { addImportSubcommand } from './register-import-command.ts';

/**
 * `ssj objects import FILE …`, `ssj objects import-risk FILE …` (the credit-risk class history) and
 * `ssj objects export --xlsx FILE`: the object register 检查对象名录库.
 */
export function registerObjectsCommand(program: Command): void {
  const objects = program.command('objects').description('the object register (检查对象名录库)');
  addImportSubcommand(objects, 'objects', importObjects);
  addImportSubcommand(objects, 'objects', importRiskHistory, {
    command: 'import-risk',
    description:
      'append credit-risk classes (信用风险分类) from a USCC,class,date export to the sealed history; each object takes its latest class (all or nothing)',
  });
  objects
    .command('export')
    .description(
      'write the object register as .xlsx, in the layout `ssj objects import` reads (no risk classes)',
    )
    .requiredOption('--xlsx <file>', 'the .xlsx file to write')
    .action(async (options: { xlsx: string }) => {
      const database = await openDatabase(selectDatabaseTarget(readConfig()));
      try {
        await prepareDatabase(database, { demo: false });
        const output = createWriteStream(options.xlsx);
        const written = await exportObjectsXlsx(database.db, output);
        await new Promise<void>((resolve, reject) => {
          if (output.writableFinished) resolve();
          else output.once('finish', resolve).once('error', reject);
        });
        process.stdout.write(`${options.xlsx}: ${written} objects\n`);
      } finally {
        await database.close();
      }
    });
}
