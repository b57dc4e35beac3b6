import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DatabaseKind } from '../db/database.ts';
import type { Database } from '../db/schema.ts';

/** What every route handler receives: the database and the process's settings. No globals. */
export interface AppContext {
  readonly db: Kysely<Database>;
  readonly databaseKind: DatabaseKind;
  readonly logger: Logger;
  readonly version: string;
  /** The clock, injectable so tests can move time (session expiry, lockout). */
  readonly now: () => Date;
  readonly secureCookies: boolean;
  readonly loginRateLimit: { readonly max: number; readonly windowMs: number };
}
