import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { SYSTEM_ACTOR } from '../../audit/audit-log.ts';
import type { Database } from '../../db/schema.ts';
import { formatChinaDate } from '../calendar/calendar-store.ts';
import { generateMonthlyBulletinIfDue } from './bulletin-store.ts';

export const BULLETIN_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export interface MonthlyBulletinSchedule {
  /** Checks once for the current China day; true when a bulletin was issued. */
  tick(): Promise<boolean>;
  /** Stops the timer and waits for a check in progress, so the database can close after it. */
  stop(): Promise<void>;
}

/**
 * The monthly bulletin (通报) job: a check at start, then every hour (unref'd, never keeping the process alive), at
 * most one per China day; generateMonthlyBulletinIfDue issues the previous month's bulletin once, so restarts and
 * repeated checks add nothing twice. A failed check is tried again at the next one.
 */
export function startMonthlyBulletinSchedule(
  db: Kysely<Database>,
  logger: Logger,
  now: () => Date,
  intervalMs: number = BULLETIN_CHECK_INTERVAL_MS,
): MonthlyBulletinSchedule {
  let lastDay: string | null = null;
  let running: Promise<boolean> | null = null;
  let stopped = false;

  const tick = (): Promise<boolean> => {
    if (stopped) return Promise.resolve(false);
    if (running !== null) return running;
    const day = formatChinaDate(now());
    if (day === lastDay) return Promise.resolve(false);
    const run = generateMonthlyBulletinIfDue(db, day, SYSTEM_ACTOR)
      .then((issued) => {
        lastDay = day;
        if (issued !== null)
          logger.info({ bulletin: issued.number, asOf: issued.asOf }, 'monthly bulletin issued');
        return issued !== null;
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'monthly bulletin check failed; tried again at the next check');
        return false;
      })
      .finally(() => {
        running = null;
      });
    running = run;
    return run;
  };

  const timer = setInterval(() => {
    void tick();
  }, intervalMs);
  timer.unref();
  void tick();

  return {
    tick,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      if (running !== null) await running;
    },
  };
}
