import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFirstFraction, hashSealedStrata } from '../sampling/index.ts';
import {
  changeCharacter,
  cloneRecord,
  createSampleDraw,
  listTamperings,
  replaceCodePoint,
} from './draw-fixtures.ts';
import type { MutableRecord } from './draw-fixtures.ts';
import type { DrawRecord, StrataFile } from './draw-record.ts';
import { SEALED_STRATA_NOTE, describeDiscrepancy, verifyDrawRecord } from './verify-draw-record.ts';

const single = createSampleDraw({ frameSize: 60 });
const stratified = createSampleDraw({ frameSize: 90, stratified: true, beacon: 'drand:3141592:ab12cd' });
const strataFile = stratified.strata as StrataFile;

function check(record: MutableRecord | DrawRecord, strata?: StrataFile): string | undefined {
  const result = verifyDrawRecord(record, strata);
  return result.ok ? undefined : result.error.field;
}

describe('verifyDrawRecord on untouched records', () => {
  it('accepts a single-stratum record and checks the selection', () => {
    const result = verifyDrawRecord(single.record);
    expect(result.ok && result.value).toMatchObject({
      frameSize: 60,
      targetCount: 12,
      strataCount: 1,
      selection: 'verified',
      inspectorTeams: 12,
    });
  });

  it('accepts a stratified record: weaker without the strata file, complete with it', () => {
    const publicCheck = verifyDrawRecord(stratified.record);
    expect(publicCheck.ok && publicCheck.value.selection).toBe('notChecked');
    expect(publicCheck.ok && publicCheck.value.notes).toContain(SEALED_STRATA_NOTE);
    const audit = verifyDrawRecord(stratified.record, strataFile);
    expect(audit.ok && [audit.value.selection, audit.value.strataFileChecked]).toEqual(['verified', true]);
  });

  it('survives a JSON round trip', () => {
    const copy = cloneRecord(single.record);
    expect(check(copy)).toBeUndefined();
  });
});

describe('verifyDrawRecord reports the first discrepancy precisely', () => {
  it('names the field, the id, and expected vs found values of a wrong ticket', () => {
    const copy = cloneRecord(single.record);
    const target = copy.targets[3];
    if (target === undefined) throw new Error('fixture');
    const truth = target.ticket;
    target.ticket = replaceCodePoint(truth, 10, changeCharacter(truth[10] ?? ''));
    const result = verifyDrawRecord(copy);
    expect(result.ok ? null : result.error).toEqual({
      field: 'targets[3].ticket',
      id: target.id,
      expected: truth,
      found: target.ticket,
      message: expect.any(String) as string,
    });
    expect(result.ok ? '' : describeDiscrepancy(result.error)).toContain('targets[3].ticket');
  });

  it('rejects every listed tampering, at the field that was changed (or the first one it breaks)', () => {
    const expectedFields: Record<string, string> = {
      'seed.digits first digit': 'seed.value',
      'seed.digits last digit': 'seed.value',
      'seed.value': 'seed.value',
      'seed.digits and value together': 'derivedSeeds.targets',
      'derivedSeeds.targets': 'derivedSeeds.targets',
      'task.batch': 'derivedSeeds.targets',
      'task.code': 'derivedSeeds.targets',
      'frame.ids swapped': 'frame.ids[1]',
      'frame.hash': 'frame.hash',
      'frame.strata[0].allocation': 'frame.hash',
      'excluded.hash': 'excluded.hash',
      'targets[0].ticket': 'targets[0].ticket',
      'targets swapped': 'targets[1]',
      'inspectors member ticket': 'inspectors.teams[0].members[0].ticket',
      'inspectors member id': 'inspectors.teams[0].members[1].ticket',
      'inspectors workload cap lowered': 'inspectors.teams[1].members[0].inspectorId',
      'inspectors department': 'inspectors.teams[0].members[0].department',
    };
    for (const { label, record } of listTamperings(single.record)) {
      const field = check(record);
      expect(field, label).toBeDefined();
      if (label in expectedFields) expect(field, label).toBe(expectedFields[label]);
    }
  });

  it('catches a well-formed substitution of targets only with one stratum or the strata file', () => {
    const tampered = listTamperings(stratified.record).find((t) => t.label.startsWith('target replaced'));
    if (tampered === undefined) throw new Error('fixture');
    expect(check(tampered.record)).toBeUndefined();
    expect(check(tampered.record, strataFile)).toMatch(/^targets\[\d+\]\.id$/);
    const plain = listTamperings(single.record).find((t) => t.label.startsWith('target replaced'));
    expect(plain && check(plain.record)).toMatch(/^targets\[\d+\]\.id$/);
  });

  it('checks the strata file against the sealed hash, the frame and the sizes', () => {
    const salted = { ...strataFile, salt: strataFile.salt + '0' };
    expect(check(stratified.record, salted)).toBe('frame.sealed');
    const moved = {
      ...strataFile,
      assignments: strataFile.assignments.map((a, k) =>
        k === 0 ? { ...a, stratum: a.stratum === 'S1' ? 'S2' : 'S1' } : a,
      ),
    };
    expect(check(stratified.record, moved)).toBe('frame.sealed');
    const duplicated = {
      ...strataFile,
      assignments: [...strataFile.assignments, strataFile.assignments[0] ?? { id: '', stratum: '' }],
    };
    expect(check(stratified.record, duplicated)).toBe(
      `strata.assignments[${strataFile.assignments.length}].id`,
    );
    expect(check(single.record, strataFile)).toBe('frame.sealed');
    // A strata file that matches the seal but moves an object between strata: re-seal a tampered frame.
    const resealed = hashSealedStrata(moved.assignments, moved.salt);
    const copy = cloneRecord(stratified.record);
    copy.frame.sealed = resealed.ok ? resealed.value : '';
    expect(check(copy, moved)).toBe('frame.hash');
  });

  it('checks targets are frame members, distinct, of the allocated number', () => {
    const outside = cloneRecord(single.record);
    const id = 'not-in-frame';
    outside.targets[0] = { id, ticket: computeFirstFraction(id, outside.derivedSeeds.targets) };
    expect(check(outside)).toBe('targets[0].id');
    const twice = cloneRecord(single.record);
    twice.targets[1] = { ...(twice.targets[0] ?? { id: '', ticket: '' }) };
    expect(check(twice)).toBe('targets[1].id');
    const short = cloneRecord(single.record);
    short.targets.pop();
    expect(check(short)).toBe('targets');
  });
});

