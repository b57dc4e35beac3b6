/**
 * A task batch tilted by the risk model's bands, with a uniform control share (issue #9, DOMAIN.md §4 "Risk tilt").
 *
 * ## Rules (ours)
 * - **How many.** The batch draws exactly what the plan demands of it ({@link allocateBatch} on the whole frame, no
 *   tilt): the model only decides where the checks go, never how many. A 100% task is never tilted (everyone is
 *   checked anyway).
 * - **Control stratum.** A share `controlShare` (default 10%) of the task population, chosen by a secret hash
 *   `H(salt + TAB + "control" + TAB + id)` (the smallest ⌈share · N⌉ values), forms the stratum 对照组. The hash does
 *   not look at any feature, so the control stratum is a uniform random part of the whole frame; it draws
 *   round(share · total) targets (at least one), i.e. about the task's own rate, by the same consistent sampler as
 *   any stratum. Its targets are therefore a uniform sample of the frame, the yardstick tilted draws are compared
 *   with. A batch of fewer than two targets is not tilted (it could not hold both a control and a tilted target).
 * - **Band strata.** Everyone else is split by model band (模型低/中/高风险) and the rest of the batch is spread by
 *   the same water-filling as the official classes ({@link allocateByRiskPriority}: rates never decrease with the
 *   multiplier), with multipliers 低 ×0.5, 中 ×1, 高 ×4 (as the classes A, B and D; DOMAIN.md §4).
 * - **Sealed.** The strata are ordinary sealed strata: opaque labels S1… in the public record, membership committed
 *   by the strata file's hash, so `ssj verify`, tools/verify.py and the portal verify the draw unchanged; the labels
 *   → names map (which label is the control) is in the sealed file for auditors.
 */
import { allocateBatch } from '../allocation/allocate-batch.ts';
import type { AllocationBound, BatchAllocation, StratumAllocation } from '../allocation/allocate-batch.ts';
import { allocateByRiskPriority } from '../allocation/risk-water-filling.ts';
import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { compareByCodePoint } from '../sampling/compare-text.ts';
import { hashSha256Hex } from '../sampling/sha256.ts';
import type { RiskBand } from './risk-band.ts';

/** Internal names of the strata of a tilted frame (never public: the record shows S1, S2 …). */
export const RISK_TILT_STRATA = {
  control: '对照组',
  高: '模型高风险',
  中: '模型中风险',
  低: '模型低风险',
} as const;

export const DEFAULT_RISK_CONTROL_SHARE = 0.1;

/** Multipliers of the task rate per model band (as the official classes A, B, D of DOMAIN.md §4). */
export const DEFAULT_RISK_BAND_MULTIPLIERS: Readonly<Record<RiskBand, number>> = { 低: 0.5, 中: 1, 高: 4 };

export interface TiltedBatchInput {
  /** Every member of the task population with its model band; `drawnBefore`: a target of an earlier batch. */
  readonly members: readonly {
    readonly id: string;
    readonly band: RiskBand;
    readonly drawnBefore: boolean;
  }[];
  /** The frame's secret salt (the one that labels and seals its strata). */
  readonly salt: string;
  /** Share of the population (and of the batch) in the uniform control stratum, in [0.05, 0.5]. */
  readonly controlShare?: number;
  readonly ratio: { readonly percent: number; readonly bound: AllocationBound };
  readonly minCount?: number | null;
  readonly timesPerYear?: number | null;
  readonly batch?: number;
  readonly multipliers?: Partial<Record<RiskBand, number>>;
}

export interface TiltedBatch {
  /** The allocation table (strata 对照组, 模型高风险, 模型中风险, 模型低风险; empty ones left out). */
  readonly allocation: BatchAllocation;
  /** Internal stratum name of every member. */
  readonly stratumOf: ReadonlyMap<string, string>;
  readonly controlShare: number;
}

export type TiltedBatchProblem =
  | { readonly kind: 'takes-everyone' }
  | { readonly kind: 'too-small'; readonly total: number }
  | { readonly kind: 'bad-share'; readonly share: number }
  | { readonly kind: 'allocation'; readonly message: string };

