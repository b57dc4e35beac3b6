import type { Command } from 'commander';
import { parseIsoDate } from '@ssj/core';
import {
  formatChinaDate,
  openDatabase,
  prepareDatabase,
  readConfig,
  runReminderJob,
  selectDatabaseTarget,
} from '@ssj/server';

const KIND_NAMES = {
  window_open: '检查期开始',
  deadline_near: '临近公示期限',
  deadline_due: '今日到期',
  overdue: '已逾期',
  year_end: '年度截止前未完成',
  digest: '部门日汇总',
} as const;

/**
 * `ssj reminders run [--date YYYY-MM-DD]`: the daily reminder job the server runs by itself (windows opening,
 * deadlines near, due and overdue, the December 15 year end, one digest per department). Idempotent: a second run
 * the same day writes nothing. Stop the server first on the embedded database (one process owns it).
 */
export function registerRemindersCommand(program: Command): void {
  const reminders = program.command('reminders').description('in-app reminders and daily digests (提醒)');
  reminders
    .command('run')
    .description('write the reminders of a day (default today in China); a second run adds nothing')
    .option('--date <date>', 'the day to remind for, YYYY-MM-DD (China date)')
    .option('--json', 'print the summary as JSON')
    .action(async (options: { date?: string; json?: boolean }) => {
      const today = options.date ?? formatChinaDate(new Date());
      if (!parseIsoDate(today).ok) {
        process.stderr.write(
          `ssj reminders: --date must be a date YYYY-MM-DD, got ${JSON.stringify(today)}\n`,
        );
        process.exitCode = 2;
        return;
      }
      const database = await openDatabase(selectDatabaseTarget(readConfig()));
      try {
        await prepareDatabase(database, { demo: false });
        const summary = await runReminderJob(database.db, today);
        if (options.json === true) {
          process.stdout.write(`${JSON.stringify(summary)}\n`);
        } else {
          const parts = Object.entries(summary.byKind).map(
            ([kind, n]) => `${KIND_NAMES[kind as keyof typeof KIND_NAMES]} ${String(n)}`,
          );
          process.stdout.write(`${today}: ${String(summary.created)} notifications (${parts.join(', ')})\n`);
        }
      } finally {
        await database.close();
      }
    });
}
