/**
 * The reference verifier of a published draw record (DOMAIN.md §4.4, §4.5): recomputes the frame hash, the seeds,
 * every ticket and the selection, in the order specified in draw-record.ts ("Verification"), and reports the first
 * discrepancy with its field path, the id concerned, and the expected and found values. `ssj verify` runs it;
 * `tools/verify.py` and the portal's `verify-record.ts` implement the same checks independently.
 */
import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import {
  DRAW_ALGORITHM_VERSION,
  compareByCodePoint,
  compareTickets,
  deriveSeed,
  hashSealedStrata,
  hashSha256Hex,
  selectSmallestFirstTickets,
  serializeFrame,
} from '../sampling/index.ts';
import type { Ticket } from '../sampling/index.ts';
import { createTicketKeyer } from '../sampling/ticket-key.ts';
import { combineSessionSeed, isValidBeacon, isValidSeedDigits } from './combine-session-seed.ts';
import type { DrawRecord, DrawRecordInspectors, StrataFile } from './draw-record.ts';
import { EMPTY_EXCLUDED_HASH } from './hash-excluded-ids.ts';
import { isValidRecordText } from './valid-text.ts';

/** The first thing in a record that does not match its recomputation. */
export interface Discrepancy {
  /** Field path, e.g. `targets[3].ticket` or `strata.assignments[0].id`. */
  readonly field: string;
  /** The object or inspector concerned, when there is one. */
  readonly id: string | null;
  readonly expected: string;
  readonly found: string;
  /** One English sentence. */
  readonly message: string;
}

/** What a successful verification established. */
export interface VerificationReport {
  readonly recordId: string;
  readonly taskCode: string;
  readonly batch: number;
  readonly frameHash: string;
  readonly frameSize: number;
  readonly strataCount: number;
  readonly targetCount: number;
  /** `verified`: the targets are exactly the draw; `notChecked`: strata sealed, only tickets and membership checked. */
  readonly selection: 'verified' | 'notChecked';
  /** Whether a strata file was checked against the sealed hash. */
  readonly strataFileChecked: boolean;
  /** Number of inspector teams checked, or null when the record has no inspector draw. */
  readonly inspectorTeams: number | null;
  readonly notes: readonly string[];
}

/** The note of a record whose per-stratum selection could not be checked without the strata file. */
export const SEALED_STRATA_NOTE = 'strata sealed: per-stratum selection not checked';

const HEX64 = /^[0-9a-f]{64}$/;

function discrepancy(
  field: string,
  message: string,
  expected: string,
  found: string,
  id: string | null = null,
): Result<never, Discrepancy> {
  return err({ field, id, expected, found, message });
}

/**
 * `x => U(H(seed) + x)`: `computeFirstFraction(x, seed)` and `computeInspectorTicket(seed, targetId, inspectorId)`
 * with `x = targetId + "/" + inspectorId`, but hashing the seed once. `x` must be well formed (checked before).
 */
function createTicketer(seed: string): (x: string) => string {
  const keyer = createTicketKeyer(seed);
  return (x) => (keyer.keyOf(x) >= 0 ? keyer.ticketNumberOfLast() : '');
}

function show(value: string | null): string {
  return value === null ? 'null' : value;
}

/** Steps 1-3: algorithm, session seed, task code and batch, derived seeds. */
function verifySeeds(record: DrawRecord): Result<true, Discrepancy> {
  if (record.algorithm !== DRAW_ALGORITHM_VERSION) {
    return discrepancy('algorithm', 'unknown algorithm version', DRAW_ALGORITHM_VERSION, record.algorithm);
  }
  if (record.frame.algorithm !== record.algorithm) {
    return discrepancy(
      'frame.algorithm',
      "differs from the record's algorithm",
      record.algorithm,
      record.frame.algorithm,
    );
  }
  const { digits, beacon, value } = record.seed;
  if (!isValidSeedDigits(digits)) {
    return discrepancy('seed.digits', 'the dice digits must be at least 20 digits 0-9', '[0-9]{20,}', digits);
  }
  if (beacon !== null && !isValidBeacon(beacon)) {
    return discrepancy(
      'seed.beacon',
      'the beacon must be non-empty, without control characters',
      'a beacon value',
      beacon,
    );
  }
  const combined = combineSessionSeed(digits, beacon);
  if (!combined.ok || combined.value !== value) {
    const expected = combined.ok ? combined.value : '';
    return discrepancy('seed.value', 'is not digits, or digits + "|" + beacon', expected, value);
  }
  const { code, batch } = record.task;
  if (!isValidRecordText(code) || code.includes('|')) {
    return discrepancy('task.code', 'the task code must be a valid text without "|"', 'a task code', code);
  }
  if (batch < 1)
    return discrepancy('task.batch', 'the batch number must be at least 1', '>= 1', String(batch));
  for (const purpose of ['targets', 'inspectors'] as const) {
    const derived = deriveSeed(value, code, batch, purpose);
    const expected = derived.ok ? derived.value : '';
    const found = record.derivedSeeds[purpose];
    if (expected !== found) {
      return discrepancy(`derivedSeeds.${purpose}`, 'is not seed|code|batch|' + purpose, expected, found);
    }
  }
  return ok(true);
}

