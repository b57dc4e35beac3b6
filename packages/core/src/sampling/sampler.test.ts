import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleBernoulli } from './bernoulli.ts';
import { selectSmallestFirstTickets } from './bottom-k.ts';
import { sampleIds, sampleTickets, sampleTuples } from './sampler.ts';
import { compareTickets, createFirstTicket, createNextTicket } from './ticket.ts';
import type { Ticket } from './ticket.ts';

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`draw failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The Python algorithm, literally: every first ticket in a heap, pop (and push the next ticket if replacing). */
function sampleNaively(
  ids: readonly string[],
  seed: string,
  withReplacement: boolean,
  count: number,
): Ticket[] {
  const pool = ids.map((id) => createFirstTicket(id, seed));
  const drawn: Ticket[] = [];
  while (drawn.length < count && pool.length > 0) {
    pool.sort(compareTickets);
    const ticket = pool.shift() as Ticket;
    drawn.push(ticket);
    if (withReplacement) pool.push(createNextTicket(ticket));
  }
  return drawn;
}

const idArb = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }), {
  minLength: 1,
  maxLength: 40,
});
const seedArb = fc.string({ minLength: 1, maxLength: 24, unit: 'grapheme' });

describe('sampleTickets', () => {
  it('matches the literal heap algorithm, with and without replacement', () => {
    fc.assert(
      fc.property(idArb, seedArb, fc.boolean(), fc.nat(50), (ids, seed, withReplacement, take) => {
        const fast = unwrap(sampleTickets(ids, seed, { withReplacement, take }));
        expect(fast).toEqual(sampleNaively(ids, seed, withReplacement, take));
      }),
      { numRuns: 60 },
    );
  });

  it('does not depend on the order of the ids', () => {
    fc.assert(
      fc.property(idArb, seedArb, fc.nat(45), fc.integer(), (ids, seed, take, salt) => {
        const shuffled = [...ids].sort((a, b) => ((a.length * 31 + salt) % 7) - ((b.length * 31 + salt) % 7));
        shuffled.reverse();
        expect(unwrap(sampleIds(shuffled, seed, { take }))).toEqual(unwrap(sampleIds(ids, seed, { take })));
      }),
      { numRuns: 100 },
    );
  });

  it('gives a sample of size k that is a prefix of the sample of size k + 1', () => {
    fc.assert(
      fc.property(idArb, seedArb, fc.nat(45), fc.boolean(), (ids, seed, k, withReplacement) => {
        const small = unwrap(sampleTickets(ids, seed, { take: k, withReplacement }));
        const large = unwrap(sampleTickets(ids, seed, { take: k + 1, withReplacement }));
        expect(large.slice(0, small.length)).toEqual(small);
        expect(large.length).toBe(withReplacement ? k + 1 : Math.min(k + 1, ids.length));
      }),
      { numRuns: 100 },
    );
  });

  it('drop d then take t equals the slice [d, d + t) of the whole stream', () => {
    fc.assert(
      fc.property(
        idArb,
        seedArb,
        fc.nat(20),
        fc.nat(20),
        fc.boolean(),
        (ids, seed, drop, take, withReplacement) => {
          const whole = unwrap(sampleTickets(ids, seed, { take: drop + take, withReplacement }));
          expect(unwrap(sampleTickets(ids, seed, { drop, take, withReplacement }))).toEqual(
            whole.slice(drop, drop + take),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('rejects duplicate ids, lone surrogates and bad options', () => {
    expect(sampleIds(['a', 'b', 'a'], '1')).toEqual({ ok: false, error: { kind: 'duplicateId', id: 'a' } });
    expect(sampleIds(['a', 'b', 'a'], '1', { take: 0 }).ok).toBe(false);
    expect(sampleIds(['a', '\uD800'], '1').ok).toBe(false);
    expect(sampleIds(['a'], 'x\uDC00').ok).toBe(false);
    expect(sampleIds(['a'], '1', { take: -1 }).ok).toBe(false);
    expect(sampleIds(['a'], '1', { drop: 1.5 }).ok).toBe(false);
    expect(sampleIds(['a'], '1', { withReplacement: true }).ok).toBe(false);
    expect(sampleTuples(['a'], '1', { digits: -1 }).ok).toBe(false);
    expect(unwrap(sampleIds([], '1', { withReplacement: true }))).toEqual([]);
  });

  it('detects a duplicate anywhere in a large frame', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `id-${i}`);
    ids.push('id-4321');
    expect(selectSmallestFirstTickets(ids, 'seed', 3)).toEqual({
      ok: false,
      error: { kind: 'duplicateId', id: 'id-4321' },
    });
    expect(selectSmallestFirstTickets(ids, 'seed', 3, { checkDuplicates: false }).ok).toBe(true);
  });
});

describe('sampleBernoulli', () => {
  const rateArb = fc
    .integer({ min: 0, max: 1000 })
    .map((n) => (n === 1000 ? '1' : `0.${String(n).padStart(3, '0')}`));

  it('keeps exactly the ids whose first ticket is below the rate, in ticket order', () => {
    fc.assert(
      fc.property(idArb, seedArb, rateArb, (ids, seed, rate) => {
        const expected = ids
          .map((id) => createFirstTicket(id, seed))
          .filter((t) => t.ticketNumber < rate)
          .sort(compareTickets);
        expect(unwrap(sampleBernoulli(ids, seed, rate))).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('is monotone in the rate: a lower rate keeps a subset', () => {
    fc.assert(
      fc.property(idArb, seedArb, rateArb, rateArb, (ids, seed, r1, r2) => {
        const [low, high] = Number(r1) <= Number(r2) ? [r1, r2] : [r2, r1];
        const small = new Set(unwrap(sampleBernoulli(ids, seed, low)).map((t) => t.id));
        const large = new Set(unwrap(sampleBernoulli(ids, seed, high)).map((t) => t.id));
        for (const id of small) expect(large.has(id)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('compares beyond the ninth digit exactly', () => {
    const ids = Array.from({ length: 300 }, (_, i) => `x${i}`);
    for (const ticket of unwrap(sampleTickets(ids, 's', { take: 5 }))) {
      const rate = ticket.ticketNumber.slice(0, 20);
      const kept = unwrap(sampleBernoulli(ids, 's', rate)).map((t) => t.id);
      expect(kept).not.toContain(ticket.id);
      const above = unwrap(sampleBernoulli(ids, 's', ticket.ticketNumber + '1')).map((t) => t.id);
      expect(above).toContain(ticket.id);
    }
  });

  it('takes everyone at rate 1 and no one at rate 0, and rejects malformed rates', () => {
    expect(unwrap(sampleBernoulli(['a', 'b'], 's', '1.00'))).toHaveLength(2);
    expect(unwrap(sampleBernoulli(['a', 'b'], 's', '0'))).toHaveLength(0);
    for (const rate of ['0.5e-1', '.5', '1.5', '-0.1', '2', '0.']) {
      expect(sampleBernoulli(['a'], 's', rate).ok).toBe(false);
    }
  });
});

describe('uniformity', () => {
  /**
   * Over seeds "0".."19999", how often each of 100 ids lands in a 10-of-100 draw. Each count is Binomial(20000, 0.1)
   * (mean 2000, sd ≈ 42.4); every id must lie within the two-sided 99.9% normal bounds (z = 3.29, i.e. 1861..2139).
   * The seeds are fixed, so the test is deterministic (the observed counts span 1895..2138, chi² ≈ 109.7).
   */
  it('includes each id with probability k/N within binomial bounds', () => {
    const ids = Array.from({ length: 100 }, (_, i) => `91140500MA0${String(i).padStart(7, '0')}`);
    const counts = new Map<string, number>(ids.map((id) => [id, 0]));
    const draws = 20_000;
    for (let seed = 0; seed < draws; seed++) {
      for (const ticket of unwrap(
        selectSmallestFirstTickets(ids, String(seed), 10, { checkDuplicates: false }),
      )) {
        counts.set(ticket.id, (counts.get(ticket.id) ?? 0) + 1);
      }
    }
    const mean = draws * 0.1;
    const sd = Math.sqrt(draws * 0.1 * 0.9);
    const z = 3.29;
    let total = 0;
    for (const count of counts.values()) {
      total += count;
      expect(count).toBeGreaterThanOrEqual(mean - z * sd);
      expect(count).toBeLessThanOrEqual(mean + z * sd);
    }
    expect(total).toBe(draws * 10);
    // The spread of the counts matches the binomial variance: chi-square with 99 degrees of freedom.
    let chiSquare = 0;
    for (const count of counts.values()) chiSquare += (count - mean) ** 2 / (sd * sd);
    expect(chiSquare).toBeLessThan(148.2); // 99.9% quantile of chi²(99)
    expect(chiSquare).toBeGreaterThan(60.2); // 0.1% quantile
  });
});
