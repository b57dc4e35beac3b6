/**
 * A keyed bijection of [0, size): a 4-round Feistel network on the smallest even number of bits that covers `size`,
 * with cycle walking (re-encrypt until the value falls inside the domain). The demo register turns object positions
 * into organisation-code bodies and registration numbers with it: distinct positions always give distinct codes (no
 * collision check needed), and neighbouring positions give unrelated-looking codes.
 */
import { assert } from '../result.ts';
import { mixWord } from './seeded-random.ts';
import type { RandomState } from './seeded-random.ts';

export interface IndexPermutation {
  readonly size: number;
  /** The image of `index` (0 ≤ index < size). */
  apply(index: number): number;
}

export function createIndexPermutation(key: RandomState, size: number): IndexPermutation {
  assert(Number.isInteger(size) && size >= 1 && size <= 2 ** 52, `createIndexPermutation: bad size ${size}`);
  let bits = 2;
  while (2 ** bits < size) bits += 2;
  const half = bits / 2;
  const halfSize = 2 ** half;
  const round = (value: number, r: number): number =>
    mixWord(value ^ mixWord((key[r] ?? 0) + r * 0x9e3779b9)) % halfSize;
  const encrypt = (x: number): number => {
    let left = Math.floor(x / halfSize);
    let right = x % halfSize;
    for (let r = 0; r < 4; r++) {
      const next = (left + round(right, r)) % halfSize;
      left = right;
      right = next;
    }
    return left * halfSize + right;
  };
  return {
    size,
    apply: (index) => {
      if (!(Number.isInteger(index) && index >= 0 && index < size)) {
        assert(false, `permutation: index ${index} out of range`);
      }
      let x = encrypt(index);
      while (x >= size) x = encrypt(x);
      return x;
    },
  };
}
