import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUscc, computeUsccCheckChar, describeUsccProblem, normalizeUscc } from './check-uscc.ts';
import { makeUscc } from './make-uscc.ts';
import { makeOrgCode } from './org-code.ts';
import { USCC_CHARSET } from './uscc-charset.ts';

/** Codes of well-known companies, as published on the national enterprise credit information system. */
const PUBLISHED = [
  '91330100799655058B', // 阿里巴巴（中国）有限公司
  '9144030071526726XG', // 深圳市腾讯计算机系统有限公司 (org code with check X)
  '914403001922038216', // 华为技术有限公司 (all digits)
  '91100000100003962T', // registered at national level (division 100000)
  '91350100M000100Y43', // the sample code used in GB 32100 explanations
];

const charArb = fc.constantFrom(...USCC_CHARSET.split(''));
const orgBodyArb = fc.string({ unit: charArb, minLength: 8, maxLength: 8 });
const validUsccArb = fc
  .tuple(
    fc.constantFrom(
      '11',
      '12',
      '13',
      '19',
      '51',
      '52',
      '53',
      '59',
      '91',
      '92',
      '93',
      'Y1',
      'N2',
      'A1',
      '31',
      '81',
    ),
    fc.constantFrom('110000', '140500', '140521', '469006', '100000', '650100', '820000'),
    orgBodyArb,
  )
  .map(([at, division, body]) => makeUscc(at + division + makeOrgCode(body)));

describe('checkUscc (GB 32100-2015)', () => {
  it.each(PUBLISHED)('accepts the published code %s', (code) => {
    expect(checkUscc(code).ok).toBe(true);
  });

  it('decodes authority, type, division and organisation code', () => {
    const r = checkUscc('91330100799655058B');
    expect(r).toEqual({
      ok: true,
      value: {
        code: '91330100799655058B',
        authorityCode: '9',
        authority: '工商',
        typeCode: '1',
        type: '企业',
        divisionCode: '330100',
        orgCode: '799655058',
      },
    });
  });

  it('reports the length', () => {
    expect(checkUscc('9133010079965505')).toEqual({ ok: false, error: { kind: 'length', length: 16 } });
    expect(checkUscc('')).toEqual({ ok: false, error: { kind: 'length', length: 0 } });
  });

  it('reports a bad character with its 1-based position', () => {
    expect(checkUscc('91330100799655O58B')).toEqual({
      ok: false,
      error: { kind: 'bad-char', position: 15, char: 'O' },
    });
    expect(checkUscc('91330100799655058b')).toEqual({
      ok: false,
      error: { kind: 'bad-char', position: 18, char: 'b' },
    });
    for (const banned of ['I', 'O', 'S', 'V', 'Z']) {
      const r = checkUscc(`9${banned}330100799655058B`);
      expect(r).toEqual({ ok: false, error: { kind: 'bad-char', position: 2, char: banned } });
    }
  });

  it('reports a wrong check character with the expected one', () => {
    expect(checkUscc('91330100799655058C')).toEqual({
      ok: false,
      error: { kind: 'wrong-check-char', expected: 'B', found: 'C' },
    });
  });

  it('reports an unknown registration authority or type', () => {
    const body = '140500' + makeOrgCode('MA0K1234');
    expect(checkUscc(makeUscc('B1' + body))).toEqual({
      ok: false,
      error: { kind: 'unknown-authority', authorityCode: 'B' },
    });
    expect(checkUscc(makeUscc('94' + body))).toEqual({
      ok: false,
      error: { kind: 'unknown-type', authorityCode: '9', typeCode: '4' },
    });
    expect(checkUscc(makeUscc('Y2' + body))).toMatchObject({ error: { kind: 'unknown-type' } });
    for (const ok of ['11', '12', '13', '19', '51', '52', '53', '59', '91', '92', '93', 'Y1']) {
      expect(checkUscc(makeUscc(ok + body)).ok).toBe(true);
    }
  });

  it('reports an implausible division code', () => {
    const org = makeOrgCode('MA0K1234');
    expect(checkUscc(makeUscc('91990000' + org))).toEqual({
      ok: false,
      error: { kind: 'bad-division', divisionCode: '990000' },
    });
    expect(checkUscc(makeUscc('9114A500' + org))).toMatchObject({ error: { kind: 'bad-division' } });
  });

  it('reports a bad organisation-code check (GB 11714)', () => {
    const r = checkUscc(makeUscc('91140500MA0K12340'));
    expect(r).toEqual({
      ok: false,
      error: {
        kind: 'bad-org-code-check',
        orgCode: 'MA0K12340',
        expected: makeOrgCode('MA0K1234').charAt(8),
      },
    });
  });

  it('describes every problem in a short phrase', () => {
    expect(describeUsccProblem({ kind: 'wrong-check-char', expected: 'X', found: '1' })).toBe(
      'wrong check character "1" (expected "X")',
    );
    expect(describeUsccProblem({ kind: 'bad-char', position: 3, char: 'O' })).toContain('position 3');
  });

  it('normalises pasted input', () => {
    expect(normalizeUscc('  ９１３３０１００７９９６５５０５８ｂ\u3000')).toBe('91330100799655058B');
  });

  it('property: every generated code is valid', () => {
    fc.assert(fc.property(validUsccArb, (code) => checkUscc(code).ok));
  });

  it('property: any single substitution in characters 1–17 is caught by the check character', () => {
    fc.assert(
      fc.property(validUsccArb, fc.integer({ min: 0, max: 16 }), charArb, (code, i, c) => {
        fc.pre(code.charAt(i) !== c);
        const changed = code.slice(0, i) + c + code.slice(i + 1);
        const r = checkUscc(changed);
        return !r.ok;
      }),
    );
  });

  it('property: swapping two different adjacent characters in 1–17 is caught', () => {
    fc.assert(
      fc.property(validUsccArb, fc.integer({ min: 0, max: 15 }), (code, i) => {
        fc.pre(code.charAt(i) !== code.charAt(i + 1));
        const swapped = code.slice(0, i) + code.charAt(i + 1) + code.charAt(i) + code.slice(i + 2);
        return !checkUscc(swapped).ok;
      }),
    );
  });

  it('computeUsccCheckChar maps a remainder of 0 to "0"', () => {
    // Σ = 0 for an all-zero prefix: 31 − 0 = 31 → '0'.
    expect(computeUsccCheckChar('00000000000000000')).toEqual({ ok: true, value: '0' });
  });
});
