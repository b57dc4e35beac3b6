import fs from 'node:fs';
import path from 'node:path';

/**
 * The embedded database belongs to one process at a time (PGlite is not multi-process). A lock file with the
 * owner's pid guards the data directory; a lock whose process is gone is taken over.
 *
 * A process killed with SIGKILL (or a power cut) leaves its lock behind. The lock also records, where Linux's /proc
 * tells, the owner's start time and the boot id, so that a stale lock is recognised even when its pid now belongs to
 * another process — the usual case in a restarted container, where pids count from 1 again.
 */
export interface DataDirLock {
  release(): void;
}

export const LOCK_FILE_NAME = 'ssj.lock';

interface LockOwner {
  readonly pid: number;
  /** Start time of the process in clock ticks since boot (/proc/PID/stat field 22), when known. */
  readonly start: string | null;
  readonly bootId: string | null;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readProcessStart(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces; field 22 is the 20th after it.
    const start = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    return start !== undefined && /^\d+$/.test(start) ? start : null;
  } catch {
    return null;
  }
}

function readBootId(): string | null {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
  } catch {
    return null;
  }
}

function describeSelf(): string {
  return `${String(process.pid)}\n${readProcessStart(process.pid) ?? ''}\n${readBootId() ?? ''}\n`;
}

/** The owner a lock file names (older locks hold only the pid); null when the file is empty or garbled. */
function parseOwner(text: string): LockOwner | null {
  const [pid, start, bootId] = text.split('\n').map((s) => s.trim());
  const owner = Number(pid);
  if (!Number.isInteger(owner) || owner <= 0) return null;
  return { pid: owner, start: start === undefined || start === '' ? null : start, bootId: bootId || null };
}

/** Whether the process that wrote the lock is still running (not merely some process with the same pid). */
function isOwnerAlive(owner: LockOwner): boolean {
  const bootId = readBootId();
  if (owner.bootId !== null && bootId !== null && owner.bootId !== bootId) return false;
  const start = readProcessStart(owner.pid);
  if (owner.pid === process.pid) {
    // This very process (a second open without a close) when the start time says so; else a reused pid.
    return owner.start !== null && start === owner.start;
  }
  if (!isProcessAlive(owner.pid)) return false;
  return owner.start === null || start === null || start === owner.start;
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  const file = path.join(dataDir, LOCK_FILE_NAME);
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      fs.writeFileSync(file, describeSelf(), { flag: 'wx' });
      let released = false;
      return {
        release: () => {
          if (released) return;
          released = true;
          fs.rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let seen: string;
      try {
        seen = fs.readFileSync(file, 'utf8');
      } catch {
        continue; // removed meanwhile: try again
      }
      const owner = parseOwner(seen);
      if (owner !== null && isOwnerAlive(owner)) {
        const who = owner.pid === process.pid ? 'this process' : `process ${String(owner.pid)}`;
        throw new Error(
          `The embedded database in ${dataDir} is in use by ${who} (probably \`ssj serve\`). ` +
            'Stop it first, or run this command against another SSJ_DATA_DIR.',
        );
      }
      takeOverStaleLock(file, seen);
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

/**
 * Remove a stale lock whose contents were `seen`, without removing a fresh lock another process may have written
 * in the meantime: move it aside first, and put it back if it turns out not to be the one we judged.
 */
function takeOverStaleLock(file: string, seen: string): void {
  const aside = `${file}.stale-${String(process.pid)}`;
  try {
    fs.renameSync(file, aside);
  } catch {
    return; // already gone
  }
  try {
    if (fs.readFileSync(aside, 'utf8') !== seen) fs.linkSync(aside, file);
  } catch {
    // a newer lock is in place again: the next attempt reads it
  } finally {
    fs.rmSync(aside, { force: true });
  }
}
