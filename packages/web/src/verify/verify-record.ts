/**
 * The portal's in-browser verifier of a published draw record (DOMAIN.md §4.4: "a page that runs in the browser
 * recomputes the draw"). Deliberately independent of the platform's code: it imports nothing from core or the
 * server, hashes with the browser's Web Crypto (`crypto.subtle.digest('SHA-256', …)`) and does the decimal arithmetic
 * of `U(s)` with BigInt, so a visitor need not trust the code paths that made the draw.
 *
 * It follows the `ssj-draw-record-v1` specification (core `draw/draw-record.ts`, "Verification" steps 1-9) and
 * reports the same first discrepancy as `ssj verify` and `tools/verify.py` (field path, id, expected, found).
 */

/** The first thing in a record that does not match its recomputation. */
export interface RecordDiscrepancy {
  readonly field: string;
  readonly id: string | null;
  readonly expected: string;
  readonly found: string;
  readonly message: string;
}

/** What a successful verification established (same fields as the CLI's `--json` report). */
export interface RecordReport {
  readonly recordId: string;
  readonly taskCode: string;
  readonly batch: number;
  readonly frameHash: string;
  readonly frameSize: number;
  readonly strataCount: number;
  readonly targetCount: number;
  readonly selection: 'verified' | 'notChecked';
  readonly strataFileChecked: boolean;
  readonly inspectorTeams: number | null;
  readonly notes: readonly string[];
}

/** The outcome: verified, a discrepancy, or a document that is not a readable record / strata file. */
export type RecordVerification =
  | { readonly kind: 'verified'; readonly report: RecordReport }
  | { readonly kind: 'discrepancy'; readonly discrepancy: RecordDiscrepancy }
  | { readonly kind: 'unreadable'; readonly path: string; readonly message: string };

/** Options: a progress callback for long frames (hashes done so far, hashes planned). */
export interface VerifyRecordOptions {
  readonly onProgress?: (done: number, total: number) => void;
}

export const SEALED_STRATA_NOTE = 'strata sealed: per-stratum selection not checked';

const RECORD_FORMAT = 'ssj-draw-record-v1';
const ALGORITHM = 'ssj-draw-v1';
const HEX64 = /^[0-9a-f]{64}$/;
// eslint-disable-next-line no-control-regex -- control characters are what a beacon may not hold
const CONTROL = /[\u0000-\u001f\u007f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// ---------------------------------------------------------------------------------------------------------------
// Record types as read here (independent of core's)

interface Stratum {
  readonly name: string;
  readonly size: number;
  readonly allocation: number;
}
interface Target {
  readonly id: string;
  readonly ticket: string;
}
interface Member {
  readonly inspectorId: string;
  readonly department: string;
  readonly ticket: string;
}
interface Inspectors {
  readonly slots: readonly { readonly department: string; readonly count: number }[];
  readonly workloadCap: number;
  readonly teams: readonly { readonly targetId: string; readonly members: readonly Member[] }[];
}
interface RecordData {
  readonly id: string;
  readonly algorithm: string;
  readonly task: { readonly code: string; readonly batch: number };
  readonly seed: { readonly digits: string; readonly beacon: string | null; readonly value: string };
  readonly derivedSeeds: { readonly targets: string; readonly inspectors: string };
  readonly frame: {
    readonly algorithm: string;
    readonly ids: readonly string[];
    readonly strata: readonly Stratum[];
    readonly sealed: string | null;
    readonly hash: string;
  };
  readonly excluded: { readonly count: number; readonly hash: string };
  readonly targets: readonly Target[];
  readonly inspectors: Inspectors | null;
}
interface Strata {
  readonly salt: string;
  readonly assignments: readonly { readonly id: string; readonly stratum: string }[];
}

// ---------------------------------------------------------------------------------------------------------------
// Shape

type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly stop: RecordVerification };

class ShapeProblem extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

type Json = Record<string, unknown>;

function at(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ShapeProblem(path, 'must be an object');
  }
  return value as Json;
}

