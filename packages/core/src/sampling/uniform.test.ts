import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertDigestToUniform, computeNextFraction, trimTicketNumber } from './uniform.ts';

/** Python's sha256_uniform on a digest, literally: "{:064d}".format(int(hex, 16)) reversed. */
function referenceUniform(hex: string): string {
  const decimal = BigInt('0x' + hex)
    .toString(10)
    .padStart(64, '0');
  return '0.' + Array.from({ length: decimal.length }, (_, i) => decimal[decimal.length - 1 - i]).join('');
}

const hexArb = fc
  .tuple(
    fc.nat(64),
    fc.array(
      fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'),
      { minLength: 64, maxLength: 64 },
    ),
  )
  .map(([zeros, digits]) => ('0'.repeat(zeros) + digits.join('')).slice(0, 64));

describe('convertDigestToUniform', () => {
  it('matches the BigInt reference, including digests with many leading zeros', () => {
    fc.assert(
      fc.property(hexArb, (hex) => {
        expect(convertDigestToUniform(hex)).toBe(referenceUniform(hex));
      }),
      { numRuns: 2000 },
    );
    for (const hex of [
      '0'.repeat(64),
      'f'.repeat(64),
      '0'.repeat(63) + '1',
      '0'.repeat(56) + '3b9aca00',
      '0'.repeat(40) + 'ffffffffffffffffffffffff',
    ]) {
      expect(convertDigestToUniform(hex)).toBe(referenceUniform(hex));
    }
  });
});

describe('computeNextFraction / trimTicketNumber', () => {
  it('keeps the leading 9s and returns a larger number', () => {
    for (const x of ['0.25471', '0.999', '0.9', '0.', '0.0999']) {
      const y = computeNextFraction(x);
      expect(y > x + '0').toBe(true);
      expect(y.startsWith(x.slice(0, x.search(/[0-8]|$/u)))).toBe(true);
    }
    expect(() => computeNextFraction('1.5')).toThrow();
  });

  it('trims after the leading run of 9s, truncating', () => {
    expect(trimTicketNumber('0.9991234567890', 4)).toBe('0.9991234');
    expect(trimTicketNumber('0.123456', 2)).toBe('0.12');
    expect(trimTicketNumber('0.999', 2)).toBe('0.999');
  });
});
