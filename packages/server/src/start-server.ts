import pino, { type Logger } from 'pino';
import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from './config.ts';
import { openDatabase, selectDatabaseTarget, type DatabaseHandle } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createDemoAccounts, DEMO_PASSWORD, type DemoAccount } from './demo/demo-accounts.ts';
import { seedDemoPlan } from './demo/demo-plan.ts';
import { listDepartmentSeeds } from './features/reference/department-seeds.ts';
import { seedReferenceData } from './features/reference/reference-store.ts';
import type { AppContext } from './http/app-context.ts';
import { buildApp } from './http/build-app.ts';

export const VERSION = '0.1.0';

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly database: DatabaseHandle;
  readonly url: string;
  readonly createdDemoAccounts: readonly DemoAccount[];
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Create the demo accounts (and, as later features land, the demo plan and registers) on an empty database. */
  readonly demo: boolean;
  readonly logger?: Logger;
}

export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'ssj' } });
}

/** Prepare the database for use: migrations, reference data, and demo content when asked. */
export async function prepareDatabase(
  database: DatabaseHandle,
  demo: boolean,
): Promise<{ migrations: string[]; createdDemoAccounts: DemoAccount[]; demoPlanTasks: number }> {
  const migrations = await migrateToLatest(database.db);
  await seedReferenceData(database.db, listDepartmentSeeds());
  const createdDemoAccounts = demo ? await createDemoAccounts(database.db) : [];
  const demoPlanTasks = demo ? await seedDemoPlan(database.db) : 0;
  return { migrations, createdDemoAccounts, demoPlanTasks };
}

export function buildContext(database: DatabaseHandle, logger: Logger, config: ServerConfig): AppContext {
  return {
    db: database.db,
    databaseKind: database.kind,
    logger,
    version: VERSION,
    now: () => new Date(),
    secureCookies: config.secureCookies,
    loginRateLimit: { max: 20, windowMs: 60_000 },
  };
}

/** `ssj serve`: open the database, migrate, seed, listen; stop() closes the server, then the database. */
export async function startServer(config: ServerConfig, options: StartOptions): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = await openDatabase(selectDatabaseTarget(config));
  logger.info({ database: database.kind, location: database.location }, 'database opened');
  try {
    const { migrations, createdDemoAccounts, demoPlanTasks } = await prepareDatabase(database, options.demo);
    if (migrations.length > 0) logger.info({ migrations }, 'migrations applied');
    if (demoPlanTasks > 0) logger.info({ tasks: demoPlanTasks }, 'demo plan 2023 imported and published');
    const app = await buildApp(buildContext(database, logger, config), { webDistDir: config.webDistDir });
    const address = await app.listen({ port: config.port, host: config.host });
    let stopped = false;
    return {
      app,
      database,
      url: address,
      createdDemoAccounts,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

export { DEMO_PASSWORD };
