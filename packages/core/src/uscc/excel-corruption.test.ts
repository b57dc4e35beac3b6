import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUscc } from './check-uscc.ts';
import { describeExcelCorruption, detectExcelCorruption } from './excel-corruption.ts';
import { makeUscc } from './make-uscc.ts';
import { makeOrgCode } from './org-code.ts';
import { computeMod1110CheckDigit } from './registration-number.ts';
import { USCC_CHARSET } from './uscc-charset.ts';

/** What a spreadsheet does to an all-digit code stored as a number: keep 15 significant digits. */
function roundTo15Digits(digits: string): string {
  return BigInt(Number(Number(digits).toPrecision(15))).toString();
}

const charArb = fc.constantFrom(...USCC_CHARSET.split(''));
const validUsccArb = fc
  .tuple(
    fc.constantFrom('91', '92', '93', '11', '12', '51', '52', 'Y1'),
    fc.constantFrom('140500', '140521', '469006', '110108', '100000'),
    fc.string({ unit: charArb, minLength: 8, maxLength: 8 }),
  )
  .map(([at, division, body]) => makeUscc(at + division + makeOrgCode(body)));
const digitUsccArb = fc
  .tuple(
    fc.constantFrom('91', '92', '93', '11', '12', '51', '52'),
    fc.constantFrom('140500', '140521', '469006', '110108'),
    fc.stringMatching(/^[0-9]{8}$/),
  )
  .map(([at, division, body]) => at + division + makeOrgCode(body))
  .filter((p) => !p.includes('X'))
  .map((p) => makeUscc(p))
  .filter((code) => /^[0-9]{18}$/.test(code));

describe('detectExcelCorruption', () => {
  it('catches scientific notation, as Excel displays a big number', () => {
    expect(detectExcelCorruption('9.1469E+17')).toEqual({ kind: 'scientific-notation', raw: '9.1469E+17' });
    expect(detectExcelCorruption('9.14690062012665e+17')?.kind).toBe('scientific-notation');
    expect(detectExcelCorruption('9.1140522MA0K1234E+17')?.kind).toBe('scientific-notation');
    expect(detectExcelCorruption(' 9E+17 ')?.kind).toBe('scientific-notation');
  });

  it('catches 18 digits whose last digits were zeroed', () => {
    expect(detectExcelCorruption('914690062012665000')).toEqual({
      kind: 'digits-lost',
      raw: '914690062012665000',
      trailingZeros: 3,
    });
  });

  it('catches 18 digits that are the exact value of a double (printed in full by another tool)', () => {
    const exact = BigInt(Number('914690062012665000')).toString();
    expect(exact).not.toMatch(/000$/);
    expect(detectExcelCorruption(exact)?.kind).toBe('digits-lost');
  });

  it('catches a ".0" float suffix and says whether the digits are intact', () => {
    const reg = '14052160000123' + computeMod1110CheckDigit('14052160000123');
    const c = detectExcelCorruption(`${reg}.0`);
    expect(c).toEqual({ kind: 'float-suffix', raw: `${reg}.0`, digits: reg, intact: true });
    expect(c && describeExcelCorruption(c)).toContain('valid registration number');
    expect(detectExcelCorruption('914690062012665000.0')).toMatchObject({
      kind: 'float-suffix',
      intact: false,
    });
    expect(detectExcelCorruption('9146900620126650.0')).toMatchObject({
      kind: 'float-suffix',
      intact: false,
    });
  });

  it('leaves alone what is not a spreadsheet artefact', () => {
    for (const s of [
      '91330100799655058B',
      '914403001922038216',
      '',
      'abc',
      '469006NA000129X',
      '12345',
      '914403001922038217',
    ]) {
      expect(detectExcelCorruption(s)).toBeNull();
    }
  });

  it('property: never flags a valid USCC', () => {
    fc.assert(fc.property(validUsccArb, (code) => detectExcelCorruption(code) === null));
  });

  it('property: never flags a valid 15-digit registration number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-8][0-9]{13}$/), (body) => {
        return detectExcelCorruption(body + computeMod1110CheckDigit(body)) === null;
      }),
    );
  });

  it('property: an all-digit USCC stored as a number is caught in every form it comes back in', () => {
    fc.assert(
      fc.property(digitUsccArb, (code) => {
        const stored = roundTo15Digits(code);
        fc.pre(stored !== code && !checkUscc(stored).ok);
        const asDouble = Number(stored);
        const forms = [
          stored, // String(number) in JS: 18 digits ending in zeros
          BigInt(asDouble).toString(), // exact double expansion
          asDouble.toExponential(4).toUpperCase(), // Excel's General display, e.g. 9.1469E+17
          `${stored}.0`, // a float printed by a tool that keeps ".0"
        ];
        return forms.every((f) => detectExcelCorruption(f) !== null);
      }),
    );
  });
});
