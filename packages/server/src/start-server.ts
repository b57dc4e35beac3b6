import { sql } from 'kysely';
import pino, { type Logger } from 'pino';
import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from './config.ts';
import { openDatabase, selectDatabaseTarget, type DatabaseHandle } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createDemoAccounts, DEMO_PASSWORD, type DemoAccount } from './demo/demo-accounts.ts';
import { seedDemoPlan } from './demo/demo-plan.ts';
import { seedDemoRegister } from './demo/demo-register.ts';
import { linkDemoInspector } from './demo/link-demo-inspector.ts';
import { SYSTEM_ACTOR } from './audit/audit-log.ts';
import { dispatchPublishedDraws } from './features/inspections/dispatch-inspections.ts';
import { startReminderSchedule } from './features/notifications/reminder-schedule.ts';
import { startMonthlyBulletinSchedule } from './features/oversight/monthly-bulletin-schedule.ts';
import { listDepartmentSeeds } from './features/reference/department-seeds.ts';
import { seedReferenceData } from './features/reference/reference-store.ts';
import type { AppContext } from './http/app-context.ts';
import { buildApp } from './http/build-app.ts';
import { vacuumRegister } from './db/register-statistics.ts';
import { warmDrawComputer } from './features/draws/draw-computer.ts';
import { startReadModelMaintenance, vacuumSearchedTables } from './jobs/read-model-maintenance.ts';

export const VERSION = '0.1.0';

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly database: DatabaseHandle;
  readonly url: string;
  readonly createdDemoAccounts: readonly DemoAccount[];
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Create the demo accounts, the 2023 plan and the demo register on an empty database. */
  readonly demo: boolean;
  /** Size of the generated demo register (default {@link DEFAULT_DEMO_OBJECTS}). */
  readonly demoObjects?: number;
  readonly onProgress?: (phase: string, done: number, total: number) => void;
  readonly logger?: Logger;
}

/** A realistic 晋城 register: about 200,000 market entities (DOMAIN.md §7). */
export const DEFAULT_DEMO_OBJECTS = 200_000;

export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'ssj' } });
}

export interface PrepareOptions {
  /** Create the demo accounts, the 2023 plan and the demo register on an empty database. */
  readonly demo: boolean;
  /** Objects in the generated demo register (0: none). */
  readonly demoObjects?: number;
  readonly onProgress?: (phase: string, done: number, total: number) => void;
}

export interface PrepareResult {
  readonly migrations: string[];
  readonly createdDemoAccounts: DemoAccount[];
  readonly demoPlanTasks: number;
  readonly demoObjects: number;
}

/** Prepare the database for use: migrations, reference data, and demo content when asked. */
export async function prepareDatabase(
  database: DatabaseHandle,
  options: PrepareOptions,
): Promise<PrepareResult> {
  const migrations = await migrateToLatest(database.db);
  await seedReferenceData(database.db, listDepartmentSeeds());
  // Draws published before a crash or a restart are dispatched now (idempotent: only what is missing).
  await dispatchPublishedDraws(database.db, SYSTEM_ACTOR);
  if (!options.demo) return { migrations, createdDemoAccounts: [], demoPlanTasks: 0, demoObjects: 0 };
  const createdDemoAccounts = await createDemoAccounts(database.db);
  const demoPlanTasks = await seedDemoPlan(database.db);
  const objectCount = options.demoObjects ?? 0;
  const demoObjects =
    objectCount > 0
      ? await seedDemoRegister(database.db, {
          objectCount,
          ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
        })
      : 0;
  // The demo inspector account gets a register entry of its department.
  await linkDemoInspector(database.db);
  // PGlite runs PostgreSQL single-user, without autovacuum or a checkpointer of its own: the register just generated
  // gets its planner statistics now (db/register-statistics.ts), and its write-ahead log is checkpointed, not in the
  // middle of whatever comes next (a draw session took 0.5–1.5 s longer; docs/PERFORMANCE.md).
  if (demoObjects > 0 && database.kind === 'pglite') {
    await vacuumRegister(database.db);
    await sql`checkpoint`.execute(database.db);
  }
  return { migrations, createdDemoAccounts, demoPlanTasks, demoObjects };
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
    const { migrations, createdDemoAccounts, demoPlanTasks, demoObjects } = await prepareDatabase(database, {
      demo: options.demo,
      demoObjects: options.demoObjects ?? DEFAULT_DEMO_OBJECTS,
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    });
    if (migrations.length > 0) logger.info({ migrations }, 'migrations applied');
    if (demoPlanTasks > 0) logger.info({ tasks: demoPlanTasks }, 'demo plan 2023 imported and published');
    if (demoObjects > 0) logger.info({ objects: demoObjects }, 'demo register generated');
    // PGlite has no autovacuum: the read model of the public search and the registers are vacuumed before
    // listening, then hourly.
    if (database.kind === 'pglite') await vacuumSearchedTables(database.db);
    const maintenance = startReadModelMaintenance(database.db, database.kind, logger);
    const app = await buildApp(buildContext(database, logger, config), { webDistDir: config.webDistDir });
    const address = await app.listen({ port: config.port, host: config.host });
    // The draw worker starts now, not at the first draw session's freeze (features/draws/draw-computer.ts).
    void warmDrawComputer();
    // In-app reminders: at start, then checked hourly, run once per China day (idempotent).
    const reminders = startReminderSchedule(database.db, logger, () => new Date());
    // The previous month's progress bulletin (通报), checked hourly, issued once a month (idempotent).
    const bulletins = startMonthlyBulletinSchedule(database.db, logger, () => new Date());
    let stopped = false;
    return {
      app,
      database,
      url: address,
      createdDemoAccounts,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await reminders.stop();
        await bulletins.stop();
        await maintenance.stop();
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
