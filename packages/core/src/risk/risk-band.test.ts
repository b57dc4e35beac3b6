import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkRiskBandCuts,
  classifyRiskBand,
  DEFAULT_RISK_BAND_CUTS,
  RISK_BANDS,
  suggestRiskBandCuts,
} from './risk-band.ts';

describe('classifyRiskBand', () => {
  it('bands by the cut points, a score at a cut belonging to the higher band', () => {
    expect(classifyRiskBand(0.05)).toBe('低');
    expect(classifyRiskBand(DEFAULT_RISK_BAND_CUTS.medium)).toBe('中');
    expect(classifyRiskBand(DEFAULT_RISK_BAND_CUTS.high)).toBe('高');
    expect(classifyRiskBand(0.3, { medium: 0.5, high: 0.8 })).toBe('低');
    expect(classifyRiskBand(0.9, { medium: 0.5, high: 0.8 })).toBe('高');
  });

  it('never gives a higher score a lower band', () => {
    const cuts = fc
      .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([a, b]) => ({ medium: Math.min(a, b), high: Math.max(a, b) }));
    const score = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(cuts, score, score, (c, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(RISK_BANDS.indexOf(classifyRiskBand(low, c))).toBeLessThanOrEqual(
          RISK_BANDS.indexOf(classifyRiskBand(high, c)),
        );
      }),
    );
  });
});

describe('checkRiskBandCuts', () => {
  it('accepts 0 ≤ medium ≤ high ≤ 1 only', () => {
    expect(checkRiskBandCuts({ medium: 0.1, high: 0.3 }).ok).toBe(true);
    expect(checkRiskBandCuts({ medium: 0.3, high: 0.1 }).ok).toBe(false);
    expect(checkRiskBandCuts({ medium: -0.1, high: 0.3 }).ok).toBe(false);
    expect(checkRiskBandCuts({ medium: 0.1, high: Number.NaN }).ok).toBe(false);
  });
});

describe('suggestRiskBandCuts', () => {
  it('puts the top shares of the scores in 高 and 中', () => {
    const scores = Array.from({ length: 100 }, (_, i) => i / 100);
    const cuts = suggestRiskBandCuts(scores, { high: 0.1, medium: 0.2 });
    const bands = scores.map((s) => classifyRiskBand(s, cuts));
    expect(bands.filter((b) => b === '高')).toHaveLength(10);
    expect(bands.filter((b) => b === '中')).toHaveLength(20);
    expect(suggestRiskBandCuts([])).toEqual(DEFAULT_RISK_BAND_CUTS);
  });
});
