import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSeededRandom, deriveState, hashTextToState } from './seeded-random.ts';

describe('createSeededRandom', () => {
  it('repeats the same stream for the same seed and differs for another', () => {
    const draw = (seed: string): number[] => {
      const random = createSeededRandom(seed);
      return Array.from({ length: 8 }, () => random.nextUint32());
    };
    expect(draw('晋城')).toEqual(draw('晋城'));
    expect(draw('晋城')).not.toEqual(draw('晋城 '));
  });

  it('keeps nextInt inside its bounds and pick inside its list', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (seed, min, width) => {
          const random = createSeededRandom(seed);
          for (let i = 0; i < 20; i++) {
            const x = random.nextInt(min, min + width);
            expect(x).toBeGreaterThanOrEqual(min);
            expect(x).toBeLessThanOrEqual(min + width);
            expect(['a', 'b', 'c']).toContain(random.pick(['a', 'b', 'c']));
          }
        },
      ),
    );
  });

  it('is roughly uniform and honours weights', () => {
    const random = createSeededRandom('uniform');
    let sum = 0;
    let heavy = 0;
    for (let i = 0; i < 20_000; i++) {
      sum += random.nextFloat();
      if (random.pickWeighted(['x', 'y'], [9, 1]) === 'x') heavy++;
    }
    expect(sum / 20_000).toBeCloseTo(0.5, 1);
    expect(heavy / 20_000).toBeGreaterThan(0.88);
    expect(heavy / 20_000).toBeLessThan(0.92);
  });

  it('derives distinct streams per index', () => {
    const base = hashTextToState('base');
    const firsts = new Set(
      Array.from({ length: 1000 }, (_, i) => createSeededRandom(deriveState(base, i)).nextUint32()),
    );
    expect(firsts.size).toBe(1000);
  });
});
