import { assert } from '../result.ts';
import { computeIncompleteBeta } from './incomplete-beta.ts';

/**
 * Quantile of the Beta(a, b) distribution: the x in [0, 1] with I_x(a, b) = p, by bisection on the
 * monotone distribution function, to a relative precision of 1e-13 in x or in 1 − x, whichever is
 * smaller (or until the bracket cannot shrink in double precision).
 */
export function computeBetaQuantile(p: number, a: number, b: number): number {
  assert(p >= 0 && p <= 1, `computeBetaQuantile: p must be in [0, 1], got ${p}`);
  assert(a > 0 && b > 0, `computeBetaQuantile: a, b must be positive, got ${a}, ${b}`);
  if (p === 0) return 0;
  if (p === 1) return 1;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 2000; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi || hi - lo <= 1e-13 * Math.min(hi, 1 - lo)) break;
    if (computeIncompleteBeta(mid, a, b) < p) lo = mid;
    else hi = mid;
  }
  return lo + (hi - lo) / 2;
}

/**
 * Two-sided quantile of Student's t with `df` degrees of freedom (df > 0, real): the t > 0 with
 * P(|T| > t) = alpha, from P(|T| > t) = I_{df/(df + t²)}(df/2, 1/2).
 */
export function computeStudentTQuantile(alpha: number, df: number): number {
  assert(alpha > 0 && alpha < 1, `computeStudentTQuantile: alpha must be in (0, 1), got ${alpha}`);
  assert(df > 0, `computeStudentTQuantile: df must be positive, got ${df}`);
  const x = computeBetaQuantile(alpha, df / 2, 0.5);
  return Math.sqrt((df * (1 - x)) / x);
}
