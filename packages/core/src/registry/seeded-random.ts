/**
 * A small seeded pseudo-random generator for the demo register: xoshiro128** (Blackman & Vigna) seeded from a
 * string by cyrb128-style mixing. Pure TypeScript with no `node:crypto`, so the register can be generated in a
 * browser too. Not cryptographic: draws use the consistent sampler (DOMAIN.md §4), never this.
 */
import { assert } from '../result.ts';

/** A 128-bit state as four unsigned 32-bit words. */
export type RandomState = readonly [number, number, number, number];

/** Hashes a string to a 128-bit state (cyrb128: four interleaved multiply-xor lanes over UTF-16 code units). */
export function hashTextToState(text: string): RandomState {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** murmur3 fmix32: a bijective avalanche of a 32-bit word. */
export function mixWord(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A state for item `index` of a stream keyed by `base`: every item gets an independent-looking state without
 * hashing a string per item, so any item can be generated on its own (random access) and fast.
 */
export function deriveState(base: RandomState, index: number): RandomState {
  const lo = index >>> 0;
  const hi = Math.floor(index / 0x100000000) >>> 0;
  return [
    mixWord(base[0] ^ mixWord(lo + 0x9e3779b9)),
    mixWord(base[1] ^ mixWord(lo ^ 0x7f4a7c15) ^ hi),
    mixWord(base[2] ^ mixWord(lo + 0x2545f491) ^ mixWord(hi + 1)),
    mixWord(base[3] ^ mixWord(lo ^ 0x61c88647)),
  ];
}

export interface SeededRandom {
  /** Next unsigned 32-bit integer. */
  nextUint32(): number;
  /** Uniform in [0, 1), 32 bits of resolution. */
  nextFloat(): number;
  /** Uniform integer in [min, max] (both inclusive). */
  nextInt(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** A uniformly chosen element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** An element chosen with probability proportional to its weight (weights ≥ 0, not all 0). */
  pickWeighted<T>(items: readonly T[], weights: readonly number[]): T;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** xoshiro128** over a 128-bit state (an all-zero state is replaced, as the algorithm requires). */
class Xoshiro128 implements SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(state: RandomState) {
    [this.a, this.b, this.c, this.d] = state;
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 0x9e3779b9;
  }

  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  nextFloat(): number {
    return this.nextUint32() / 0x100000000;
  }

  nextInt(min: number, max: number): number {
    if (!(Number.isInteger(min) && Number.isInteger(max) && min <= max))
      assert(false, `nextInt: bad range ${min}..${max}`);
    return min + Math.floor(this.nextFloat() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.nextFloat() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) assert(false, 'pick: empty list');
    return items[Math.floor(this.nextFloat() * items.length)] as T;
  }

  pickWeighted<T>(items: readonly T[], weights: readonly number[]): T {
    if (items.length === 0 || items.length !== weights.length) assert(false, 'pickWeighted: bad lists');
    let total = 0;
    for (const w of weights) total += w;
    if (!(total > 0)) assert(false, 'pickWeighted: all weights are 0');
    let x = this.nextFloat() * total;
    for (let i = 0; i < items.length; i++) {
      x -= weights[i] ?? 0;
      if (x < 0) return items[i] as T;
    }
    return items[items.length - 1] as T;
  }
}

/** A seeded generator from a 128-bit state or a string (hashed with {@link hashTextToState}). */
export function createSeededRandom(state: RandomState | string): SeededRandom {
  return new Xoshiro128(typeof state === 'string' ? hashTextToState(state) : state);
}