/** Step 4: frame ids, strata, sealed hash, frame hash. */
function verifyFrame(record: DrawRecord): Result<true, Discrepancy> {
  const { ids, strata, sealed } = record.frame;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as string;
    if (!isValidRecordText(id)) {
      return discrepancy(
        `frame.ids[${i}]`,
        'not a valid id (empty, TAB/LF/CR, or not UTF-8)',
        'a valid id',
        id,
        id,
      );
    }
    const previous = ids[i - 1];
    if (previous !== undefined && compareByCodePoint(previous, id) >= 0) {
      return discrepancy(
        `frame.ids[${i}]`,
        'frame ids must be distinct and in code-point order',
        `an id after ${previous}`,
        id,
        id,
      );
    }
  }
  const names = new Set<string>();
  let total = 0;
  for (let s = 0; s < strata.length; s++) {
    const stratum = strata[s];
    if (stratum === undefined) continue;
    const field = `frame.strata[${s}]`;
    if (!isValidRecordText(stratum.name) || names.has(stratum.name)) {
      return discrepancy(
        `${field}.name`,
        'stratum names must be valid and distinct',
        'a new name',
        stratum.name,
      );
    }
    names.add(stratum.name);
    if (stratum.size < 0) return discrepancy(`${field}.size`, 'must be >= 0', '>= 0', String(stratum.size));
    if (stratum.allocation < 0 || stratum.allocation > stratum.size) {
      return discrepancy(
        `${field}.allocation`,
        'the allocation must be between 0 and the size',
        `0..${stratum.size}`,
        String(stratum.allocation),
      );
    }
    total += stratum.size;
  }
  if (strata.length === 0 || total !== ids.length) {
    return discrepancy(
      'frame.strata',
      'the strata sizes must add up to the number of frame ids',
      String(ids.length),
      strata.length === 0 ? 'no strata' : String(total),
    );
  }
  if (strata.length === 1 ? sealed !== null : sealed === null || !HEX64.test(sealed)) {
    return discrepancy(
      'frame.sealed',
      'a frame with one stratum has no sealed hash; with several, 64 lowercase hex digits',
      strata.length === 1 ? 'null' : '64 lowercase hex digits',
      show(sealed),
    );
  }
  const text = serializeFrame({
    algorithm: record.frame.algorithm,
    ids,
    strata,
    ...(sealed === null ? {} : { sealedStrataHash: sealed }),
  });
  const hash = text.ok ? hashSha256Hex(text.value) : '';
  if (hash !== record.frame.hash) {
    return discrepancy('frame.hash', 'the frame hash does not match the frame', hash, record.frame.hash);
  }
  return ok(true);
}

/** Step 5: the excluded commitment's form. */
function verifyExcluded(record: DrawRecord): Result<true, Discrepancy> {
  const { count, hash } = record.excluded;
  if (count < 0) return discrepancy('excluded.count', 'must be >= 0', '>= 0', String(count));
  if (!HEX64.test(hash) || (count === 0 && hash !== EMPTY_EXCLUDED_HASH)) {
    return discrepancy(
      'excluded.hash',
      'must be 64 lowercase hex digits, and H("") when nothing is excluded',
      count === 0 ? EMPTY_EXCLUDED_HASH : '64 lowercase hex digits',
      hash,
    );
  }
  return ok(true);
}

