import type { Command } from 'commander';
import {
  openDatabase,
  prepareDatabase,
  readConfig,
  selectDatabaseTarget,
  verifyAuditChain,
} from '@ssj/server';

/** `ssj audit verify`: walk the hash chain of audit_log; exit 0, or name the first broken entry and exit 1. */
export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('the tamper-evident audit log');
  audit
    .command('verify')
    .description('walk the audit chain; exit 0 when intact, else name the first broken entry and exit 1')
    .action(async () => {
      const database = await openDatabase(selectDatabaseTarget(readConfig()));
      try {
        await prepareDatabase(database, { demo: false });
        const result = await verifyAuditChain(database.db);
        if (result.ok) {
          process.stdout.write(`audit chain intact: ${String(result.entries)} entries\n`);
        } else {
          process.stdout.write(`audit chain broken at entry ${String(result.entryId)}: ${result.reason}\n`);
          process.exitCode = 1;
        }
      } finally {
        await database.close();
      }
    });
}
