import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/audit-log.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { buildBackupArchive, verifyBackupArchive } from './backup-archive.ts';
import { createBackup } from './create-backup.ts';
import { readTar, writeTar } from './tar.ts';

// The backup and restore of a real database, through the CLI and the server's route: packages/cli/src/commands/backup.test.ts.

describe('the backup tar', () => {
  it('round-trips entries, and names the damage in a flipped header or a truncated archive', () => {
    const tar = writeTar(
      [
        { name: 'a.txt', bytes: Buffer.from('hello') },
        { name: 'b.bin', bytes: new Uint8Array(1000).fill(7) },
      ],
      1_700_000_000,
    );
    const read = readTar(tar);
    expect(read.ok && read.value.map((e) => [e.name, e.bytes.length])).toEqual([
      ['a.txt', 5],
      ['b.bin', 1000],
    ]);
    const flipped = Buffer.from(tar);
    flipped[3] = (flipped[3] ?? 0) ^ 0xff;
    expect(readTar(flipped)).toMatchObject({
      ok: false,
      error: expect.stringContaining('checksum') as string,
    });
    expect(readTar(tar.subarray(0, 700))).toMatchObject({
      ok: false,
      error: expect.stringContaining('truncated') as string,
    });
  });
});

describe('verifyBackupArchive', () => {
  const summary = {
    migrations: ['2026-11-27T09-00-00-foundation'],
    audit: { entries: 1, headId: 1, headHash: 'a'.repeat(64) },
    tables: { audit_log: 1 },
  };
  const payload = Buffer.from('not really a data directory, but hashed like one');
  const { archive, manifest } = buildBackupArchive(summary, payload, new Date('2026-11-27T10:00:00Z'));

  it('accepts an archive whose hashes all match, and hands back its manifest and payload', () => {
    const verified = verifyBackupArchive(archive);
    expect(verified.ok && verified.value.manifest).toEqual(manifest);
    expect(verified.ok && Buffer.from(verified.value.payload).equals(payload)).toBe(true);
    expect(manifest.payload.bytes).toBe(payload.length);
  });

  it('refuses a flipped payload byte, naming the file whose SHA-256 does not match', () => {
    const damaged = Buffer.from(archive);
    const at = damaged.indexOf(payload) + 5;
    damaged[at] = (damaged[at] ?? 0) ^ 0x01;
    expect(verifyBackupArchive(damaged)).toMatchObject({
      ok: false,
      error: expect.stringContaining('pgdata.tar.gz is damaged') as string,
    });
  });

  it('refuses what is not an ssj backup', () => {
    const other = writeTar([{ name: 'notes.txt', bytes: Buffer.from('x') }], 0);
    expect(verifyBackupArchive(other)).toMatchObject({
      ok: false,
      error: expect.stringContaining('not an ssj backup') as string,
    });
    expect(verifyBackupArchive(Buffer.from('garbage'))).toMatchObject({ ok: false });
  });
});

describe.skipIf((process.env['DATABASE_URL'] ?? '') === '')('backup on PostgreSQL', () => {
  it('is refused (the CLI prints the pg_dump advice)', async () => {
    const database = await createTestDatabase();
    try {
      expect(await createBackup(database.db, SYSTEM_ACTOR)).toEqual({
        ok: false,
        error: { kind: 'not_embedded' },
      });
    } finally {
      await database.close();
    }
  });
});
