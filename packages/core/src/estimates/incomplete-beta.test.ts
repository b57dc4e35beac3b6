import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBetaQuantile, computeStudentTQuantile } from './beta-quantile.ts';
import { computeClopperPearson } from './clopper-pearson.ts';
import { computeIncompleteBeta, computeLogGamma } from './incomplete-beta.ts';

/** For integer a, b: I_x(a, b) = P(Binomial(a + b − 1, x) ≥ a). */
function binomialUpperTail(x: number, a: number, b: number): number {
  const m = a + b - 1;
  let total = 0;
  let coefficient = 1; // C(m, 0)
  for (let k = 0; k <= m; k++) {
    if (k >= a) total += coefficient * x ** k * (1 - x) ** (m - k);
    coefficient = (coefficient * (m - k)) / (k + 1);
  }
  return total;
}

describe('ln Γ', () => {
  it('matches factorials and Γ(1/2) = √π', () => {
    expect(computeLogGamma(1)).toBeCloseTo(0, 14);
    expect(computeLogGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(computeLogGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(computeLogGamma(171)).toBeCloseTo(706.5730622457874, 9);
    expect(computeLogGamma(0.1)).toBeCloseTo(2.252712651734206, 12);
  });
});

describe('regularised incomplete beta I_x(a, b)', () => {
  it('matches closed forms', () => {
    expect(computeIncompleteBeta(0.5, 2, 3)).toBeCloseTo(0.6875, 14);
    expect(computeIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(computeIncompleteBeta(0.3, 4, 1)).toBeCloseTo(0.3 ** 4, 14);
    expect(computeIncompleteBeta(0.3, 1, 7)).toBeCloseTo(1 - 0.7 ** 7, 14);
    expect(computeIncompleteBeta(0.5, 0.5, 0.5)).toBeCloseTo(0.5, 13); // arcsine law
    expect(computeIncompleteBeta(0.25, 0.5, 0.5)).toBeCloseTo((2 / Math.PI) * Math.asin(0.5), 13);
    expect(computeIncompleteBeta(0, 2, 3)).toBe(0);
    expect(computeIncompleteBeta(1, 2, 3)).toBe(1);
  });

  it('property: equals the binomial tail for integer parameters', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        (x, a, b) => Math.abs(computeIncompleteBeta(x, a, b) - binomialUpperTail(x, a, b)) < 1e-11,
      ),
    );
  });

  it('property: symmetry I_x(a, b) = 1 − I_{1−x}(b, a) and monotone in x', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.998, noNaN: true }),
        fc.double({ min: 0.05, max: 500, noNaN: true }),
        fc.double({ min: 0.05, max: 500, noNaN: true }),
        (x, a, b) => {
          const v = computeIncompleteBeta(x, a, b);
          const symmetric = Math.abs(v + computeIncompleteBeta(1 - x, b, a) - 1) < 1e-10;
          const monotone = computeIncompleteBeta(x + 0.001, a, b) >= v - 1e-12;
          return v >= 0 && v <= 1 && symmetric && monotone;
        },
      ),
    );
  });
});

describe('Beta and Student t quantiles', () => {
  it('matches known values', () => {
    expect(computeBetaQuantile(0.025, 1, 19)).toBeCloseTo(1 - 0.975 ** (1 / 19), 12);
    expect(computeBetaQuantile(0.975, 1, 10)).toBeCloseTo(1 - 0.025 ** (1 / 10), 12);
    expect(computeBetaQuantile(0.5, 3, 3)).toBeCloseTo(0.5, 12);
    // R: qt(0.975, df)
    expect(computeStudentTQuantile(0.05, 1)).toBeCloseTo(12.706204736, 7);
    expect(computeStudentTQuantile(0.05, 10)).toBeCloseTo(2.228138852, 8);
    expect(computeStudentTQuantile(0.05, 30)).toBeCloseTo(2.042272456, 8);
    expect(computeStudentTQuantile(0.05, 1e6)).toBeCloseTo(1.959966, 5);
  });

  it('property: the quantile inverts the distribution function', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.double({ min: 0.5, max: 2000, noNaN: true }),
        fc.double({ min: 0.5, max: 2000, noNaN: true }),
        (p, a, b) => Math.abs(computeIncompleteBeta(computeBetaQuantile(p, a, b), a, b) - p) < 1e-9,
      ),
    );
  });

  it('property: with small shape parameters the quantile brackets p as closely as doubles allow', () => {
    // With a or b < 1 the distribution function is steep near 0 or 1, where doubles are coarse.
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.double({ min: 0.05, max: 5, noNaN: true }),
        fc.double({ min: 0.05, max: 5, noNaN: true }),
        (p, a, b) => {
          const q = computeBetaQuantile(p, a, b);
          const delta = 1e-15 + 1e-11 * Math.min(q, 1 - q);
          return (
            computeIncompleteBeta(Math.max(0, q - delta), a, b) <= p + 1e-12 &&
            computeIncompleteBeta(Math.min(1, q + delta), a, b) >= p - 1e-12
          );
        },
      ),
    );
  });
});

describe('Clopper–Pearson', () => {
  it('matches published intervals', () => {
    // R: binom.test(5, 10)$conf.int → 0.187086 0.812914
    const half = computeClopperPearson(5, 10);
    expect(half.low).toBeCloseTo(0.187086, 6);
    expect(half.high).toBeCloseTo(0.812914, 6);
    // binom.test(0, 10) → 0 0.3084971
    expect(computeClopperPearson(0, 10)).toEqual({ low: 0, high: expect.closeTo(0.3084971, 7) as number });
    // binom.test(10, 10) → 0.6915029 1
    expect(computeClopperPearson(10, 10)).toEqual({ low: expect.closeTo(0.6915029, 7) as number, high: 1 });
    // binom.test(1, 100) → 0.0002531460 0.0544593854
    const rare = computeClopperPearson(1, 100);
    expect(rare.low).toBeCloseTo(0.000253146, 9);
    expect(rare.high).toBeCloseTo(0.0544593854, 9);
  });
});