/** Step 6: the targets' count, membership, uniqueness, tickets and order. */
function verifyTargets(record: DrawRecord, frameIds: ReadonlySet<string>): Result<true, Discrepancy> {
  const { targets } = record;
  const wanted = record.frame.strata.reduce((sum, s) => sum + s.allocation, 0);
  if (targets.length !== wanted) {
    return discrepancy(
      'targets',
      'the number of targets is not the total allocation',
      String(wanted),
      String(targets.length),
    );
  }
  const seen = new Set<string>();
  const ticketOf = createTicketer(record.derivedSeeds.targets);
  let previous: Ticket | undefined;
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i];
    if (target === undefined) continue;
    const { id } = target;
    if (!frameIds.has(id))
      return discrepancy(`targets[${i}].id`, 'the target is not in the frame', 'a frame id', id, id);
    if (seen.has(id))
      return discrepancy(`targets[${i}].id`, 'the target is listed twice', 'a new id', id, id);
    seen.add(id);
    const ticket = ticketOf(id);
    if (ticket !== target.ticket) {
      return discrepancy(
        `targets[${i}].ticket`,
        'the ticket is not U(H(targets seed) + id)',
        ticket,
        target.ticket,
        id,
      );
    }
    const current: Ticket = { ticketNumber: ticket, id, generation: 1 };
    if (previous !== undefined && compareTickets(previous, current) >= 0) {
      return discrepancy(
        `targets[${i}]`,
        'targets must be listed in ticket order',
        `after ${previous.id}`,
        id,
        id,
      );
    }
    previous = current;
  }
  return ok(true);
}

/** Step 7: the strata file against the sealed hash and the frame; returns the members of each stratum. */
function verifyStrataFile(
  record: DrawRecord,
  strata: StrataFile,
  frameIds: ReadonlySet<string>,
): Result<Map<string, string[]>, Discrepancy> {
  const { sealed } = record.frame;
  if (sealed === null) {
    return discrepancy(
      'frame.sealed',
      'a strata file was given but the frame has no sealed strata',
      'a sealed hash',
      'null',
    );
  }
  if (!isValidRecordText(strata.salt)) {
    return discrepancy('strata.salt', 'the salt must be a valid text', 'a valid text', strata.salt);
  }
  const assigned = new Set<string>();
  for (let k = 0; k < strata.assignments.length; k++) {
    const a = strata.assignments[k];
    if (a === undefined) continue;
    if (!isValidRecordText(a.id))
      return discrepancy(`strata.assignments[${k}].id`, 'not a valid id', 'a valid id', a.id, a.id);
    if (!isValidRecordText(a.stratum)) {
      return discrepancy(
        `strata.assignments[${k}].stratum`,
        'not a valid stratum name',
        'a valid name',
        a.stratum,
        a.id,
      );
    }
    if (assigned.has(a.id)) {
      return discrepancy(`strata.assignments[${k}].id`, 'the id is assigned twice', 'a new id', a.id, a.id);
    }
    assigned.add(a.id);
  }
  const hash = hashSealedStrata(strata.assignments, strata.salt);
  const expected = hash.ok ? hash.value : '';
  if (expected !== sealed) {
    return discrepancy('frame.sealed', 'the strata file does not match the sealed hash', expected, sealed);
  }
  const members = new Map<string, string[]>(record.frame.strata.map((s) => [s.name, []]));
  for (let k = 0; k < strata.assignments.length; k++) {
    const a = strata.assignments[k];
    if (a === undefined) continue;
    if (!frameIds.has(a.id)) {
      return discrepancy(
        `strata.assignments[${k}].id`,
        'the id is not in the frame',
        'a frame id',
        a.id,
        a.id,
      );
    }
    const group = members.get(a.stratum);
    if (group === undefined) {
      return discrepancy(
        `strata.assignments[${k}].stratum`,
        'not a stratum of the frame',
        'a frame stratum',
        a.stratum,
        a.id,
      );
    }
    group.push(a.id);
  }
  const missing = record.frame.ids.find((id) => !assigned.has(id));
  if (missing !== undefined) {
    return discrepancy('strata.assignments', 'a frame id has no stratum', missing, 'missing', missing);
  }
  for (let s = 0; s < record.frame.strata.length; s++) {
    const stratum = record.frame.strata[s];
    if (stratum === undefined) continue;
    const count = members.get(stratum.name)?.length ?? 0;
    if (count !== stratum.size) {
      return discrepancy(
        `frame.strata[${s}].size`,
        'the strata file gives this stratum another size',
        String(count),
        String(stratum.size),
      );
    }
  }
  return ok(members);
}

