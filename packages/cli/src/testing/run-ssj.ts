import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const SSJ_BIN = path.resolve(import.meta.dirname, '../../bin/ssj.js');

export interface SsjResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run `ssj ARGS` as a real process (the way a user does) and collect its output. */
export async function runSsj(
  args: readonly string[],
  env: Record<string, string>,
  input?: string,
): Promise<SsjResult> {
  const child = spawn(process.execPath, [SSJ_BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return collect(child, input);
}

export function spawnSsj(args: readonly string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [SSJ_BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function collect(child: ChildProcess, input?: string): Promise<SsjResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  if (child.stdin !== null) child.stdin.end(input ?? '');
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

export async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error('server did not come up');
    await new Promise((r) => setTimeout(r, 200));
  }
}
