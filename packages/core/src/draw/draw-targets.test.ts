import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFirstTicket, sampleIds } from '../sampling/index.ts';
import { drawTargets } from './draw-targets.ts';

const ids = Array.from({ length: 40 }, (_, i) => `91140500MA0K${String(i).padStart(6, '0')}`);
const SEED = '31415926535897932384';
const TARGETS_SEED = `${SEED}|JC-1|2|targets`;

describe('drawTargets', () => {
  it("is Rivest's sampler under the derived seed when there is one stratum", () => {
    const drawn = drawTargets(ids, SEED, 'JC-1', 2, [{ name: 'S1', allocation: 7 }], null);
    const python = sampleIds(ids, TARGETS_SEED, { take: 7 });
    expect(drawn.ok && drawn.value.map((t) => t.id)).toEqual(python.ok && python.value);
    expect(drawn.ok && drawn.value.map((t) => t.ticket)).toEqual(
      python.ok && python.value.map((id) => createFirstTicket(id, TARGETS_SEED).ticketNumber),
    );
  });

  it('takes each stratum’s smallest tickets and merges them in ticket order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('S1', 'S2', 'S3'), { minLength: ids.length, maxLength: ids.length }),
        fc.nat({ max: 5 }),
        fc.nat({ max: 5 }),
        (labels, a, b) => {
          const assignments = ids.map((id, i) => ({ id, stratum: labels[i] ?? 'S1' }));
          const members = (s: string): string[] =>
            assignments.filter((x) => x.stratum === s).map((x) => x.id);
          const allocation = [
            { name: 'S1', allocation: Math.min(a, members('S1').length) },
            { name: 'S2', allocation: Math.min(b, members('S2').length) },
            { name: 'S3', allocation: 0 },
          ];
          const drawn = drawTargets(ids, SEED, 'JC-1', 2, allocation, assignments);
          expect(drawn.ok).toBe(true);
          if (!drawn.ok) return;
          for (const { name, allocation: n } of allocation) {
            const expected = sampleIds(members(name), TARGETS_SEED, { take: n });
            expect(drawn.value.filter((t) => t.stratum === name).map((t) => t.id)).toEqual(
              expected.ok && expected.value,
            );
          }
          const tickets = drawn.value.map((t) => t.ticket);
          expect(tickets).toEqual([...tickets].sort());
        },
      ),
      { numRuns: 50 },
    );
  });

  it('rejects inconsistent strata and allocations', () => {
    const one = [{ name: 'S1', allocation: 1 }];
    expect(drawTargets(ids, SEED, 'JC-1', 1, [...one, { name: 'S2', allocation: 1 }], null).ok).toBe(false);
    expect(drawTargets(ids, SEED, 'JC-1', 1, [{ name: 'S1', allocation: 41 }], null).ok).toBe(false);
    expect(drawTargets(ids, SEED, 'a|b', 1, one, null).ok).toBe(false);
    const partial = ids.slice(1).map((id) => ({ id, stratum: 'S1' }));
    expect(drawTargets(ids, SEED, 'JC-1', 1, one, partial).ok).toBe(false);
    expect(drawTargets(ids, SEED, 'JC-1', 1, one, [...partial, { id: ids[0] ?? '', stratum: 'S9' }]).ok).toBe(
      false,
    );
    expect(drawTargets([...ids, ids[0] ?? ''], SEED, 'JC-1', 1, one, null).ok).toBe(false);
  });
});
