import { Command, CommanderError } from 'commander';
import { registerAuditCommand } from './commands/audit.ts';
import { registerBackupCommand } from './commands/backup.ts';
import { registerCalendarCommand } from './commands/calendar.ts';
import { registerDemoCommand } from './commands/demo.ts';
import { registerDrawCommand } from './commands/draw.ts';
import { registerEstimateCommand } from './commands/estimate.ts';
import { registerInspectorsCommand } from './commands/inspectors.ts';
import { registerItemsCommand } from './commands/items.ts';
import { registerObjectsCommand } from './commands/objects.ts';
import { registerMigrateCommand } from './commands/migrate.ts';
import { registerPlanExportCommand } from './commands/plan-export.ts';
import { registerPlanImportCommand } from './commands/plan-import.ts';
import { registerPlanParseCommand } from './commands/plan-parse.ts';
import { registerRemindersCommand } from './commands/reminders.ts';
import { registerRestoreCommand } from './commands/restore.ts';
import { registerRiskCommand } from './commands/risk.ts';
import { registerRiskDbCommands } from './commands/risk-db.ts';
import { registerSampleCommand } from './commands/sample.ts';
import { registerUsccCommand } from './commands/uscc.ts';
import { registerVerifyCommand } from './commands/verify.ts';
import { registerServeCommand } from './commands/serve.ts';
import { registerUserCommand } from './commands/user.ts';

/** Build the `ssj` program: every subcommand registered here, in one place. */
export function buildProgram(): Command {
  const program = new Command('ssj')
    .description('双随机 — joint "double random, one public" spot checks that anyone can verify')
    .version('0.1.0')
    .showHelpAfterError();
  registerServeCommand(program);
  registerMigrateCommand(program);
  registerUserCommand(program);
  const plan = program.command('plan').description('the annual joint plan (年度联合抽查计划)');
  registerPlanParseCommand(plan);
  registerPlanImportCommand(plan);
  registerPlanExportCommand(plan);
  registerAuditCommand(program);
  registerBackupCommand(program);
  registerRestoreCommand(program);
  registerDemoCommand(program);
  registerDrawCommand(program);
  registerObjectsCommand(program);
  registerInspectorsCommand(program);
  registerItemsCommand(program);
  registerSampleCommand(program);
  registerUsccCommand(program);
  registerVerifyCommand(program);
  registerCalendarCommand(program);
  registerEstimateCommand(program);
  registerRiskCommand(program);
  registerRiskDbCommands(program);
  registerRemindersCommand(program);
  return program;
}

export async function runCli(argv: readonly string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    process.stderr.write(`ssj: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
