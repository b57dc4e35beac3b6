import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeWorkCalendar } from '../calendar/work-calendar.ts';
import { computeBatchWindow } from './batch-window.ts';
import { describeDeadline } from './deadline-status.ts';

describe('batch windows', () => {
  it('gives a once-a-year task its whole window, ending on December 15 at the latest', () => {
    expect(
      computeBatchWindow({ year: 2023, fromMonth: null, toMonth: null, timesPerYear: 1, batch: 1 }),
    ).toEqual({
      from: '2023-01-01',
      to: '2023-12-15',
    });
    expect(computeBatchWindow({ year: 2023, fromMonth: 4, toMonth: 6, timesPerYear: 1, batch: 1 })).toEqual({
      from: '2023-04-01',
      to: '2023-06-30',
    });
  });

  it('splits a twice-a-year task into halves and a February end at month end', () => {
    expect(computeBatchWindow({ year: 2024, fromMonth: 1, toMonth: 12, timesPerYear: 2, batch: 1 }).to).toBe(
      '2024-06-30',
    );
    expect(computeBatchWindow({ year: 2024, fromMonth: 1, toMonth: 12, timesPerYear: 2, batch: 2 })).toEqual({
      from: '2024-07-01',
      to: '2024-12-15',
    });
    expect(computeBatchWindow({ year: 2024, fromMonth: 1, toMonth: 2, timesPerYear: 1, batch: 1 }).to).toBe(
      '2024-02-29',
    );
  });

  it('tiles the window in order without gaps or overlaps (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 1, max: 12 }),
        (from, span, times) => {
          const to = Math.min(12, from + span);
          const windows = Array.from({ length: times }, (_, i) =>
            computeBatchWindow({
              year: 2023,
              fromMonth: from,
              toMonth: to,
              timesPerYear: times,
              batch: i + 1,
            }),
          );
          for (const w of windows) {
            expect(w.from <= w.to).toBe(true);
            expect(w.to <= '2023-12-15').toBe(true);
          }
          if (to - from + 1 >= times) {
            expect(windows[0]?.from).toBe(`2023-${String(from).padStart(2, '0')}-01`);
            for (let i = 1; i < windows.length; i++) {
              expect((windows[i - 1]?.to ?? '') < (windows[i]?.from ?? '')).toBe(true);
            }
          }
        },
      ),
    );
  });
});

describe('deadline status', () => {
  const cal = makeWorkCalendar();
  if (!cal.ok) throw new Error('calendar');
  it('shows the countdown, the yellow card on the due day and the red card after', () => {
    expect(describeDeadline(cal.value, '2023-10-09', '2023-09-28', null)).toEqual({
      kind: 'open',
      workingDaysLeft: 3, // 09-29 … 10-06 is the National Day holiday; 10-07 and 10-08 are 调休 workdays, then 10-09
    });
    expect(describeDeadline(cal.value, '2023-10-09', '2023-10-09', null)).toEqual({ kind: 'due' });
    expect(describeDeadline(cal.value, '2023-10-09', '2023-10-10', null)).toEqual({
      kind: 'overdue',
      workingDaysLate: 1,
    });
    expect(describeDeadline(cal.value, '2023-10-09', '2023-12-01', '2023-10-09')).toEqual({ kind: 'met' });
    expect(describeDeadline(cal.value, '2023-10-09', '2023-12-01', '2023-10-11')).toEqual({
      kind: 'late',
      workingDaysLate: 2,
    });
  });
});
