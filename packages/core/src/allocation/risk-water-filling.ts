/**
 * Risk-tilted allocation with monotone rates (DOMAIN.md §4, "Risk tilt"). Stratum h should get about
 * min(N_h, λ·m_h·N_h) units, for one λ making the total right: the rate of a class grows with its multiplier and stops
 * at 100%. Rounding each stratum on its own can break the order (3 A-class objects at 5% round up to 1 of 3 = 33%,
 * above B's 10%), so units are handed out one at a time:
 *
 * - a stratum may take a unit only if its rate (n_h + 1) / N_h would not exceed the rate n_g / N_g of any stratum g
 *   with a larger multiplier that still has room (an order constraint);
 * - among those, the unit goes to the lowest (n_h + ½) / (m_h · N_h), i.e. the stratum furthest behind λ
 *   (Sainte-Laguë's highest-averages rule, which unlike d'Hondt's n_h + 1 does not favour big strata);
 *   ties go to the larger multiplier, then to the earlier stratum. Priorities are IEEE doubles: deterministic
 *   everywhere, and a near-tie only decides which of two equally fair strata gets a unit.
 *
 * The highest-multiplier stratum with room is always allowed, so this never stalls while units and room remain.
 * Rates are then non-decreasing in the multiplier whenever every stratum's cap is its population (first batch).
 */

/** One stratum for {@link allocateByRiskPriority}. */
export interface RiskStratum {
  /** The risk multiplier m_h (> 0). */
  readonly multiplier: number;
  /** N_h, the stratum's population (rates are n_h / N_h). */
  readonly population: number;
  /** The most units this stratum can take (its not-yet-drawn objects). */
  readonly cap: number;
}

/** Hands out `total` units (or all the room there is) over `strata`; returns the count per stratum. */
export function allocateByRiskPriority(total: number, strata: readonly RiskStratum[]): number[] {
  const counts = strata.map(() => 0);
  const room = strata.reduce((sum, s) => sum + s.cap, 0);
  const units = Math.min(total, room);
  for (let unit = 0; unit < units; unit++) {
    let best = -1;
    let bestPriority = Infinity;
    for (let h = 0; h < strata.length; h++) {
      const s = strata[h] as RiskStratum;
      const n = counts[h] as number;
      if (n >= s.cap) continue;
      let allowed = true;
      for (let g = 0; g < strata.length && allowed; g++) {
        const t = strata[g] as RiskStratum;
        const m = counts[g] as number;
        if (t.multiplier > s.multiplier && m < t.cap && (n + 1) * t.population > m * s.population)
          allowed = false;
      }
      if (!allowed) continue;
      const priority = (n + 0.5) / (s.multiplier * s.population);
      const bestMultiplier = best < 0 ? -Infinity : (strata[best] as RiskStratum).multiplier;
      if (priority < bestPriority || (priority === bestPriority && s.multiplier > bestMultiplier)) {
        best = h;
        bestPriority = priority;
      }
    }
    if (best < 0) break;
    counts[best] = (counts[best] as number) + 1;
  }
  return counts;
}