function list(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new ShapeProblem(path, 'must be an array');
  return value;
}

function text(o: Json, key: string, path: string): string {
  const value = o[key];
  if (typeof value !== 'string') throw new ShapeProblem(at(path, key), 'must be a string');
  return value;
}

function textOrNull(o: Json, key: string, path: string): string | null {
  return o[key] === null ? null : text(o, key, path);
}

function whole(o: Json, key: string, path: string): number {
  const value = o[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new ShapeProblem(at(path, key), 'must be a whole number');
  }
  return value;
}

function texts(value: unknown, path: string): string[] {
  return list(value, path).map((item, i) => {
    if (typeof item !== 'string') throw new ShapeProblem(`${path}[${i}]`, 'must be a string');
    return item;
  });
}

function readInspectors(value: unknown): Inspectors | null {
  if (value === null) return null;
  const o = object(value, 'inspectors');
  return {
    slots: list(o.slots, 'inspectors.slots').map((s, j) => {
      const p = `inspectors.slots[${j}]`;
      const slot = object(s, p);
      return { department: text(slot, 'department', p), count: whole(slot, 'count', p) };
    }),
    workloadCap: whole(o, 'workloadCap', 'inspectors'),
    teams: list(o.teams, 'inspectors.teams').map((t, i) => {
      const p = `inspectors.teams[${i}]`;
      const team = object(t, p);
      const members = list(team.members, `${p}.members`).map((m, j) => {
        const q = `${p}.members[${j}]`;
        const member = object(m, q);
        return {
          inspectorId: text(member, 'inspectorId', q),
          department: text(member, 'department', q),
          ticket: text(member, 'ticket', q),
        };
      });
      return { targetId: text(team, 'targetId', p), members };
    }),
  };
}

function readRecord(value: unknown): RecordData {
  const o = object(value, '');
  if (o.format !== RECORD_FORMAT) throw new ShapeProblem('format', `must be "${RECORD_FORMAT}"`);
  const task = object(o.task, 'task');
  const session = object(o.session, 'session');
  const seed = object(o.seed, 'seed');
  const derived = object(o.derivedSeeds, 'derivedSeeds');
  const frame = object(o.frame, 'frame');
  const excluded = object(o.excluded, 'excluded');
  for (const key of ['id', 'frozenAt', 'seedAt']) text(session, key, 'session');
  texts(session.witnesses, 'session.witnesses');
  whole(task, 'year', 'task');
  text(task, 'name', 'task');
  text(task, 'ratio', 'task');
  if (o.supersedes !== null) {
    const s = object(o.supersedes, 'supersedes');
    for (const key of ['drawId', 'reason', 'approvedBy']) text(s, key, 'supersedes');
  }
  return {
    id: text(o, 'id', ''),
    algorithm: text(o, 'algorithm', ''),
    task: { code: text(task, 'code', 'task'), batch: whole(task, 'batch', 'task') },
    seed: {
      digits: text(seed, 'digits', 'seed'),
      beacon: textOrNull(seed, 'beacon', 'seed'),
      value: text(seed, 'value', 'seed'),
    },
    derivedSeeds: {
      targets: text(derived, 'targets', 'derivedSeeds'),
      inspectors: text(derived, 'inspectors', 'derivedSeeds'),
    },
    frame: {
      algorithm: text(frame, 'algorithm', 'frame'),
      ids: texts(frame.ids, 'frame.ids'),
      strata: list(frame.strata, 'frame.strata').map((s, i) => {
        const p = `frame.strata[${i}]`;
        const stratum = object(s, p);
        return {
          name: text(stratum, 'name', p),
          size: whole(stratum, 'size', p),
          allocation: whole(stratum, 'allocation', p),
        };
      }),
      sealed: textOrNull(frame, 'sealed', 'frame'),
      hash: text(frame, 'hash', 'frame'),
    },
    excluded: { count: whole(excluded, 'count', 'excluded'), hash: text(excluded, 'hash', 'excluded') },
    targets: list(o.targets, 'targets').map((t, i) => {
      const p = `targets[${i}]`;
      const target = object(t, p);
      return { id: text(target, 'id', p), ticket: text(target, 'ticket', p) };
    }),
    inspectors: readInspectors(o.inspectors),
  };
}

