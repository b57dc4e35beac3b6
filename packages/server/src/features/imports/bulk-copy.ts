/**
 * Bulk loading for imports: one transaction on one connection, with COPY into a table of that transaction
 * (PostgreSQL: `COPY … FROM STDIN` through pg-copy-streams; PGlite: `COPY … FROM '/dev/blob'` with the rows as a
 * Blob). COPY takes the per-statement and per-parameter cost out of loading a million rows, and lets PostgreSQL
 * store rows while the importer reads on; Kysely cannot send it, so the driver comes from {@link findDatabaseEngine}.
 * Rows are written in COPY's text format ({@link formatCopyRow}).
 */
import { Kysely, PostgresDialect, type PostgresPoolClient, type Transaction } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import type pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { assert } from '@ssj/core';
import { findDatabaseEngine } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { RollbackImport } from './import-types.ts';

/** A table and its columns to COPY into: names from code, never from input. */
export interface CopyTarget {
  readonly table: string;
  readonly columns: readonly string[];
}

/** Rows going into one COPY. */
export interface CopyWriter {
  /** Adds one row in COPY text format (ending in `\n`). True when a piece is full: await flush() before more. */
  add(row: string): boolean;
  /** Sends the rows added so far; resolves when the writer can take more. */
  flush(): Promise<void>;
  /** Sends the rest and ends the COPY; resolves when the database has stored every row. */
  end(): Promise<void>;
}

export interface BulkLoader {
  /** Starts a COPY into `target` inside the transaction. End it before the next statement. */
  copyInto(target: CopyTarget): CopyWriter;
}

/** Rows are encoded (UTF-8) into pieces of this many bytes, each sent as one write. */
const PIECE_BYTES = 512 * 1024;
/** PGlite takes a COPY's rows as one Blob: pieces are sent in blobs of about this many bytes. */
const PGLITE_BLOB_BYTES = 16 * 1024 * 1024;

/** Rows encoded into pieces of bytes as they are added (encoding row by row is cheaper than one long string). */
class PieceBuffer {
  private bytes = Buffer.allocUnsafe(PIECE_BYTES);
  private used = 0;

  /** Appends a row; true when the piece is full. */
  add(row: string): boolean {
    const most = row.length * 3;
    if (this.used + most > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + most));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    this.used += this.bytes.write(row, this.used, 'utf8');
    return this.used >= PIECE_BYTES;
  }

  /** The bytes added since the last take, or null when none. */
  take(): Buffer | null {
    if (this.used === 0) return null;
    const piece = this.bytes.subarray(0, this.used);
    this.bytes = Buffer.allocUnsafe(PIECE_BYTES);
    this.used = 0;
    return piece;
  }
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** The COPY statement of a target (identifiers checked: they are spliced into the SQL). */
function copyStatement(target: CopyTarget, from: string): string {
  for (const name of [target.table, ...target.columns]) {
    assert(IDENTIFIER.test(name), `bulk copy: bad identifier ${JSON.stringify(name)}`);
  }
  return `copy "${target.table}" (${target.columns.map((c) => `"${c}"`).join(', ')}) from ${from}`;
}

/** One field in COPY text format: `\N` for null, and backslash, tab, line feed and carriage return escaped. */
export function formatCopyField(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) =>
        c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
      )
    : value;
}

/** One row in COPY text format, with its line feed. */
export function formatCopyRow(values: readonly (string | number | null)[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += '\t';
    line += formatCopyField(values[i] ?? null);
  }
  return line + '\n';
}

