/**
 * Risk tilt (DOMAIN.md §4, "Risk tilt", ours and configurable): the task ratio is multiplied per credit-risk class
 * (信用风险分类 A 低风险 / B 一般风险 / C 较高风险 / D 高风险), each class's rate capped at 100%.
 * Classes change only ratio and frequency, never exempt anyone (不免抽), so every multiplier is > 0.
 */

import type { RiskClass } from '../registry/register-types.ts';

export type { RiskClass };

/** A multiplier per class, and one for objects without a class (未分类). */
export interface RiskMultipliers {
  readonly A: number;
  readonly B: number;
  readonly C: number;
  readonly D: number;
  readonly unclassified: number;
}

/** The defaults of DOMAIN.md §4: A ×0.5, B ×1, C ×2, D ×4; unclassified objects are treated like B (×1). */
export const DEFAULT_RISK_MULTIPLIERS: RiskMultipliers = { A: 0.5, B: 1, C: 2, D: 4, unclassified: 1 };

/** The multiplier of `riskClass` (null = unclassified) in `multipliers`. */
export function selectMultiplier(multipliers: RiskMultipliers, riskClass: RiskClass | null): number {
  return riskClass === null ? multipliers.unclassified : multipliers[riskClass];
}
