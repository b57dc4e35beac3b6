import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, LOCK_FILE_NAME } from './data-dir-lock.ts';

/** The stale-lock rules a restart after SIGKILL depends on (issue "Trust": crash safety). */
describe('acquireDataDirLock', () => {
  let dir: string;
  let sleeper: ChildProcess;
  const lockFile = (): string => path.join(dir, LOCK_FILE_NAME);
  const startOf = (pid: number): string | undefined => {
    const stat = fs.readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  };
  const hasProc = fs.existsSync('/proc/self/stat');

  beforeAll(() => {
    sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  });
  afterAll(() => {
    sleeper.kill('SIGKILL');
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const fresh = (): void => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssj-lock-test-'));
  };

  it('takes over the lock of a process that is gone (killed with SIGKILL)', async () => {
    fresh();
    const victim = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    const pid = victim.pid ?? 0;
    fs.writeFileSync(lockFile(), `${String(pid)}\n`);
    victim.kill('SIGKILL');
    await new Promise((resolve) => victim.once('exit', resolve));
    const lock = acquireDataDirLock(dir);
    expect(fs.readFileSync(lockFile(), 'utf8').split('\n')[0]).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(lockFile())).toBe(false);
  });

  it('refuses while the owner runs, naming its pid (also for a lock in the older pid-only form)', () => {
    fresh();
    const pid = sleeper.pid ?? 0;
    fs.writeFileSync(lockFile(), `${String(pid)}\n${hasProc ? (startOf(pid) ?? '') : ''}\n`);
    expect(() => acquireDataDirLock(dir)).toThrow(`in use by process ${String(pid)}`);
    fs.writeFileSync(lockFile(), String(pid));
    expect(() => acquireDataDirLock(dir)).toThrow(`in use by process ${String(pid)}`);
  });

  it.skipIf(!hasProc)('takes over a lock whose pid now belongs to another process (pid reuse)', () => {
    fresh();
    fs.writeFileSync(lockFile(), `${String(sleeper.pid ?? 0)}\n1\n`);
    acquireDataDirLock(dir).release();
  });

  it('takes over an empty or garbled lock (a crash between creating and writing it)', () => {
    fresh();
    fs.writeFileSync(lockFile(), '');
    acquireDataDirLock(dir).release();
    fs.writeFileSync(lockFile(), 'not a pid');
    acquireDataDirLock(dir).release();
  });

  it.skipIf(!hasProc)(
    'refuses a second open of the same directory by this process until the first is released',
    () => {
      fresh();
      const first = acquireDataDirLock(dir);
      expect(() => acquireDataDirLock(dir)).toThrow('in use by this process');
      first.release();
      acquireDataDirLock(dir).release();
    },
  );
});