function readStrata(value: unknown): Strata {
  const o = object(value, 'strata');
  return {
    salt: text(o, 'salt', 'strata'),
    assignments: list(o.assignments, 'strata.assignments').map((a, k) => {
      const p = `strata.assignments[${k}]`;
      const item = object(a, p);
      return { id: text(item, 'id', p), stratum: text(item, 'stratum', p) };
    }),
  };
}

function readShape<T>(read: () => T): Outcome<T> {
  try {
    return { ok: true, value: read() };
  } catch (problem) {
    if (problem instanceof ShapeProblem) {
      return { ok: false, stop: { kind: 'unreadable', path: problem.path, message: problem.message } };
    }
    throw problem;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Primitives (DOMAIN.md §4.3), on Web Crypto and BigInt

const encoder = new TextEncoder();

/** H(s): lowercase hex SHA-256 of the UTF-8 bytes of `s` (which must have no lone surrogate). */
async function sha256Hex(s: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(s)));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** U(s) from H(s): "0." + reverse(decimal of the digest as an integer, zero-padded to 64 digits). */
function uniformOfHex(hex: string): string {
  const decimal = BigInt(`0x${hex}`).toString(10).padStart(64, '0');
  return `0.${Array.from(decimal).reverse().join('')}`;
}

/** Computes `U(H(seed) + x)` for many x, a few thousand digests in flight at a time. */
async function computeTickets(
  seed: string,
  suffixes: readonly string[],
  progress: (n: number) => void,
): Promise<string[]> {
  const prefix = await sha256Hex(seed);
  const out: string[] = new Array<string>(suffixes.length);
  const chunk = 2048;
  for (let start = 0; start < suffixes.length; start += chunk) {
    const part = suffixes.slice(start, start + chunk);
    const hashes = await Promise.all(part.map((x) => sha256Hex(prefix + x)));
    hashes.forEach((h, k) => (out[start + k] = uniformOfHex(h)));
    progress(part.length);
  }
  return out;
}

/** Code-point order (Python's `str` order) of two strings. */
function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (astral code points) sort after U+E000..U+FFFF.
    x = x >= 0xe000 ? x - 0x800 : x >= 0xd800 ? x + 0x2000 : x;
    y = y >= 0xe000 ? y - 0x800 : y >= 0xd800 ? y + 0x2000 : y;
    return x - y;
  }
  return a.length - b.length;
}

/** Ticket order: ticket string (ASCII), then id by code point. */
function compareTicketed(a: Target, b: Target): number {
  if (a.ticket !== b.ticket) return a.ticket < b.ticket ? -1 : 1;
  return compareCodePoints(a.id, b.id);
}

function isValidText(s: string): boolean {
  return s !== '' && !/[\t\n\r]/.test(s) && !LONE_SURROGATE.test(s);
}

// ---------------------------------------------------------------------------------------------------------------
// Checks

class Mismatch extends Error {
  constructor(readonly discrepancy: RecordDiscrepancy) {
    super(discrepancy.message);
  }
}

function fail(
  field: string,
  message: string,
  expected: string,
  found: string,
  id: string | null = null,
): never {
  throw new Mismatch({ field, id, expected, found, message });
}

