import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import {
  createBackup,
  openDatabase,
  POSTGRES_BACKUP_ADVICE,
  readConfig,
  selectDatabaseTarget,
  sha256Hex,
  verifyBackupArchive,
  type BackupManifest,
} from '@ssj/server';

interface BackupOptions {
  url?: string;
  user?: string;
  password?: string;
  force?: boolean;
}

const CLI_ACTOR = { userId: null, role: 'cli', departmentId: null, requestId: null };

class BackupFailure extends Error {
  override readonly name = 'BackupFailure';
}

async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

async function readErrorMessage(res: Response): Promise<string> {
  const text = await res.text();
  try {
    const body = JSON.parse(text) as { error?: { message?: string } };
    return body.error?.message ?? text;
  } catch {
    return text;
  }
}

/** Log in as an office admin, ask the running server for a backup (POST /api/admin/backup), log out. */
async function fetchBackupFromServer(url: string, username: string, password: string): Promise<Uint8Array> {
  const base = new URL(url);
  const login = await fetch(new URL('/api/auth/login', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new BackupFailure(`login as ${username} failed: ${await readErrorMessage(login)}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const session = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('ssj_session='));
  if (session === undefined) throw new BackupFailure('the server did not start a session');
  const headers = { cookie: session, 'x-csrf-token': csrfToken };
  try {
    const res = await fetch(new URL('/api/admin/backup', base), { method: 'POST', headers });
    if (!res.ok) throw new BackupFailure(`the server refused the backup: ${await readErrorMessage(res)}`);
    return new Uint8Array(await res.arrayBuffer());
  } finally {
    await fetch(new URL('/api/auth/logout', base), { method: 'POST', headers }).catch(() => undefined);
  }
}

/** Back up the embedded database this process opens itself (nobody else holds it: the lock says so). */
async function backUpDirectly(): Promise<Uint8Array> {
  const config = readConfig();
  const target = selectDatabaseTarget(config);
  if (target.kind !== 'pglite' || target.dataDir === null) throw new BackupFailure('no embedded database');
  if (!fs.existsSync(path.join(target.dataDir, 'PG_VERSION'))) {
    throw new BackupFailure(`there is no embedded database in ${target.dataDir} (set SSJ_DATA_DIR)`);
  }
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase(target);
  } catch (error) {
    throw new BackupFailure(
      `${error instanceof Error ? error.message : String(error)}\n` +
        `To back up while the server runs, ask it for the backup: ssj backup FILE --url http://localhost:${String(config.port)} --user <office admin> (password on standard input)`,
    );
  }
  try {
    const backup = await createBackup(database.db, CLI_ACTOR);
    if (!backup.ok) throw new BackupFailure('not an embedded database');
    return backup.value.archive;
  } finally {
    await database.close();
  }
}

function describeManifest(manifest: BackupManifest): string {
  const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
  return (
    `${String(Object.keys(manifest.tables).length)} tables, ${String(rows)} rows, ` +
    `audit chain ${String(manifest.audit.entries)} entries (head ${manifest.audit.headHash.slice(0, 16)}…)`
  );
}

/**
 * `ssj backup FILE [--url URL --user NAME]`: a consistent backup of the embedded database (docs/ARCHITECTURE.md,
 * "Backups"). Without --url the command opens the data directory itself, which the lock allows only while no server
 * holds it; with --url the running server takes the backup inside its own process. The archive is verified before
 * it is written (atomically: FILE appears whole or not at all). On PostgreSQL it prints the pg_dump advice instead.
 */
export function registerBackupCommand(program: Command): void {
  program
    .command('backup')
    .description(
      'back up the embedded database into FILE (a .tar with a SHA-256 manifest), consistent while in use',
    )
    .argument('<file>', 'the archive to write, e.g. ssj-backup.tar')
    .option('--url <url>', 'take the backup through the running server, e.g. http://localhost:3000')
    .option(
      '--user <username>',
      'an office admin (领导小组办公室) account for --url; password from standard input',
    )
    .option(
      '--password <password>',
      'password for --user (prefer standard input: it stays out of the shell history)',
    )
    .option('--force', 'overwrite FILE if it exists')
    .action(async (file: string, options: BackupOptions) => {
      if (readConfig().databaseUrl !== null && options.url === undefined) {
        process.stderr.write(`ssj backup: ${POSTGRES_BACKUP_ADVICE}\n`);
        process.exitCode = 2;
        return;
      }
      if (fs.existsSync(file) && options.force !== true) {
        process.stderr.write(`ssj backup: ${file} exists; give another name or --force\n`);
        process.exitCode = 2;
        return;
      }
      if (options.url !== undefined && options.user === undefined) {
        process.stderr.write('ssj backup: --url needs --user (an office admin account)\n');
        process.exitCode = 2;
        return;
      }
      let archive: Uint8Array;
      try {
        archive =
          options.url === undefined
            ? await backUpDirectly()
            : await fetchBackupFromServer(
                options.url,
                options.user ?? '',
                options.password ?? (await readPasswordFromStdin()),
              );
      } catch (error) {
        if (!(error instanceof BackupFailure) && !(error instanceof TypeError)) throw error;
        process.stderr.write(`ssj backup: ${error.message}\n`);
        process.exitCode = 1;
        return;
      }
      const verified = verifyBackupArchive(archive);
      if (!verified.ok) {
        process.stderr.write(
          `ssj backup: the archive came out damaged (${verified.error}); nothing written\n`,
        );
        process.exitCode = 1;
        return;
      }
      const partial = `${file}.partial-${String(process.pid)}`;
      fs.writeFileSync(partial, archive);
      fs.renameSync(partial, file);
      process.stdout.write(
        `${file}: ${(archive.length / 1024 / 1024).toFixed(1)} MB, ${describeManifest(verified.value.manifest)}, ` +
          `sha256 ${sha256Hex(archive)}\n`,
      );
    });
}
