import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateLargestRemainder } from './largest-remainder.ts';

describe('allocateLargestRemainder', () => {
  it('splits by largest remainder and re-splits what a capped stratum cannot take', () => {
    expect(allocateLargestRemainder(7, [50, 30, 15, 5], [50, 30, 15, 5])).toEqual([4, 2, 1, 0]);
    expect(allocateLargestRemainder(10, [10, 10], [1, 100])).toEqual([1, 9]);
    expect(allocateLargestRemainder(10, [10, 10], [1, 2])).toEqual([1, 2]);
    expect(allocateLargestRemainder(3, [0, 5], [4, 5])).toEqual([0, 3]);
  });

  it('hands out min(total, room) and stays within each cap and within one unit of the quota', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(500), fc.nat(500)), { minLength: 1, maxLength: 6 }),
        fc.nat(1500),
        (rows, total) => {
          const weights = rows.map(([w]) => w);
          const caps = rows.map(([, c]) => c);
          const counts = allocateLargestRemainder(total, weights, caps);
          const room = caps.reduce((sum, c, i) => sum + ((weights[i] ?? 0) > 0 ? c : 0), 0);
          expect(counts.reduce((a, b) => a + b, 0)).toBe(Math.min(total, room));
          counts.forEach((n, i) => {
            expect(n).toBeLessThanOrEqual(caps[i] ?? 0);
          });
          if (caps.every((c, i) => c === weights[i]) && total <= room) {
            const weightSum = weights.reduce((a, b) => a + b, 0);
            counts.forEach((n, i) => {
              expect(Math.abs(n - (total * (weights[i] ?? 0)) / weightSum)).toBeLessThan(1);
            });
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
