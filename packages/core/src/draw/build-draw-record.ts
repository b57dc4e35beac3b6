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
  deriveSeed,
  hashFrame,
  hashSealedStrata,
} from '../sampling/index.ts';
import { compareByCodeUnit } from '../sampling/compare-text.ts';
import { createTicketKeyer } from '../sampling/ticket-key.ts';
import { combineSessionSeed } from './combine-session-seed.ts';
import { DRAW_RECORD_FORMAT } from './draw-record.ts';
import type {
  DrawRecord,
  DrawRecordFrame,
  DrawRecordInspectors,
  DrawRecordMember,
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

/**
 * The inspector teams as drawn (members in any order). A member's ticket is computed here unless the draw gives it
 * (assignInspectors does); either way the record's verification recomputes every ticket.
 */
export interface InspectorTeamsInput {
  readonly slots: readonly DrawRecordSlot[];
  readonly workloadCap: number;
  readonly teams: readonly {
    readonly targetId: string;
    readonly members: readonly {
      readonly inspectorId: string;
      readonly department: string;
      readonly ticket?: string;
    }[];
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
    /**
     * The sealed strata hash published with it (null with one stratum). Given with `hash`, the frame is not hashed
     * a second time here: the verification the record ends with recomputes both hashes from the ids and the strata
     * file, and a mismatch is refused as an input error all the same.
     */
    readonly sealed?: string | null;
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
    ids: isInCodePointOrder(frame.ids) ? frame.ids.slice() : [...frame.ids].sort(compareByCodePoint),
    strata: frame.strata.map((s) => ({ name: s.name, size: s.size, allocation: s.allocation })),
    sealed,
    hash: hash.value,
  });
}

/** Whether the ids are distinct and in code-point order (a frozen frame's are: then they need no sort). */
function isInCodePointOrder(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i++) {
    if (compareByCodePoint(ids[i - 1] as string, ids[i] as string) >= 0) return false;
  }
  return true;
}

/**
 * `x => U(H(seed) + x)` for well-formed `x`, hashing the seed once (the same tickets as `computeFirstFraction` and
 * `computeInspectorTicket`); null for a string with a lone surrogate.
 */
function createTicketer(seed: string): (x: string) => string | null {
  const keyer = createTicketKeyer(seed);
  return (x) => (keyer.keyOf(x) >= 0 ? keyer.ticketNumberOfLast() : null);
}

/**
 * The frame part of the record from a frame published at its freezing (hash and sealed hash given), without hashing
 * it again: ids in code-point order (sorted here only if they are not), strata as given. The record's verification
 * checks both hashes.
 */
function takePublishedFrame(frame: DrawRecordInput['frame']): Result<DrawRecordFrame, BuildDrawRecordError> {
  if (frame.strata.length > 1 || frame.strataFile !== null) {
    if (frame.strataFile === null) return invalid('a frame with several strata needs its strata file');
    if (frame.strata.length < 2) return invalid('a frame with one stratum has no strata file');
  }
  return ok({
    algorithm: DRAW_ALGORITHM_VERSION,
    ids: isInCodePointOrder(frame.ids) ? frame.ids : [...frame.ids].sort(compareByCodePoint),
    strata: frame.strata.map((s) => ({ name: s.name, size: s.size, allocation: s.allocation })),
    sealed: frame.sealed ?? null,
    hash: frame.hash ?? '',
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
  const ticketOf = createTicketer(inspectorSeed);
  const teams: DrawRecordTeam[] = [];
  for (const targetId of targets) {
    const team = byTarget.get(targetId);
    if (team === undefined) return invalid(`target ${targetId} has no team`);
    const members: DrawRecordMember[] = [];
    for (const m of team.members) {
      const ticket = m.ticket ?? ticketOf(`${targetId}/${m.inspectorId}`);
      if (ticket === null) return invalid(`inspector id ${m.inspectorId} is not well-formed text`);
      members.push({ inspectorId: m.inspectorId, department: m.department, ticket });
    }
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
  const published = input.frame.hash !== undefined && input.frame.sealed !== undefined;
  const frame = published ? takePublishedFrame(input.frame) : freezeFrame(input.frame);
  if (!frame.ok) return frame;
  if (input.frame.hash !== undefined && input.frame.hash !== frame.value.hash) {
    return invalid(`the frame hashes to ${frame.value.hash}, not the published ${input.frame.hash}`);
  }
  const excluded = hashExcludedIds(input.excludedIds);
  if (!excluded.ok) return invalid(`excluded id ${excluded.error.id}: ${excluded.error.kind}`);
  if (input.excludedIds.length > 0) {
    const frameIds = new Set(frame.value.ids);
    const overlap = input.excludedIds.find((id) => frameIds.has(id));
    if (overlap !== undefined) return invalid(`excluded id ${overlap} is in the frame`);
  }
  const targetTicketOf = createTicketer(targetSeed.value);
  const targets: { id: string; ticket: string }[] = [];
  for (const id of input.targets) {
    const ticket = targetTicketOf(id);
    if (ticket === null) return invalid(`target id ${id} is not well-formed text`);
    targets.push({ id, ticket });
  }
  targets.sort((a, b) => compareByCodeUnit(a.ticket, b.ticket) || compareByCodePoint(a.id, b.id));
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
  if (!verified.ok) {
    const d = verified.error;
    // A published frame taken as given: what freezeFrame would have refused is still an input error.
    if (published && d.field === 'frame.hash') {
      return invalid(`the frame hashes to ${d.expected}, not the published ${d.found}`);
    }
    if (published && (d.field.startsWith('frame.') || d.field.startsWith('strata.'))) {
      return invalid(`${d.field}: ${d.message}`);
    }
    return err({ kind: 'inconsistent', discrepancy: d });
  }
  return ok(record);
}
