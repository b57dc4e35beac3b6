/**
 * The hot path of a draw: first tickets of many ids under one seed, as a cheap exact sort key.
 *
 * A ticket number is `"0."` + the decimal digits of a 256-bit integer N in reverse order, so its first nine digits
 * are the digits of `N mod 10^9` read backwards. That remainder is computed with doubles only:
 * N = Σ h_m · 2^(16m) over the sixteen 16-bit halves h_m of the digest, and Σ h_m · (2^(16m) mod 10^9) stays below
 * 16 · 2^16 · 10^9 ≈ 1.05·10^15 < 2^53, so every step is exact. Two tickets whose nine-digit keys differ compare like
 * their keys; on equal keys (about one pair in 10^9) the caller falls back to the full strings.
 * `H(seed)` is exactly one SHA-256 block, so its compressed state is computed once per seed.
 */
import { createPrefixedSha256, hashSha256Hex } from './sha256.ts';
import type { PrefixedSha256 } from './sha256.ts';
import { convertDigestWordsToUniform } from './uniform.ts';

/** Number of leading ticket digits in a key. */
export const TICKET_KEY_DIGITS = 9;

const KEY_MODULUS = 1_000_000_000;

/** REVERSED_THREE_DIGITS[n] = the three digits of n (zero-padded) in reverse order, e.g. 12 → "012" → 210. */
const REVERSED_THREE_DIGITS = ((): Int32Array => {
  const table = new Int32Array(1000);
  for (let n = 0; n < 1000; n++)
    table[n] = (n % 10) * 100 + (Math.floor(n / 10) % 10) * 10 + Math.floor(n / 100);
  return table;
})();

/** HALF_WEIGHTS[m] = 2^(16m) mod 10^9. */
const HALF_WEIGHTS = ((): Float64Array => {
  const weights = new Float64Array(16);
  let weight = 1;
  for (let m = 0; m < 16; m++) {
    weights[m] = weight;
    weight = (weight * 65536) % KEY_MODULUS;
  }
  return weights;
})();

/** Reads the first nine ticket digits of a digest (eight big-endian 32-bit words) as an integer in [0, 10^9). */
export function computeTicketKey(words: Int32Array): number {
  const c = HALF_WEIGHTS;
  let sum = 0;
  for (let j = 0; j < 8; j++) {
    const word = words[j] as number;
    sum += (word >>> 16) * (c[15 - 2 * j] as number) + (word & 0xffff) * (c[14 - 2 * j] as number);
  }
  // Reverse the nine digits of the remainder, three at a time.
  const remainder = sum % KEY_MODULUS;
  const high = Math.floor(remainder / 1_000_000);
  const rest = remainder - high * 1_000_000;
  const middle = Math.floor(rest / 1000);
  const low = rest - middle * 1000;
  const r = REVERSED_THREE_DIGITS;
  const key = (r[low] as number) * 1_000_000 + (r[middle] as number) * 1000 + (r[high] as number);
  return key;
}

/** Computes first-ticket digests and keys of ids under one seed. Owns scratch buffers: one caller at a time. */
export interface TicketKeyer {
  /** The digest of the last id passed to {@link TicketKeyer.keyOf} (eight big-endian words). */
  readonly words: Int32Array;
  /** The key of `id`'s first ticket, or -1 if `id` holds a lone surrogate. Overwrites {@link TicketKeyer.words}. */
  readonly keyOf: (id: string) => number;
  /** {@link TicketKeyer.keyOf} of `head + tail`, without building that string (the inspector draw's hot path). */
  readonly keyOfPair: (head: string, tail: string) => number;
  /** The full-precision first ticket number of the last id passed to {@link TicketKeyer.keyOf}. */
  readonly ticketNumberOfLast: () => string;
}

/** Builds a {@link TicketKeyer} for `seed`. The seed must be well formed (no lone surrogates). */
export function createTicketKeyer(seed: string): TicketKeyer {
  const hasher: PrefixedSha256 = createPrefixedSha256(hashSha256Hex(seed));
  const words = new Int32Array(8);
  return {
    words,
    keyOf: (id: string): number => (hasher.hashInto(id, words) ? computeTicketKey(words) : -1),
    keyOfPair: (head: string, tail: string): number =>
      hasher.hashPairInto(head, tail, words) ? computeTicketKey(words) : -1,
    ticketNumberOfLast: (): string => convertDigestWordsToUniform(words),
  };
}
