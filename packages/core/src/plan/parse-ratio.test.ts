import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSmallNumber } from './parse-number.ts';
import { looksLikeRatio, parseRatio, splitRatioCell } from './parse-ratio.ts';
import type { ParsedRatio } from './parse-ratio.ts';

function parsed(text: string): ParsedRatio {
  const r = parseRatio(text);
  if (!r.ok) throw new Error(`expected ${text} to parse: ${r.error}`);
  return r.value;
}

describe('parseRatio', () => {
  it.each([
    ['20% 1次/年', 20, 'exact', 1, null, null],
    ['不低于20% 1次/年', 20, 'atLeast', 1, null, null],
    ['100%,1次/年 (约6家)', 100, 'exact', 1, null, 6],
    ['20%;1次/年 (约5家)', 20, 'exact', 1, null, 5],
    ['不低于10%；不少于4户；1次/年', 10, 'atLeast', 1, 4, null],
    ['5%; 2次/年', 5, 'exact', 2, null, null],
    ['10%；1次/年', 10, 'exact', 1, null, null],
    ['3%: 1次/年', 3, 'exact', 1, null, null],
    ['1%: 3次/年', 1, 'exact', 3, null, null],
    ['不低于3%；4次/年', 3, 'atLeast', 4, null, null],
    ['不超过10%; 1次/年', 10, 'atMost', 1, null, null],
    ['不高于5% 1次/年', 5, 'atMost', 1, null, null],
    ['12.5% 1次/年', 12.5, 'exact', 1, null, null],
    ['0.5%; 1次/年', 0.5, 'exact', 1, null, null],
    ['5%，1次/年', 5, 'exact', 1, null, null],
    ['不低于30%； 1次/年', 30, 'atLeast', 1, null, null],
    ['１０％　２次／年', 10, 'exact', 2, null, null],
    ['不低于２０％，１次／年（约１２家）', 20, 'atLeast', 1, null, 12],
    ['10%以上 1次/年', 10, 'atLeast', 1, null, null],
    ['30% 每年2次', 30, 'exact', 2, null, null],
    ['5% 1次/半年', 5, 'exact', 2, null, null],
    ['5% 一次/年', 5, 'exact', 1, null, null],
  ] as const)('%s', (text, percent, bound, times, min, approx) => {
    const r = parsed(text);
    expect(r.ratio).toEqual({ percent, bound });
    expect(r.timesPerYear).toBe(times);
    expect(r.minCount).toBe(min);
    expect(r.approxCount).toBe(approx);
    expect(r.issues).toEqual([]);
  });

  it('reads 30% 次/年 with no frequency number, and says so', () => {
    const r = parsed('30% 次/年');
    expect(r.ratio).toEqual({ percent: 30, bound: 'exact' });
    expect(r.timesPerYear).toBeNull();
    expect(r.issues.join()).toMatch(/no number/);
  });

  it('reads 100 1次/年 as 100% and says the % sign is missing', () => {
    const r = parsed('100 1次/年');
    expect(r.ratio).toEqual({ percent: 100, bound: 'exact' });
    expect(r.timesPerYear).toBe(1);
    expect(r.issues.join()).toMatch(/no % sign/);
  });

  it.each(['20%； 抽查1次', '50%；抽查1次', '0.5%; 抽查1次'])(
    'reads %s as once a year, with an issue',
    (text) => {
      const r = parsed(text);
      expect(r.timesPerYear).toBe(1);
      expect(r.issues.join()).toMatch(/no period/);
    },
  );

  it('keeps the first of two shares and reports the second', () => {
    const r = parsed('5% 1次/年 5% 1次/年');
    expect(r.ratio?.percent).toBe(5);
    expect(r.issues.join()).toMatch(/more than one share/);
  });

  it('reports shares outside 0..100 and leftover text', () => {
    expect(parsed('150% 1次/年').issues.join()).toMatch(/outside/);
    expect(parsed('20% 1次/年 视情况').issues.join()).toMatch(/unrecognised/);
  });

  it('reads a frequency without a share', () => {
    const r = parsed('1次/年');
    expect(r.ratio).toBeNull();
    expect(r.timesPerYear).toBe(1);
    expect(r.issues.join()).toMatch(/no share/);
  });

  it.each(['', '   ', '县工信局', '根据企业信用风险分类结果'])('fails on %j', (text) => {
    expect(parseRatio(text).ok).toBe(false);
  });

  it('round-trips generated cells', () => {
    const bounds = [
      ['', 'exact'],
      ['不低于', 'atLeast'],
      ['不超过', 'atMost'],
    ] as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(' ', ';', '；', ',', '，', ': '),
        fc.boolean(),
        (percent, b, times, sep, fullWidth) => {
          const [word, bound] = bounds[b] ?? bounds[0];
          let text = `${word}${percent}%${sep}${times}次/年`;
          if (fullWidth)
            text = text.replace(/[0-9%/;:,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
          const r = parsed(text);
          expect(r.ratio).toEqual({ percent, bound });
          expect(r.timesPerYear).toBe(times);
        },
      ),
    );
  });
});

describe('splitRatioCell', () => {
  it('splits a flattened cell into one text per share', () => {
    expect(splitRatioCell('5% 1次/年 5% 1次/年')).toEqual(['5% 1次/年', '5% 1次/年']);
    expect(splitRatioCell('不低于10% 1次/年 20% 2次/年')).toEqual(['不低于10% 1次/年', '20% 2次/年']);
  });
  it('keeps a cell with one share whole', () => {
    expect(splitRatioCell('不低于10%；不少于4户；1次/年')).toEqual(['不低于10%；不少于4户；1次/年']);
    expect(splitRatioCell('30% 次/年')).toEqual(['30% 次/年']);
  });
});

describe('looksLikeRatio', () => {
  it.each(['20% 1次/年', '不低于5%: 1次/年', '100 1次/年', '20%； 抽查1次', '抽查1次', '30% 次/年'])(
    '%s',
    (t) => {
      expect(looksLikeRatio(t)).toBe(true);
    },
  );
  it.each([
    '',
    '1000万',
    '县市场监管局',
    '3月-12月',
    '全县注册资本1000万以上的企业',
    '对年度报告公示信息的检查',
  ])('not %j', (t) => {
    expect(looksLikeRatio(t)).toBe(false);
  });
});

describe('parseSmallNumber', () => {
  it.each([
    ['12', 12],
    ['一', 1],
    ['两', 2],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十四', 24],
  ] as const)('%s → %d', (t, n) => {
    expect(parseSmallNumber(t)).toBe(n);
  });
  it.each(['', '十十', '一二', 'x'])('%j → null', (t) => {
    expect(parseSmallNumber(t)).toBeNull();
  });
});
