import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  civilFromDayNumber,
  countDaysInMonth,
  dayNumberFromCivil,
  formatIsoDate,
  parseIsoDate,
  weekdayOfDayNumber,
} from './civil-date.ts';

describe('civil dates without Date', () => {
  it('counts days from 1970-01-01', () => {
    expect(dayNumberFromCivil(1970, 1, 1)).toBe(0);
    expect(dayNumberFromCivil(1969, 12, 31)).toBe(-1);
    expect(dayNumberFromCivil(2000, 3, 1)).toBe(11017);
    expect(civilFromDayNumber(0)).toEqual({ year: 1970, month: 1, day: 1 });
  });

  it.each([
    ['1970-01-01', 4], // Thursday
    ['1949-10-01', 6], // Saturday
    ['2000-01-01', 6], // Saturday
    ['2000-02-29', 2], // Tuesday
    ['2023-04-23', 0], // Sunday (a 调休 working day)
    ['2023-10-01', 0], // Sunday
    ['2024-02-29', 4], // Thursday
    ['2025-02-08', 6], // Saturday (a 调休 working day)
    ['1900-03-01', 4], // Thursday (1900 is not a leap year)
    ['1582-10-15', 5], // Friday: first Gregorian day
  ])('%s falls on weekday %i', (date, weekday) => {
    const r = parseIsoDate(date);
    expect(r.ok && weekdayOfDayNumber(r.value)).toBe(weekday);
  });

  it('rejects malformed and impossible dates', () => {
    for (const s of [
      '2023-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024-04-31',
      '2023-4-1',
      '20230401',
      '',
      '0000-01-01',
    ]) {
      expect(parseIsoDate(s).ok).toBe(false);
    }
    expect(parseIsoDate('2024-02-29').ok).toBe(true);
    expect(parseIsoDate('2000-02-29').ok).toBe(true);
    expect(parseIsoDate('1900-02-29').ok).toBe(false);
  });

  it('knows month lengths', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => countDaysInMonth(2023, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(countDaysInMonth(2024, 2)).toBe(29);
  });

  it('property: agrees with the JavaScript Date (UTC) on day numbers and weekdays', () => {
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (n) => {
        const d = new Date(n * 86_400_000);
        const civil = civilFromDayNumber(n);
        return (
          civil.year === d.getUTCFullYear() &&
          civil.month === d.getUTCMonth() + 1 &&
          civil.day === d.getUTCDate() &&
          weekdayOfDayNumber(n) === d.getUTCDay()
        );
      }),
    );
  });

  it('property: format and parse round-trip', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumberFromCivil(1, 1, 1), max: dayNumberFromCivil(9999, 12, 31) }),
        (n) => {
          const text = formatIsoDate(n);
          const back = parseIsoDate(text);
          return (
            back.ok &&
            back.value === n &&
            dayNumberFromCivil(...(Object.values(civilFromDayNumber(n)) as [number, number, number])) === n
          );
        },
      ),
    );
  });

  it('property: consecutive day numbers are consecutive dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (n) => {
        const a = civilFromDayNumber(n);
        const b = civilFromDayNumber(n + 1);
        if (b.day !== 1) return b.year === a.year && b.month === a.month && b.day === a.day + 1;
        return (
          a.day === countDaysInMonth(a.year, a.month) &&
          (b.month === a.month + 1 || (a.month === 12 && b.month === 1 && b.year === a.year + 1))
        );
      }),
    );
  });
});
