/**
 * The pure part of freezing a draw session's frames (DOMAIN.md §4.1): from a task batch's population (the members
 * its population rules selected), the frame, its strata and allocation, opaque labels, the sealed membership and the
 * frame hash, ready to store. No database, no clock, no randomness (the salt is given): the same inputs give the
 * same frame, whether computed on the caller's thread or in the draw worker (draw-worker.ts) while the caller's
 * thread stores the frames computed before.
 */
import {
  allocateBatch,
  compareByCodePoint,
  err,
  freezeFrame,
  hashExcludedIds,
  labelStrata,
  ok,
  type BatchAllocation,
  type Result,
  type RiskClass,
} from '@ssj/core';
import type { DrawFrameStratumRow } from '../../db/schema.ts';
import type { RiskTiltPlan } from '../risk/risk-tilt.ts';
import type { DrawError } from './draw-errors.ts';

const UNCLASSIFIED = 'unclassified';

/** The members one population rule selected: canonical ids and their sealed risk classes, position by position. */
export interface RuleMembers {
  readonly ids: readonly string[];
  readonly riskClasses: readonly (RiskClass | null)[];
}

/** One task batch to freeze, with everything its frame depends on. */
export interface FrameRequest {
  readonly taskCode: string;
  readonly riskBased: boolean;
  readonly batch: number;
  readonly times: number;
  readonly ratioPercent: number;
  readonly ratioBound: 'exact' | 'atLeast' | 'atMost';
  readonly minCount: number | null;
  /** The members of each population rule of the task's lines, in line order. */
  readonly rules: readonly RuleMembers[];
  /** Canonical ids drawn by earlier batches of the task. */
  readonly earlier: readonly string[];
  /** Issue #9: the risk model's tilt of this frame (features/risk/risk-tilt.ts), or null. */
  readonly tilt: RiskTiltPlan | null;
  /** The frame's secret salt (the tilt's when there is one). */
  readonly salt: string;
}

/** A frozen frame, its bulk values as the JSON text stored. */
export interface ComputedFrame {
  readonly frameHash: string;
  readonly frameSize: number;
  readonly targets: number;
  /** Public labels with size and allocation, in code-point order of the labels. */
  readonly strata: DrawFrameStratumRow[];
  readonly algorithm: string;
  readonly sealed: string | null;
  /** JSON array of the frame's ids in code-point order. */
  readonly idsText: string;
  /** JSON `{count, hash, ids}` of the ids left out as earlier batches' targets. */
  readonly excludedText: string;
  /** JSON of the allocation (core allocateBatch, or the tilt's). */
  readonly allocationText: string;
  /** JSON array of the sealed stratum label of each id, in the order of the ids; empty with one stratum. */
  readonly idStrataText: string;
  /** JSON object label → internal stratum name. */
  readonly labelsText: string;
  /** The salt of the labels and the sealed membership (the request's). */
  readonly salt: string;
}

/** The task's population: every member of its rules once (canonical id → sealed risk class). */
export function mergeRuleMembers(rules: readonly RuleMembers[]): Map<string, RiskClass | null> {
  const members = new Map<string, RiskClass | null>();
  for (const rule of rules) {
    for (let i = 0; i < rule.ids.length; i++) members.set(rule.ids[i] as string, rule.riskClasses[i] ?? null);
  }
  return members;
}

/**
 * Sorts ids in code-point order (the frame's order, DOMAIN.md §4.1): JavaScript's default string order when no id
 * holds a character from U+D800 up (the two orders differ only there), which spares a comparator call per step.
 */
function sortByCodePoint(ids: string[]): string[] {
  return ids.some((id) => HIGH_CODE_UNIT.test(id)) ? ids.sort(compareByCodePoint) : ids.sort();
}

const HIGH_CODE_UNIT = /[\uD800-\uFFFF]/;

/**
 * The frame of one task batch (DOMAIN.md §4.1): the population less earlier batches' targets, strata by credit-risk
 * class when the task is risk-based, the allocation (core allocateBatch), opaque labels and the sealed membership,
 * and the frame hash.
 */
