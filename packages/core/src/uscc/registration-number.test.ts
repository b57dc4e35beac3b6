import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRegistrationNumber, computeMod1110CheckDigit } from './registration-number.ts';

describe('ISO 7064 MOD 11,10 and the 15-digit registration number (注册号)', () => {
  it('matches published MOD 11,10 examples', () => {
    expect(computeMod1110CheckDigit('0794')).toBe('5'); // ISO 7064 worked example
    expect(computeMod1110CheckDigit('6943515153')).toBe('0'); // Croatian OIB 69435151530
  });

  it('accepts a number with the right check digit and division', () => {
    const number = '14052160000123' + computeMod1110CheckDigit('14052160000123');
    expect(checkRegistrationNumber(number)).toEqual({ ok: true, value: { number, divisionCode: '140521' } });
  });

  it('reports problems', () => {
    const body = '14052160000123';
    const good = computeMod1110CheckDigit(body);
    const bad = String((Number(good) + 1) % 10);
    expect(checkRegistrationNumber(body + bad)).toEqual({
      ok: false,
      error: { kind: 'wrong-check-digit', expected: good, found: bad },
    });
    expect(checkRegistrationNumber('1405216000012')).toMatchObject({ error: { kind: 'length', length: 13 } });
    expect(checkRegistrationNumber('469006NA000129X')).toEqual({
      ok: false,
      error: { kind: 'bad-char', position: 7, char: 'N' },
    });
    const foreign = '99052160000123' + computeMod1110CheckDigit('99052160000123');
    expect(checkRegistrationNumber(foreign)).toMatchObject({ error: { kind: 'bad-division' } });
  });

  it('property: every single-digit substitution is detected', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{14}$/),
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 1, max: 9 }),
        (body, i, delta) => {
          const number = body + computeMod1110CheckDigit(body);
          const changed =
            number.slice(0, i) + String((Number(number.charAt(i)) + delta) % 10) + number.slice(i + 1);
          const r = checkRegistrationNumber(changed);
          return !r.ok && r.error.kind === 'wrong-check-digit';
        },
      ),
    );
  });
});
