/**
 * How many objects each stratum of a task batch draws (DOMAIN.md §4 "Risk tilt"; §1 抽查比例及频次; §2 批次).
 * The result is the allocation table of the frozen frame (DOMAIN.md §4.1).
 *
 * ## Decisions (ours)
 * - **Batches.** `2次/年` means two batches, and the ratio is read per check, as regulators write it: *each* batch
 *   is a full check at the stated ratio of the task's population N (the whole eligible population this year), drawn
 *   from the objects not yet drawn this year (frame of batch b = population − targets of batches 1..b−1), honouring
 *   "same target, same matter: at most once a year" (DOMAIN.md §3). So `5%; 2次/年` checks 5% + 5% = 10% of distinct
 *   objects over the year. If the remainder is too small (e.g. `60%; 2次/年`), the batch takes the whole remainder and
 *   reports the `shortfall`; the caller decides whether to re-draw among earlier targets.
 *   A **100%** task takes everyone in every batch (its frame is the whole population; `drawnBefore` is ignored).
 * - **What the plan demands** for a batch: `不低于p%` (atLeast) and a plain `p%` (exact) → ⌈p·N⌉; `不超过p%`
 *   (atMost) → ⌊p·N⌋; then at least `不少于m户` (minCount); never more than N. Arithmetic is exact (10% of 30 is 3).
 *   atMost with a minCount above ⌊p·N⌋ is contradictory and an error.
 * - **Risk-based tasks** (智慧监管(信用风险)分类要求): class h's rate is the task rate times its multiplier, capped at
 *   100% (default A×0.5, B×1, C×2, D×4). For atLeast the batch draws max(demand, ⌈Σ min(1, p·m_h)·N_h⌉): the tilt adds
 *   checks on risky classes and the top-up keeps the total at least what the plan demands. For exact and atMost the
 *   total is the demand itself and the tilt only shifts it towards risky classes. Either way the units are spread by
 *   {@link allocateByRiskPriority}, so rates never decrease from A to D.
 * - **Other tasks** split the demand over strata in proportion to their sizes (largest remainder).
 */
import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import {
  addFractions,
  ceilFraction,
  floorFraction,
  fromInteger,
  minFraction,
  multiplyFractions,
  toExactFraction,
} from './exact-fraction.ts';
import type { Fraction } from './exact-fraction.ts';
import { allocateLargestRemainder } from './largest-remainder.ts';
import { allocateByRiskPriority } from './risk-water-filling.ts';
import { DEFAULT_RISK_MULTIPLIERS, selectMultiplier } from './risk-multipliers.ts';
import type { RiskClass, RiskMultipliers } from './risk-multipliers.ts';

/** 不低于 → atLeast, 不超过 → atMost, otherwise exact (same as the plan model's `RatioBound`). */
export type AllocationBound = 'exact' | 'atLeast' | 'atMost';

/** One stratum of the task population. */
export interface StratumInput {
  /** Unique name, e.g. 'A' … 'D', 'unclassified', or 'all' for a task without strata. */
  readonly name: string;
  /** The credit-risk class, or null for objects without one (multiplier `unclassified`). */
  readonly riskClass: RiskClass | null;
  /** N_h: objects of the stratum in the task's population this year. */
  readonly population: number;
  /** Objects of the stratum already drawn by earlier batches of this task this year (default 0). */
  readonly drawnBefore?: number;
}

/** Everything the allocation of one task batch depends on. */
export interface AllocationInput {
  readonly strata: readonly StratumInput[];
  /** 抽查比例: percent in (0, 100] and its bound. */
  readonly ratio: { readonly percent: number; readonly bound: AllocationBound };
  /** 不少于N户 (default none). */
  readonly minCount?: number | null;
  /** 频次 per year (default 1). */
  readonly timesPerYear?: number | null;
  /** 1-based batch number, at most timesPerYear (default 1). */
  readonly batch?: number;
  /** Whether the task follows credit-risk classes. */
  readonly riskBased: boolean;
  /** Overrides of {@link DEFAULT_RISK_MULTIPLIERS}, each > 0. */
  readonly multipliers?: Partial<RiskMultipliers>;
}

/** The allocation of one stratum. */
export interface StratumAllocation {
  readonly name: string;
  readonly riskClass: RiskClass | null;
  readonly population: number;
  /** Objects in this batch's frame: population − drawnBefore (the whole population for 100% tasks). */
  readonly available: number;
  /** The multiplier applied (1 when the task is not risk-based). */
  readonly multiplier: number;
  /** n_h: how many this batch draws from the stratum. */
  readonly count: number;
}

/** The allocation table of a task batch. */
export interface BatchAllocation {
  readonly strata: readonly StratumAllocation[];
  /** N: the task population. */
  readonly population: number;
  /** What the plan demands of this batch (see the module doc), capped at N. */
  readonly demanded: number;
  /** Σ n_h. At least `demanded` unless the remainder of the frame is too small. */
  readonly total: number;
  /** max(0, demanded − total): checks the remainder could not supply (only in later batches). */
  readonly shortfall: number;
  /** True for 100% tasks. */
  readonly takesEveryone: boolean;
}

