import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  describeRestoreError,
  POSTGRES_BACKUP_ADVICE,
  readConfig,
  restoreBackup,
  selectDatabaseTarget,
} from '@ssj/server';

/**
 * `ssj restore FILE [--force]`: restore a backup made by `ssj backup` into $SSJ_DATA_DIR (docs/ARCHITECTURE.md,
 * "Backups"). Every SHA-256 is checked before anything is written; the restored database is checked (audit chain,
 * row counts against the manifest) before it replaces anything. Exit 0 when restored; 1 for a damaged archive, a
 * failed check or a data directory in use; 2 when the directory holds a database and --force was not given.
 */
export function registerRestoreCommand(program: Command): void {
  program
    .command('restore')
    .description('restore a backup made by `ssj backup` into an empty or new SSJ_DATA_DIR (checked first)')
    .argument('<file>', 'the archive written by ssj backup')
    .option('--force', 'replace a data directory that holds a database (its contents are moved aside)')
    .action(async (file: string, options: { force?: boolean }) => {
      const config = readConfig();
      const target = selectDatabaseTarget(config);
      if (target.kind !== 'pglite' || target.dataDir === null) {
        process.stderr.write(`ssj restore: ${POSTGRES_BACKUP_ADVICE}\n`);
        process.exitCode = 2;
        return;
      }
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (error) {
        process.stderr.write(`ssj restore: cannot read ${file}: ${(error as Error).message}\n`);
        process.exitCode = 1;
        return;
      }
      const restored = await restoreBackup(bytes, target.dataDir, { force: options.force === true });
      if (!restored.ok) {
        process.stderr.write(`ssj restore: ${file}: ${describeRestoreError(restored.error)}\n`);
        process.exitCode = restored.error.kind === 'not_empty' ? 2 : 1;
        return;
      }
      const { manifest, dataDir, setAside } = restored.value;
      process.stdout.write(
        `${file}: restored the backup of ${manifest.createdAt} into ${dataDir}\n` +
          `checked: ${String(Object.keys(manifest.tables).length)} tables with the row counts of the manifest; ` +
          `audit chain intact: ${String(manifest.audit.entries)} entries (head ${manifest.audit.headHash})\n` +
          (setAside === null ? '' : `the previous contents were moved to ${setAside}\n`),
      );
    });
}
