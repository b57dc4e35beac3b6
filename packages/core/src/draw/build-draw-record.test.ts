import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashFrame } from '../sampling/index.ts';
import { buildDrawRecord, freezeFrame } from './build-draw-record.ts';
import type { DrawRecordInput } from './build-draw-record.ts';
import { combineSessionSeed } from './combine-session-seed.ts';
import { createSampleDraw } from './draw-fixtures.ts';
import { EMPTY_EXCLUDED_HASH, hashExcludedIds } from './hash-excluded-ids.ts';
import { labelStrata } from './label-strata.ts';

describe('combineSessionSeed', () => {
  it('is the digits, or digits|beacon', () => {
    expect(combineSessionSeed('12345678901234567890', null)).toEqual({
      ok: true,
      value: '12345678901234567890',
    });
    expect(combineSessionSeed('12345678901234567890', 'drand 42')).toEqual({
      ok: true,
      value: '12345678901234567890|drand 42',
    });
    expect(combineSessionSeed('1234567890123456789', null).ok).toBe(false);
    expect(combineSessionSeed('1234567890123456789a', null).ok).toBe(false);
    expect(combineSessionSeed('１２345678901234567890', null).ok).toBe(false);
    expect(combineSessionSeed('12345678901234567890', '').ok).toBe(false);
    expect(combineSessionSeed('12345678901234567890', 'a\nb').ok).toBe(false);
  });
});

describe('hashExcludedIds', () => {
  it('hashes the sorted ids joined by LF', () => {
    const sha = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');
    expect(hashExcludedIds(['b', 'a', '个'])).toEqual({
      ok: true,
      value: { count: 3, hash: sha('a\nb\n个') },
    });
    expect(hashExcludedIds([])).toEqual({ ok: true, value: { count: 0, hash: sha('') } });
    expect(EMPTY_EXCLUDED_HASH).toBe(sha(''));
    expect(hashExcludedIds(['a', 'a']).ok).toBe(false);
  });
});

describe('labelStrata', () => {
  it('numbers strata by H(salt TAB name): deterministic, salt-dependent', () => {
    const a = labelStrata(['A', 'B', 'C', 'D'], 'salt-1');
    expect(a.ok && a.value.map((l) => l.label)).toEqual(['S1', 'S2', 'S3', 'S4']);
    expect(labelStrata(['D', 'C', 'B', 'A'], 'salt-1')).toEqual(a);
    const orders = new Set(
      Array.from({ length: 20 }, (_, k) => {
        const r = labelStrata(['A', 'B', 'C', 'D'], `salt-${k}`);
        return r.ok ? r.value.map((l) => l.name).join('') : '';
      }),
    );
    expect(orders.size).toBeGreaterThan(5);
    expect(labelStrata(['A', 'A'], 's').ok).toBe(false);
  });
});

