/**
 * The frozen frame of a task batch and its hash (DOMAIN.md §4.1, §4.5): published before the seed exists, so nobody
 * can change who was in the draw after seeing the seed. A browser page and a Python script recompute the hash, so the
 * serialisation is plain text, defined exactly here.
 *
 * ## Frame serialisation (`ssj-frame-v1`)
 * UTF-8 text, lines joined by `"\n"` (LF), **no** trailing newline, fields separated by one TAB (`"\t"`):
 * ```
 * ssj-frame-v1
 * algorithm<TAB>{algorithm, e.g. ssj-draw-v1}
 * ids<TAB>{N, number of ids, decimal}
 * stratum<TAB>{name}<TAB>{size}<TAB>{allocation}      one line per stratum, names in code-point order
 * sealed<TAB>{64 lowercase hex digits}                only if the strata are sealed (see below)
 * id<TAB>{id}                                         one line per id, ids in code-point order
 * ```
 * Numbers are base-10 without sign, leading zeros or separators. Code-point order is Python's `sorted()` on `str`
 * (equivalently, the order of the UTF-8 bytes). The frame hash is the lowercase hex SHA-256 of that text. In Python:
 * ```python
 * lines = ['ssj-frame-v1', 'algorithm\t' + algorithm, 'ids\t%d' % len(ids)]
 * lines += ['stratum\t%s\t%d\t%d' % (s['name'], s['size'], s['allocation']) for s in sorted(strata, key=lambda s: s['name'])]
 * if sealed: lines.append('sealed\t' + sealed)
 * lines += ['id\t' + i for i in sorted(ids)]
 * frame_hash = hashlib.sha256('\n'.join(lines).encode('utf-8')).hexdigest()
 * ```
 *
 * ## Sealed strata (`ssj-strata-v1`)
 * Risk classes are not public (DOMAIN.md §2, §4.5), so which id is in which stratum is committed by hash only:
 * ```
 * ssj-strata-v1
 * salt<TAB>{salt}
 * {id}<TAB>{stratum name}                             one line per id, ids in code-point order
 * ```
 * same encoding rules; its SHA-256 goes on the frame's `sealed` line. The salt is a secret random string (≥ 128 bits,
 * e.g. 32 hex digits) kept with the strata file and shown only to auditors: without it, anyone could try every way
 * of splitting the public ids into strata of the published sizes, which is quick when a stratum is small.
 *
 * Ids, stratum names, the algorithm and the salt must be non-empty, well-formed text without TAB, LF or CR.
 */
import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { compareByCodePoint } from './compare-text.ts';
import { hashSha256Hex, isFieldText } from './sha256.ts';

/** The algorithm version of the draw this module implements (goes on the frame's `algorithm` line). */
export const DRAW_ALGORITHM_VERSION = 'ssj-draw-v1';

/** A stratum's public figures: its size and how many of its members the batch draws. */
export interface FrameStratum {
  readonly name: string;
  readonly size: number;
  readonly allocation: number;
}

/** The frozen frame of one task batch. */
export interface Frame {
  /** Algorithm version, e.g. {@link DRAW_ALGORITHM_VERSION}. */
  readonly algorithm: string;
  /** Canonical ids of every object in the frame (the USCC where there is one). */
  readonly ids: readonly string[];
  /** The strata with sizes summing to `ids.length`; a frame without strata has one stratum holding everyone. */
  readonly strata: readonly FrameStratum[];
  /** SHA-256 of the sealed strata file ({@link hashSealedStrata}), when the membership is secret. */
  readonly sealedStrataHash?: string;
}

/** One object's stratum, for the sealed strata file. */
export interface StratumAssignment {
  readonly id: string;
  readonly stratum: string;
}

/** Why a frame or strata file cannot be serialised. */
export interface FrameError {
  readonly kind: 'invalidFrame';
  readonly message: string;
}

function checkField(what: string, value: string): FrameError | undefined {
  if (!isFieldText(value)) {
    return {
      kind: 'invalidFrame',
      message: `${what} must be non-empty text without TAB, LF or CR: ${JSON.stringify(value)}`,
    };
  }
  return undefined;
}

function checkCount(what: string, value: number): FrameError | undefined {
  if (Number.isSafeInteger(value) && value >= 0) return undefined;
  return { kind: 'invalidFrame', message: `${what} must be a whole number ≥ 0, got ${value}` };
}

/**
 * Sorts ids in code-point order and reports the first problem: a bad id or a duplicate. Ids already distinct and in
 * order (a frozen frame's are) are returned as they are: one pass instead of a sort and a copy.
 */
