import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBackupArchive, openDatabase, verifyAuditChain, verifyBackupArchive } from '@ssj/server';
import { DEMO_PASSWORD } from '@ssj/server';
import { createTestApp, type TestApp } from '../../../server/src/testing/test-app.ts';
import { runCommand } from '../testing/run-command.ts';
import { registerBackupCommand } from './backup.ts';
import { registerRestoreCommand } from './restore.ts';

const onPostgres = (process.env['DATABASE_URL'] ?? '') !== '';
const saved = { dataDir: process.env['SSJ_DATA_DIR'], url: process.env['DATABASE_URL'] };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssj-backup-cli-'));

function useEnv(env: { SSJ_DATA_DIR?: string; DATABASE_URL?: string }): void {
  process.env['SSJ_DATA_DIR'] = env.SSJ_DATA_DIR ?? dir;
  if (env.DATABASE_URL === undefined) delete process.env['DATABASE_URL'];
  else process.env['DATABASE_URL'] = env.DATABASE_URL;
}

afterAll(() => {
  if (saved.dataDir === undefined) delete process.env['SSJ_DATA_DIR'];
  else process.env['SSJ_DATA_DIR'] = saved.dataDir;
  if (saved.url === undefined) delete process.env['DATABASE_URL'];
  else process.env['DATABASE_URL'] = saved.url;
  fs.rmSync(dir, { recursive: true, force: true });
});

const backup = (...args: string[]) => runCommand(registerBackupCommand, ['backup', ...args]);
const restore = (...args: string[]) => runCommand(registerRestoreCommand, ['restore', ...args]);