/** Step 8: the targets are exactly each stratum's n_h smallest tickets, merged in ticket order. */
function verifySelection(
  record: DrawRecord,
  members: ReadonlyMap<string, readonly string[]>,
): Result<true, Discrepancy> {
  const expected: Ticket[] = [];
  for (const stratum of record.frame.strata) {
    const drawn = selectSmallestFirstTickets(
      members.get(stratum.name) ?? [],
      record.derivedSeeds.targets,
      stratum.allocation,
      {
        checkDuplicates: false,
      },
    );
    if (drawn.ok) expected.push(...drawn.value);
  }
  expected.sort(compareTickets);
  for (let i = 0; i < record.targets.length; i++) {
    const want = expected[i];
    const found = record.targets[i];
    if (want !== undefined && found !== undefined && want.id !== found.id) {
      return discrepancy(
        `targets[${i}].id`,
        'the targets are not the smallest tickets of their strata',
        want.id,
        found.id,
        found.id,
      );
    }
  }
  return ok(true);
}

/** Field paths of step 9, written only for a discrepancy (writing one per member costs more than its checks). */
function teamPath(i: number): string {
  return `inspectors.teams[${i}]`;
}

function memberPath(i: number, j: number): string {
  return `${teamPath(i)}.members[${j}]`;
}

/** Step 9: inspector slots, teams, tickets, order and workload caps. */
function verifyInspectors(record: DrawRecord, inspectors: DrawRecordInspectors): Result<true, Discrepancy> {
  const departments = new Set<string>();
  const slotOf: string[] = [];
  for (let j = 0; j < inspectors.slots.length; j++) {
    const slot = inspectors.slots[j];
    if (slot === undefined) continue;
    if (!isValidRecordText(slot.department) || departments.has(slot.department)) {
      return discrepancy(
        `inspectors.slots[${j}].department`,
        'departments must be valid and distinct',
        'a new department',
        slot.department,
      );
    }
    departments.add(slot.department);
    if (slot.count < 1)
      return discrepancy(`inspectors.slots[${j}].count`, 'must be >= 1', '>= 1', String(slot.count));
    for (let c = 0; c < slot.count; c++) slotOf.push(slot.department);
  }
  const cap = inspectors.workloadCap;
  if (cap < 1) return discrepancy('inspectors.workloadCap', 'must be >= 1', '>= 1', String(cap));
  if (inspectors.teams.length !== record.targets.length) {
    return discrepancy(
      'inspectors.teams',
      'there must be one team per target',
      String(record.targets.length),
      String(inspectors.teams.length),
    );
  }
  const departmentOf = new Map<string, string>();
  const load = new Map<string, number>();
  const keyer = createTicketKeyer(record.derivedSeeds.inspectors);
  for (let i = 0; i < inspectors.teams.length; i++) {
    const team = inspectors.teams[i];
    const target = record.targets[i];
    if (team === undefined || target === undefined) continue;
    const prefix = `${target.id}/`;
    if (team.targetId !== target.id) {
      return discrepancy(
        `${teamPath(i)}.targetId`,
        'teams must follow the targets',
        target.id,
        team.targetId,
        team.targetId,
      );
    }
    if (team.members.length !== slotOf.length) {
      return discrepancy(
        `${teamPath(i)}.members`,
        'the team size is not the total of the slots',
        String(slotOf.length),
        String(team.members.length),
        target.id,
      );
    }
    const inTeam = new Set<string>();
    for (let j = 0; j < team.members.length; j++) {
      const member = team.members[j];
      if (member === undefined) continue;
      const { inspectorId } = member;
      const slotDepartment = slotOf[j] ?? '';
      if (member.department !== slotDepartment) {
        return discrepancy(
          `${memberPath(i, j)}.department`,
          'members must follow the slots',
          slotDepartment,
          member.department,
          inspectorId,
        );
      }
      if (!isValidRecordText(inspectorId) || inTeam.has(inspectorId)) {
        return discrepancy(
          `${memberPath(i, j)}.inspectorId`,
          'an inspector serves once per team',
          'a new inspector',
          inspectorId,
          inspectorId,
        );
      }
      inTeam.add(inspectorId);
      const known = departmentOf.get(inspectorId);
      if (known !== undefined && known !== member.department) {
        return discrepancy(
          `${memberPath(i, j)}.department`,
          'the inspector has another department in an earlier team',
          known,
          member.department,
          inspectorId,
        );
      }
      departmentOf.set(inspectorId, member.department);
      const ticket = keyer.keyOfPair(prefix, inspectorId) >= 0 ? keyer.ticketNumberOfLast() : '';
      if (ticket !== member.ticket) {
        return discrepancy(
          `${memberPath(i, j)}.ticket`,
          'the ticket is not U(H(inspectors seed) + targetId + "/" + inspectorId)',
          ticket,
          member.ticket,
          inspectorId,
        );
      }
      const previous = team.members[j - 1];
      if (
        previous !== undefined &&
        previous.department === member.department &&
        previous.ticket >= member.ticket
      ) {
        return discrepancy(
          memberPath(i, j),
          'members of a department must be in ticket order',
          `after ${previous.inspectorId}`,
          inspectorId,
          inspectorId,
        );
      }
      const count = (load.get(inspectorId) ?? 0) + 1;
      if (count > cap) {
        return discrepancy(
          `${memberPath(i, j)}.inspectorId`,
          'the inspector exceeds the workload cap',
          `at most ${cap} teams`,
          `${count} teams`,
          inspectorId,
        );
      }
      load.set(inspectorId, count);
    }
  }
  return ok(true);
}

