/**
 * Builds the published draw record (DOMAIN.md §4.4; format in draw-record.ts) from what the server holds: the frozen
 * frame and its strata file, the session seed, the targets drawn and the inspector teams. Derived seeds, the frame
 * hash, the sealed hash and every ticket are computed here, and the finished record is run through
 * {@link verifyDrawRecord} (with the strata file), so a record that leaves this function verifies by construction.
 */
import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import {
  DRAW_ALGORITHM_VERSION,
  compareByCodePoint,
  computeFirstFraction,
  computeInspectorTicket,
  deriveSeed,
  hashFrame,
  hashSealedStrata,
} from '../sampling/index.ts';
import { compareByCodeUnit } from '../sampling/compare-text.ts';
import { combineSessionSeed } from './combine-session-seed.ts';
import { DRAW_RECORD_FORMAT } from './draw-record.ts';
import type {
  DrawRecord,
  DrawRecordFrame,
  DrawRecordInspectors,
  DrawRecordSession,
  DrawRecordSlot,
  DrawRecordStratum,
  DrawRecordSupersedes,
  DrawRecordTask,
  DrawRecordTeam,
  StrataFile,
} from './draw-record.ts';
import { hashExcludedIds } from './hash-excluded-ids.ts';
import { verifyDrawRecord } from './verify-draw-record.ts';
import type { Discrepancy } from './verify-draw-record.ts';

/** The frame as frozen: ids, public strata (labels `S1`…), and the strata file when there are several strata. */
export interface FrameInput {
  readonly ids: readonly string[];
  readonly strata: readonly DrawRecordStratum[];
  /** Required when there is more than one stratum (the membership is sealed); null with a single stratum. */
  readonly strataFile: StrataFile | null;
}

/** The inspector teams as drawn (members in any order; tickets are computed here). */
export interface InspectorTeamsInput {
  readonly slots: readonly DrawRecordSlot[];
  readonly workloadCap: number;
  readonly teams: readonly {
    readonly targetId: string;
    readonly members: readonly { readonly inspectorId: string; readonly department: string }[];
  }[];
}

/** Everything {@link buildDrawRecord} needs. */
export interface DrawRecordInput {
  readonly id: string;
  readonly task: DrawRecordTask;
  readonly session: DrawRecordSession;
  readonly seed: { readonly digits: string; readonly beacon: string | null };
  readonly frame: FrameInput & {
    /** The hash published when the frame was frozen; when given, the recomputed hash must equal it. */
    readonly hash?: string;
  };
  /** Targets of earlier batches of the task this year (not in this frame). */
  readonly excludedIds: readonly string[];
  /** The ids drawn by {@link drawTargets} (any order). */
  readonly targets: readonly string[];
  readonly inspectors: InspectorTeamsInput | null;
  readonly supersedes: DrawRecordSupersedes | null;
}

/** Why a record could not be built. */
export type BuildDrawRecordError =
  /** An input is malformed (bad seed digits, frame, excluded ids, teams). */
  | { readonly kind: 'invalidInput'; readonly message: string }
  /** The inputs are well formed but not one consistent draw; the verifier's first discrepancy says where. */
  | { readonly kind: 'inconsistent'; readonly discrepancy: Discrepancy };

function invalid(message: string): Result<never, BuildDrawRecordError> {
  return err({ kind: 'invalidInput', message });
}

/**
 * The published frame (DOMAIN.md §4.1): ids in code-point order, the sealed hash of the strata file (several strata)
 * or null (one stratum), and the frame hash. This is what the platform publishes when it freezes the frame, before
 * the seed exists.
 */
export function freezeFrame(frame: FrameInput): Result<DrawRecordFrame, BuildDrawRecordError> {
  let sealed: string | null = null;
  if (frame.strata.length > 1 || frame.strataFile !== null) {
    if (frame.strataFile === null) return invalid('a frame with several strata needs its strata file');
    if (frame.strata.length < 2) return invalid('a frame with one stratum has no strata file');
    const hash = hashSealedStrata(frame.strataFile.assignments, frame.strataFile.salt);
    if (!hash.ok) return invalid(hash.error.message);
    sealed = hash.value;
  }
  const hash = hashFrame({
    algorithm: DRAW_ALGORITHM_VERSION,
    ids: frame.ids,
    strata: frame.strata,
    ...(sealed === null ? {} : { sealedStrataHash: sealed }),
  });
  if (!hash.ok) return invalid(hash.error.message);
  return ok({
    algorithm: DRAW_ALGORITHM_VERSION,
    ids: [...frame.ids].sort(compareByCodePoint),
    strata: frame.strata.map((s) => ({ name: s.name, size: s.size, allocation: s.allocation })),
    sealed,
    hash: hash.value,
  });
}