describe('ssj backup / ssj restore on PostgreSQL', () => {
  it('print the pg_dump / pg_restore advice instead of copying anything (exit 2)', async () => {
    useEnv({ DATABASE_URL: 'postgres://ssj@db.invalid:5432/ssj' });
    const b = await backup(path.join(dir, 'pg.tar'));
    expect(b.code).toBe(2);
    expect(b.err).toContain('pg_dump --format=custom');
    const r = await restore(path.join(dir, 'pg.tar'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('pg_restore');
    expect(fs.existsSync(path.join(dir, 'pg.tar'))).toBe(false);
  });
});

// The server's database is in memory here (createTestApp), so this runs on the embedded engine only.
describe.skipIf(onPostgres)(
  'ssj backup --url (a running server) → ssj restore into a new data directory',
  () => {
    let t: TestApp;
    let url = '';
    let sleeper: ChildProcess;
    const archive = path.join(dir, 'backup.tar');
    const restored = path.join(dir, 'restored');

    beforeAll(async () => {
      useEnv({});
      t = await createTestApp({ demoObjects: 0 });
      url = await t.app.listen({ port: 0, host: '127.0.0.1' });
      sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    });
    afterAll(async () => {
      sleeper.kill('SIGKILL');
      await t.close();
    });

    it('backs up through the server as an office admin, and refuses other roles', async () => {
      useEnv({});
      const denied = await backup(
        path.join(dir, 'denied.tar'),
        '--url',
        url,
        '--user',
        'auditor',
        '--password',
        DEMO_PASSWORD,
      );
      expect(denied.code).toBe(1);
      expect(denied.err).toContain('the server refused the backup');
      expect(fs.existsSync(path.join(dir, 'denied.tar'))).toBe(false);

      const ok = await backup(archive, '--url', url, '--user', 'office', '--password', DEMO_PASSWORD);
      expect(ok.err).toBe('');
      expect(ok.code).toBeUndefined();
      expect(ok.out).toMatch(/audit chain \d+ entries/);
      expect(verifyBackupArchive(fs.readFileSync(archive)).ok).toBe(true);
      const again = await backup(archive, '--url', url, '--user', 'office', '--password', DEMO_PASSWORD);
      expect(again.code).toBe(2);
    });

    it('restores into a new SSJ_DATA_DIR: the same audit chain, row for row; refuses it a second time without --force', async () => {
      useEnv({ SSJ_DATA_DIR: restored });
      const first = await restore(archive);
      expect(first.err).toBe('');
      expect(first.code).toBeUndefined();
      expect(first.out).toContain('audit chain intact');
      const copy = await openDatabase({ kind: 'pglite', dataDir: path.join(restored, 'pglite') });
      try {
        const rows = (db: typeof copy.db) => db.selectFrom('audit_log').selectAll().orderBy('id').execute();
        const original = await rows(t.database.db);
        // The chain up to the backup's own entry (the CLI logged out afterwards, which the backup cannot hold).
        const upToBackup = original.slice(0, original.findLastIndex((e) => e.action === 'backup.create') + 1);
        expect(upToBackup.length).toBeGreaterThan(1);
        expect(await rows(copy.db)).toEqual(upToBackup);
        expect(await verifyAuditChain(copy.db)).toMatchObject({ ok: true });
        const users = (db: typeof copy.db) =>
          db.selectFrom('users').select(['username', 'password_hash']).orderBy('id').execute();
        expect(await users(copy.db)).toEqual(await users(t.database.db));
        const tasks = (db: typeof copy.db) =>
          db.selectFrom('tasks').select(['code', 'name', 'status']).orderBy('code').execute();
        const original350 = await tasks(t.database.db);
        expect(original350).toHaveLength(350);
        expect(await tasks(copy.db)).toEqual(original350);
      } finally {
        await copy.close();
      }
      const second = await restore(archive);
      expect(second.code).toBe(2);
      expect(second.err).toContain('--force');
    });

    it('backs up a data directory directly when no server holds it, and points to --url when one does', async () => {
      useEnv({ SSJ_DATA_DIR: restored });
      const direct = await backup(path.join(dir, 'direct.tar'));
      expect(direct.err).toBe('');
      expect(direct.code).toBeUndefined();

      const lock = path.join(restored, 'pglite', 'ssj.lock');
      fs.writeFileSync(lock, String(sleeper.pid));
      try {
        const busy = await backup(path.join(dir, 'busy.tar'));
        expect(busy.code).toBe(1);
        expect(busy.err).toContain(`in use by process ${String(sleeper.pid)}`);
        expect(busy.err).toContain('--url');
        expect(fs.existsSync(path.join(dir, 'busy.tar'))).toBe(false);
      } finally {
        fs.rmSync(lock, { force: true });
      }
    });

    it('checks the loaded database against the manifest before replacing anything; --force moves the old one aside', async () => {
      useEnv({ SSJ_DATA_DIR: restored });
      const verified = verifyBackupArchive(fs.readFileSync(archive));
      if (!verified.ok) throw new Error(verified.error);
      const { manifest, payload } = verified.value;
      // Consistent hashes, but a manifest that claims one audit entry more than the dump holds.
      const lying = path.join(dir, 'lying.tar');
      const claimed = { ...manifest.audit, entries: manifest.audit.entries + 1 };
      fs.writeFileSync(
        lying,
        buildBackupArchive({ ...manifest, audit: claimed }, payload, new Date()).archive,
      );
      const refused = await restore(lying, '--force');
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('failed its check');
      expect(fs.readdirSync(restored)).toEqual(['pglite']);

      const forced = await restore(archive, '--force');
      expect(forced.err).toBe('');
      expect(forced.out).toContain('the previous contents were moved to');
      const aside = fs.readdirSync(restored).find((name) => name.startsWith('pglite.replaced-'));
      expect(aside).toBeDefined();
      expect(fs.existsSync(path.join(restored, aside ?? '', 'PG_VERSION'))).toBe(true);
      expect(fs.existsSync(path.join(restored, 'pglite', 'PG_VERSION'))).toBe(true);
    });

    it('refuses a damaged archive before writing anything', async () => {
      const damaged = path.join(dir, 'damaged.tar');
      const bytes = fs.readFileSync(archive);
      bytes[bytes.length - 4000] = (bytes[bytes.length - 4000] ?? 0) ^ 0x10;
      fs.writeFileSync(damaged, bytes);
      useEnv({ SSJ_DATA_DIR: path.join(dir, 'never') });
      const r = await restore(damaged);
      expect(r.code).toBe(1);
      expect(r.err).toContain('damaged');
      expect(fs.existsSync(path.join(dir, 'never', 'pglite', 'PG_VERSION'))).toBe(false);
    });
  },
);
