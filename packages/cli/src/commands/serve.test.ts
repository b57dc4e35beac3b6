import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSsj, spawnSsj, waitForHealth } from '../testing/run-ssj.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => {
        resolve(typeof a === 'object' && a !== null ? a.port : 0);
      });
    });
  });
}

async function serveOnce(
  env: Record<string, string>,
  port: number,
  body: (baseUrl: string) => Promise<void>,
): Promise<string> {
  const child = spawnSsj(['serve'], { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', r));
  try {
    await waitForHealth(`http://127.0.0.1:${port}`, child);
    await body(`http://127.0.0.1:${port}`);
  } finally {
    child.kill('SIGINT');
  }
  expect(await exited).toBe(0);
  return out;
}

// The embedded database only: with DATABASE_URL the server would share one PostgreSQL database between test files.
describe.skipIf(process.env['DATABASE_URL'] !== undefined && process.env['DATABASE_URL'] !== '')(
  'ssj serve on the embedded database',
  () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssj-serve-test-'));
    const env = { SSJ_DATA_DIR: dataDir, DATABASE_URL: '', SSJ_DEMO_OBJECTS: '1000' };
    afterAll(() => {
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('keeps all data across Ctrl-C and a restart, and creates the demo accounts only once', async () => {
      const added = await runSsj(
        ['user', 'add', 'keeper', '--role', 'auditor', '--name', '留存测试'],
        env,
        'Keeper12345\n',
      );
      expect(added.stderr).toBe('');
      expect(added.code).toBe(0);

      const port = await freePort();
      const first = await serveOnce(env, port, async (baseUrl) => {
        const res = await fetch(`${baseUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'keeper', password: 'Keeper12345' }),
        });
        expect(res.status).toBe(200);
      });
      // An existing account means no demo accounts are created.
      expect(first).not.toContain('演示账户已创建');

      const second = await serveOnce(env, port, async (baseUrl) => {
        const res = await fetch(`${baseUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'keeper', password: 'Keeper12345' }),
        });
        expect(res.status).toBe(200);
      });
      expect(second).toContain('listening');
    });

    it('refuses a second process on the same data directory while the server runs', async () => {
      const port = await freePort();
      await serveOnce(env, port, async () => {
        const clash = await runSsj(['migrate'], env);
        expect(clash.code).toBe(1);
        expect(clash.stderr).toContain('in use by process');
      });
    });

    it('rejects a weak password with a clear message', async () => {
      const res = await runSsj(['user', 'add', 'weakling', '--role', 'auditor', '--password', 'short'], env);
      expect(res.code).toBe(1);
      expect(res.stderr).toContain('密码至少 10 个字符');
    });
  },
);
