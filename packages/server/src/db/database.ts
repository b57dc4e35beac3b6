import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
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

/**
 * The driver under a Kysely instance that {@link openDatabase} opened. Bulk loads need it: COPY is not something
 * Kysely can send (imports stream rows with COPY … FROM STDIN on PostgreSQL and COPY … FROM '/dev/blob' on PGlite).
 */
export type DatabaseEngine =
  | { readonly kind: 'postgres'; readonly pool: pg.Pool }
  | { readonly kind: 'pglite'; readonly client: PGlite };

const engines = new WeakMap<Kysely<Database>, DatabaseEngine>();

/** The engine of a Kysely instance opened by {@link openDatabase}; undefined for any other instance. */
export function findDatabaseEngine(db: Kysely<Database>): DatabaseEngine | undefined {
  return engines.get(db);
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
    engines.set(db, { kind: 'postgres', pool });
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
    // pg_trgm indexes names for the portal's search by any fragment (PostgreSQL ships it among its contrib modules).
    const options = { extensions: { pg_trgm } };
    const client = target.dataDir === null ? new PGlite(options) : new PGlite(target.dataDir, options);
    await client.waitReady;
    const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
    engines.set(db, { kind: 'pglite', client });
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
