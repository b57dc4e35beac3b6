/**
 * The estimated share of non-compliant objects in a domain (a task batch, a matter, a sector, a region) from the
 * random samples (DOMAIN.md §5 *ours*): the stratified estimator and Korn–Graubard interval of core `estimates`
 * over the strata that have results. A stratum with objects in the frame but no published result yet cannot be
 * estimated; it is left out and the share of the population the estimate covers says so (never a guess for it).
 */
import { estimateStratifiedShareFromCounts } from '../estimates/stratified-estimate.ts';
import type { StratumCounts } from '../estimates/stratified-estimate.ts';

export interface DomainEstimate {
  /** `ok`: an estimate; `no_sample`: no stratum has a published result yet. */
  readonly status: 'ok' | 'no_sample';
  /** p̂ = Σ W_h p̂_h and the 95% interval (0 ≤ low ≤ p ≤ high ≤ 1); null without a sample. */
  readonly p: number | null;
  readonly low: number | null;
  readonly high: number | null;
  /** Objects inspected with a published result (Σ n_h) and those found non-compliant (Σ x_h). */
  readonly n: number;
  readonly x: number;
  /** Population of the frames (Σ N_h over every stratum) and of the strata with results. */
  readonly population: number;
  readonly coveredPopulation: number;
  /** Strata in all, and with results. */
  readonly strata: number;
  readonly coveredStrata: number;
  /** Effective sample size behind the interval (after the design and degrees-of-freedom adjustments). */
  readonly effectiveN: number | null;
}

/**
 * Estimates a domain from its strata (N = frame members of the stratum in the domain, n = of them inspected with a
 * published result, x = of those non-compliant). Strata with N = 0 are ignored; n is capped at N.
 */
export function estimateDomainShare(strata: readonly StratumCounts[]): DomainEstimate {
  const real = strata.filter((s) => s.N > 0);
  const sampled = real
    .filter((s) => s.n > 0)
    .map((s) => ({ N: s.N, n: Math.min(s.n, s.N), x: Math.min(s.x, Math.min(s.n, s.N)) }));
  const population = real.reduce((a, s) => a + s.N, 0);
  const coveredPopulation = sampled.reduce((a, s) => a + s.N, 0);
  const n = sampled.reduce((a, s) => a + s.n, 0);
  const x = sampled.reduce((a, s) => a + s.x, 0);
  const base = {
    n,
    x,
    population,
    coveredPopulation,
    strata: real.length,
    coveredStrata: sampled.length,
  };
  if (sampled.length === 0) {
    return { status: 'no_sample', p: null, low: null, high: null, effectiveN: null, ...base };
  }
  const estimate = estimateStratifiedShareFromCounts(sampled);
  if (!estimate.ok) {
    return { status: 'no_sample', p: null, low: null, high: null, effectiveN: null, ...base };
  }
  const e = estimate.value;
  return { status: 'ok', p: e.p, low: e.low, high: e.high, effectiveN: e.effectiveN, ...base };
}
