import { describe, expect, it } from 'vitest';
import { computeInspectorTicket, deriveSeed } from './domain-separation.ts';
import { hashSha256Hex } from './sha256.ts';
import { hashUniform } from './uniform.ts';

describe('deriveSeed', () => {
  it('joins seed, task code, batch and purpose with "|"', () => {
    expect(deriveSeed('31415926535897932384', 'JC-2023-017', 2, 'targets')).toEqual({
      ok: true,
      value: '31415926535897932384|JC-2023-017|2|targets',
    });
    expect(deriveSeed('1', 'T', 1, 'inspectors')).toEqual({ ok: true, value: '1|T|1|inspectors' });
  });

  it('rejects parts that would make the string ambiguous', () => {
    expect(deriveSeed('1', 'a|b', 1, 'targets').ok).toBe(false);
    expect(deriveSeed('1', '', 1, 'targets').ok).toBe(false);
    expect(deriveSeed('', 'T', 1, 'targets').ok).toBe(false);
    expect(deriveSeed('1', 'T', 0, 'targets').ok).toBe(false);
    expect(deriveSeed('1', 'T', 1.5, 'targets').ok).toBe(false);
  });
});

describe('computeInspectorTicket', () => {
  it('is U(H(seed) + targetId + "/" + inspectorId)', () => {
    const seed = '1|T|1|inspectors';
    expect(computeInspectorTicket(seed, '91140500MA0K000001', 'INS-7')).toBe(
      hashUniform(hashSha256Hex(seed) + '91140500MA0K000001/INS-7'),
    );
  });
});
