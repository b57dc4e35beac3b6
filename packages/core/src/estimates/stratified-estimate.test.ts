import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeClopperPearson } from './clopper-pearson.ts';
import { parseEstimateInput } from './parse-estimate-input.ts';
import {
  describeEstimateProblem,
  estimateStratifiedShare,
  estimateStratifiedShareFromCounts,
} from './stratified-estimate.ts';
import type { StratifiedEstimate, StratumCounts } from './stratified-estimate.ts';

function estimate(strata: StratumCounts[]): StratifiedEstimate {
  const r = estimateStratifiedShareFromCounts(strata);
  if (!r.ok) throw new Error(describeEstimateProblem(r.error));
  return r.value;
}

describe('stratified estimate (DOMAIN.md §5)', () => {
  it('computes p̂ = Σ W_h p̂_h and V̂ with the finite-population correction', () => {
    const e = estimate([
      { N: 800, n: 40, x: 4 },
      { N: 200, n: 40, x: 10 },
    ]);
    expect(e.p).toBeCloseTo(0.8 * 0.1 + 0.2 * 0.25, 14);
    const v = (0.64 * (1 - 40 / 800) * (0.1 * 0.9)) / 39 + (0.04 * (1 - 40 / 200) * (0.25 * 0.75)) / 39;
    expect(e.variance).toBeCloseTo(v, 15);
    expect(e.n).toBe(80);
    expect(e.degreesOfFreedom).toBe(78);
    expect(e.low).toBeLessThan(e.p);
    expect(e.high).toBeGreaterThan(e.p);
  });

  it('does not use the raw sample rate when strata were tilted', () => {
    // Raw rate 14/80 = 0.175; the population share is 0.13.
    expect(
      estimate([
        { N: 800, n: 40, x: 4 },
        { N: 200, n: 40, x: 10 },
      ]).p,
    ).not.toBeCloseTo(14 / 80, 2);
  });

  it('reduces to Clopper–Pearson on n − 1 for one stratum of a huge population', () => {
    // One stratum: V̂ = p̂(1 − p̂)/(n − 1), so n_eff = n − 1 = 99 and df = n − 1 (no adjustment).
    const e = estimate([{ N: 1e12, n: 100, x: 1 }]);
    const cp = computeClopperPearson(0.99, 99);
    expect(e.effectiveN).toBeCloseTo(99, 6);
    expect(e.low).toBeCloseTo(cp.low, 9);
    expect(e.high).toBeCloseTo(cp.high, 9);
    expect(e.high).toBeCloseTo(0.0549, 3); // close to the exact binomial 0.0545
  });

  it('stays in [0, 1] when nothing or everything was found', () => {
    const none = estimate([
      { N: 5000, n: 50, x: 0 },
      { N: 100, n: 20, x: 0 },
    ]);
    expect(none.p).toBe(0);
    expect(none.low).toBe(0);
    expect(none.high).toBeGreaterThan(0.04);
    expect(none.high).toBeLessThan(0.2);
    const all = estimate([{ N: 50, n: 10, x: 10 }]);
    expect(all.high).toBe(1);
    expect(all.low).toBeGreaterThan(0.5);
  });

  it('is exact when every stratum was inspected in full', () => {
    const e = estimate([
      { N: 6, n: 6, x: 1 },
      { N: 4, n: 4, x: 0 },
    ]);
    expect(e.p).toBeCloseTo(0.1, 14);
    expect(e.low).toBe(e.p);
    expect(e.high).toBe(e.p);
  });

  it('handles one-object strata', () => {
    const e = estimate([
      { N: 10, n: 1, x: 1 },
      { N: 10, n: 1, x: 0 },
      { N: 10, n: 1, x: 0 },
    ]);
    expect(e.p).toBeCloseTo(1 / 3, 14);
    expect(e.low).toBeGreaterThanOrEqual(0);
    expect(e.high).toBeLessThanOrEqual(1);
    expect(e.high - e.low).toBeGreaterThan(0.5); // three objects tell little
  });

  it('accepts raw outcomes', () => {
    const r = estimateStratifiedShare({ strata: [{ N: 1200, outcomes: [0, 1, 0, 0] }] });
    expect(r.ok && r.value.p).toBe(0.25);
  });

  it('reports bad input', () => {
    expect(estimateStratifiedShareFromCounts([])).toEqual({ ok: false, error: { kind: 'no-strata' } });
    expect(estimateStratifiedShareFromCounts([{ N: 0, n: 0, x: 0 }])).toMatchObject({
      error: { kind: 'bad-population' },
    });
    expect(estimateStratifiedShareFromCounts([{ N: 10, n: 0, x: 0 }])).toMatchObject({
      error: { kind: 'empty-sample' },
    });
    expect(estimateStratifiedShareFromCounts([{ N: 3, n: 4, x: 0 }])).toMatchObject({
      error: { kind: 'sample-exceeds-population' },
    });
    expect(estimateStratifiedShareFromCounts([{ N: 10, n: 2, x: 3 }])).toMatchObject({
      error: { kind: 'bad-count' },
    });
    expect(estimateStratifiedShareFromCounts([{ N: 10, n: 2, x: 1 }], 1.2)).toMatchObject({
      error: { kind: 'bad-level' },
    });
  });

  it('property: 0 ≤ low ≤ p ≤ high ≤ 1 for any valid input', () => {
    const stratumArb = fc
      .tuple(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
      )
      .map(([N, n, q]) => {
        const size = Math.min(N, n);
        return { N, n: size, x: Math.round(q * size) };
      });
    fc.assert(
      fc.property(fc.array(stratumArb, { minLength: 1, maxLength: 6 }), (strata) => {
        const e = estimate(strata);
        return 0 <= e.low && e.low <= e.p && e.p <= e.high && e.high <= 1 && Number.isFinite(e.effectiveN);
      }),
    );
  });
});

describe('parseEstimateInput', () => {
  it('accepts the documented shape', () => {
    expect(parseEstimateInput({ strata: [{ N: 1200, outcomes: [0, 1, 0] }] })).toEqual({
      ok: true,
      value: { strata: [{ N: 1200, outcomes: [0, 1, 0] }] },
    });
  });

  it.each([
    [null, 'object'],
    [[], 'object'],
    [{}, '"strata" must be an array'],
    [{ strata: [] }, 'empty'],
    [{ strata: [7] }, 'strata[0] must be an object'],
    [{ strata: [{ N: -1, outcomes: [0] }] }, 'strata[0].N must be a positive integer'],
    [{ strata: [{ N: 1.5, outcomes: [0] }] }, 'positive integer'],
    [{ strata: [{ N: 10, outcomes: [0, 2] }] }, 'strata[0].outcomes[1] must be 0 or 1'],
    [{ strata: [{ N: 10, outcomes: [true] }] }, 'must be 0 or 1'],
    [{ strata: [{ N: 10 }] }, 'outcomes must be an array'],
    [{ strata: [{ N: 10, outcomes: [] }] }, 'outcomes is empty'],
    [{ strata: [{ N: 1, outcomes: [0, 0] }] }, '2 outcomes but N = 1'],
  ])('rejects %j', (json, message) => {
    const r = parseEstimateInput(json);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error).toContain(message);
  });
});
