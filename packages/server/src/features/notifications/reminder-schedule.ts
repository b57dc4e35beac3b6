import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../db/schema.ts';
import { HOURLY_MS, startDailySchedule, type DailySchedule } from '../../jobs/daily-schedule.ts';
import { runReminderJob } from './reminder-job.ts';

/**
 * The server's reminder timer (jobs/daily-schedule.ts): a run at start, then a check every hour; the job runs once
 * per China day. The job itself is idempotent, so a restart the same day adds nothing twice.
 */
export function startReminderSchedule(
  db: Kysely<Database>,
  logger: Logger,
  now: () => Date,
  intervalMs: number = HOURLY_MS,
): DailySchedule {
  const job = async (day: string): Promise<boolean> => {
    const summary = await runReminderJob(db, day);
    logger.info({ reminders: summary }, 'reminders run');
    return true;
  };
  return startDailySchedule('reminder job', job, logger, now, intervalMs);
}
