/**
 * The pure part of publishing a draw session (DOMAIN.md §4.3–4.4): targets by the consistent sampler per sealed
 * stratum, teams by the inspector draw, and each task batch's public record (built and verified), from values the
 * database gave. No database, no clock: the same inputs give the same outputs, whether computed here on the caller's
 * thread or in the draw worker (draw-worker.ts) while the caller's thread stores the previous group.
 *
 * A computation keeps state between its calls: the frames of the session (parsed once), and the recusals, which
 * grow as teams are drawn (a later batch of the same task in the same session recuses the teams of an earlier one).
 */
import { createHash } from 'node:crypto';
import {
  assignInspectors,
  buildDrawRecord,
  createDefaultSlots,
  deriveSeed,
  drawTargets,
  err,
  ok,
  type DrawRecord,
  type InspectorDrawTarget,
  type Result,
} from '@ssj/core';
import { canonicalJson } from '../../audit/audit-log.ts';
import type { DrawFrameStratumRow } from '../../db/schema.ts';
import type { DrawError } from './draw-errors.ts';

/** A frame as read from the database; its large JSON values still text (parsed where the draw runs). */
export interface FrameText {
  readonly id: number;
  readonly taskId: number;
  readonly taskCode: string;
  readonly batch: number;
  readonly frameHash: string;
  readonly sealedHash: string | null;
  readonly strata: readonly DrawFrameStratumRow[];
  readonly salt: string;
  /** JSON array of the frame's canonical ids. */
  readonly idsText: string;
  /** JSON `{count, hash, ids}` of the ids excluded as earlier batches' targets. */
  readonly excludedText: string;
  /** JSON array of the sealed stratum of each id, in the order of the ids; empty with one stratum. */
  readonly idStrataText: string;
}

/** What a task contributes to its draws: name, ratio text, departments and the window's last month. */
export interface TaskInfo {
  readonly name: string;
  readonly ratio: string;
  readonly initiators: number[];
  readonly cooperators: number[];
  readonly windowEndMonth: number | null;
}

export interface PoolInspector {
  readonly id: number;
  readonly code: string;
  readonly departmentId: number;
  readonly certificateExpiresOn: string;
}

/** The `supersedes` part of a re-draw's record. */
export interface Supersedes {
  readonly drawId: string;
  readonly reason: string;
  readonly approvedBy: string;
}

/** Everything the team draws of a session need besides the frames, read from the database once. */
export interface TeamContext {
  readonly session: {
    readonly id: number;
    readonly year: number;
    readonly witnesses: string[];
    readonly frozenAt: string;
    readonly seedAt: string;
  };
  readonly seed: { readonly digits: string; readonly beacon: string | null; readonly value: string };
  /** By task id. */
  readonly tasks: ReadonlyMap<number, TaskInfo>;
  /** Every active inspector of the session's departments, in id order. */
  readonly pool: readonly PoolInspector[];
  /** Department names by id (as text). */
  readonly names: ReadonlyMap<string, string>;
  /** Register ids of the drawn targets, by canonical id. */
  readonly objectIds: ReadonlyMap<string, number>;
  /** Declared conflicts: object id → inspector ids. */
  readonly conflicts: ReadonlyMap<number, readonly number[]>;
  /** Inspectors who inspected an object for a task before: `taskId/objectId` → inspector ids. */
  readonly earlier: ReadonlyMap<string, readonly number[]>;
  /** Text a risk-tilted frame adds to its record's ratio, by frame id. */
  readonly tiltNotes: ReadonlyMap<number, string>;
  /** The draw a re-draw replaces, by frame id (absent: not a re-draw). */
  readonly supersedes: ReadonlyMap<number, Supersedes>;
}

/** One drawn and recorded task batch, ready to store. */
export interface DrawnFrame {
  readonly frameId: number;
  readonly taskId: number;
  readonly taskCode: string;
  readonly batch: number;
  /** The record as stored (frame ids left out: they live in draw_frames), JSON text. */
  readonly storedRecord: string;
  readonly recordSha256: string;
  readonly targets: readonly { id: string; objectId: number; ticket: string }[];
  readonly members: readonly {
    objectId: number;
    inspectorId: number;
    departmentId: number;
    ticket: string;
  }[];
}

