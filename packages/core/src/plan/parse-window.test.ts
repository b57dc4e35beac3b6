import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeWindow, parseWindow, parseWindows } from './parse-window.ts';

describe('parseWindow', () => {
  it.each([
    ['3月--12月', 3, 12],
    ['5月-10月', 5, 10],
    ['3月—6月', 3, 6],
    ['4月-4月', 4, 4],
    ['3-12月', 3, 12],
    ['3月至12月', 3, 12],
    ['3月到11月', 3, 11],
    ['3月~12月', 3, 12],
    ['3月份-12月份', 3, 12],
    ['3月1日-12月31日', 3, 12],
    ['３月－１２月', 3, 12],
    ['三月至十二月', 3, 12],
    ['6月', 6, 6],
    ['全年', 1, 12],
    ['上半年', 1, 6],
    ['下半年', 7, 12],
    [' 10月—11月 ', 10, 11],
  ] as const)('%s', (text, fromMonth, toMonth) => {
    expect(parseWindow(text)).toEqual({ ok: true, value: { fromMonth, toMonth } });
  });

  it.each(['', '县工信局', '13月-14月', '12月-3月', '0月-3月', '3月-12月 待定'])('fails on %j', (text) => {
    expect(parseWindow(text).ok).toBe(false);
  });

  it('fails on a cell with two windows', () => {
    expect(parseWindow('3月-11月 3月-11月').ok).toBe(false);
  });

  it('accepts every well-formed range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 11 }),
        fc.constantFrom('-', '--', '—', '—', '~', '至'),
        (from, span, sep) => {
          const to = Math.min(12, from + span);
          expect(parseWindow(`${from}月${sep}${to}月`)).toEqual({
            ok: true,
            value: { fromMonth: from, toMonth: to },
          });
        },
      ),
    );
  });
});

describe('parseWindows', () => {
  it('reads a flattened cell left to right', () => {
    expect(parseWindows('3月-11月 1月-12月')).toEqual({
      ok: true,
      value: [
        { fromMonth: 3, toMonth: 11 },
        { fromMonth: 1, toMonth: 12 },
      ],
    });
  });
});

describe('looksLikeWindow', () => {
  it('tells months from departments', () => {
    expect(looksLikeWindow('3月—8月')).toBe(true);
    expect(looksLikeWindow('全年')).toBe(true);
    expect(looksLikeWindow('县农业农村局')).toBe(false);
  });
});