/** COPY through pg-copy-streams on the transaction's own client: rows stream while the caller reads on. */
function copyIntoPostgres(client: pg.PoolClient, target: CopyTarget): CopyWriter & { abort(): boolean } {
  const stream = client.query(copyFrom(copyStatement(target, 'stdin')));
  const pieces = new PieceBuffer();
  let failure: Error | null = null;
  const throwIfFailed = (): void => {
    if (failure !== null) throw failure;
  };
  const finished = new Promise<void>((resolve, reject) => {
    stream.once('finish', resolve);
    stream.once('error', (error) => {
      failure = error;
      reject(error);
    });
  });
  finished.catch(() => undefined); // surfaced by flush() or end()
  const flush = async (): Promise<void> => {
    throwIfFailed();
    const piece = pieces.take();
    if (piece === null || stream.write(piece)) return;
    await Promise.race([new Promise((resolve) => stream.once('drain', resolve)), finished]);
    throwIfFailed();
  };
  return {
    add: (row) => pieces.add(row),
    flush,
    end: async () => {
      await flush();
      stream.end();
      await finished;
    },
    abort: () => {
      if (stream.writableFinished || stream.destroyed) return false;
      stream.destroy(new Error('import aborted'));
      return true;
    },
  };
}

/** COPY into PGlite: pieces are collected into Blobs of a few MB, each loaded by one `COPY … FROM '/dev/blob'`. */
function copyIntoPglite(client: PGlite, target: CopyTarget): CopyWriter & { abort(): boolean } {
  const statement = copyStatement(target, "'/dev/blob'");
  const pieces = new PieceBuffer();
  let parts: Buffer[] = [];
  let size = 0;
  const send = async (): Promise<void> => {
    if (size === 0) return;
    const blob = new Blob(parts);
    parts = [];
    size = 0;
    await client.query(statement, [], { blob });
  };
  const collect = (): void => {
    const piece = pieces.take();
    if (piece === null) return;
    parts.push(piece);
    size += piece.length;
  };
  return {
    add: (row) => pieces.add(row),
    flush: async () => {
      collect();
      if (size >= PGLITE_BLOB_BYTES) await send();
    },
    end: async () => {
      collect();
      await send();
    },
    abort: () => {
      pieces.take();
      parts = [];
      size = 0;
      return false;
    },
  };
}

/**
 * Runs `body` in one transaction with a bulk loader on the same connection. An error thrown by `body` (including a
 * deliberate one to roll back) rolls everything back, COPYs included, and is rethrown. `db` must come from
 * openDatabase (an assertion otherwise: every database of the platform does).
 */
export async function transactWithBulkLoader(
  db: Kysely<Database>,
  body: (trx: Transaction<Database>, loader: BulkLoader) => Promise<void>,
): Promise<void> {
  const engine = findDatabaseEngine(db);
  assert(engine !== undefined, 'bulk load: the database was not opened by openDatabase');
  const open: { abort(): boolean }[] = [];
  const copies = { aborted: false };
  const guarded = async (trx: Transaction<Database>, loader: BulkLoader): Promise<void> => {
    try {
      await body(trx, loader);
    } catch (error) {
      // A COPY still open would hold the connection: end it so the rollback can run.
      for (const writer of open) if (writer.abort()) copies.aborted = true;
      throw error;
    }
  };
  if (engine.kind === 'pglite') {
    const client = engine.client;
    await db.transaction().execute((trx) =>
      guarded(trx, {
        copyInto: (target) => {
          const writer = copyIntoPglite(client, target);
          open.push(writer);
          return writer;
        },
      }),
    );
    return;
  }
  // PostgreSQL: pin one client of the pool, so Kysely's statements and the COPY run in the same transaction.
  const client = await engine.pool.connect();
  const pinned: PostgresPoolClient = {
    query: client.query.bind(client),
    release: () => undefined,
  };
  const single = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: { connect: () => Promise.resolve(pinned), end: () => Promise.resolve() },
    }),
  });
  let broken: Error | undefined;
  try {
    await single.transaction().execute((trx) =>
      guarded(trx, {
        copyInto: (target) => {
          const writer = copyIntoPostgres(client, target);
          open.push(writer);
          return writer;
        },
      }),
    );
  } catch (error) {
    // After an aborted COPY or a failed rollback the connection's state is unknown: the pool drops it.
    if (copies.aborted || !(error instanceof RollbackImport))
      broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    await single.destroy();
    client.release(broken);
  }
}