interface ParsedFrame {
  readonly text: FrameText;
  readonly ids: string[];
  readonly excludedIds: string[];
  readonly assignments: { id: string; stratum: string }[];
  targets: string[] | null;
}

/** A session's draw, computed call by call: {@link DrawComputation.drawTargets} first, then the teams by group. */
export interface DrawComputation {
  /** Parses the frames and draws their targets; answers the target ids of each frame, in the order given. */
  drawTargets(
    seedValue: string,
    frames: readonly FrameText[],
  ): Result<{ frameId: number; targetIds: string[] }[], DrawError>;
  /** Draws the teams and builds the records of these frames (targets drawn), in order. */
  drawTeams(context: TeamContext, frameIds: readonly number[]): Result<DrawnFrame[], DrawError>;
}

export function createDrawComputation(): DrawComputation {
  const frames = new Map<number, ParsedFrame>();
  // Recusals that grow with the session's own teams, keyed like TeamContext.earlier.
  const drawnHere = new Map<string, Set<number>>();
  return {
    drawTargets(seedValue, list) {
      const answer: { frameId: number; targetIds: string[] }[] = [];
      for (const text of list) {
        const ids = JSON.parse(text.idsText) as string[];
        const idStrata = JSON.parse(text.idStrataText) as string[];
        if (idStrata.length !== 0 && idStrata.length !== ids.length) {
          return err({
            kind: 'record_failed',
            code: text.taskCode,
            message: 'sealed strata do not match the ids',
          });
        }
        const parsed: ParsedFrame = {
          text,
          ids,
          excludedIds: (JSON.parse(text.excludedText) as { ids: string[] }).ids,
          assignments: idStrata.map((stratum, i) => ({ id: ids[i] as string, stratum })),
          targets: null,
        };
        const several = text.strata.length > 1;
        const drawn = drawTargets(
          parsed.ids,
          seedValue,
          text.taskCode,
          text.batch,
          text.strata,
          several ? parsed.assignments : null,
        );
        if (!drawn.ok)
          return err({ kind: 'record_failed', code: text.taskCode, message: drawn.error.message });
        parsed.targets = drawn.value.map((t) => t.id);
        frames.set(text.id, parsed);
        answer.push({ frameId: text.id, targetIds: parsed.targets });
      }
      return ok(answer);
    },
    drawTeams(context, frameIds) {
      const done: DrawnFrame[] = [];
      const idOfCode = new Map(context.pool.map((p) => [p.code, p.id]));
      for (const frameId of frameIds) {
        const frame = frames.get(frameId);
        if (frame?.targets === undefined || frame.targets === null) {
          return err({
            kind: 'record_failed',
            code: frame?.text.taskCode ?? String(frameId),
            message: 'no targets',
          });
        }
        const drawn = drawFrame(context, frame, frame.targets, idOfCode, drawnHere);
        if (!drawn.ok) return drawn;
        done.push(drawn.value);
        frames.delete(frameId);
      }
      return ok(done);
    },
  };
}

