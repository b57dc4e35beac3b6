import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import type { Database } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly kind: DatabaseKind;
  /** Human-readable location for logs: the data directory, or the URL without its password. */
  readonly location: string;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { readonly kind: 'postgres'; readonly url: string }
  | { readonly kind: 'pglite'; readonly dataDir: string | null };

/** Choose the database: PostgreSQL when DATABASE_URL is set, else PGlite under `<dataDir>/pglite`. */
export function selectDatabaseTarget(config: {
  databaseUrl: string | null;
  dataDir: string;
}): DatabaseTarget {
  if (config.databaseUrl !== null) return { kind: 'postgres', url: config.databaseUrl };
  return { kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') };
}

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    // Fail fast with a clear message when the server is not reachable.
    const client = await pool.connect();
    client.release();
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'postgres',
      location: redactUrl(target.url),
      close: () => db.destroy(),
    };
  }
  let lock: DataDirLock | null = null;
  if (target.dataDir !== null) {
    fs.mkdirSync(target.dataDir, { recursive: true });
    lock = acquireDataDirLock(target.dataDir);
  }
  try {
    const client = target.dataDir === null ? new PGlite() : new PGlite(target.dataDir);
    await client.waitReady;
    const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
    return {
      db,
      kind: 'pglite',
      location: target.dataDir ?? 'memory',
      close: async () => {
        // PGlite's Emscripten runtime resets process.exitCode on close; keep the caller's.
        const exitCode = process.exitCode;
        try {
          await db.destroy();
        } finally {
          process.exitCode = exitCode;
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}