describe('buildDrawRecord', () => {
  const { record, strata } = createSampleDraw({
    frameSize: 50,
    stratified: true,
    batch: 2,
    beacon: 'beacon-7',
  });

  it('computes seeds, frame hash, sealed hash, excluded hash and tickets itself', () => {
    expect(record.format).toBe('ssj-draw-record-v1');
    expect(record.seed.value).toBe('31415926535897932384626|beacon-7');
    expect(record.derivedSeeds).toEqual({
      targets: '31415926535897932384626|beacon-7|JC-2023-017|2|targets',
      inspectors: '31415926535897932384626|beacon-7|JC-2023-017|2|inspectors',
    });
    const hash = hashFrame({
      algorithm: 'ssj-draw-v1',
      ids: record.frame.ids,
      strata: record.frame.strata,
      sealedStrataHash: record.frame.sealed ?? '',
    });
    expect(hash.ok && hash.value).toBe(record.frame.hash);
    expect(record.excluded.count).toBe(2);
    expect(strata?.assignments).toHaveLength(50);
    expect(record.frame.strata.map((s) => s.name)).toEqual(['S1', 'S2', 'S3', 'S4']);
  });

  function inputOf(): DrawRecordInput {
    return {
      id: record.id,
      task: record.task,
      session: record.session,
      seed: { digits: record.seed.digits, beacon: record.seed.beacon },
      frame: { ids: record.frame.ids, strata: record.frame.strata, strataFile: strata },
      excludedIds: ['91140500MA0KX00001', '91140500MA0KX00002'],
      targets: record.targets.map((t) => t.id),
      inspectors: null,
      supersedes: null,
    };
  }

  it('rebuilds the same targets from the same inputs, and supersedes', () => {
    const again = buildDrawRecord({
      ...inputOf(),
      supersedes: { drawId: 'D-1', reason: '更正', approvedBy: '王五' },
    });
    expect(again.ok && again.value.targets).toEqual(record.targets);
    expect(again.ok && again.value.supersedes).toEqual({ drawId: 'D-1', reason: '更正', approvedBy: '王五' });
  });

  it('refuses targets that are not the draw, a frame that is not the published one, and overlaps', () => {
    const taken = new Set(record.targets.map((t) => t.id));
    const other = record.frame.ids.find((id) => !taken.has(id)) ?? '';
    const wrong = buildDrawRecord({ ...inputOf(), targets: [...inputOf().targets.slice(1), other] });
    expect(wrong.ok ? null : wrong.error.kind).toBe('inconsistent');
    const published = freezeFrame(inputOf().frame);
    expect(published.ok && published.value.hash).toBe(record.frame.hash);
    const moved = buildDrawRecord({ ...inputOf(), frame: { ...inputOf().frame, hash: '0'.repeat(64) } });
    expect(moved.ok ? null : moved.error.kind).toBe('invalidInput');
    const overlap = buildDrawRecord({ ...inputOf(), excludedIds: [record.frame.ids[0] ?? ''] });
    expect(overlap.ok ? null : overlap.error.kind).toBe('invalidInput');
    const unsealed = buildDrawRecord({ ...inputOf(), frame: { ...inputOf().frame, strataFile: null } });
    expect(unsealed.ok).toBe(false);
  });

  it('takes a published frame (hash and sealed hash) as given, and still refuses one that does not match', () => {
    const published = {
      ...inputOf().frame,
      hash: record.frame.hash,
      sealed: record.frame.sealed,
    };
    const same = buildDrawRecord({ ...inputOf(), frame: published });
    const frozen = buildDrawRecord(inputOf());
    expect(same.ok && same.value).toEqual(frozen.ok && frozen.value);
    const unsorted = buildDrawRecord({
      ...inputOf(),
      frame: { ...published, ids: [...record.frame.ids].reverse() },
    });
    expect(unsorted.ok && unsorted.value.frame).toEqual(record.frame);
    const moved = buildDrawRecord({ ...inputOf(), frame: { ...published, hash: '0'.repeat(64) } });
    expect(moved.ok ? null : moved.error.kind).toBe('invalidInput');
    const resealed = buildDrawRecord({ ...inputOf(), frame: { ...published, sealed: '0'.repeat(64) } });
    expect(resealed.ok ? null : resealed.error.kind).toBe('invalidInput');
    const file = strata ?? { salt: '', assignments: [] };
    const swapped = buildDrawRecord({
      ...inputOf(),
      frame: {
        ...published,
        strataFile: {
          ...file,
          assignments: file.assignments.map((a, i) =>
            i === 0 ? { ...a, stratum: a.stratum === 'S1' ? 'S2' : 'S1' } : a,
          ),
        },
      },
    });
    expect(swapped.ok ? null : swapped.error.kind).toBe('invalidInput');
  });

  it('refuses inspector teams over the cap or off the slots', () => {
    const single = createSampleDraw({ frameSize: 30 });
    const teams = single.record.inspectors;
    if (teams === null) throw new Error('fixture');
    const base: DrawRecordInput = {
      id: 'x',
      task: single.record.task,
      session: single.record.session,
      seed: { digits: single.record.seed.digits, beacon: null },
      frame: { ids: single.record.frame.ids, strata: single.record.frame.strata, strataFile: null },
      excludedIds: [],
      targets: single.record.targets.map((t) => t.id),
      inspectors: teams,
      supersedes: null,
    };
    expect(buildDrawRecord(base).ok).toBe(true);
    const capped = buildDrawRecord({ ...base, inspectors: { ...teams, workloadCap: 1 } });
    expect(capped.ok ? null : capped.error.kind).toBe('inconsistent');
    const missing = buildDrawRecord({ ...base, inspectors: { ...teams, teams: teams.teams.slice(1) } });
    expect(missing.ok ? null : missing.error.kind).toBe('invalidInput');
  });
});
