import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { computeStudentTQuantile } from './beta-quantile.ts';
import { computeClopperPearson } from './clopper-pearson.ts';

/** One stratum of a drawn sample: population size N_h and the 0/1 outcomes (1 = non-compliant) of the n_h drawn. */
export type StratumOutcomes = { readonly N: number; readonly outcomes: readonly (0 | 1)[] };
export type EstimateInput = { readonly strata: readonly StratumOutcomes[] };

/** A stratum summarised: population N_h, sample size n_h, non-compliant count x_h. */
export type StratumCounts = { readonly N: number; readonly n: number; readonly x: number };

export type StratifiedEstimate = {
  /** p̂ = Σ W_h p̂_h */
  readonly p: number;
  /** 95% (or `level`) interval, 0 ≤ low ≤ p ≤ high ≤ 1 */
  readonly low: number;
  readonly high: number;
  /** V̂ = Σ W_h² (1 − n_h/N_h) p̂_h (1 − p̂_h) / (n_h − 1) */
  readonly variance: number;
  /** effective sample size used for the interval (after the degrees-of-freedom adjustment) */
  readonly effectiveN: number;
  /** degrees of freedom of the variance estimate: Σ (n_h − 1) over sampled (non-census) strata */
  readonly degreesOfFreedom: number;
  /** Σ n_h */
  readonly n: number;
};

export type EstimateProblem =
  | { readonly kind: 'no-strata' }
  | { readonly kind: 'bad-population'; readonly stratum: number; readonly N: number }
  | { readonly kind: 'empty-sample'; readonly stratum: number }
  | {
      readonly kind: 'sample-exceeds-population';
      readonly stratum: number;
      readonly n: number;
      readonly N: number;
    }
  | { readonly kind: 'bad-count'; readonly stratum: number; readonly x: number; readonly n: number }
  | { readonly kind: 'bad-level'; readonly level: number };

/** Summarises 0/1 outcomes into counts. */
export function summarizeStratum(stratum: StratumOutcomes): StratumCounts {
  let x = 0;
  for (const o of stratum.outcomes) x += o;
  return { N: stratum.N, n: stratum.outcomes.length, x };
}

/** Stratified estimate from raw 0/1 outcomes; see {@link estimateStratifiedShareFromCounts}. */
export function estimateStratifiedShare(
  input: EstimateInput,
  level = 0.95,
): Result<StratifiedEstimate, EstimateProblem> {
  return estimateStratifiedShareFromCounts(input.strata.map(summarizeStratum), level);
}

/**
 * Estimated share of non-compliant objects with a confidence interval (DOMAIN.md §5, *ours*).
 *
 * Point estimate and variance (stratified simple random sampling without replacement):
 * p̂ = Σ W_h p̂_h with W_h = N_h/N; V̂ = Σ W_h² (1 − n_h/N_h) p̂_h(1 − p̂_h)/(n_h − 1)
 * (a stratum with n_h = 1 contributes 0: its p̂_h is 0 or 1).
 *
 * Interval: Korn & Graubard (1998), a Clopper–Pearson interval on an effective sample size, honest for
 * rare violations and small samples (never below 0, never above 1):
 * - n_eff = p̂(1 − p̂)/V̂, capped at n = Σ n_h;
 * - when p̂ = 0, p̂ = 1 or V̂ = 0 (no observed variation) the design's own effective size is used:
 *   n_eff = 1 / Σ W_h² (1 − n_h/N_h)/n_h (Kish), capped at n; it equals n for a proportional design
 *   without finite-population correction, and is smaller when strata were tilted (risk classes);
 * - degrees-of-freedom adjustment: n* = n_eff · (t_{n−1} / t_{df})², df = Σ (n_h − 1) over non-census
 *   strata (at least 1), t the two-sided Student quantile at the level;
 * - interval = Clopper–Pearson(x* = p̂ n*, n*).
 * When every stratum was inspected in full (n_h = N_h) the share is known exactly: low = p = high.
 */
export function estimateStratifiedShareFromCounts(
  strata: readonly StratumCounts[],
  level = 0.95,
): Result<StratifiedEstimate, EstimateProblem> {
  if (!(level > 0 && level < 1)) return err({ kind: 'bad-level', level });
  if (strata.length === 0) return err({ kind: 'no-strata' });
  let populationTotal = 0;
  for (const [stratum, s] of strata.entries()) {
    if (!Number.isSafeInteger(s.N) || s.N < 1) return err({ kind: 'bad-population', stratum, N: s.N });
    if (s.n < 1) return err({ kind: 'empty-sample', stratum });
    if (s.n > s.N) return err({ kind: 'sample-exceeds-population', stratum, n: s.n, N: s.N });
    if (!Number.isSafeInteger(s.x) || s.x < 0 || s.x > s.n)
      return err({ kind: 'bad-count', stratum, x: s.x, n: s.n });
    populationTotal += s.N;
  }

  let p = 0;
  let variance = 0;
  let designFactor = 0; // Σ W_h² (1 − f_h) / n_h
  let n = 0;
  let degreesOfFreedom = 0;
  let allCensus = true;
  for (const s of strata) {
    const w = s.N / populationTotal;
    const ph = s.x / s.n;
    const fpc = 1 - s.n / s.N;
    p += w * ph;
    n += s.n;
    designFactor += (w * w * fpc) / s.n;
    if (s.n < s.N) {
      allCensus = false;
      degreesOfFreedom += s.n - 1;
      if (s.n > 1) variance += (w * w * fpc * ph * (1 - ph)) / (s.n - 1);
    }
  }
  p = Math.min(1, Math.max(0, p));
  if (allCensus) return ok({ p, low: p, high: p, variance: 0, effectiveN: n, degreesOfFreedom: 0, n });

  const observedVariation = p > 0 && p < 1 && variance > 0;
  const rawEffectiveN = observedVariation ? (p * (1 - p)) / variance : 1 / designFactor;
  let effectiveN = Math.min(n, rawEffectiveN);
  const df = Math.max(1, degreesOfFreedom);
  const alpha = 1 - level;
  if (n > 1 && df < n - 1) {
    const ratio = computeStudentTQuantile(alpha, n - 1) / computeStudentTQuantile(alpha, df);
    effectiveN *= ratio * ratio;
  }
  const { low, high } = computeClopperPearson(p * effectiveN, effectiveN, level);
  return ok({
    p,
    low: Math.min(low, p),
    high: Math.max(high, p),
    variance,
    effectiveN,
    degreesOfFreedom,
    n,
  });
}

/** A short English phrase for an estimate problem (strata numbered from 1). */
export function describeEstimateProblem(problem: EstimateProblem): string {
  switch (problem.kind) {
    case 'no-strata':
      return 'no strata given';
    case 'bad-population':
      return `stratum ${problem.stratum + 1}: N must be a positive integer, got ${problem.N}`;
    case 'empty-sample':
      return `stratum ${problem.stratum + 1}: no outcomes (a stratum needs at least one inspected object)`;
    case 'sample-exceeds-population':
      return `stratum ${problem.stratum + 1}: ${problem.n} outcomes for a population of N = ${problem.N}`;
    case 'bad-count':
      return `stratum ${problem.stratum + 1}: ${problem.x} non-compliant out of ${problem.n} is impossible`;
    case 'bad-level':
      return `confidence level must be in (0, 1), got ${problem.level}`;
  }
}
