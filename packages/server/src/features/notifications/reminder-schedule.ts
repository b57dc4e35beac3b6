import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../db/schema.ts';
import { formatChinaDate } from '../calendar/calendar-store.ts';
import { runReminderJob } from './reminder-job.ts';

export const REMINDER_INTERVAL_MS = 60 * 60 * 1000;

export interface ReminderSchedule {
  /** Runs the job when it has not yet run (successfully) on the current China day; true when it ran. */
  tick(): Promise<boolean>;
  /** Stops the timer and waits for a run in progress, so the database can close after it. */
  stop(): Promise<void>;
}

/**
 * The server's reminder timer: a run at start, then a check every hour (unref'd, so it never keeps the process
 * alive); the job runs once per China day (a failed run is tried again at the next check). The job itself is
 * idempotent, so a restart the same day adds nothing twice.
 */
export function startReminderSchedule(
  db: Kysely<Database>,
  logger: Logger,
  now: () => Date,
  intervalMs: number = REMINDER_INTERVAL_MS,
): ReminderSchedule {
  let lastDay: string | null = null;
  let running: Promise<boolean> | null = null;
  let stopped = false;

  const tick = (): Promise<boolean> => {
    if (stopped) return Promise.resolve(false);
    if (running !== null) return running;
    const day = formatChinaDate(now());
    if (day === lastDay) return Promise.resolve(false);
    const run = runReminderJob(db, day)
      .then((summary) => {
        lastDay = day;
        logger.info({ reminders: summary }, 'reminders run');
        return true;
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'reminder job failed; tried again at the next check');
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