/** Why no allocation could be computed. */
export type AllocationError =
  | { readonly kind: 'invalidInput'; readonly message: string }
  | { readonly kind: 'contradictoryPlan'; readonly message: string };

function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

function invalid(message: string): Result<never, AllocationError> {
  return err({ kind: 'invalidInput', message });
}

function checkInput(input: AllocationInput, multipliers: RiskMultipliers): AllocationError | undefined {
  const names = new Set<string>();
  for (const s of input.strata) {
    if (names.has(s.name)) return { kind: 'invalidInput', message: `stratum ${s.name} is listed twice` };
    names.add(s.name);
    if (!isCount(s.population)) return { kind: 'invalidInput', message: `stratum ${s.name}: bad population` };
    const before = s.drawnBefore ?? 0;
    if (!isCount(before) || before > s.population) {
      return { kind: 'invalidInput', message: `stratum ${s.name}: drawnBefore must be 0..population` };
    }
  }
  const { percent } = input.ratio;
  if (!Number.isFinite(percent) || percent <= 0 || percent > 100) {
    return { kind: 'invalidInput', message: `percent must be in (0, 100], got ${percent}` };
  }
  const minCount = input.minCount ?? 0;
  if (!isCount(minCount)) return { kind: 'invalidInput', message: `minCount must be a whole number ≥ 0` };
  const times = input.timesPerYear ?? 1;
  const batch = input.batch ?? 1;
  if (!Number.isSafeInteger(times) || times < 1) {
    return { kind: 'invalidInput', message: `timesPerYear must be a whole number ≥ 1` };
  }
  if (!Number.isSafeInteger(batch) || batch < 1 || batch > times) {
    return { kind: 'invalidInput', message: `batch must be 1..${times}, got ${batch}` };
  }
  for (const [key, value] of Object.entries(multipliers)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      return { kind: 'invalidInput', message: `multiplier ${key} must be a finite number > 0` };
    }
  }
  return undefined;
}

/** Computes the allocation table of one task batch (see the module doc for every rule). */
export function allocateBatch(input: AllocationInput): Result<BatchAllocation, AllocationError> {
  const multipliers: RiskMultipliers = { ...DEFAULT_RISK_MULTIPLIERS, ...input.multipliers };
  const problem = checkInput(input, multipliers);
  if (problem !== undefined) return err(problem);
  const rate = toExactFraction(input.ratio.percent);
  if (rate === undefined) return invalid(`percent ${input.ratio.percent} is not a plain decimal`);
  const p: Fraction = { num: rate.num, den: rate.den * 100n };
  const population = input.strata.reduce((sum, s) => sum + s.population, 0);
  const takesEveryone = p.num === p.den;
  const minCount = input.minCount ?? 0;

  const base =
    input.ratio.bound === 'atMost'
      ? floorFraction(multiplyFractions(p, fromInteger(population)))
      : ceilFraction(multiplyFractions(p, fromInteger(population)));
  if (input.ratio.bound === 'atMost' && Math.min(minCount, population) > base) {
    return err({
      kind: 'contradictoryPlan',
      message: `不少于${minCount}户 exceeds 不超过${input.ratio.percent}% of ${population} (${base})`,
    });
  }
  const demanded = Math.min(population, Math.max(base, minCount));

  const available = input.strata.map((s) =>
    takesEveryone ? s.population : s.population - (s.drawnBefore ?? 0),
  );
  const applied = input.strata.map((s) => (input.riskBased ? selectMultiplier(multipliers, s.riskClass) : 1));

  let counts: number[];
  if (takesEveryone) {
    counts = [...available];
  } else if (input.riskBased) {
    let target = demanded;
    if (input.ratio.bound === 'atLeast') {
      let tilted: Fraction = fromInteger(0);
      input.strata.forEach((s, h) => {
        const m = toExactFraction(applied[h] ?? 1) ?? fromInteger(1);
        const stratumRate = minFraction(multiplyFractions(p, m), fromInteger(1));
        tilted = addFractions(tilted, multiplyFractions(stratumRate, fromInteger(s.population)));
      });
      target = Math.max(demanded, Math.min(population, ceilFraction(tilted)));
    }
    counts = allocateByRiskPriority(
      target,
      input.strata.map((s, h) => ({
        multiplier: applied[h] ?? 1,
        population: s.population,
        cap: available[h] ?? 0,
      })),
    );
  } else {
    counts = allocateLargestRemainder(
      demanded,
      input.strata.map((s) => s.population),
      available,
    );
  }

  const total = counts.reduce((sum, n) => sum + n, 0);
  return ok({
    strata: input.strata.map((s, h) => ({
      name: s.name,
      riskClass: s.riskClass,
      population: s.population,
      available: available[h] ?? 0,
      multiplier: applied[h] ?? 1,
      count: counts[h] ?? 0,
    })),
    population,
    demanded,
    total,
    shortfall: Math.max(0, demanded - total),
    takesEveryone,
  });
}