/** Whether an object is in the control stratum is decided by this key alone (smaller = in). */
function controlKey(salt: string, id: string): string {
  return hashSha256Hex(`${salt}\tcontrol\t${id}`);
}

/** The allocation table and stratum membership of a tilted task batch (see the module doc for every rule). */
export function allocateTiltedBatch(input: TiltedBatchInput): Result<TiltedBatch, TiltedBatchProblem> {
  const share = input.controlShare ?? DEFAULT_RISK_CONTROL_SHARE;
  if (!(Number.isFinite(share) && share >= 0.05 && share <= 0.5)) return err({ kind: 'bad-share', share });
  const population = input.members.length;
  const before = input.members.filter((m) => m.drawnBefore).length;
  const base = allocateBatch({
    strata: [{ name: 'all', riskClass: null, population, drawnBefore: before }],
    ratio: input.ratio,
    minCount: input.minCount ?? null,
    timesPerYear: input.timesPerYear ?? 1,
    batch: input.batch ?? 1,
    riskBased: false,
  });
  if (!base.ok) return err({ kind: 'allocation', message: base.error.message });
  if (base.value.takesEveryone) return err({ kind: 'takes-everyone' });
  const total = base.value.total;
  if (total < 2) return err({ kind: 'too-small', total });

  const byKey = input.members
    .map((m) => ({ member: m, key: controlKey(input.salt, m.id) }))
    .sort((a, b) => compareByCodePoint(a.key, b.key) || compareByCodePoint(a.member.id, b.member.id));
  const controlSize = Math.min(population, Math.ceil(share * population - 1e-9));
  const stratumOf = new Map<string, string>();
  const counts = new Map<string, { population: number; available: number }>();
  byKey.forEach(({ member }, index) => {
    const name = index < controlSize ? RISK_TILT_STRATA.control : RISK_TILT_STRATA[member.band];
    stratumOf.set(member.id, name);
    const entry = counts.get(name) ?? { population: 0, available: 0 };
    entry.population++;
    if (!member.drawnBefore) entry.available++;
    counts.set(name, entry);
  });

  const control = counts.get(RISK_TILT_STRATA.control) ?? { population: 0, available: 0 };
  const controlCount = Math.min(control.available, Math.max(1, Math.round(share * total)));
  const multipliers = { ...DEFAULT_RISK_BAND_MULTIPLIERS, ...input.multipliers };
  const bands = (['高', '中', '低'] as const).filter((band) => counts.has(RISK_TILT_STRATA[band]));
  const bandCounts = allocateByRiskPriority(
    total - controlCount,
    bands.map((band) => {
      const c = counts.get(RISK_TILT_STRATA[band]) ?? { population: 0, available: 0 };
      return { multiplier: multipliers[band], population: c.population, cap: c.available };
    }),
  );
  // Band strata short of room (a small frame): the control stratum takes up what is left.
  const bandTotal = bandCounts.reduce((sum, n) => sum + n, 0);
  const controlFinal = Math.min(control.available, total - bandTotal);
  const strata: StratumAllocation[] = [];
  if (control.population > 0)
    strata.push({
      name: RISK_TILT_STRATA.control,
      riskClass: null,
      population: control.population,
      available: control.available,
      multiplier: 1,
      count: controlFinal,
    });
  bands.forEach((band, h) => {
    const c = counts.get(RISK_TILT_STRATA[band]) ?? { population: 0, available: 0 };
    strata.push({
      name: RISK_TILT_STRATA[band],
      riskClass: null,
      population: c.population,
      available: c.available,
      multiplier: multipliers[band],
      count: bandCounts[h] ?? 0,
    });
  });
  const drawn = strata.reduce((sum, s) => sum + s.count, 0);
  return ok({
    allocation: {
      strata,
      population,
      demanded: base.value.demanded,
      total: drawn,
      shortfall: Math.max(0, base.value.demanded - drawn),
      takesEveryone: false,
    },
    stratumOf,
    controlShare: share,
  });
}
