/**
 * Risk bands 低 / 中 / 高 from a score, by cut points the office configures (issue #9: a task may tilt its strata by
 * the model's band). A score at a cut point belongs to the higher band.
 */
import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';

export type RiskBand = '低' | '中' | '高';

export const RISK_BANDS: readonly RiskBand[] = ['低', '中', '高'];

export interface RiskBandCuts {
  /** Scores ≥ this are at least 中. */
  readonly medium: number;
  /** Scores ≥ this are 高. */
  readonly high: number;
}

/** Default cuts: a predicted violation chance of 20% or more is 中, 40% or more is 高. */
export const DEFAULT_RISK_BAND_CUTS: RiskBandCuts = { medium: 0.2, high: 0.4 };

export type RiskBandCutsProblem = {
  readonly kind: 'bad-cuts';
  readonly medium: number;
  readonly high: number;
};

/** Checks configured cuts: 0 ≤ medium ≤ high ≤ 1. */
export function checkRiskBandCuts(cuts: RiskBandCuts): Result<RiskBandCuts, RiskBandCutsProblem> {
  const { medium, high } = cuts;
  if (!(Number.isFinite(medium) && Number.isFinite(high) && 0 <= medium && medium <= high && high <= 1))
    return err({ kind: 'bad-cuts', medium, high });
  return ok(cuts);
}

/** The band of a score. Monotone: a higher score never gets a lower band. */
export function classifyRiskBand(score: number, cuts: RiskBandCuts = DEFAULT_RISK_BAND_CUTS): RiskBand {
  if (score >= cuts.high) return '高';
  if (score >= cuts.medium) return '中';
  return '低';
}

/**
 * Cuts that put the given shares of the scores in the top bands (e.g. the top 10% 高, the next 20% 中): the score at
 * each quantile, so the bands of a frame have predictable sizes. Ties may make a band larger than its share.
 */
export function suggestRiskBandCuts(
  scores: readonly number[],
  shares: { readonly high: number; readonly medium: number } = { high: 0.1, medium: 0.2 },
): RiskBandCuts {
  const sorted = scores.filter((s) => Number.isFinite(s)).sort((a, b) => b - a);
  if (sorted.length === 0) return DEFAULT_RISK_BAND_CUTS;
  const at = (share: number): number => {
    const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length - 1e-9) - 1));
    return sorted[index] ?? 0;
  };
  return { high: at(shares.high), medium: at(shares.high + shares.medium) };
}
