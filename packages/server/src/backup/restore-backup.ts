import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { err, ok, type Result } from '@ssj/core';
import { verifyAuditChain } from '../audit/audit-log.ts';
import { acquireDataDirLock, LOCK_FILE_NAME } from '../db/data-dir-lock.ts';
import type { Database } from '../db/schema.ts';
import { verifyBackupArchive, type BackupManifest } from './backup-archive.ts';
import { summariseDatabase } from './database-summary.ts';

export type RestoreError =
  /** The archive is not an ssj backup, or a hash does not match: nothing was written. */
  | { readonly kind: 'bad_archive'; readonly message: string }
  /** Another process holds the data directory (a running `ssj serve`). */
  | { readonly kind: 'in_use'; readonly message: string }
  /** The data directory holds a database and `force` was not given. */
  | { readonly kind: 'not_empty'; readonly dataDir: string }
  /** The restored database does not match its manifest, or its audit chain is broken: the target is untouched. */
  | { readonly kind: 'check_failed'; readonly message: string };

export interface RestoreReport {
  readonly manifest: BackupManifest;
  readonly dataDir: string;
  /** Where the replaced contents of a non-empty data directory were moved (with `force`), else null. */
  readonly setAside: string | null;
}

export function describeRestoreError(error: RestoreError): string {
  switch (error.kind) {
    case 'bad_archive':
      return `${error.message}; nothing was restored`;
    case 'in_use':
      return error.message;
    case 'not_empty':
      return `${error.dataDir} already holds a database: restore into an empty or new SSJ_DATA_DIR, or give --force to replace it (the old contents are moved aside, not deleted)`;
    case 'check_failed':
      return `the restored database failed its check (${error.message}); the data directory was left untouched`;
  }
}

/** The entries of a data directory, other than the lock file. */
function listContents(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((name) => name !== LOCK_FILE_NAME);
}

/**
 * The restored database against its manifest: the audit chain verifies (what `ssj audit verify` checks), with the
 * same number of entries and the same head hash, and every table has the row count the backup recorded.
 */
export async function checkRestoredDatabase(
  db: Kysely<Database>,
  manifest: BackupManifest,
): Promise<Result<{ auditEntries: number }, string>> {
  const chain = await verifyAuditChain(db);
  if (!chain.ok) return err(`audit chain broken at entry ${String(chain.entryId)}: ${chain.reason}`);
  const summary = await summariseDatabase(db);
  if (
    summary.audit.entries !== manifest.audit.entries ||
    summary.audit.headHash !== manifest.audit.headHash
  ) {
    return err(
      `audit chain has ${String(summary.audit.entries)} entries ending in ${summary.audit.headHash}, the manifest says ${String(manifest.audit.entries)} ending in ${manifest.audit.headHash}`,
    );
  }
  for (const name of new Set([...Object.keys(manifest.tables), ...Object.keys(summary.tables)])) {
    if (summary.tables[name] !== manifest.tables[name]) {
      return err(
        `table ${name} has ${String(summary.tables[name] ?? 'no')} rows, the manifest says ${String(manifest.tables[name] ?? 'none')}`,
      );
    }
  }
  if (summary.migrations.join('\n') !== manifest.migrations.join('\n')) {
    return err('the applied migrations differ from the manifest');
  }
  return ok({ auditEntries: chain.entries });
}

function compactStamp(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/**
 * Restore a backup archive into the embedded database directory `dataDir` (`$SSJ_DATA_DIR/pglite`):
 * 1. verify the archive (every SHA-256) before anything is written;
 * 2. lock `dataDir` (refused while `ssj serve` holds it) and refuse a directory that holds a database unless
 *    `force` (its contents are then moved to `<dataDir>.replaced-<time>`, never deleted);
 * 3. load the dump into a staging directory beside it and check it there (audit chain, manifest counts);
 * 4. only then move the checked files into `dataDir`.
 * A failure at any step leaves `dataDir` as it was.
 */
export async function restoreBackup(
  archive: Uint8Array,
  dataDir: string,
  options: { readonly force: boolean; readonly now?: Date },
): Promise<Result<RestoreReport, RestoreError>> {
  const verified = verifyBackupArchive(archive);
  if (!verified.ok) return err({ kind: 'bad_archive', message: verified.error });
  const { manifest, payload } = verified.value;

  fs.mkdirSync(dataDir, { recursive: true });
  let lock: { release(): void };
  try {
    lock = acquireDataDirLock(dataDir);
  } catch (error) {
    return err({ kind: 'in_use', message: error instanceof Error ? error.message : String(error) });
  }
  const staging = `${dataDir}.restoring-${String(process.pid)}`;
  try {
    const existing = listContents(dataDir);
    if (existing.length > 0 && !options.force) return err({ kind: 'not_empty', dataDir });

    fs.rmSync(staging, { recursive: true, force: true });
    const checked = await loadAndCheck(staging, payload, manifest);
    if (!checked.ok) return err({ kind: 'check_failed', message: checked.error });
    // The dump carries the lock file of the process that took it.
    fs.rmSync(path.join(staging, LOCK_FILE_NAME), { force: true });

    let setAside: string | null = null;
    if (existing.length > 0) {
      setAside = `${dataDir}.replaced-${compactStamp(options.now ?? new Date())}`;
      fs.mkdirSync(setAside, { recursive: true });
      for (const name of existing) fs.renameSync(path.join(dataDir, name), path.join(setAside, name));
    }
    for (const name of listContents(staging))
      fs.renameSync(path.join(staging, name), path.join(dataDir, name));
    return ok({ manifest, dataDir, setAside });
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    lock.release();
  }
}

async function loadAndCheck(
  staging: string,
  payload: Uint8Array,
  manifest: BackupManifest,
): Promise<Result<{ auditEntries: number }, string>> {
  let client: PGlite;
  try {
    client = new PGlite(staging, {
      loadDataDir: new Blob([new Uint8Array(payload)], { type: 'application/gzip' }),
    });
    await client.waitReady;
  } catch (error) {
    return err(
      `the database in the archive does not open: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  // PGlite's Emscripten runtime resets process.exitCode on close; keep the caller's (as database.ts does).
  const exitCode = process.exitCode;
  try {
    return await checkRestoredDatabase(db, manifest);
  } finally {
    await db.destroy();
    process.exitCode = exitCode;
  }
}