function sortIds(ids: readonly string[]): Result<readonly string[], FrameError> {
  let ascending = true;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as string;
    const problem = checkField('an id', id);
    if (problem !== undefined) return err(problem);
    if (ascending && i > 0) ascending = compareByCodePoint(ids[i - 1] as string, id) < 0;
  }
  if (ascending) return ok(ids);
  const sorted = [...ids].sort(compareByCodePoint);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1]) {
      return err({ kind: 'invalidFrame', message: `duplicate id ${JSON.stringify(sorted[i])}` });
    }
  }
  return ok(sorted);
}

/** The canonical text of a frame (`ssj-frame-v1`, defined in this module's doc comment). */
export function serializeFrame(frame: Frame): Result<string, FrameError> {
  const algorithmProblem = checkField('the algorithm', frame.algorithm);
  if (algorithmProblem !== undefined) return err(algorithmProblem);
  const ids = sortIds(frame.ids);
  if (!ids.ok) return ids;
  const strata = [...frame.strata].sort((a, b) => compareByCodePoint(a.name, b.name));
  let total = 0;
  for (let i = 0; i < strata.length; i++) {
    const stratum = strata[i] as FrameStratum;
    const problem =
      checkField('a stratum name', stratum.name) ??
      checkCount('a stratum size', stratum.size) ??
      checkCount('an allocation', stratum.allocation);
    if (problem !== undefined) return err(problem);
    if (i > 0 && strata[i - 1]?.name === stratum.name) {
      return err({
        kind: 'invalidFrame',
        message: `stratum ${JSON.stringify(stratum.name)} is listed twice`,
      });
    }
    if (stratum.allocation > stratum.size) {
      return err({
        kind: 'invalidFrame',
        message: `stratum ${JSON.stringify(stratum.name)} allocates more than its size`,
      });
    }
    total += stratum.size;
  }
  if (total !== ids.value.length) {
    return err({
      kind: 'invalidFrame',
      message: `strata sizes sum to ${total}, the frame has ${ids.value.length} ids`,
    });
  }
  const sealed = frame.sealedStrataHash;
  if (sealed !== undefined && !/^[0-9a-f]{64}$/.test(sealed)) {
    return err({ kind: 'invalidFrame', message: 'the sealed strata hash must be 64 lowercase hex digits' });
  }
  const lines = ['ssj-frame-v1', `algorithm\t${frame.algorithm}`, `ids\t${ids.value.length}`];
  for (const s of strata) lines.push(`stratum\t${s.name}\t${s.size}\t${s.allocation}`);
  if (sealed !== undefined) lines.push(`sealed\t${sealed}`);
  for (const id of ids.value) lines.push(`id\t${id}`);
  return ok(lines.join('\n'));
}

/** The frame hash (DOMAIN.md §4.1): lowercase hex SHA-256 of {@link serializeFrame}'s text. */
export function hashFrame(frame: Frame): Result<string, FrameError> {
  const text = serializeFrame(frame);
  return text.ok ? ok(hashSha256Hex(text.value)) : text;
}

/** The canonical text of the sealed strata file (`ssj-strata-v1`, defined in this module's doc comment). */
export function serializeSealedStrata(
  assignments: readonly StratumAssignment[],
  salt: string,
): Result<string, FrameError> {
  const saltProblem = checkField('the salt', salt);
  if (saltProblem !== undefined) return err(saltProblem);
  const lines = ['ssj-strata-v1', `salt\t${salt}`];
  // A frozen frame's assignments come in id order: their lines are written as they come, without a map of them.
  if (isInIdOrder(assignments)) {
    for (const a of assignments) {
      const problem = checkField('a stratum name', a.stratum);
      if (problem !== undefined) return err(problem);
      lines.push(`${a.id}\t${a.stratum}`);
    }
    return ok(lines.join('\n'));
  }
  const ids = sortIds(assignments.map((a) => a.id));
  if (!ids.ok) return ids;
  const stratumOf = new Map<string, string>();
  for (const a of assignments) {
    const problem = checkField('a stratum name', a.stratum);
    if (problem !== undefined) return err(problem);
    stratumOf.set(a.id, a.stratum);
  }
  for (const id of ids.value) lines.push(`${id}\t${stratumOf.get(id) ?? ''}`);
  return ok(lines.join('\n'));
}

/** Whether every id is a valid field and the ids are distinct and in code-point order. */
function isInIdOrder(assignments: readonly StratumAssignment[]): boolean {
  for (let i = 0; i < assignments.length; i++) {
    const id = (assignments[i] as StratumAssignment).id;
    if (!isFieldText(id)) return false;
    if (i > 0 && compareByCodePoint((assignments[i - 1] as StratumAssignment).id, id) >= 0) return false;
  }
  return true;
}

/** The sealed strata hash for a frame's `sealed` line: lowercase hex SHA-256 of {@link serializeSealedStrata}. */
export function hashSealedStrata(
  assignments: readonly StratumAssignment[],
  salt: string,
): Result<string, FrameError> {
  const text = serializeSealedStrata(assignments, salt);
  return text.ok ? ok(hashSha256Hex(text.value)) : text;
}
