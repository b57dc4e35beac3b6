import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DrawDto, DrawSessionDto } from '@ssj/server/api-types';
import { sha256Hex, toCanonicalJson } from './canonical-json.ts';
import { crossCheckRecord } from './record-cross-checks.ts';

const record = {
  format: 'ssj-draw-record-v1',
  seed: { digits: '314159265358979323846264', beacon: null, value: '314159265358979323846264' },
  frame: { hash: 'f'.repeat(64), ids: ['b', 'a'] },
  targets: [{ ticket: '0.5', id: 'a' }],
};
const fingerprint = createHash('sha256').update(toCanonicalJson(record)).digest('hex');
const draw = { frameHash: 'f'.repeat(64), recordSha256: fingerprint } as DrawDto;
const session = { seed: { digits: record.seed.digits } } as DrawSessionDto;

describe('record cross-checks', () => {
  it('hashes canonical JSON like the server: keys sorted, no whitespace, any layout', async () => {
    expect(toCanonicalJson({ b: 1, a: [true, null, 'x'], c: undefined })).toBe('{"a":[true,null,"x"],"b":1}');
    const pretty = JSON.parse(JSON.stringify(record, null, 1)) as unknown;
    expect(await sha256Hex(toCanonicalJson(pretty))).toBe(fingerprint);
  });

  it('passes the published record and names what differs in another', async () => {
    expect((await crossCheckRecord(record, draw, session)).every((check) => check.ok)).toBe(true);
    const edited = { ...record, frame: { ...record.frame, hash: '0'.repeat(64) } };
    const checks = await crossCheckRecord(edited, draw, session);
    expect(checks.filter((check) => !check.ok).map((check) => check.kind)).toEqual([
      'frameHash',
      'fingerprint',
    ]);
    const reseeded = { ...record, seed: { ...record.seed, digits: '1'.repeat(24) } };
    const seedCheck = (await crossCheckRecord(reseeded, draw, session)).find(
      (check) => check.kind === 'seed',
    );
    expect(seedCheck).toMatchObject({ ok: false, expected: record.seed.digits, found: '1'.repeat(24) });
    expect((await crossCheckRecord(record, draw, null)).map((check) => check.kind)).toEqual([
      'frameHash',
      'fingerprint',
    ]);
  });
});
