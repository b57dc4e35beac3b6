import { describe, expect, it } from 'vitest';
import type { RiskRow } from './risk-types.ts';
import { synthesiseRiskRows } from './synthesise-risk-rows.ts';

function rateOf(rows: readonly RiskRow[]): number {
  let positives = 0;
  for (const row of rows) positives += row.violation ?? 0;
  return positives / rows.length;
}

describe('synthesiseRiskRows', () => {
  const rows = synthesiseRiskRows({ rows: 20_000, seed: 'synth' });

  it('is deterministic from the seed, and a longer file extends a shorter one', () => {
    expect(synthesiseRiskRows({ rows: 500, seed: 'synth' })).toEqual(rows.slice(0, 500));
    expect(synthesiseRiskRows({ rows: 500, seed: 'other' })).not.toEqual(rows.slice(0, 500));
    expect(rows[0]?.id).toBe('S000001');
  });

  it('labels follow a rule of several features, not of the official class alone', () => {
    const rate = rateOf(rows);
    expect(rate).toBeGreaterThan(0.1);
    expect(rate).toBeLessThan(0.35);
    // Within one official class, the history and the listing still separate violators from the rest.
    const classB = rows.filter((r) => r.riskClass === 'B');
    const listed = classB.filter((r) => r.abnormalList === true);
    const clean = classB.filter(
      (r) => r.abnormalList === false && r.priorViolations === 0 && r.complaints12m === 0,
    );
    expect(rateOf(listed)).toBeGreaterThan(rateOf(clean) + 0.15);
    const catering = classB.filter((r) => r.category === 'catering');
    const it = classB.filter((r) => r.category === 'it-services');
    expect(rateOf(catering)).toBeGreaterThan(rateOf(it));
    // The class carries signal too: D is riskier than A.
    expect(rateOf(rows.filter((r) => r.riskClass === 'D'))).toBeGreaterThan(
      rateOf(rows.filter((r) => r.riskClass === 'A')),
    );
  });

  it('leaves about the requested share of cells empty, and 个体工商户 without capital', () => {
    const missingClass = rows.filter((r) => r.riskClass === null).length / rows.length;
    expect(missingClass).toBeGreaterThan(0.02);
    expect(missingClass).toBeLessThan(0.04);
    expect(rows.filter((r) => r.kind === 'individual').every((r) => r.registeredCapital === null)).toBe(true);
    const none = synthesiseRiskRows({ rows: 1000, seed: 'synth', missingShare: 0 });
    expect(none.every((r) => r.kind !== null && r.ageYears !== null && r.riskClass !== null)).toBe(true);
  });
});
