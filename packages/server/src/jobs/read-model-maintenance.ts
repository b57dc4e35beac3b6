import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DatabaseKind } from '../db/database.ts';
import { vacuumRegister } from '../db/register-statistics.ts';
import type { Database } from '../db/schema.ts';
import { HOURLY_MS } from './daily-schedule.ts';

/** The public search's read model (migration `public-results`): rows are only ever added. */
const READ_MODEL_TABLES = ['public_results', 'public_result_codes'] as const;

/**
 * Vacuums the public search's read model. The portal reads pages of keys from its indexes alone, which PostgreSQL
 * does only for table pages its visibility map marks all-visible; VACUUM sets that map. PostgreSQL's autovacuum does
 * this by itself; PGlite runs PostgreSQL in single-user mode, without autovacuum, so the server does it. The tables
 * only grow, so a vacuum reads just the pages written since the last one (a million rows: seconds once, then little).
 */
export async function vacuumReadModel(db: Kysely<Database>): Promise<void> {
  for (const table of READ_MODEL_TABLES) await sql`vacuum (analyze) ${sql.table(table)}`.execute(db);
}

/**
 * What PGlite's missing autovacuum would do for the platform: the read model of the public search and the registers
 * the draw reads (db/register-statistics.ts), vacuumed and analysed. The server runs it before it listens, then hourly.
 */
export async function vacuumSearchedTables(db: Kysely<Database>): Promise<void> {
  await vacuumReadModel(db);
  await vacuumRegister(db);
}

export interface ReadModelMaintenance {
  /** Stops the timer and waits for a vacuum in progress, so the database can close after it. */
  stop(): Promise<void>;
}

/**
 * On PGlite: vacuums the read model and the registers every `intervalMs` (unref'd; the caller runs the first vacuum
 * before listening).
 * On PostgreSQL autovacuum does it, and nothing is scheduled.
 */
export function startReadModelMaintenance(
  db: Kysely<Database>,
  kind: DatabaseKind,
  logger: Logger,
  intervalMs: number = HOURLY_MS,
): ReadModelMaintenance {
  if (kind !== 'pglite') return { stop: () => Promise.resolve() };
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running !== null) return;
    running = vacuumSearchedTables(db)
      .catch((error: unknown) => {
        logger.error(
          { err: error },
          'read model or register vacuum failed; tried again at the next interval',
        );
      })
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
