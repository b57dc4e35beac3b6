import { assert } from '../result.ts';
import { computeBetaQuantile } from './beta-quantile.ts';

/**
 * Clopper–Pearson ("exact") interval for a binomial share with x successes out of n trials, extended to
 * real x and n as Korn & Graubard (1998) use it with effective counts:
 * low = Beta⁻¹(α/2; x, n − x + 1) (0 when x = 0), high = Beta⁻¹(1 − α/2; x + 1, n − x) (1 when x = n).
 * Always 0 ≤ low ≤ x/n ≤ high ≤ 1.
 */
export function computeClopperPearson(
  x: number,
  n: number,
  level = 0.95,
): { readonly low: number; readonly high: number } {
  assert(n > 0 && x >= 0 && x <= n, `computeClopperPearson: need 0 ≤ x ≤ n, n > 0, got x=${x}, n=${n}`);
  assert(level > 0 && level < 1, `computeClopperPearson: level must be in (0, 1), got ${level}`);
  const alpha = 1 - level;
  const share = x / n;
  const low = x <= 0 ? 0 : Math.min(share, computeBetaQuantile(alpha / 2, x, n - x + 1));
  const high = x >= n ? 1 : Math.max(share, computeBetaQuantile(1 - alpha / 2, x + 1, n - x));
  return { low: Math.max(0, low), high: Math.min(1, high) };
}
