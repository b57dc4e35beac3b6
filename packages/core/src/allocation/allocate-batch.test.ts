import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateBatch } from './allocate-batch.ts';
import type { AllocationBound, AllocationInput, BatchAllocation, StratumInput } from './allocate-batch.ts';
import type { RiskClass } from './risk-multipliers.ts';

function unwrap(input: AllocationInput): BatchAllocation {
  const result = allocateBatch(input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

function countsOf(allocation: BatchAllocation): Record<string, number> {
  return Object.fromEntries(allocation.strata.map((s) => [s.name, s.count]));
}

function riskStrata(sizes: Partial<Record<RiskClass | 'unclassified', number>>): StratumInput[] {
  return Object.entries(sizes).map(([name, population]) => ({
    name,
    riskClass: name === 'unclassified' ? null : (name as RiskClass),
    population,
  }));
}

describe('allocateBatch: examples', () => {
  it('tilts by the default multipliers, each capped at 100%', () => {
    const a = unwrap({
      strata: riskStrata({ A: 100, B: 100, C: 100, D: 100 }),
      ratio: { percent: 20, bound: 'atLeast' },
      riskBased: true,
    });
    expect(countsOf(a)).toEqual({ A: 10, B: 20, C: 40, D: 80 });
    expect(a.demanded).toBe(80);
    expect(a.total).toBe(150);
    const capped = unwrap({
      strata: riskStrata({ A: 100, B: 100, C: 100, D: 100 }),
      ratio: { percent: 30, bound: 'atLeast' },
      riskBased: true,
    });
    expect(countsOf(capped)).toEqual({ A: 15, B: 30, C: 60, D: 100 });
  });

  it('tops up to the plan demand when most objects are low-risk', () => {
    const a = unwrap({
      strata: riskStrata({ A: 900, B: 50, C: 30, D: 20 }),
      ratio: { percent: 10, bound: 'atLeast' },
      riskBased: true,
    });
    expect(a.demanded).toBe(100);
    expect(a.total).toBe(100); // tilted sum would be 45 + 5 + 6 + 8 = 64
    const rates = a.strata.map((s) => s.count / s.population);
    for (let i = 1; i < rates.length; i++) expect(rates[i]).toBeGreaterThanOrEqual(rates[i - 1] ?? 0);
  });

  it('counts exactly: 10% of 30 is 3, 不少于4户 lifts it to 4', () => {
    const plain = (minCount: number | null): BatchAllocation =>
      unwrap({
        strata: [{ name: 'all', riskClass: null, population: 30 }],
        ratio: { percent: 10, bound: 'atLeast' },
        minCount,
        riskBased: false,
      });
    expect(plain(null).total).toBe(3);
    expect(plain(4).total).toBe(4);
    expect(plain(40).total).toBe(30);
  });

  it('keeps exact and atMost totals, shifting them towards risk', () => {
    const strata = riskStrata({ A: 100, B: 100, C: 100, D: 100 });
    const exact = unwrap({ strata, ratio: { percent: 5, bound: 'exact' }, riskBased: true });
    expect(exact.total).toBe(20);
    expect(countsOf(exact)).toEqual({ A: 1, B: 3, C: 5, D: 11 });
    const atMost = unwrap({ strata, ratio: { percent: 2.5, bound: 'atMost' }, riskBased: true });
    expect(atMost.total).toBe(10);
    expect(
      allocateBatch({ strata, ratio: { percent: 1, bound: 'atMost' }, minCount: 5, riskBased: true }),
    ).toEqual({
      ok: false,
      error: expect.objectContaining({ kind: 'contradictoryPlan' }) as unknown,
    });
  });

  it('splits non-risk-based tasks proportionally by largest remainder', () => {
    const a = unwrap({
      strata: riskStrata({ A: 50, B: 30, C: 15, D: 5 }),
      ratio: { percent: 7, bound: 'atLeast' },
      riskBased: false,
    });
    // quotas 3.5, 2.1, 1.05, 0.35 → floors 3, 2, 1, 0 and one unit to the largest remainder (A).
    expect(countsOf(a)).toEqual({ A: 4, B: 2, C: 1, D: 0 });
  });

  it('takes everyone in every batch of a 100% task', () => {
    for (const batch of [1, 2]) {
      const a = unwrap({
        strata: [{ name: 'all', riskClass: null, population: 6, drawnBefore: batch === 2 ? 6 : 0 }],
        ratio: { percent: 100, bound: 'exact' },
        timesPerYear: 2,
        batch,
        riskBased: true,
      });
      expect(a.takesEveryone).toBe(true);
      expect(a.total).toBe(6);
    }
  });

  it('draws a full ratio per batch from the not-yet-drawn remainder, reporting any shortfall', () => {
    const first = unwrap({
      strata: [{ name: 'all', riskClass: null, population: 200 }],
      ratio: { percent: 5, bound: 'exact' },
      timesPerYear: 2,
      batch: 1,
      riskBased: false,
    });
    const second = unwrap({
      strata: [{ name: 'all', riskClass: null, population: 200, drawnBefore: 10 }],
      ratio: { percent: 5, bound: 'exact' },
      timesPerYear: 2,
      batch: 2,
      riskBased: false,
    });
    expect([first.total, second.total, second.strata[0]?.available]).toEqual([10, 10, 190]);
    const short = unwrap({
      strata: [{ name: 'all', riskClass: null, population: 10, drawnBefore: 6 }],
      ratio: { percent: 60, bound: 'atLeast' },
      timesPerYear: 2,
      batch: 2,
      riskBased: false,
    });
    expect([short.demanded, short.total, short.shortfall]).toEqual([6, 4, 2]);
  });

  it('rejects impossible inputs with a clear error', () => {
    const base: AllocationInput = {
      strata: riskStrata({ A: 10 }),
      ratio: { percent: 10, bound: 'atLeast' },
      riskBased: true,
    };
    const bad: AllocationInput[] = [
      { ...base, ratio: { percent: 0, bound: 'atLeast' } },
      { ...base, ratio: { percent: 120, bound: 'atLeast' } },
      { ...base, ratio: { percent: Number.NaN, bound: 'atLeast' } },
      { ...base, minCount: -1 },
      { ...base, timesPerYear: 2, batch: 3 },
      { ...base, batch: 0 },
      { ...base, multipliers: { D: 0 } },
      { ...base, strata: [...base.strata, ...base.strata] },
      { ...base, strata: [{ name: 'A', riskClass: 'A', population: 5, drawnBefore: 6 }] },
      { ...base, strata: [{ name: 'A', riskClass: 'A', population: 2.5 }] },
    ];
    for (const input of bad) {
      const result = allocateBatch(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message.length).toBeGreaterThan(5);
    }
  });

  it('handles an empty population', () => {
    const a = unwrap({
      strata: riskStrata({ A: 0, D: 0 }),
      ratio: { percent: 20, bound: 'atLeast' },
      riskBased: true,
    });
    expect([a.total, a.demanded, a.shortfall]).toEqual([0, 0, 0]);
  });
});

describe('allocateBatch: properties', () => {
  const classes: RiskClass[] = ['A', 'B', 'C', 'D'];
  const boundArb = fc.constantFrom<AllocationBound>('exact', 'atLeast', 'atMost');
  const percentArb = fc.oneof(
    fc.integer({ min: 1, max: 100 }),
    fc.integer({ min: 1, max: 999 }).map((n) => n / 10),
  );
  const inputArb = fc.record({
    sizes: fc.tuple(...classes.map(() => fc.nat(400))),
    unclassified: fc.option(fc.nat(200), { nil: undefined }),
    percent: percentArb,
    bound: boundArb,
    minCount: fc.option(fc.nat(60), { nil: null }),
    riskBased: fc.boolean(),
  });

  interface Generated {
    readonly sizes: readonly number[];
    readonly unclassified: number | undefined;
    readonly percent: number;
    readonly bound: AllocationBound;
    readonly minCount: number | null;
    readonly riskBased: boolean;
  }

  function build(x: Generated): AllocationInput {
    const strata: StratumInput[] = classes.map((c, i) => ({
      name: c,
      riskClass: c,
      population: x.sizes[i] ?? 0,
    }));
    if (x.unclassified !== undefined)
      strata.push({ name: 'unclassified', riskClass: null, population: x.unclassified });
    return {
      strata,
      ratio: { percent: x.percent, bound: x.bound },
      minCount: x.bound === 'atMost' ? null : x.minCount,
      riskBased: x.riskBased,
    };
  }

  it('meets the plan demand, never exceeds a stratum, is deterministic, and orders rates A→D', () => {
    fc.assert(
      fc.property(inputArb, (x) => {
        const input = build(x);
        const a = unwrap(input);
        const n = a.population;
        const exactDemand = Math.ceil(Math.round(x.percent * n * 1000) / 100_000 - 1e-9);
        expect(a.strata.every((s) => s.count >= 0 && s.count <= s.population)).toBe(true);
        expect(a.shortfall).toBe(0);
        if (x.bound !== 'atMost') {
          expect(a.total).toBeGreaterThanOrEqual(Math.min(n, Math.max(exactDemand, x.minCount ?? 0)));
        } else {
          expect(a.total).toBe(Math.floor(Math.round(x.percent * n * 1000) / 100_000 + 1e-9));
        }
        if (x.bound === 'exact') expect(a.total).toBe(Math.min(n, Math.max(exactDemand, x.minCount ?? 0)));
        expect(unwrap(input)).toEqual(a);
        if (x.riskBased) {
          const rates = a.strata
            .filter((s) => s.riskClass !== null && s.population > 0)
            .map((s) => s.count / s.population);
          for (let i = 1; i < rates.length; i++) expect(rates[i]).toBeGreaterThanOrEqual(rates[i - 1] ?? 0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never lets a later batch exceed the remainder of its frame', () => {
    fc.assert(
      fc.property(inputArb, fc.array(fc.nat(400), { minLength: 4, maxLength: 4 }), (x, drawn) => {
        const input = build(x);
        const strata = input.strata.map((s, i) => ({
          ...s,
          drawnBefore: Math.min(s.population, drawn[i] ?? 0),
        }));
        const a = unwrap({ ...input, strata, timesPerYear: 2, batch: 2 });
        for (const s of a.strata)
          expect(s.count).toBeLessThanOrEqual(a.takesEveryone ? s.population : s.available);
        expect(a.total + a.shortfall).toBeGreaterThanOrEqual(a.demanded);
      }),
      { numRuns: 200 },
    );
  });
});