/** Last day of a month of a year, as YYYY-MM-DD (certificates must be valid through the window's end). */
function endOfMonth(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

interface InspectorDraw {
  readonly slots: ReturnType<typeof createDefaultSlots>;
  readonly targets: InspectorDrawTarget[];
  readonly cap: number;
}

/**
 * The inspector draw's input for one task batch: slots (2 of the initiating department + 1 of each cooperating
 * one), and per target the eligible inspectors of each department: active (在岗), 执法证 valid through the end of
 * the task's window, no declared conflict with the target, not on a team that drew this target for this task before.
 */
function prepareInspectorDraw(
  context: TeamContext,
  taskId: number,
  task: TaskInfo,
  targetIds: readonly string[],
  drawnHere: ReadonlyMap<string, ReadonlySet<number>>,
): InspectorDraw | null {
  const [initiator, ...otherInitiators] = task.initiators;
  if (initiator === undefined) return null;
  const cooperating = [...new Set([...otherInitiators, ...task.cooperators])].filter((d) => d !== initiator);
  const slots = createDefaultSlots(String(initiator), cooperating.map(String));
  const departmentIds = [initiator, ...cooperating];
  const inDepartments = new Set(departmentIds);
  const validThrough = endOfMonth(context.session.year, task.windowEndMonth ?? 12);
  const eligiblePool = context.pool.filter(
    (p) => inDepartments.has(p.departmentId) && p.certificateExpiresOn >= validThrough,
  );
  // Most targets have no recusal: they share one eligibility map; a target with a recusal gets its own.
  const shared = new Map<string, string[]>();
  for (const d of departmentIds) shared.set(String(d), []);
  for (const p of eligiblePool) shared.get(String(p.departmentId))?.push(p.code);
  const targets: InspectorDrawTarget[] = targetIds.map((targetId) => {
    const objectId = context.objectIds.get(targetId) ?? -1;
    const key = `${String(taskId)}/${String(objectId)}`;
    const conflicts = context.conflicts.get(objectId);
    const before = context.earlier.get(key);
    const here = drawnHere.get(key);
    if (conflicts === undefined && before === undefined && here === undefined) {
      return { targetId, slots, eligible: shared };
    }
    const recused = new Set([...(conflicts ?? []), ...(before ?? []), ...(here ?? [])]);
    const eligible = new Map<string, string[]>();
    for (const d of departmentIds) eligible.set(String(d), []);
    for (const p of eligiblePool) {
      if (!recused.has(p.id)) eligible.get(String(p.departmentId))?.push(p.code);
    }
    return { targetId, slots, eligible };
  });
  // Workload cap: one and a half times the even share of the busiest department, at least 5 teams.
  let evenShare = 1;
  for (const slot of slots) {
    const size = shared.get(slot.departmentId)?.length ?? 0;
    evenShare = Math.max(evenShare, Math.ceil((slot.count * targetIds.length) / Math.max(size, 1)));
  }
  return { slots, targets, cap: Math.max(5, Math.ceil(evenShare * 1.5)) };
}

/** Draws the team of every target of one frame and builds (and verifies) its record. */
function drawFrame(
  context: TeamContext,
  frame: ParsedFrame,
  targetIds: readonly string[],
  idOfCode: ReadonlyMap<string, number>,
  drawnHere: Map<string, Set<number>>,
): Result<DrawnFrame, DrawError> {
  const text = frame.text;
  const task = context.tasks.get(text.taskId);
  const prepared =
    task === undefined ? null : prepareInspectorDraw(context, text.taskId, task, targetIds, drawnHere);
  if (task === undefined || prepared === null) return err({ kind: 'no_initiator', code: text.taskCode });
  const inspectorSeed = deriveSeed(context.seed.value, text.taskCode, text.batch, 'inspectors');
  if (!inspectorSeed.ok) return err({ kind: 'bad_seed', message: inspectorSeed.error.message });
  const teams = assignInspectors({
    inspectorSeed: inspectorSeed.value,
    targets: prepared.targets,
    workloadCap: prepared.cap,
  });
  if (!teams.ok) {
    const department =
      teams.error.kind === 'departmentShort'
        ? (context.names.get(teams.error.departmentId) ?? teams.error.departmentId)
        : '';
    return err({ kind: 'inspectors_short', code: text.taskCode, department, message: teams.error.message });
  }
  // A later frame of the same task in this session (another batch) recuses these teams, as stored ones.
  for (const team of teams.value) {
    const key = `${String(text.taskId)}/${String(context.objectIds.get(team.targetId) ?? -1)}`;
    let set = drawnHere.get(key);
    if (set === undefined) {
      set = new Set();
      drawnHere.set(key, set);
    }
    for (const m of team.members) set.add(idOfCode.get(m.inspectorId) ?? -1);
  }
  const several = text.strata.length > 1;
  const { session, seed, names } = context;
  const record = buildDrawRecord({
    id: `D${String(session.id)}-${text.taskCode}-${String(text.batch)}`,
    task: {
      code: text.taskCode,
      year: session.year,
      name: task.name,
      batch: text.batch,
      ratio: task.ratio + (context.tiltNotes.get(text.id) ?? ''),
    },
    session: {
      id: String(session.id),
      witnesses: session.witnesses,
      frozenAt: session.frozenAt,
      seedAt: session.seedAt,
    },
    seed: { digits: seed.digits, beacon: seed.beacon },
    frame: {
      ids: frame.ids,
      strata: text.strata,
      strataFile: several ? { salt: text.salt, assignments: frame.assignments } : null,
      hash: text.frameHash,
      sealed: text.sealedHash,
    },
    excludedIds: frame.excludedIds,
    targets: targetIds,
    inspectors: {
      slots: prepared.slots.map((s) => ({
        department: names.get(s.departmentId) ?? s.departmentId,
        count: s.count,
      })),
      workloadCap: prepared.cap,
      teams: teams.value.map((team) => ({
        targetId: team.targetId,
        members: team.members.map((m) => ({
          inspectorId: m.inspectorId,
          department: names.get(m.departmentId) ?? m.departmentId,
          ticket: m.ticket,
        })),
      })),
    },
    supersedes: context.supersedes.get(text.id) ?? null,
  });
  if (!record.ok) {
    const message =
      record.error.kind === 'invalidInput' ? record.error.message : JSON.stringify(record.error.discrepancy);
    return err({ kind: 'record_failed', code: text.taskCode, message });
  }
  const tickets = new Map(record.value.targets.map((t) => [t.id, t.ticket]));
  return ok({
    frameId: text.id,
    taskId: text.taskId,
    taskCode: text.taskCode,
    batch: text.batch,
    storedRecord: JSON.stringify(storedRecordOf(record.value)),
    recordSha256: hashRecord(record.value),
    targets: targetIds.map((id) => ({
      id,
      objectId: context.objectIds.get(id) ?? -1,
      ticket: tickets.get(id) ?? '',
    })),
    members: teams.value.flatMap((team) =>
      team.members.map((m) => ({
        objectId: context.objectIds.get(team.targetId) ?? -1,
        inspectorId: idOfCode.get(m.inspectorId) ?? -1,
        departmentId: Number(m.departmentId),
        ticket: m.ticket,
      })),
    ),
  });
}

/** The record as stored: the frame ids live in draw_frames (not twice); loadDrawRecord puts them back. */
function storedRecordOf(record: DrawRecord): unknown {
  return { ...record, frame: { ...record.frame, ids: [] } };
}

/**
 * SHA-256 of the record's canonical JSON (audit-log canonicalJson: keys sorted at every level), computed as
 * JSON.stringify of a key-sorted copy: the same text for a record (plain objects, arrays, strings, numbers, null),
 * several times faster on a frame of many ids. A key that looks like an array index (JavaScript lists those first,
 * whatever the insertion order) takes the general path.
 */
function hashRecord(record: DrawRecord): string {
  const sorted = sortKeys(record);
  const text = sorted === INDEX_LIKE_KEY ? canonicalJson(record) : JSON.stringify(sorted);
  return createHash('sha256').update(text).digest('hex');
}

const INDEX_LIKE_KEY = Symbol('index-like key');

/**
 * A copy of `value` whose objects list their keys in code-unit order (arrays of primitives are kept as they are), or
 * {@link INDEX_LIKE_KEY} when an object has a key such as "7".
 */
function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (Array.isArray(value)) {
    if (!value.some((v) => v !== null && typeof v === 'object')) return value;
    const items = value.map(sortKeys);
    return items.includes(INDEX_LIKE_KEY) ? INDEX_LIKE_KEY : items;
  }
  const sorted: Record<string, unknown> = {};
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object).sort()) {
    if (/^(0|[1-9]\d*)$/.test(key)) return INDEX_LIKE_KEY;
    const item = sortKeys(object[key]);
    if (item === INDEX_LIKE_KEY) return INDEX_LIKE_KEY;
    sorted[key] = item;
  }
  return sorted;
}
