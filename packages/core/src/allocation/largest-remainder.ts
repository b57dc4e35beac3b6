/**
 * Proportional allocation by largest remainder (Hamilton's method), used when a task is not risk-based
 * (DOMAIN.md §4: "non-risk-based tasks allocate proportionally"): stratum h gets ⌊T·w_h / W⌋ and the units left over
 * go to the largest remainders (ties: larger weight, then earlier stratum). A stratum whose quota reaches its cap gets
 * the cap and the rest is re-split among the others. Integer arithmetic only, so the result is exact and portable.
 */
import { assert } from '../result.ts';

/**
 * Splits `total` units over strata with whole-number `weights`, never giving stratum h more than `caps[h]`.
 * Returns the counts; their sum is min(total, Σ caps over strata with weight > 0).
 */
export function allocateLargestRemainder(
  total: number,
  weights: readonly number[],
  caps: readonly number[],
): number[] {
  assert(weights.length === caps.length, 'one cap per weight');
  const counts = weights.map(() => 0);
  let active = weights.flatMap((w, h) => (w > 0 && (caps[h] ?? 0) > 0 ? [h] : []));
  let remaining = Math.min(
    total,
    active.reduce((sum, h) => sum + (caps[h] ?? 0), 0),
  );
  for (;;) {
    const weightSum = active.reduce((sum, h) => sum + (weights[h] ?? 0), 0);
    if (remaining === 0 || weightSum === 0) return counts;
    assert(Number.isSafeInteger(remaining * weightSum), 'allocation products stay exact');
    const full = active.filter((h) => remaining * (weights[h] ?? 0) >= (caps[h] ?? 0) * weightSum);
    if (full.length > 0) {
      for (const h of full) {
        counts[h] = caps[h] ?? 0;
        remaining -= caps[h] ?? 0;
      }
      active = active.filter((h) => !full.includes(h));
      continue;
    }
    const remainders = new Map<number, number>();
    let given = 0;
    for (const h of active) {
      const share = remaining * (weights[h] ?? 0);
      const whole = Math.floor(share / weightSum);
      counts[h] = whole;
      remainders.set(h, share - whole * weightSum);
      given += whole;
    }
    const order = [...active].sort(
      (a, b) =>
        (remainders.get(b) ?? 0) - (remainders.get(a) ?? 0) || (weights[b] ?? 0) - (weights[a] ?? 0) || a - b,
    );
    for (let i = 0; i < remaining - given; i++) {
      const h = order[i] as number;
      counts[h] = (counts[h] ?? 0) + 1;
    }
    return counts;
  }
}
