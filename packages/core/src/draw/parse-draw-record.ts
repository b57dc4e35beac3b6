/**
 * Reads a draw record or a strata file from parsed JSON, checking its shape only (draw-record.ts: the types of the
 * `ssj-draw-record-v1` format and of the strata file). Values are checked by verify-draw-record.ts; a document that
 * fails here is unreadable, not a discrepancy. Keys not in the format are ignored.
 */
import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { DRAW_RECORD_FORMAT } from './draw-record.ts';
import type {
  DrawRecord,
  DrawRecordInspectors,
  DrawRecordMember,
  DrawRecordSlot,
  DrawRecordStratum,
  DrawRecordSupersedes,
  DrawRecordTarget,
  DrawRecordTeam,
  StrataFile,
} from './draw-record.ts';

/** Why a document is not a readable record or strata file. */
export interface RecordFormatError {
  readonly kind: 'malformedRecord';
  /** Path of the offending value, e.g. `targets[2].ticket`; empty for the document itself. */
  readonly path: string;
  readonly message: string;
}

/** Thrown inside the reader only, caught by {@link parseDrawRecord} / {@link parseStrataFile}: never escapes. */
class ShapeError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

type Json = Record<string, unknown>;

function readObject(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ShapeError(path, 'must be an object');
  }
  return value as Json;
}

function readArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new ShapeError(path, 'must be an array');
  return value;
}

function readString(object: Json, key: string, path: string): string {
  const value = object[key];
  if (typeof value !== 'string') throw new ShapeError(join(path, key), 'must be a string');
  return value;
}

function readNullableString(object: Json, key: string, path: string): string | null {
  return object[key] === null ? null : readString(object, key, path);
}

function readInteger(object: Json, key: string, path: string): number {
  const value = object[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new ShapeError(join(path, key), 'must be a whole number');
  }
  return value;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function readStratum(value: unknown, path: string): DrawRecordStratum {
  const o = readObject(value, path);
  return {
    name: readString(o, 'name', path),
    size: readInteger(o, 'size', path),
    allocation: readInteger(o, 'allocation', path),
  };
}

function readTarget(value: unknown, path: string): DrawRecordTarget {
  const o = readObject(value, path);
  return { id: readString(o, 'id', path), ticket: readString(o, 'ticket', path) };
}

function readSlot(value: unknown, path: string): DrawRecordSlot {
  const o = readObject(value, path);
  return { department: readString(o, 'department', path), count: readInteger(o, 'count', path) };
}

function readMember(value: unknown, path: string): DrawRecordMember {
  const o = readObject(value, path);
  return {
    inspectorId: readString(o, 'inspectorId', path),
    department: readString(o, 'department', path),
    ticket: readString(o, 'ticket', path),
  };
}

function readTeam(value: unknown, path: string): DrawRecordTeam {
  const o = readObject(value, path);
  const members = readArray(o.members, `${path}.members`).map((m, j) =>
    readMember(m, `${path}.members[${j}]`),
  );
  return { targetId: readString(o, 'targetId', path), members };
}

function readInspectors(value: unknown): DrawRecordInspectors | null {
  if (value === null) return null;
  const path = 'inspectors';
  const o = readObject(value, path);
  return {
    slots: readArray(o.slots, `${path}.slots`).map((s, j) => readSlot(s, `${path}.slots[${j}]`)),
    workloadCap: readInteger(o, 'workloadCap', path),
    teams: readArray(o.teams, `${path}.teams`).map((t, i) => readTeam(t, `${path}.teams[${i}]`)),
  };
}

function readSupersedes(value: unknown): DrawRecordSupersedes | null {
  if (value === null) return null;
  const o = readObject(value, 'supersedes');
  return {
    drawId: readString(o, 'drawId', 'supersedes'),
    reason: readString(o, 'reason', 'supersedes'),
    approvedBy: readString(o, 'approvedBy', 'supersedes'),
  };
}

function readStringArray(value: unknown, path: string): string[] {
  return readArray(value, path).map((item, i) => {
    if (typeof item !== 'string') throw new ShapeError(`${path}[${i}]`, 'must be a string');
    return item;
  });
}

function readRecord(value: unknown): DrawRecord {
  const o = readObject(value, '');
  if (o.format !== DRAW_RECORD_FORMAT) throw new ShapeError('format', `must be "${DRAW_RECORD_FORMAT}"`);
  const task = readObject(o.task, 'task');
  const session = readObject(o.session, 'session');
  const seed = readObject(o.seed, 'seed');
  const derived = readObject(o.derivedSeeds, 'derivedSeeds');
  const frame = readObject(o.frame, 'frame');
  const excluded = readObject(o.excluded, 'excluded');
  return {
    format: DRAW_RECORD_FORMAT,
    id: readString(o, 'id', ''),
    algorithm: readString(o, 'algorithm', ''),
    task: {
      code: readString(task, 'code', 'task'),
      year: readInteger(task, 'year', 'task'),
      name: readString(task, 'name', 'task'),
      batch: readInteger(task, 'batch', 'task'),
      ratio: readString(task, 'ratio', 'task'),
    },
    session: {
      id: readString(session, 'id', 'session'),
      witnesses: readStringArray(session.witnesses, 'session.witnesses'),
      frozenAt: readString(session, 'frozenAt', 'session'),
      seedAt: readString(session, 'seedAt', 'session'),
    },
    seed: {
      digits: readString(seed, 'digits', 'seed'),
      beacon: readNullableString(seed, 'beacon', 'seed'),
      value: readString(seed, 'value', 'seed'),
    },
    derivedSeeds: {
      targets: readString(derived, 'targets', 'derivedSeeds'),
      inspectors: readString(derived, 'inspectors', 'derivedSeeds'),
    },
    frame: {
      algorithm: readString(frame, 'algorithm', 'frame'),
      ids: readStringArray(frame.ids, 'frame.ids'),
      strata: readArray(frame.strata, 'frame.strata').map((s, i) => readStratum(s, `frame.strata[${i}]`)),
      sealed: readNullableString(frame, 'sealed', 'frame'),
      hash: readString(frame, 'hash', 'frame'),
    },
    excluded: {
      count: readInteger(excluded, 'count', 'excluded'),
      hash: readString(excluded, 'hash', 'excluded'),
    },
    targets: readArray(o.targets, 'targets').map((t, i) => readTarget(t, `targets[${i}]`)),
    inspectors: readInspectors(o.inspectors),
    supersedes: readSupersedes(o.supersedes),
  };
}

function readStrata(value: unknown): StrataFile {
  const o = readObject(value, 'strata');
  return {
    salt: readString(o, 'salt', 'strata'),
    assignments: readArray(o.assignments, 'strata.assignments').map((a, k) => {
      const path = `strata.assignments[${k}]`;
      const item = readObject(a, path);
      return { id: readString(item, 'id', path), stratum: readString(item, 'stratum', path) };
    }),
  };
}

function capture<T>(read: () => T): Result<T, RecordFormatError> {
  try {
    return ok(read());
  } catch (error) {
    if (error instanceof ShapeError)
      return err({ kind: 'malformedRecord', path: error.path, message: error.message });
    throw error;
  }
}

/** Reads a `ssj-draw-record-v1` document (already JSON-parsed), checking the type of every field. */
export function parseDrawRecord(value: unknown): Result<DrawRecord, RecordFormatError> {
  return capture(() => readRecord(value));
}

/** Reads a strata file `{ salt, assignments: [{ id, stratum }] }` (already JSON-parsed). */
export function parseStrataFile(value: unknown): Result<StrataFile, RecordFormatError> {
  return capture(() => readStrata(value));
}
