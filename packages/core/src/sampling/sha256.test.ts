import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createPrefixedSha256,
  formatDigestHex,
  hashSha256Hex,
  isFieldText,
  isWellFormedText,
} from './sha256.ts';

function nodeSha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

describe('sha256', () => {
  it('matches FIPS 180-4 examples', () => {
    expect(hashSha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashSha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hashSha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('matches node:crypto on any text, around every block boundary', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'grapheme' }), (text) => {
        expect(hashSha256Hex(text)).toBe(nodeSha256(text));
      }),
      { numRuns: 300 },
    );
    for (let n = 0; n < 140; n++) expect(hashSha256Hex('x'.repeat(n))).toBe(nodeSha256('x'.repeat(n)));
  });

  it('hashes prefix + suffix like the concatenation, for any prefix length', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 150, unit: 'grapheme' }),
        fc.array(fc.string({ maxLength: 80, unit: 'grapheme' }), { maxLength: 5 }),
        (prefix, suffixes) => {
          const hasher = createPrefixedSha256(prefix);
          const out = new Int32Array(8);
          for (const suffix of suffixes) {
            expect(hasher.hashInto(suffix, out)).toBe(true);
            expect(formatDigestHex(out)).toBe(nodeSha256(prefix + suffix));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('hashes prefix + head + tail like the concatenation, joined or not (ASCII, non-ASCII, across the block)', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ maxLength: 40, unit: 'grapheme' }),
      fc.stringMatching(/^[0-9A-Z/]{0,60}$/),
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.constant('a'.repeat(64)), fc.string({ maxLength: 150 })),
        fc.array(fc.tuple(text, text), { maxLength: 6 }),
        (prefix, pairs) => {
          const hasher = createPrefixedSha256(prefix);
          const out = new Int32Array(8);
          for (const [head, tail] of pairs) {
            expect(hasher.hashPairInto(head, tail, out)).toBe(true);
            expect(formatDigestHex(out)).toBe(nodeSha256(prefix + head + tail));
          }
        },
      ),
      { numRuns: 300 },
    );
    const out = new Int32Array(8);
    expect(createPrefixedSha256('a'.repeat(64)).hashPairInto('x', '\uD83D', out)).toBe(false);
  });

  it('refuses lone surrogates, as Python does', () => {
    const out = new Int32Array(8);
    expect(createPrefixedSha256('a'.repeat(64)).hashInto('x\uD83D', out)).toBe(false);
    expect(createPrefixedSha256('').hashInto('\uDE0A', out)).toBe(false);
    expect(isWellFormedText('😊中文')).toBe(true);
    expect(isWellFormedText('a\uD83Db')).toBe(false);
    expect(isWellFormedText('\uDE0A')).toBe(false);
    expect(() => hashSha256Hex('\uD800')).toThrow();
  });

  it('isWellFormedText and isFieldText agree with their regular-expression definitions on any text', () => {
    const wellFormed = (t: string): boolean =>
      !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(t);
    const units = fc.constantFrom(
      'a',
      '9',
      '\t',
      '\n',
      '\r',
      ' ',
      '中',
      '\uD83D',
      '\uDE0A',
      '\uDBFF',
      '\uDC00',
      '\uFFFF',
    );
    const texts = fc.oneof(
      fc.array(units, { maxLength: 8 }).map((parts) => parts.join('')),
      fc.string({ unit: 'binary', maxLength: 12 }),
    );
    fc.assert(
      fc.property(texts, (t) => {
        expect(isWellFormedText(t)).toBe(wellFormed(t));
        expect(isFieldText(t)).toBe(t !== '' && !/[\t\n\r]/.test(t) && wellFormed(t));
      }),
      { numRuns: 3000 },
    );
  });
});