export function computeFrame(request: FrameRequest): Result<ComputedFrame, DrawError> {
  const members = mergeRuleMembers(request.rules);
  const code = request.taskCode;
  if (members.size === 0) return err({ kind: 'empty_frame', code });
  const earlier = new Set(request.earlier);
  const { riskBased, tilt } = request;
  const stratumOf = (riskClass: RiskClass | null): string =>
    riskBased ? (riskClass ?? UNCLASSIFIED) : 'all';
  const population = new Map<
    string,
    { riskClass: RiskClass | null; population: number; drawnBefore: number }
  >();
  for (const [id, riskClass] of members) {
    const name = stratumOf(riskClass);
    let entry = population.get(name);
    if (entry === undefined) {
      entry = { riskClass: riskBased ? riskClass : null, population: 0, drawnBefore: 0 };
      population.set(name, entry);
    }
    entry.population++;
    if (earlier.has(id)) entry.drawnBefore++;
  }
  const strataInput = [...population.entries()]
    .sort(([a], [b]) => compareByCodePoint(a, b))
    .map(([name, s]) => ({
      name,
      riskClass: s.riskClass,
      population: s.population,
      drawnBefore: s.drawnBefore,
    }));
  const allocated = allocateBatch({
    strata: strataInput,
    ratio: { percent: request.ratioPercent, bound: request.ratioBound },
    minCount: request.minCount,
    timesPerYear: request.times,
    batch: request.batch,
    riskBased,
  });
  if (!allocated.ok) return err({ kind: 'allocation_failed', code, message: allocated.error.message });
  // Issue #9: a task the office tilts by the risk model uses its strata (model bands + uniform control stratum).
  const allocation: BatchAllocation = tilt?.allocation ?? allocated.value;
  // 100% tasks take everyone in every batch; otherwise earlier batches' targets leave the frame.
  const excludedIds = allocation.takesEveryone ? [] : [...earlier].filter((id) => members.has(id));
  const excludedSet = new Set(excludedIds);
  const ids = sortByCodePoint(
    excludedSet.size === 0 ? [...members.keys()] : [...members.keys()].filter((id) => !excludedSet.has(id)),
  );
  const salt = request.salt;
  const labelled = labelStrata(
    allocation.strata.map((s) => s.name),
    salt,
  );
  if (!labelled.ok) return err({ kind: 'record_failed', code, message: labelled.error.kind });
  const labelOf = new Map(labelled.value.map((l) => [l.name, l.label]));
  const strata = allocation.strata
    .map((s) => ({ name: labelOf.get(s.name) ?? s.name, size: 0, allocation: s.count }))
    .sort((a, b) => compareByCodePoint(a.name, b.name));
  const several = strata.length > 1;
  // The sealed membership is written only when there is something to seal (several strata).
  const sizes = new Map<string, number>();
  const assignments = several
    ? ids.map((id) => {
        const stratum = labelOf.get(tilt?.stratumOf.get(id) ?? stratumOf(members.get(id) ?? null)) ?? '';
        sizes.set(stratum, (sizes.get(stratum) ?? 0) + 1);
        return { id, stratum };
      })
    : [];
  for (const s of strata) s.size = several ? (sizes.get(s.name) ?? 0) : ids.length;
  const frame = freezeFrame({ ids, strata, strataFile: several ? { salt, assignments } : null });
  if (!frame.ok) {
    const message = frame.error.kind === 'invalidInput' ? frame.error.message : 'inconsistent frame';
    return err({ kind: 'record_failed', code, message });
  }
  const excludedHash = hashExcludedIds(excludedIds);
  if (!excludedHash.ok) return err({ kind: 'record_failed', code, message: 'bad excluded ids' });
  return ok({
    frameHash: frame.value.hash,
    frameSize: ids.length,
    targets: allocation.total,
    strata,
    algorithm: frame.value.algorithm,
    sealed: frame.value.sealed,
    // The sealed labels below follow the order of these ids (both are the frame's code-point order).
    idsText: JSON.stringify(frame.value.ids),
    excludedText: JSON.stringify({
      count: excludedIds.length,
      hash: excludedHash.value.hash,
      ids: excludedIds,
    }),
    allocationText: JSON.stringify(allocation),
    idStrataText: JSON.stringify(assignments.map((a) => a.stratum)),
    labelsText: JSON.stringify(Object.fromEntries(labelled.value.map((l) => [l.label, l.name]))),
    salt,
  });
}

/** {@link computeFrame} of each request, in order; the first failure stops it. */
export function computeFrames(requests: readonly FrameRequest[]): Result<ComputedFrame[], DrawError> {
  const frames: ComputedFrame[] = [];
  for (const request of requests) {
    const frame = computeFrame(request);
    if (!frame.ok) return frame;
    frames.push(frame.value);
  }
  return ok(frames);
}
