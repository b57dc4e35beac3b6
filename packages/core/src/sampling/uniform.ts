/**
 * The number-theoretic primitives of Rivest's consistent sampler (ron-rivest/consistent_sampler, `sha256_uniform`,
 * `first_fraction`, `next_fraction`, `trim`), byte-compatible with the Python original (DOMAIN.md §4.3).
 * Ticket numbers are decimal strings `"0.ddd…"` compared as strings, never as floats.
 */
import { assert } from '../result.ts';
import { formatDigestHex, hashSha256Hex } from './sha256.ts';

/**
 * Turns a 64-hex-digit SHA-256 digest into Rivest's uniform string: `"0."` + the decimal digits of the digest read as
 * an integer, left-padded with zeros to 64 digits, in reverse order (so the unbiased low-order digits come first).
 */
export function convertDigestToUniform(hex: string): string {
  const decimal = BigInt('0x' + hex)
    .toString(10)
    .padStart(64, '0');
  let reversed = '0.';
  for (let i = decimal.length - 1; i >= 0; i--) reversed += decimal[i] ?? '';
  return reversed;
}

/** Same as {@link convertDigestToUniform} for a digest held as eight big-endian 32-bit words. */
export function convertDigestWordsToUniform(words: Int32Array): string {
  return convertDigestToUniform(formatDigestHex(words));
}

/**
 * `U(s)` of DOMAIN.md §4.3 (Python `sha256_uniform`): `"0."` + reverse(decimal of `H(s)`, zero-padded to 64 digits).
 * @example hashUniform('abc') === '0.56998071861792858926477341561059638840106636224182943832566300809078486324348'
 */
export function hashUniform(text: string): string {
  return convertDigestToUniform(hashSha256Hex(text));
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