function checkSeeds(r: RecordData): void {
  if (r.algorithm !== ALGORITHM) fail('algorithm', 'unknown algorithm version', ALGORITHM, r.algorithm);
  if (r.frame.algorithm !== r.algorithm) {
    fail('frame.algorithm', "differs from the record's algorithm", r.algorithm, r.frame.algorithm);
  }
  const { digits, beacon, value } = r.seed;
  if (!/^[0-9]{20,}$/.test(digits)) {
    fail('seed.digits', 'the dice digits must be at least 20 digits 0-9', '[0-9]{20,}', digits);
  }
  if (beacon !== null && (beacon === '' || CONTROL.test(beacon) || LONE_SURROGATE.test(beacon))) {
    fail('seed.beacon', 'the beacon must be non-empty, without control characters', 'a beacon value', beacon);
  }
  const combined = beacon === null ? digits : `${digits}|${beacon}`;
  if (combined !== value) fail('seed.value', 'is not digits, or digits + "|" + beacon', combined, value);
  const { code, batch } = r.task;
  if (!isValidText(code) || code.includes('|')) {
    fail('task.code', 'the task code must be a valid text without "|"', 'a task code', code);
  }
  if (batch < 1) fail('task.batch', 'the batch number must be at least 1', '>= 1', String(batch));
  for (const purpose of ['targets', 'inspectors'] as const) {
    const expected = `${value}|${code}|${String(batch)}|${purpose}`;
    if (r.derivedSeeds[purpose] !== expected) {
      fail(`derivedSeeds.${purpose}`, `is not seed|code|batch|${purpose}`, expected, r.derivedSeeds[purpose]);
    }
  }
}

