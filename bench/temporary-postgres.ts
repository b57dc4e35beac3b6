/** A throwaway PostgreSQL server for benchmarks, started as .ci/run starts one (initdb + pg_ctl, fsync off). */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** The newest installed PostgreSQL bin directory (env BENCH_PGBIN overrides), or null. */
export function findPgBin(): string | null {
  const fromEnv = process.env['BENCH_PGBIN'];
  if (fromEnv !== undefined) return existsSync(path.join(fromEnv, 'pg_ctl')) ? fromEnv : null;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(path.join(base, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? null : path.join(base, versions[0], 'bin');
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

export interface PgServer {
  readonly url: string;
  readonly psql: string;
  readonly version: string;
  stop(): void;
}

/** Starts a server in a temporary directory (as the postgres user when run as root). */
export async function startPostgres(bin: string): Promise<PgServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ssj-bench-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const run = (tool: string, args: string[]): void => {
    const command = asRoot ? 'runuser' : path.join(bin, tool);
    const full = asRoot ? ['-u', 'postgres', '--', path.join(bin, tool), ...args] : args;
    execFileSync(command, full, { stdio: ['ignore', 'ignore', 'inherit'] });
  };
  const port = await findFreePort();
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '--auth=trust', '--username=postgres', '--encoding=UTF8', '--locale=C.UTF-8']);
  run('pg_ctl', [
    '-D', data, '-l', path.join(dir, 'server.log'), '-w', '-o',
    `-p ${String(port)} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300`, 'start',
  ]); // prettier-ignore
  const url = `postgres://postgres@127.0.0.1:${String(port)}/postgres`;
  const psql = path.join(bin, 'psql');
  const version = execFileSync(psql, [url, '-Atc', 'show server_version'], { encoding: 'utf8' }).trim();
  return {
    url,
    psql,
    version,
    stop: () => {
      run('pg_ctl', ['-D', data, '-m', 'fast', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh database on the server; returns its URL. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
