import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRatio } from '../plan/parse-ratio.ts';
import { parseWindows } from '../plan/parse-window.ts';
import { splitDepartments } from '../plan/split-departments.ts';
import { splitMatters } from '../plan/split-matters.ts';
import {
  formatPlanDepartments,
  formatPlanMatters,
  formatPlanRatio,
  formatPlanWindow,
} from './format-plan-cells.ts';

const PERCENTS = [1, 2.5, 3, 5, 10, 15, 20, 30, 50, 100];

describe('formatPlanRatio', () => {
  it('prints the notice forms', () => {
    expect(
      formatPlanRatio({
        ratio: { percent: 20, bound: 'atLeast' },
        timesPerYear: 1,
        minCount: 4,
        approxCount: 6,
      }),
    ).toBe('不低于20%；不少于4户；1次/年（约6家）');
    expect(
      formatPlanRatio({
        ratio: { percent: 10, bound: 'atMost' },
        timesPerYear: null,
        minCount: null,
        approxCount: null,
      }),
    ).toBe('不超过10%');
    expect(formatPlanRatio({ ratio: null, timesPerYear: 2, minCount: null, approxCount: null })).toBe(
      '2次/年',
    );
  });

  it('reads back through parseRatio to the same fields, without issues', () => {
    const line = fc.record({
      ratio: fc.option(
        fc.record({
          percent: fc.constantFrom(...PERCENTS),
          bound: fc.constantFrom('exact' as const, 'atLeast' as const, 'atMost' as const),
        }),
      ),
      timesPerYear: fc.option(fc.integer({ min: 1, max: 12 })),
      minCount: fc.option(fc.integer({ min: 1, max: 99 })),
      approxCount: fc.option(fc.integer({ min: 1, max: 999 })),
    });
    fc.assert(
      fc.property(line, (l) => {
        const text = formatPlanRatio(l);
        if (text === '') {
          expect(l).toEqual({ ratio: null, timesPerYear: null, minCount: null, approxCount: null });
          return;
        }
        const parsed = parseRatio(text);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const { ratio, timesPerYear, minCount, approxCount, issues } = parsed.value;
        expect({ ratio, timesPerYear, minCount, approxCount }).toEqual(l);
        expect(issues.filter((i) => i !== 'no share (%) printed')).toEqual([]);
      }),
    );
  });
});

describe('formatPlanWindow', () => {
  it('reads back through parseWindows', () => {
    const window = fc
      .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }))
      .map(([a, b]) => ({ fromMonth: Math.min(a, b), toMonth: Math.max(a, b) }));
    fc.assert(
      fc.property(window, (w) => {
        expect(parseWindows(formatPlanWindow(w))).toEqual({ ok: true, value: [w] });
      }),
    );
    expect(formatPlanWindow(null)).toBe('');
    expect(formatPlanWindow({ fromMonth: 3, toMonth: 12 })).toBe('3月-12月');
  });
});

describe('formatPlanMatters and formatPlanDepartments', () => {
  const word = fc
    .array(fc.constantFrom(...Array.from('食品药品生产经营企业单位特种设备安全消防检查抽查情况产品质量')), {
      minLength: 2,
      maxLength: 12,
    })
    .map((cs) => cs.join(''));

  it('matters split back into the same items', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 5 }), (matters) => {
        expect(splitMatters(formatPlanMatters(matters))).toEqual(matters);
      }),
    );
    expect(formatPlanMatters(['甲', '乙'])).toBe('1. 甲\n2. 乙');
  });

  it('departments split back into the same names', () => {
    // A name printed with a line-wrap space stays whole (the seed prints 晋城市公安局 城区分局).
    const names = ['区市场监管局', '晋城市公安局 城区分局', '区消防救援大队'];
    const text = formatPlanDepartments(names);
    expect(text).toBe('区市场监管局、晋城市公安局 城区分局、区消防救援大队');
    expect(splitDepartments(text, '城区').names).toEqual(names);
  });
});
