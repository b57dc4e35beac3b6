import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  DRAW_ALGORITHM_VERSION,
  hashFrame,
  hashSealedStrata,
  serializeFrame,
  serializeSealedStrata,
} from './frame-hash.ts';
import type { Frame } from './frame-hash.ts';

const frame: Frame = {
  algorithm: DRAW_ALGORITHM_VERSION,
  ids: ['91140500MA0K000002', '91140500MA0K000001', '个体-泽州-0003', '😊-astral', '\uFF21-fullwidth'],
  strata: [
    { name: 'B', size: 3, allocation: 1 },
    { name: 'A', size: 2, allocation: 1 },
  ],
};

describe('serializeFrame', () => {
  it('writes the documented text: tagged lines, strata by name, ids in code-point order', () => {
    const text = serializeFrame(frame);
    expect(text).toEqual({
      ok: true,
      value: [
        'ssj-frame-v1',
        'algorithm\tssj-draw-v1',
        'ids\t5',
        'stratum\tA\t2\t1',
        'stratum\tB\t3\t1',
        'id\t91140500MA0K000001',
        'id\t91140500MA0K000002',
        'id\t个体-泽州-0003',
        'id\t\uFF21-fullwidth',
        'id\t😊-astral',
      ].join('\n'),
    });
  });

  it('hashes that text as UTF-8 and does not depend on input order', () => {
    const text = serializeFrame(frame);
    const hash = hashFrame(frame);
    expect(
      hash.ok && text.ok && hash.value === createHash('sha256').update(text.value, 'utf8').digest('hex'),
    ).toBe(true);
    const reordered: Frame = { ...frame, ids: [...frame.ids].reverse(), strata: [...frame.strata].reverse() };
    expect(hashFrame(reordered)).toEqual(hash);
    expect(
      hashFrame({
        ...frame,
        strata: [
          { name: 'B', size: 3, allocation: 2 },
          { name: 'A', size: 2, allocation: 1 },
        ],
      }),
    ).not.toEqual(hash);
  });

  it('adds the sealed strata hash', () => {
    const sealed = hashSealedStrata(
      [
        { id: '91140500MA0K000001', stratum: 'A' },
        { id: '91140500MA0K000002', stratum: 'B' },
      ],
      '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
    );
    expect(
      serializeSealedStrata(
        [
          { id: 'b', stratum: 'D' },
          { id: 'a', stratum: 'A' },
        ],
        'salt',
      ),
    ).toEqual({
      ok: true,
      value: 'ssj-strata-v1\nsalt\tsalt\na\tA\nb\tD',
    });
    expect(sealed.ok).toBe(true);
    if (!sealed.ok) return;
    const text = serializeFrame({ ...frame, sealedStrataHash: sealed.value });
    expect(text.ok && text.value.split('\n')[5]).toBe(`sealed\t${sealed.value}`);
  });

  it('rejects frames that cannot be written unambiguously', () => {
    const bad: Frame[] = [
      { ...frame, ids: [...frame.ids.slice(0, 4), '91140500MA0K000001'] },
      { ...frame, ids: [...frame.ids.slice(0, 4), 'tab\there'] },
      { ...frame, ids: [...frame.ids.slice(0, 4), ''] },
      { ...frame, strata: [{ name: 'A', size: 4, allocation: 1 }] },
      { ...frame, strata: [{ name: 'A', size: 5, allocation: 6 }] },
      {
        ...frame,
        strata: [
          { name: 'A', size: 2, allocation: 1 },
          { name: 'A', size: 3, allocation: 1 },
        ],
      },
      { ...frame, sealedStrataHash: 'ABC' },
      { ...frame, algorithm: 'v1\n' },
    ];
    for (const f of bad) expect(serializeFrame(f).ok).toBe(false);
    expect(serializeSealedStrata([{ id: 'a', stratum: 'A' }], '').ok).toBe(false);
    expect(
      serializeSealedStrata(
        [
          { id: 'a', stratum: 'A' },
          { id: 'a', stratum: 'B' },
        ],
        's',
      ).ok,
    ).toBe(false);
  });
});