/**
 * Verifies a draw record (draw-record.ts, "Verification" steps 1-9). Without `strata`, a frame of several strata is
 * checked for tickets, sizes and membership only, and the report says so ({@link SEALED_STRATA_NOTE}); with the
 * auditor's strata file, the selection is checked in full. The record must already have the right shape
 * (parse-draw-record.ts).
 */
export function verifyDrawRecord(
  record: DrawRecord,
  strata?: StrataFile,
): Result<VerificationReport, Discrepancy> {
  const seeds = verifySeeds(record);
  if (!seeds.ok) return seeds;
  const frame = verifyFrame(record);
  if (!frame.ok) return frame;
  const excluded = verifyExcluded(record);
  if (!excluded.ok) return excluded;
  const frameIds = new Set(record.frame.ids);
  const targets = verifyTargets(record, frameIds);
  if (!targets.ok) return targets;
  let members: Map<string, string[]> | undefined;
  if (strata !== undefined) {
    const checked = verifyStrataFile(record, strata, frameIds);
    if (!checked.ok) return checked;
    members = checked.value;
  } else if (record.frame.strata.length === 1) {
    members = new Map([[record.frame.strata[0]?.name ?? '', [...record.frame.ids]]]);
  }
  const notes: string[] = [];
  if (members === undefined) {
    notes.push(SEALED_STRATA_NOTE);
  } else {
    const selection = verifySelection(record, members);
    if (!selection.ok) return selection;
  }
  if (record.inspectors !== null) {
    const inspectors = verifyInspectors(record, record.inspectors);
    if (!inspectors.ok) return inspectors;
  } else {
    notes.push('no inspector draw in this record');
  }
  return ok({
    recordId: record.id,
    taskCode: record.task.code,
    batch: record.task.batch,
    frameHash: record.frame.hash,
    frameSize: record.frame.ids.length,
    strataCount: record.frame.strata.length,
    targetCount: record.targets.length,
    selection: members === undefined ? 'notChecked' : 'verified',
    strataFileChecked: strata !== undefined,
    inspectorTeams: record.inspectors === null ? null : record.inspectors.teams.length,
    notes,
  });
}

/** Formats a {@link Discrepancy} as one line for logs and the CLI. */
export function describeDiscrepancy(d: Discrepancy): string {
  const about = d.id === null ? '' : ` (id ${JSON.stringify(d.id)})`;
  return `${d.field}${about}: ${d.message}; expected ${JSON.stringify(d.expected)}, found ${JSON.stringify(d.found)}`;
}
