import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeAuc, evaluateRiskModel, evaluateRiskScores } from './evaluate-risk-model.ts';
import type { ScoredOutcome } from './evaluate-risk-model.ts';
import { synthesiseRiskRows } from './synthesise-risk-rows.ts';
import { trainRiskModel } from './train-risk-model.ts';

/** AUC by definition: over all positive–negative pairs, 1 when the positive scores higher, ½ on a tie. */
function computeAucByPairs(outcomes: readonly ScoredOutcome[]): number {
  let wins = 0;
  let pairs = 0;
  for (const p of outcomes)
    for (const q of outcomes)
      if (p.violation === 1 && q.violation === 0) {
        pairs += 1;
        wins += p.score > q.score ? 1 : p.score === q.score ? 0.5 : 0;
      }
  return wins / pairs;
}

const outcomesArbitrary = fc
  .array(
    fc.record({
      score: fc.integer({ min: 0, max: 20 }).map((k) => k / 20),
      violation: fc.constantFrom(0 as const, 1 as const),
    }),
    { minLength: 2, maxLength: 120 },
  )
  .filter((o) => o.some((x) => x.violation === 1) && o.some((x) => x.violation === 0));

describe('computeAuc', () => {
  it('equals the pairwise definition, ties counting one half', () => {
    fc.assert(
      fc.property(outcomesArbitrary, (outcomes) => {
        expect(computeAuc(outcomes)).toBeCloseTo(computeAucByPairs(outcomes), 12);
      }),
    );
  });

  it('is 1 − AUC for reversed scores and unchanged by a monotone transform', () => {
    fc.assert(
      fc.property(outcomesArbitrary, (outcomes) => {
        const auc = computeAuc(outcomes);
        expect(computeAuc(outcomes.map((o) => ({ ...o, score: -o.score })))).toBeCloseTo(1 - auc, 12);
        expect(computeAuc(outcomes.map((o) => ({ ...o, score: Math.exp(3 * o.score) })))).toBeCloseTo(
          auc,
          12,
        );
      }),
    );
  });

  it('is NaN without both outcomes', () => {
    expect(computeAuc([{ score: 0.3, violation: 1 }])).toBeNaN();
  });
});

describe('evaluateRiskScores', () => {
  it('splits rows into ten equal deciles whose observed rates average to the base rate', () => {
    fc.assert(
      fc.property(outcomesArbitrary, (outcomes) => {
        const result = evaluateRiskScores(outcomes);
        if (!result.ok) throw new Error('unexpected');
        const e = result.value;
        let rows = 0;
        let positives = 0;
        for (const bin of e.calibration) {
          expect(bin.rows).toBeCloseTo(outcomes.length / 10, 9);
          rows += bin.rows;
          positives += bin.rows * bin.observedRate;
        }
        expect(e.calibration.map((b) => b.decile)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        expect(rows).toBeCloseTo(outcomes.length, 9);
        expect(positives).toBeCloseTo(e.positives, 9);
        expect(e.liftTopDecile).toBeCloseTo(e.topDecileRate / e.baseRate, 12);
        e.calibration.forEach((bin, i) => {
          const previous = e.calibration[i - 1]?.meanPredicted ?? 0;
          expect(bin.meanPredicted).toBeGreaterThanOrEqual(previous - 1e-12);
        });
      }),
    );
  });

  it('does not depend on the order of the rows, even with ties', () => {
    fc.assert(
      fc.property(outcomesArbitrary, (outcomes) => {
        const forward = evaluateRiskScores(outcomes);
        const backward = evaluateRiskScores([...outcomes].reverse());
        expect(backward).toEqual(forward);
      }),
    );
  });

  it('computes the lift of a perfect score', () => {
    const outcomes: ScoredOutcome[] = Array.from({ length: 100 }, (_, i) => ({
      score: i / 100,
      violation: i >= 90 ? 1 : 0,
    }));
    const result = evaluateRiskScores(outcomes);
    expect(result).toMatchObject({ ok: true, value: { auc: 1, liftTopDecile: 10, topDecileRate: 1 } });
  });

  it('shares a tied score that straddles a decile boundary', () => {
    // One score for everyone: every decile has the base rate, the lift is 1 and the AUC ½.
    const outcomes: ScoredOutcome[] = Array.from({ length: 50 }, (_, i) => ({
      score: 0.2,
      violation: i % 5 === 0 ? 1 : 0,
    }));
    const result = evaluateRiskScores(outcomes);
    if (!result.ok) throw new Error('unexpected');
    expect(result.value.auc).toBe(0.5);
    expect(result.value.liftTopDecile).toBeCloseTo(1, 12);
    for (const bin of result.value.calibration) expect(bin.observedRate).toBeCloseTo(0.2, 12);
  });

  it('refuses rows it cannot evaluate', () => {
    expect(evaluateRiskScores([])).toEqual({ ok: false, error: { kind: 'no-labelled-rows' } });
    expect(evaluateRiskScores([{ score: 0.1, violation: 1 }])).toEqual({
      ok: false,
      error: { kind: 'single-class', label: 1 },
    });
    expect(
      evaluateRiskScores([
        { score: Number.NaN, violation: 1 },
        { score: 0.1, violation: 0 },
      ]),
    ).toMatchObject({ ok: false, error: { kind: 'bad-score', index: 0 } });
  });
});

describe('evaluateRiskModel', () => {
  it('finds a well-calibrated model on held-back synthetic rows, better than the official class', () => {
    const trained = trainRiskModel(synthesiseRiskRows({ rows: 4000, seed: 'evaluate-train' }));
    if (!trained.ok) throw new Error('training failed');
    const heldBack = synthesiseRiskRows({ rows: 3000, seed: 'evaluate-held-back' });
    const [first] = heldBack;
    if (first === undefined) throw new Error('no rows');
    const result = evaluateRiskModel(trained.value, [
      ...heldBack,
      { ...first, id: 'no-label', violation: null },
    ]);
    if (!result.ok) throw new Error('evaluation failed');
    const e = result.value;
    expect(e.rows).toBe(3000); // the unlabelled row is left out
    expect(e.auc).toBeGreaterThan(0.75);
    expect(e.liftTopDecile).toBeGreaterThan(2.5);
    let calibrationError = 0;
    for (const bin of e.calibration) calibrationError += Math.abs(bin.meanPredicted - bin.observedRate) / 10;
    expect(calibrationError).toBeLessThan(0.03);
    const classOnly = computeAuc(
      heldBack.map((row) => ({
        score: row.riskClass === null ? 1.5 : 'ABCD'.indexOf(row.riskClass),
        violation: row.violation ?? 0,
      })),
    );
    expect(e.auc - classOnly).toBeGreaterThan(0.05);
  });
});