async function checkFrame(r: RecordData): Promise<void> {
  const { ids, strata, sealed } = r.frame;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] ?? '';
    if (!isValidText(id))
      fail(`frame.ids[${i}]`, 'not a valid id (empty, TAB/LF/CR, or not UTF-8)', 'a valid id', id, id);
    const previous = ids[i - 1];
    if (previous !== undefined && compareCodePoints(previous, id) >= 0) {
      fail(
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
  strata.forEach((s, k) => {
    const field = `frame.strata[${k}]`;
    if (!isValidText(s.name) || names.has(s.name)) {
      fail(`${field}.name`, 'stratum names must be valid and distinct', 'a new name', s.name);
    }
    names.add(s.name);
    if (s.size < 0) fail(`${field}.size`, 'must be >= 0', '>= 0', String(s.size));
    if (s.allocation < 0 || s.allocation > s.size) {
      fail(
        `${field}.allocation`,
        'the allocation must be between 0 and the size',
        `0..${s.size}`,
        String(s.allocation),
      );
    }
    total += s.size;
  });
  if (strata.length === 0 || total !== ids.length) {
    fail(
      'frame.strata',
      'the strata sizes must add up to the number of frame ids',
      String(ids.length),
      strata.length === 0 ? 'no strata' : String(total),
    );
  }
  if (strata.length === 1 ? sealed !== null : sealed === null || !HEX64.test(sealed)) {
    fail(
      'frame.sealed',
      'a frame with one stratum has no sealed hash; with several, 64 lowercase hex digits',
      strata.length === 1 ? 'null' : '64 lowercase hex digits',
      sealed ?? 'null',
    );
  }
  const lines = ['ssj-frame-v1', `algorithm\t${r.frame.algorithm}`, `ids\t${ids.length}`];
  for (const s of [...strata].sort((a, b) => compareCodePoints(a.name, b.name))) {
    lines.push(`stratum\t${s.name}\t${s.size}\t${s.allocation}`);
  }
  if (sealed !== null) lines.push(`sealed\t${sealed}`);
  for (const id of ids) lines.push(`id\t${id}`); // already in code-point order (checked above)
  const hash = await sha256Hex(lines.join('\n'));
  if (hash !== r.frame.hash)
    fail('frame.hash', 'the frame hash does not match the frame', hash, r.frame.hash);
}

async function checkExcluded(r: RecordData): Promise<void> {
  const { count, hash } = r.excluded;
  if (count < 0) fail('excluded.count', 'must be >= 0', '>= 0', String(count));
  const empty = await sha256Hex('');
  if (!HEX64.test(hash) || (count === 0 && hash !== empty)) {
    fail(
      'excluded.hash',
      'must be 64 lowercase hex digits, and H("") when nothing is excluded',
      count === 0 ? empty : '64 lowercase hex digits',
      hash,
    );
  }
}

async function checkTargets(
  r: RecordData,
  frameIds: ReadonlySet<string>,
  progress: (n: number) => void,
): Promise<void> {
  const wanted = r.frame.strata.reduce((sum, s) => sum + s.allocation, 0);
  if (r.targets.length !== wanted) {
    fail(
      'targets',
      'the number of targets is not the total allocation',
      String(wanted),
      String(r.targets.length),
    );
  }
  // All tickets are hashed up front (ids that cannot be hashed as ''); the checks below run in the specified order.
  const seen = new Set<string>();
  const tickets = await computeTickets(
    r.derivedSeeds.targets,
    r.targets.map((t) => (isValidText(t.id) ? t.id : '')),
    progress,
  );
  let previous: Target | undefined;
  for (let i = 0; i < r.targets.length; i++) {
    const target = r.targets[i] as Target;
    const { id } = target;
    if (!frameIds.has(id)) fail(`targets[${i}].id`, 'the target is not in the frame', 'a frame id', id, id);
    if (seen.has(id)) fail(`targets[${i}].id`, 'the target is listed twice', 'a new id', id, id);
    seen.add(id);
    const ticket = tickets[i] ?? '';
    if (ticket !== target.ticket) {
      fail(`targets[${i}].ticket`, 'the ticket is not U(H(targets seed) + id)', ticket, target.ticket, id);
    }
    const current = { id, ticket };
    if (previous !== undefined && compareTicketed(previous, current) >= 0) {
      fail(`targets[${i}]`, 'targets must be listed in ticket order', `after ${previous.id}`, id, id);
    }
    previous = current;
  }
}

async function checkStrataFile(
  r: RecordData,
  strata: Strata,
  frameIds: ReadonlySet<string>,
): Promise<Map<string, string[]>> {
  const { sealed } = r.frame;
  if (sealed === null) {
    fail(
      'frame.sealed',
      'a strata file was given but the frame has no sealed strata',
      'a sealed hash',
      'null',
    );
  }
  if (!isValidText(strata.salt))
    fail('strata.salt', 'the salt must be a valid text', 'a valid text', strata.salt);
  const assigned = new Set<string>();
  strata.assignments.forEach((a, k) => {
    if (!isValidText(a.id)) fail(`strata.assignments[${k}].id`, 'not a valid id', 'a valid id', a.id, a.id);
    if (!isValidText(a.stratum)) {
      fail(`strata.assignments[${k}].stratum`, 'not a valid stratum name', 'a valid name', a.stratum, a.id);
    }
    if (assigned.has(a.id))
      fail(`strata.assignments[${k}].id`, 'the id is assigned twice', 'a new id', a.id, a.id);
    assigned.add(a.id);
  });
  const sorted = [...strata.assignments].sort((a, b) => compareCodePoints(a.id, b.id));
  const hash = await sha256Hex(
    ['ssj-strata-v1', `salt\t${strata.salt}`, ...sorted.map((a) => `${a.id}\t${a.stratum}`)].join('\n'),
  );
  if (hash !== sealed) fail('frame.sealed', 'the strata file does not match the sealed hash', hash, sealed);
  const members = new Map<string, string[]>(r.frame.strata.map((s) => [s.name, []]));
  strata.assignments.forEach((a, k) => {
    if (!frameIds.has(a.id))
      fail(`strata.assignments[${k}].id`, 'the id is not in the frame', 'a frame id', a.id, a.id);
    const group = members.get(a.stratum);
    if (group === undefined) {
      fail(
        `strata.assignments[${k}].stratum`,
        'not a stratum of the frame',
        'a frame stratum',
        a.stratum,
        a.id,
      );
    }
    group.push(a.id);
  });
  const missing = r.frame.ids.find((id) => !assigned.has(id));
  if (missing !== undefined)
    fail('strata.assignments', 'a frame id has no stratum', missing, 'missing', missing);
  r.frame.strata.forEach((s, k) => {
    const count = members.get(s.name)?.length ?? 0;
    if (count !== s.size) {
      fail(
        `frame.strata[${k}].size`,
        'the strata file gives this stratum another size',
        String(count),
        String(s.size),
      );
    }
  });
  return members;
}

async function checkSelection(
  r: RecordData,
  members: ReadonlyMap<string, readonly string[]>,
  progress: (n: number) => void,
): Promise<void> {
  const expected: Target[] = [];
  for (const s of r.frame.strata) {
    const ids = members.get(s.name) ?? [];
    const tickets = await computeTickets(r.derivedSeeds.targets, ids, progress);
    const ranked = ids.map((id, k) => ({ id, ticket: tickets[k] ?? '' })).sort(compareTicketed);
    expected.push(...ranked.slice(0, s.allocation));
  }
  expected.sort(compareTicketed);
  r.targets.forEach((t, i) => {
    const want = expected[i];
    if (want !== undefined && want.id !== t.id) {
      fail(
        `targets[${i}].id`,
        'the targets are not the smallest tickets of their strata',
        want.id,
        t.id,
        t.id,
      );
    }
  });
}

async function checkInspectors(
  r: RecordData,
  inspectors: Inspectors,
  progress: (n: number) => void,
): Promise<void> {
  const departments = new Set<string>();
  const slotOf: string[] = [];
  inspectors.slots.forEach((slot, j) => {
    if (!isValidText(slot.department) || departments.has(slot.department)) {
      fail(
        `inspectors.slots[${j}].department`,
        'departments must be valid and distinct',
        'a new department',
        slot.department,
      );
    }
    departments.add(slot.department);
    if (slot.count < 1) fail(`inspectors.slots[${j}].count`, 'must be >= 1', '>= 1', String(slot.count));
    for (let c = 0; c < slot.count; c++) slotOf.push(slot.department);
  });
  const cap = inspectors.workloadCap;
  if (cap < 1) fail('inspectors.workloadCap', 'must be >= 1', '>= 1', String(cap));
  if (inspectors.teams.length !== r.targets.length) {
    fail(
      'inspectors.teams',
      'there must be one team per target',
      String(r.targets.length),
      String(inspectors.teams.length),
    );
  }
  // Tickets of every member whose id can be hashed, computed up front (the checks below stay in order).
  const suffixes: string[] = [];
  inspectors.teams.forEach((team, i) => {
    for (const m of team.members)
      suffixes.push(`${r.targets[i]?.id ?? ''}/${isValidText(m.inspectorId) ? m.inspectorId : ''}`);
  });
  const tickets = await computeTickets(r.derivedSeeds.inspectors, suffixes, progress);
  let next = 0;
  const departmentOf = new Map<string, string>();
  const load = new Map<string, number>();
  inspectors.teams.forEach((team, i) => {
    const target = r.targets[i] as Target;
    const base = `inspectors.teams[${i}]`;
    const first = next;
    next += team.members.length;
    if (team.targetId !== target.id) {
      fail(`${base}.targetId`, 'teams must follow the targets', target.id, team.targetId, team.targetId);
    }
    if (team.members.length !== slotOf.length) {
      fail(
        `${base}.members`,
        'the team size is not the total of the slots',
        String(slotOf.length),
        String(team.members.length),
        target.id,
      );
    }
    const inTeam = new Set<string>();
    team.members.forEach((m, j) => {
      const field = `${base}.members[${j}]`;
      const who = m.inspectorId;
      const slotDepartment = slotOf[j] ?? '';
      if (m.department !== slotDepartment)
        fail(`${field}.department`, 'members must follow the slots', slotDepartment, m.department, who);
      if (!isValidText(who) || inTeam.has(who)) {
        fail(`${field}.inspectorId`, 'an inspector serves once per team', 'a new inspector', who, who);
      }
      inTeam.add(who);
      const known = departmentOf.get(who);
      if (known !== undefined && known !== m.department) {
        fail(
          `${field}.department`,
          'the inspector has another department in an earlier team',
          known,
          m.department,
          who,
        );
      }
      departmentOf.set(who, m.department);
      const ticket = tickets[first + j] ?? '';
      if (ticket !== m.ticket) {
        fail(
          `${field}.ticket`,
          'the ticket is not U(H(inspectors seed) + targetId + "/" + inspectorId)',
          ticket,
          m.ticket,
          who,
        );
      }
      const previous = team.members[j - 1];
      if (previous !== undefined && previous.department === m.department && previous.ticket >= m.ticket) {
        fail(
          field,
          'members of a department must be in ticket order',
          `after ${previous.inspectorId}`,
          who,
          who,
        );
      }
      const count = (load.get(who) ?? 0) + 1;
      if (count > cap)
        fail(
          `${field}.inspectorId`,
          'the inspector exceeds the workload cap',
          `at most ${cap} teams`,
          `${count} teams`,
          who,
        );
      load.set(who, count);
    });
  });
}

/**
 * Verifies a parsed draw record (and optionally the auditor's strata file), in the order of the specification.
 * Never throws on bad input: shape problems come back as `unreadable`, mismatches as the first `discrepancy`.
 */
export async function verifyRecord(
  record: unknown,
  strata?: unknown,
  options: VerifyRecordOptions = {},
): Promise<RecordVerification> {
  const r = readShape(() => readRecord(record));
  if (!r.ok) return r.stop;
  const s = strata === undefined ? undefined : readShape(() => readStrata(strata));
  if (s !== undefined && !s.ok) return s.stop;
  const data = r.value;
  const single = data.frame.strata.length === 1;
  const planned =
    data.targets.length +
    (s !== undefined || single ? data.frame.ids.length : 0) +
    (data.inspectors?.teams.reduce((n, t) => n + t.members.length, 0) ?? 0);
  let done = 0;
  const progress = (n: number): void => {
    done += n;
    options.onProgress?.(done, planned);
  };
  try {
    checkSeeds(data);
    await checkFrame(data);
    await checkExcluded(data);
    const frameIds = new Set(data.frame.ids);
    await checkTargets(data, frameIds, progress);
    let members: Map<string, string[]> | undefined;
    if (s !== undefined) members = await checkStrataFile(data, s.value, frameIds);
    else if (single) members = new Map([[data.frame.strata[0]?.name ?? '', [...data.frame.ids]]]);
    const notes: string[] = [];
    if (members === undefined) notes.push(SEALED_STRATA_NOTE);
    else await checkSelection(data, members, progress);
    if (data.inspectors !== null) await checkInspectors(data, data.inspectors, progress);
    else notes.push('no inspector draw in this record');
    return {
      kind: 'verified',
      report: {
        recordId: data.id,
        taskCode: data.task.code,
        batch: data.task.batch,
        frameHash: data.frame.hash,
        frameSize: data.frame.ids.length,
        strataCount: data.frame.strata.length,
        targetCount: data.targets.length,
        selection: members === undefined ? 'notChecked' : 'verified',
        strataFileChecked: s !== undefined,
        inspectorTeams: data.inspectors === null ? null : data.inspectors.teams.length,
        notes,
      },
    };
  } catch (problem) {
    if (problem instanceof Mismatch) return { kind: 'discrepancy', discrepancy: problem.discrepancy };
    throw problem;
  }
}

/** Verifies record and strata files given as JSON text (e.g. from a file input); bad JSON is `unreadable`. */
export async function verifyRecordText(
  recordText: string,
  strataText?: string,
  options: VerifyRecordOptions = {},
): Promise<RecordVerification> {
  const parse = (source: string, path: string): Outcome<unknown> => {
    try {
      return { ok: true, value: JSON.parse(source.replace(/^\uFEFF/, '')) as unknown };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, stop: { kind: 'unreadable', path, message: `not JSON: ${message}` } };
    }
  };
  const record = parse(recordText, '');
  if (!record.ok) return record.stop;
  const strata = strataText === undefined ? undefined : parse(strataText, 'strata');
  if (strata !== undefined && !strata.ok) return strata.stop;
  return verifyRecord(record.value, strata?.value, options);
}
