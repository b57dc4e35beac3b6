/**
 * The backup archive (`ssj backup FILE`): a plain tar that standard tools can check by hand —
 *
 *   manifest.json    what the backup holds: format, time, migrations, the audit chain's length and head hash,
 *                    the row count of every table, and the payload's size and SHA-256
 *   pgdata.tar.gz    the embedded database's data directory (PGlite dumpDataDir, taken after a CHECKPOINT
 *                    while no transaction is open)
 *   SHA256SUMS       `sha256sum -c` lines for the two files above
 *
 * `ssj restore` checks every hash before it writes anything, and after loading compares the restored database with
 * the manifest (audit chain intact, same length and head, same row counts).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { err, ok, type Result } from '@ssj/core';
import { readTar, writeTar } from './tar.ts';

export const BACKUP_FORMAT = 'ssj-backup-v1';
export const MANIFEST_NAME = 'manifest.json';
export const PAYLOAD_NAME = 'pgdata.tar.gz';
export const SUMS_NAME = 'SHA256SUMS';

const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.string(),
  engine: z.literal('pglite'),
  migrations: z.array(z.string()),
  payload: z.object({
    name: z.literal(PAYLOAD_NAME),
    bytes: z.number().int().nonnegative(),
    sha256: z.string(),
  }),
  audit: z.object({
    entries: z.number().int().nonnegative(),
    headId: z.number().int().nullable(),
    headHash: z.string(),
  }),
  tables: z.record(z.string(), z.number().int().nonnegative()),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

/** What the database says about itself at the moment of the dump (the manifest minus the payload). */
export type DatabaseSummary = Omit<BackupManifest, 'format' | 'payload' | 'createdAt' | 'engine'>;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The archive for a dumped data directory and the summary taken with it. */
export function buildBackupArchive(
  summary: DatabaseSummary,
  payload: Uint8Array,
  createdAt: Date,
): { archive: Uint8Array; manifest: BackupManifest } {
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    createdAt: createdAt.toISOString(),
    engine: 'pglite',
    migrations: summary.migrations,
    payload: { name: PAYLOAD_NAME, bytes: payload.length, sha256: sha256Hex(payload) },
    audit: summary.audit,
    tables: summary.tables,
  };
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  const sums = `${sha256Hex(manifestBytes)}  ${MANIFEST_NAME}\n${manifest.payload.sha256}  ${PAYLOAD_NAME}\n`;
  const archive = writeTar(
    [
      { name: MANIFEST_NAME, bytes: manifestBytes },
      { name: PAYLOAD_NAME, bytes: payload },
      { name: SUMS_NAME, bytes: Buffer.from(sums, 'utf8') },
    ],
    createdAt.getTime() / 1000,
  );
  return { archive, manifest };
}

/**
 * Check an archive before anything is restored from it: a readable tar with the three entries, every SHA-256 in
 * SHA256SUMS matching, a manifest of a known format whose payload size and hash match. The message says what is
 * wrong (for people; the CLI prefixes the file name).
 */
export function verifyBackupArchive(
  bytes: Uint8Array,
): Result<{ manifest: BackupManifest; payload: Uint8Array }, string> {
  const entries = readTar(bytes);
  if (!entries.ok) return err(`not a readable ssj backup: ${entries.error}`);
  const byName = new Map(entries.value.map((e) => [e.name, e.bytes]));
  const manifestBytes = byName.get(MANIFEST_NAME);
  const payload = byName.get(PAYLOAD_NAME);
  const sums = byName.get(SUMS_NAME);
  if (manifestBytes === undefined || payload === undefined || sums === undefined) {
    return err(`not an ssj backup: it must hold ${MANIFEST_NAME}, ${PAYLOAD_NAME} and ${SUMS_NAME}`);
  }
  const listed = new Map<string, string>();
  for (const line of Buffer.from(sums).toString('utf8').split('\n')) {
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line.trim());
    if (match?.[1] !== undefined && match[2] !== undefined) listed.set(match[2], match[1]);
  }
  for (const [name, content] of [
    [MANIFEST_NAME, manifestBytes],
    [PAYLOAD_NAME, payload],
  ] as const) {
    const expected = listed.get(name);
    if (expected === undefined) return err(`${SUMS_NAME} has no line for ${name}`);
    const actual = sha256Hex(content);
    if (actual !== expected) {
      return err(`${name} is damaged: its SHA-256 is ${actual}, ${SUMS_NAME} says ${expected}`);
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(manifestBytes).toString('utf8'));
  } catch {
    return err(`${MANIFEST_NAME} is not JSON`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    return err(
      `${MANIFEST_NAME} is not an ${BACKUP_FORMAT} manifest: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  }
  const manifest = parsed.data;
  if (manifest.payload.bytes !== payload.length || manifest.payload.sha256 !== sha256Hex(payload)) {
    return err(`${PAYLOAD_NAME} does not match the size and SHA-256 in ${MANIFEST_NAME}`);
  }
  return ok({ manifest, payload });
}
