import type { Logger } from 'pino';
import { formatChinaDate } from '../features/calendar/calendar-store.ts';

export const HOURLY_MS = 60 * 60 * 1000;

export interface DailySchedule {
  /** Runs the job when it has not yet run (successfully) on the current China day; true when it did something. */
  tick(): Promise<boolean>;
  /** Stops the timer and waits for a run in progress, so the database can close after it. */
  stop(): Promise<void>;
}

/**
 * A server job run at most once per China day: a run at start, then a check every `intervalMs` (unref'd, so it never
 * keeps the process alive). A failed run is logged and tried again at the next check; the jobs are idempotent, so a
 * restart the same day adds nothing twice. `job` answers whether it did something.
 */
export function startDailySchedule(
  name: string,
  job: (day: string) => Promise<boolean>,
  logger: Logger,
  now: () => Date,
  intervalMs: number = HOURLY_MS,
): DailySchedule {
  let lastDay: string | null = null;
  let running: Promise<boolean> | null = null;
  let stopped = false;

  const tick = (): Promise<boolean> => {
    if (stopped) return Promise.resolve(false);
    if (running !== null) return running;
    const day = formatChinaDate(now());
    if (day === lastDay) return Promise.resolve(false);
    const run = job(day)
      .then((did) => {
        lastDay = day;
        return did;
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, `${name} failed; tried again at the next check`);
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
