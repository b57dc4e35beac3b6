import type { Command } from 'commander';
import { addWorkingDays, makeWorkCalendar, parseIsoDate } from '@ssj/core';

/**
 * `ssj calendar add-workdays DATE N`: prints the N-th working day after DATE (DATE not counted) under
 * the official holiday schedule with 调休 (DOMAIN.md §3). Warnings about years without a known
 * schedule go to stderr; the answer is still printed. Exit code 2 on bad arguments.
 */
export function registerCalendarCommand(program: Command): void {
  const calendar = program
    .command('calendar')
    .description('working days under the official holiday schedule (调休)');
  calendar
    .command('add-workdays')
    .description('print the N-th working day after DATE (DATE itself not counted; N may be negative)')
    .argument('<date>', 'YYYY-MM-DD')
    .argument('<n>', 'number of working days (integer)')
    .action((date: string, nText: string) => {
      const day = parseIsoDate(date);
      if (!day.ok) {
        process.stderr.write(`ssj calendar: ${day.error}\n`);
        process.exitCode = 2;
        return;
      }
      if (!/^[+-]?[0-9]{1,6}$/.test(nText)) {
        process.stderr.write(`ssj calendar: N must be an integer, got ${JSON.stringify(nText)}\n`);
        process.exitCode = 2;
        return;
      }
      const cal = makeWorkCalendar();
      if (!cal.ok) {
        process.stderr.write(`ssj calendar: cannot build the calendar: ${JSON.stringify(cal.error)}\n`);
        process.exitCode = 1;
        return;
      }
      const result = addWorkingDays(cal.value, date, Number(nText));
      for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
      process.stdout.write(`${result.date}\n`);
      process.exitCode = 0;
    });
}
