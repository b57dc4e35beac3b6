/**
 * The number-theoretic primitives of Rivest's consistent sampler (ron-rivest/consistent_sampler, `sha256_uniform`,
 * `first_fraction`, `next_fraction`, `trim`), byte-compatible with the Python original (DOMAIN.md §4.3).
 * Ticket numbers are decimal strings `"0.ddd…"` compared as strings, never as floats.
 */
import { assert } from '../result.ts';
import { createPrefixedSha256, hashSha256Hex } from './sha256.ts';

const plainHasher = createPrefixedSha256('');

/** Scratch space for {@link convertDigestWordsToUniform}: the digest as sixteen 16-bit limbs, most significant first. */
const limbs = new Float64Array(16);

/** REVERSED_TRIPLES[n] = the three digits of n, zero-padded, in reverse order (e.g. 12 → "210"). */
const REVERSED_TRIPLES: readonly string[] = Array.from({ length: 1000 }, (_, n) => {
  const digits = String(n).padStart(3, '0');
  return `${digits[2] ?? ''}${digits[1] ?? ''}${digits[0] ?? ''}`;
});

/** The nine digits of `chunk` (0 ≤ chunk < 10^9), zero-padded, least significant first. */
function reverseNineDigits(chunk: number): string {
  const high = Math.floor(chunk / 1_000_000);
  const rest = chunk - high * 1_000_000;
  const middle = Math.floor(rest / 1000);
  const low = rest - middle * 1000;
  return (
    (REVERSED_TRIPLES[low] as string) +
    (REVERSED_TRIPLES[middle] as string) +
    (REVERSED_TRIPLES[high] as string)
  );
}

/**
 * Rivest's uniform string of a SHA-256 digest held as eight big-endian 32-bit words: `"0."` + the decimal digits of
 * the digest read as an integer, left-padded with zeros to 64 digits, in reverse order (so the unbiased low-order
 * digits come first; Python `sha256_uniform`).
 *
 * Exact without BigInt: the integer is divided by 10^9 repeatedly over 16-bit limbs (every partial value stays below
 * 10^9 · 2^16 < 2^53), and each remainder yields nine digits, least significant first, which is the order needed;
 * the most significant chunk stops at its last non-zero digit (the integer's first), and zeros pad up to 64 digits.
 */
export function convertDigestWordsToUniform(words: Int32Array): string {
  for (let j = 0; j < 8; j++) {
    const word = words[j] as number;
    limbs[2 * j] = word >>> 16;
    limbs[2 * j + 1] = word & 0xffff;
  }
  let out = '0.';
  let digits = 0;
  let top = 0; // index of the most significant non-zero limb
  for (;;) {
    while (top < 16 && limbs[top] === 0) top++;
    if (top === 16) break;
    let remainder = 0;
    for (let i = top; i < 16; i++) {
      const value = remainder * 65536 + (limbs[i] as number);
      const quotient = Math.floor(value / 1e9);
      limbs[i] = quotient;
      remainder = value - quotient * 1e9;
    }
    while (top < 16 && limbs[top] === 0) top++;
    const chunk = reverseNineDigits(remainder);
    if (top < 16) {
      out += chunk;
      digits += 9;
      continue;
    }
    // The most significant chunk (non-zero): its trailing zeros are the integer's leading zeros.
    let end = 9;
    while (end > 1 && chunk.charCodeAt(end - 1) === 48) end--;
    out += chunk.slice(0, end);
    digits += end;
    break;
  }
  return digits < 64 ? out + '0'.repeat(64 - digits) : out;
}

/** Same as {@link convertDigestWordsToUniform} for a digest written as 64 hex digits. */
export function convertDigestToUniform(hex: string): string {
  const words = new Int32Array(8);
  for (let j = 0; j < 8; j++) words[j] = Number.parseInt(hex.slice(8 * j, 8 * j + 8), 16) | 0;
  return convertDigestWordsToUniform(words);
}

/**
 * `U(s)` of DOMAIN.md §4.3 (Python `sha256_uniform`): `"0."` + reverse(decimal of `H(s)`, zero-padded to 64 digits).
 * @example hashUniform('abc') === '0.56998071861792858926477341561059638840106636224182943832566300809078486324348'
 */
export function hashUniform(text: string): string {
  const words = new Int32Array(8);
  assert(plainHasher.hashInto(text, words), 'SHA-256 input must be well-formed UTF-16 (no lone surrogates)');
  return convertDigestWordsToUniform(words);
}

/**
 * The generation-1 ticket number of `id` (Python `first_fraction(id, seed)`): `U(H(seed) + id)` (DOMAIN.md §4.3).
 * `id` and `seed` are the strings Python's `str()` would give (see python-str.ts for tuples and numbers).
 */
export function computeFirstFraction(id: string, seed: string): string {
  return hashUniform(hashSha256Hex(seed) + id);
}

/** Index of the first digit after the leading run of 9s in `x + '0'` (Python: `first_non_9_position`). */
function findFirstNonNine(x: string): number {
  const padded = x + '0';
  let i = 2;
  while (i < padded.length && padded[i] === '9') i++;
  return i;
}

/**
 * The next ticket number after `x` (Python `next_fraction`), a pseudorandom y in (x, 1): keep the leading run of 9s of
 * `x`, append the digits of `U(x + ':' + i)` for i = 1, 2, … until the result exceeds `x + '0'` as a string.
 * `x` must look like `"0.ddd…"`.
 */
export function computeNextFraction(x: string): string {
  assert(/^0\.\d*$/.test(x), `a ticket number looks like "0.ddd", got ${JSON.stringify(x)}`);
  const padded = x + '0';
  const keep = padded.slice(0, findFirstNonNine(x));
  let y = '0.';
  for (let i = 1; y <= padded; i++) y = keep + hashUniform(x + ':' + String(i)).slice(2);
  return y;
}

/**
 * Truncates a ticket number for display (Python `trim(x, mantissa_display_length)`): keeps `digits` digits after the
 * leading run of 9s; truncates, never rounds. Ordering always uses the untrimmed string.
 * @example trimTicketNumber('0.9991234567890', 4) === '0.9991234'
 */
export function trimTicketNumber(x: string, digits: number): string {
  return x.slice(0, findFirstNonNine(x) + digits);
}