function buildTeams(
  input: InspectorTeamsInput,
  targets: readonly string[],
  inspectorSeed: string,
): Result<DrawRecordInspectors, BuildDrawRecordError> {
  const byTarget = new Map(input.teams.map((team) => [team.targetId, team]));
  if (byTarget.size !== input.teams.length) return invalid('a target has two teams');
  const order = new Map(input.slots.map((slot, index) => [slot.department, index]));
  const teams: DrawRecordTeam[] = [];
  for (const targetId of targets) {
    const team = byTarget.get(targetId);
    if (team === undefined) return invalid(`target ${targetId} has no team`);
    const members = team.members.map((m) => ({
      inspectorId: m.inspectorId,
      department: m.department,
      ticket: computeInspectorTicket(inspectorSeed, targetId, m.inspectorId),
    }));
    members.sort(
      (a, b) =>
        (order.get(a.department) ?? order.size) - (order.get(b.department) ?? order.size) ||
        compareByCodeUnit(a.ticket, b.ticket) ||
        compareByCodePoint(a.inspectorId, b.inspectorId),
    );
    teams.push({ targetId, members });
  }
  if (byTarget.size !== targets.length) return invalid('a team belongs to no target');
  return ok({
    slots: input.slots.map((s) => ({ department: s.department, count: s.count })),
    workloadCap: input.workloadCap,
    teams,
  });
}

/**
 * The draw record of one task batch (see the module doc). Fails with `inconsistent` when the targets or teams given
 * are not what the seed and frame determine (e.g. a target outside the frame, a wrong stratum draw, a team over the cap).
 */
export function buildDrawRecord(input: DrawRecordInput): Result<DrawRecord, BuildDrawRecordError> {
  const seedValue = combineSessionSeed(input.seed.digits, input.seed.beacon);
  if (!seedValue.ok) return invalid(`seed ${seedValue.error.part}: ${seedValue.error.message}`);
  const targetSeed = deriveSeed(seedValue.value, input.task.code, input.task.batch, 'targets');
  const inspectorSeed = deriveSeed(seedValue.value, input.task.code, input.task.batch, 'inspectors');
  if (!targetSeed.ok) return invalid(targetSeed.error.message);
  if (!inspectorSeed.ok) return invalid(inspectorSeed.error.message);
  const frame = freezeFrame(input.frame);
  if (!frame.ok) return frame;
  if (input.frame.hash !== undefined && input.frame.hash !== frame.value.hash) {
    return invalid(`the frame hashes to ${frame.value.hash}, not the published ${input.frame.hash}`);
  }
  const excluded = hashExcludedIds(input.excludedIds);
  if (!excluded.ok) return invalid(`excluded id ${excluded.error.id}: ${excluded.error.kind}`);
  const frameIds = new Set(frame.value.ids);
  const overlap = input.excludedIds.find((id) => frameIds.has(id));
  if (overlap !== undefined) return invalid(`excluded id ${overlap} is in the frame`);
  const targets = input.targets
    .map((id) => ({ id, ticket: computeFirstFraction(id, targetSeed.value) }))
    .sort((a, b) => compareByCodeUnit(a.ticket, b.ticket) || compareByCodePoint(a.id, b.id));
  let inspectors: DrawRecordInspectors | null = null;
  if (input.inspectors !== null) {
    const teams = buildTeams(
      input.inspectors,
      targets.map((t) => t.id),
      inspectorSeed.value,
    );
    if (!teams.ok) return teams;
    inspectors = teams.value;
  }
  const record: DrawRecord = {
    format: DRAW_RECORD_FORMAT,
    id: input.id,
    algorithm: DRAW_ALGORITHM_VERSION,
    task: { ...input.task },
    session: { ...input.session, witnesses: [...input.session.witnesses] },
    seed: { digits: input.seed.digits, beacon: input.seed.beacon, value: seedValue.value },
    derivedSeeds: { targets: targetSeed.value, inspectors: inspectorSeed.value },
    frame: frame.value,
    excluded: excluded.value,
    targets,
    inspectors,
    supersedes: input.supersedes === null ? null : { ...input.supersedes },
  };
  const verified = verifyDrawRecord(record, input.frame.strataFile ?? undefined);
  if (!verified.ok) return err({ kind: 'inconsistent', discrepancy: verified.error });
  return ok(record);
}
