import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..');
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'artifacts');
export const DEMO_PASSWORD = 'Demo2023ssj';

export interface Journey {
  readonly name: string;
  readonly run: (env: JourneyEnv) => Promise<void>;
}

export interface JourneyEnv {
  readonly baseUrl: string;
  readonly page: Page;
  readonly screenshot: (name: string) => Promise<string>;
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      srv.close(() => {
        resolve(port);
      });
    });
  });
}

export interface ServerProcess {
  readonly baseUrl: string;
  readonly dataDir: string;
  stop(): Promise<void>;
}

/** Start `ssj serve` as a real process on a free port with its own data directory, and wait for /api/health. */
export async function startServerProcess(): Promise<ServerProcess> {
  const port = await findFreePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssj-e2e-'));
  const env = {
    ...process.env,
    PORT: String(port),
    SSJ_DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SSJ_DEMO_OBJECTS: process.env['SSJ_DEMO_OBJECTS'] ?? '20000',
  };
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(REPO_ROOT, 'packages/cli/bin/ssj.js'), 'serve'],
    {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`server did not come up in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    baseUrl,
    dataDir,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      await exited;
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

export function expectTrue(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
