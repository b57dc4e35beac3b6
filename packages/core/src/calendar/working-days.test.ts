import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumberFromCivil, formatIsoDate } from './civil-date.ts';
import { computePublicationDeadline } from './publication-deadline.ts';
import { describeDay, isScheduleKnown, isWorkingDay, makeWorkCalendar } from './work-calendar.ts';
import type { WorkCalendar } from './work-calendar.ts';
import { addWorkingDays, countWorkingDaysBetween } from './working-days.ts';

function build(...args: Parameters<typeof makeWorkCalendar>): WorkCalendar {
  const r = makeWorkCalendar(...args);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const cal = build();

describe('official schedules with 调休 (from chinese-days, checked against the State Council notices)', () => {
  it('knows 2004–2026 at least', () => {
    for (let y = 2005; y <= 2026; y++) expect(isScheduleKnown(cal, y)).toBe(true);
    expect(isScheduleKnown(cal, 2099)).toBe(false);
  });

  it.each([
    // 2023 (国办发明电〔2022〕16号)
    ['2023-01-02', false], // 元旦 observed on Monday
    ['2023-01-28', true], // Saturday workday after 春节
    ['2023-01-29', true], // Sunday workday
    ['2023-04-23', true], // Sunday workday before 劳动节
    ['2023-05-02', false],
    ['2023-05-06', true], // Saturday workday
    ['2023-06-25', true], // Sunday workday after 端午
    ['2023-09-29', false], // 中秋
    ['2023-10-06', false], // 国庆
    ['2023-10-07', true], // Saturday workday
    ['2023-10-08', true], // Sunday workday
    ['2023-10-09', true],
    // 2024 (国办发明电〔2023〕7号): 春节 Feb 10–17, Feb 4 and Feb 18 (Sundays) workdays; 除夕 Feb 9 a working day
    ['2024-02-04', true],
    ['2024-02-09', true],
    ['2024-02-10', false],
    ['2024-02-16', false],
    ['2024-02-18', true],
    ['2024-04-07', true], // Sunday workday after 清明
    ['2024-09-14', true], // Saturday workday before 中秋
    ['2024-10-07', false],
    ['2024-10-12', true],
    // 2025 (国办发明电〔2024〕12号, new rules: 除夕 and May 2 become holidays)
    ['2025-01-26', true], // Sunday workday
    ['2025-01-28', false], // 除夕
    ['2025-02-04', false],
    ['2025-02-08', true], // Saturday workday
    ['2025-04-27', true], // Sunday workday
    ['2025-05-05', false],
    ['2025-09-28', true],
    ['2025-10-08', false],
    ['2025-10-11', true],
    // 2026
    ['2026-01-04', true], // Sunday workday after 元旦
    ['2026-02-23', false],
    ['2026-02-28', true],
    // ordinary days
    ['2023-03-15', true], // Wednesday
    ['2023-03-18', false], // Saturday
  ])('%s working: %s', (date, working) => {
    expect(isWorkingDay(cal, date)).toBe(working);
  });

  it('describes a day', () => {
    expect(describeDay(cal, '2023-04-23')).toEqual({
      date: '2023-04-23',
      working: true,
      kind: 'workday',
      name: '劳动节',
      scheduleKnown: true,
    });
    expect(describeDay(cal, '2099-01-03')).toMatchObject({
      working: false,
      kind: 'weekend',
      scheduleKnown: false,
    });
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2023-04-21', 1, '2023-04-23'], // Friday → the Sunday workday
    ['2023-04-28', 1, '2023-05-04'], // across 劳动节
    ['2023-09-28', 1, '2023-10-07'], // across 中秋+国庆, onto the Saturday workday
    ['2023-09-28', 2, '2023-10-08'],
    ['2024-02-08', 1, '2024-02-09'],
    ['2024-02-09', 1, '2024-02-18'],
    ['2025-01-27', 1, '2025-02-05'],
    ['2025-02-07', 1, '2025-02-08'],
    ['2025-02-07', 0, '2025-02-07'],
    ['2023-10-09', -1, '2023-10-08'],
    ['2023-10-07', -1, '2023-09-28'],
  ])('%s + %i working days = %s', (date, n, expected) => {
    expect(addWorkingDays(cal, date, n)).toEqual({ date: expected, warnings: [] });
  });

  it('still answers in a year without a schedule, with a warning naming the year', () => {
    const r = addWorkingDays(cal, '2098-12-30', 3); // Tue → Wed 31, Thu 1 Jan, Fri 2 Jan
    expect(r.date).toBe('2099-01-02');
    expect(r.warnings).toHaveLength(2);
    expect(r.warnings.join(' ')).toMatch(/2098/);
    expect(r.warnings.join(' ')).toMatch(/2099/);
  });

  it('override tables fill unknown years and can be declared complete', () => {
    const office = build({
      overrides: [
        { date: '2099-01-01', kind: 'holiday', name: '元旦' },
        { date: '2099-01-02', kind: 'holiday', name: '元旦' },
        { date: '2099-01-04', kind: 'workday', name: '元旦' },
      ],
      completeYears: [2098, 2099],
    });
    expect(addWorkingDays(office, '2098-12-31', 1)).toEqual({ date: '2099-01-04', warnings: [] });
    expect(isWorkingDay(office, '2099-01-04')).toBe(true);
  });

  it('rejects bad override tables', () => {
    expect(makeWorkCalendar({ overrides: [{ date: '2099-02-30', kind: 'holiday' }] })).toMatchObject({
      ok: false,
      error: { kind: 'bad-date', index: 0 },
    });
    expect(
      makeWorkCalendar({
        overrides: [
          { date: '2099-02-03', kind: 'holiday' },
          { date: '2099-02-03', kind: 'workday' },
        ],
      }),
    ).toMatchObject({ ok: false, error: { kind: 'conflicting-overrides', date: '2099-02-03' } });
    expect(makeWorkCalendar({ completeYears: [20.5] })).toMatchObject({
      ok: false,
      error: { kind: 'bad-year' },
    });
  });

  it('overrides replace the package entry for the same date', () => {
    const office = build({ overrides: [{ date: '2023-04-23', kind: 'holiday', name: 'correction' }] });
    expect(isWorkingDay(office, '2023-04-23')).toBe(false);
  });
});

describe('countWorkingDaysBetween', () => {
  it('counts working days in (from, to]', () => {
    expect(countWorkingDaysBetween(cal, '2023-09-28', '2023-10-08')).toEqual({ count: 2, warnings: [] });
    expect(countWorkingDaysBetween(cal, '2023-10-01', '2023-10-01').count).toBe(0);
    expect(countWorkingDaysBetween(cal, '2023-10-08', '2023-10-01').count).toBe(0);
    // 2024: 262 weekdays − 19 holiday weekdays + 8 weekend workdays = 251 (the figure published for 2024)
    expect(countWorkingDaysBetween(cal, '2023-12-31', '2024-12-31').count).toBe(251);
    expect(countWorkingDaysBetween(cal, '2022-12-31', '2023-12-31').count).toBe(249);
  });
});

describe('computePublicationDeadline (20 working days, DOMAIN.md §3)', () => {
  it('skips the National Day holidays and counts the 调休 weekend', () => {
    // 09-29…10-06 off; 10-07, 10-08 work (1, 2); Oct 9–13 (3–7), 16–20 (8–12), 23–27 (13–17), 30, 31, Nov 1 (18–20)
    expect(computePublicationDeadline(cal, '2023-09-28')).toEqual({ date: '2023-11-01', warnings: [] });
  });

  it('flags a deadline that runs into a year without a schedule', () => {
    const noOfficial = build({ useOfficialSchedule: false, completeYears: [2023] });
    const r = computePublicationDeadline(noOfficial, '2023-12-20');
    expect(r.warnings).toEqual([
      'no official holiday schedule known for 2024: counted Monday-Friday as working days',
    ]);
  });
});

describe('properties over the official schedules (2005–2026)', () => {
  const dayArb = fc
    .integer({ min: dayNumberFromCivil(2005, 1, 1), max: dayNumberFromCivil(2026, 6, 30) })
    .map(formatIsoDate);
  const nArb = fc.integer({ min: 0, max: 60 });

  it('the result is a working day (n ≥ 1) and no warning is raised', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 60 }), (date, n) => {
        const r = addWorkingDays(cal, date, n);
        return isWorkingDay(cal, r.date) && r.warnings.length === 0 && r.date > date;
      }),
    );
  });

  it('is strictly monotone in n', () => {
    fc.assert(
      fc.property(dayArb, nArb, nArb, (date, a, b) => {
        fc.pre(a !== b);
        const [lo, hi] = a < b ? [a, b] : [b, a];
        return addWorkingDays(cal, date, lo).date < addWorkingDays(cal, date, hi).date;
      }),
    );
  });

  it('there are exactly n working days between a date and its n-th working day', () => {
    fc.assert(
      fc.property(dayArb, nArb, (date, n) => {
        return countWorkingDaysBetween(cal, date, addWorkingDays(cal, date, n).date).count === n;
      }),
    );
  });

  it('round trip: forward n then back n returns to a working day', () => {
    fc.assert(
      fc.property(dayArb, nArb, (date, n) => {
        fc.pre(isWorkingDay(cal, date));
        const there = addWorkingDays(cal, date, n).date;
        return addWorkingDays(cal, there, -n).date === date;
      }),
    );
  });

  it('is additive: (date + a) + b = date + (a + b)', () => {
    fc.assert(
      fc.property(dayArb, nArb, nArb, (date, a, b) => {
        const step = addWorkingDays(cal, addWorkingDays(cal, date, a).date, b).date;
        return step === addWorkingDays(cal, date, a + b).date;
      }),
    );
  });

  it('within a known year, working days agree with the listed schedule and the weekly rule', () => {
    fc.assert(
      fc.property(dayArb, (date) => {
        const d = describeDay(cal, date);
        if (d.kind === 'workday') return d.working;
        if (d.kind === 'holiday') return !d.working;
        return d.working === (d.kind === 'weekday');
      }),
    );
  });
});
