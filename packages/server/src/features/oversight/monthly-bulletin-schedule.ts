import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { SYSTEM_ACTOR } from '../../audit/audit-log.ts';
import type { Database } from '../../db/schema.ts';
import { HOURLY_MS, startDailySchedule, type DailySchedule } from '../../jobs/daily-schedule.ts';
import { generateMonthlyBulletinIfDue } from './bulletin-store.ts';

/**
 * The monthly bulletin (通报) job (jobs/daily-schedule.ts): a check at start, then every hour, at most one per China
 * day; generateMonthlyBulletinIfDue issues the previous month's bulletin once, so restarts and repeated checks add
 * nothing twice. `tick` answers whether a bulletin was issued.
 */
export function startMonthlyBulletinSchedule(
  db: Kysely<Database>,
  logger: Logger,
  now: () => Date,
  intervalMs: number = HOURLY_MS,
): DailySchedule {
  const job = async (day: string): Promise<boolean> => {
    const issued = await generateMonthlyBulletinIfDue(db, day, SYSTEM_ACTOR);
    if (issued !== null)
      logger.info({ bulletin: issued.number, asOf: issued.asOf }, 'monthly bulletin issued');
    return issued !== null;
  };
  return startDailySchedule('monthly bulletin check', job, logger, now, intervalMs);
}