/** Every code-point position of a string field, changed to another character, must break verification. */
function expectEveryPositionDetected(
  name: string,
  read: (r: MutableRecord) => string,
  write: (r: MutableRecord, value: string) => void,
): void {
  const length = Array.from(read(cloneRecord(single.record))).length;
  for (let p = 0; p < length; p++) {
    const copy = cloneRecord(single.record);
    const value = read(copy);
    write(copy, replaceCodePoint(value, p, changeCharacter(Array.from(value)[p] ?? '', p)));
    expect(check(copy), `${name} position ${p}`).toBeDefined();
  }
}

describe('changing any single character of the seed, a frame id, a target id or a ticket is detected', () => {
  it('seed digits and value', () => {
    expectEveryPositionDetected(
      'seed.digits',
      (r) => r.seed.digits,
      (r, v) => (r.seed.digits = v),
    );
    expectEveryPositionDetected(
      'seed.value',
      (r) => r.seed.value,
      (r, v) => (r.seed.value = v),
    );
  });

  it('every frame id', () => {
    for (let i = 0; i < single.record.frame.ids.length; i++) {
      expectEveryPositionDetected(
        `frame.ids[${i}]`,
        (r) => r.frame.ids[i] ?? '',
        (r, v) => (r.frame.ids[i] = v),
      );
    }
  });

  it('every target id and ticket', () => {
    for (let i = 0; i < single.record.targets.length; i++) {
      const at = (r: MutableRecord): { id: string; ticket: string } => r.targets[i] ?? { id: '', ticket: '' };
      expectEveryPositionDetected(
        `targets[${i}].id`,
        (r) => at(r).id,
        (r, v) => (at(r).id = v),
      );
      expectEveryPositionDetected(
        `targets[${i}].ticket`,
        (r) => at(r).ticket,
        (r, v) => (at(r).ticket = v),
      );
    }
  });

  it('random replacements (fast-check): detected when changed, accepted when unchanged', () => {
    type Field = 'seed' | 'frameId' | 'targetId' | 'ticket';
    const access: Record<Field, (r: MutableRecord, index: number) => [string, (v: string) => void]> = {
      seed: (r) => [r.seed.digits, (v) => (r.seed.digits = v)],
      frameId: (r, i) => {
        const k = i % r.frame.ids.length;
        return [r.frame.ids[k] ?? '', (v) => (r.frame.ids[k] = v)];
      },
      targetId: (r, i) => {
        const t = r.targets[i % r.targets.length] ?? { id: '', ticket: '' };
        return [t.id, (v) => (t.id = v)];
      },
      ticket: (r, i) => {
        const t = r.targets[i % r.targets.length] ?? { id: '', ticket: '' };
        return [t.ticket, (v) => (t.ticket = v)];
      },
    };
    for (const field of Object.keys(access) as Field[]) {
      fc.assert(
        fc.property(
          fc.nat(),
          fc.nat(),
          fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
          (index, position, replacement) => {
            const copy = cloneRecord(single.record);
            const [value, write] = access[field](copy, index);
            const points = Array.from(value);
            const p = position % points.length;
            write(replaceCodePoint(value, p, replacement));
            const changed = points[p] !== replacement;
            expect(check(copy) !== undefined).toBe(changed);
          },
        ),
        { numRuns: 40 },
      );
    }
  });
});
