import { sql, type Kysely } from 'kysely';
import { err, ok, type Result } from '@ssj/core';
import { appendAudit, type AuditActor } from '../audit/audit-log.ts';
import { findDatabaseEngine } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { buildBackupArchive, type BackupManifest } from './backup-archive.ts';
import { summariseDatabase } from './database-summary.ts';

export type BackupError = { readonly kind: 'not_embedded' };

/** What to do instead on PostgreSQL (README "Backups"): the server's own tools, not a half-baked copy. */
export const POSTGRES_BACKUP_ADVICE = [
  'DATABASE_URL is set: this platform runs on PostgreSQL, which has its own consistent backup tools.',
  '  back up:  pg_dump --format=custom --file=ssj.dump "$DATABASE_URL"',
  '  restore:  createdb ssj_restored && pg_restore --exit-on-error --no-owner --dbname=postgres://…/ssj_restored ssj.dump',
  '            then: DATABASE_URL=postgres://…/ssj_restored npx ssj audit verify',
  'pg_dump takes one snapshot while the server keeps running. See README.md, "Backups".',
].join('\n');

/**
 * A consistent backup of the embedded database while it is in use (issue "Trust": backups).
 *
 * PGlite is one single-connection engine inside this process, and Kysely's PGlite driver hands that connection to one
 * caller at a time; a transaction holds it from BEGIN to COMMIT. So the dump runs while holding the connection: no
 * transaction is open, none can start, and after a CHECKPOINT the data directory on disk is the committed state.
 * The summary for the manifest is read under the same hold, so it describes exactly what was dumped. Requests wait
 * for the few seconds a dump takes. The backup itself is audited first (who took a copy of everything), so the
 * archive holds the entry of its own making.
 */
export async function createBackup(
  db: Kysely<Database>,
  actor: AuditActor,
  now: Date = new Date(),
): Promise<Result<{ archive: Uint8Array; manifest: BackupManifest }, BackupError>> {
  const engine = findDatabaseEngine(db);
  if (engine?.kind !== 'pglite') return err({ kind: 'not_embedded' });
  await db.transaction().execute(async (trx) => {
    await appendAudit(trx, actor, {
      action: 'backup.create',
      entity: 'database',
      entityId: null,
      after: { engine: 'pglite', at: now.toISOString() },
    });
  });
  const { summary, payload } = await db.connection().execute(async (connection) => {
    await sql`checkpoint`.execute(connection);
    const summary = await summariseDatabase(connection);
    const blob = await engine.client.dumpDataDir('gzip');
    return { summary, payload: new Uint8Array(await blob.arrayBuffer()) };
  });
  return ok(buildBackupArchive(summary, payload, now));
}
