import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkOrgCode, computeOrgCodeCheckChar, makeOrgCode } from './org-code.ts';

describe('organisation code (GB 11714-1997)', () => {
  it('accepts published organisation codes', () => {
    expect(checkOrgCode('799655058').ok).toBe(true);
    expect(checkOrgCode('192203821').ok).toBe(true);
    expect(checkOrgCode('71526726X').ok).toBe(true); // check 10 → X
    expect(checkOrgCode('M000100Y4').ok).toBe(true); // letters: M = 22, Y = 34
  });

  it('maps 11 to "0" and 10 to "X"', () => {
    expect(computeOrgCodeCheckChar('00000000')).toEqual({ ok: true, value: '0' });
    expect(computeOrgCodeCheckChar('71526726')).toEqual({ ok: true, value: 'X' });
  });

  it('reports problems', () => {
    expect(checkOrgCode('799655059')).toEqual({
      ok: false,
      error: { kind: 'wrong-check-char', expected: '8', found: '9' },
    });
    expect(checkOrgCode('79965505')).toEqual({ ok: false, error: { kind: 'length', length: 8 } });
    expect(computeOrgCodeCheckChar('7996-505')).toEqual({
      ok: false,
      error: { kind: 'bad-char', position: 5, char: '-' },
    });
  });

  it('property: makeOrgCode builds codes that check', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Z]{8}$/), (body) => {
        const code = makeOrgCode(body);
        return code.length === 9 && code.startsWith(body) && checkOrgCode(code).ok;
      }),
    );
  });

  it('makeOrgCode rejects a malformed body as a programming error', () => {
    expect(() => makeOrgCode('abc')).toThrow(/invalid body/);
  });
});
