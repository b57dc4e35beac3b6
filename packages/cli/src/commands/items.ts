import type { Command } from 'commander';
import { importItems } from '@ssj/server';
import { addImportSubcommand } from './register-import-command.ts';

/** `ssj items import FILE …`: the item list 随机抽查事项清单 (`--region`: the list's region, if it has one). */
export function registerItemsCommand(program: Command): void {
  const items = program.command('items').description('the item list (随机抽查事项清单)');
  addImportSubcommand(items, 'items', importItems);
}
