import type { Command } from 'commander';
import { importInspectors } from '@ssj/server';
import { addImportSubcommand } from './register-import-command.ts';

/** `ssj inspectors import FILE …`: the inspector register 执法检查人员名录库. */
export function registerInspectorsCommand(program: Command): void {
  const inspectors = program.command('inspectors').description('the inspector register (执法检查人员名录库)');
  addImportSubcommand(inspectors, 'inspectors', importInspectors);
}
