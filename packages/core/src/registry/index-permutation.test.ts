import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIndexPermutation } from './index-permutation.ts';
import { hashTextToState } from './seeded-random.ts';

describe('createIndexPermutation', () => {
  it('is a bijection of [0, size) for any size and key', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.string(), (size, key) => {
        const permutation = createIndexPermutation(hashTextToState(key), size);
        const images = new Set<number>();
        let outside = 0;
        for (let i = 0; i < size; i++) {
          const image = permutation.apply(i);
          if (image < 0 || image >= size || !Number.isInteger(image)) outside++;
          images.add(image);
        }
        return outside === 0 && images.size === size;
      }),
      { numRuns: 60 },
    );
  });

  it('depends on the key and scatters neighbours', () => {
    const a = createIndexPermutation(hashTextToState('a'), 10 ** 8);
    const b = createIndexPermutation(hashTextToState('b'), 10 ** 8);
    expect(a.apply(1)).not.toBe(b.apply(1));
    expect(Math.abs(a.apply(1) - a.apply(2))).toBeGreaterThan(1000);
    expect(a.apply(123_456)).toBe(createIndexPermutation(hashTextToState('a'), 10 ** 8).apply(123_456));
  });
});
