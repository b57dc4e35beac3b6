import { describe, expect, it } from 'vitest';
import { selectSmallestFirstTickets } from './bottom-k.ts';
import { compareTickets, createFirstTicket } from './ticket.ts';
import { createTicketKeyer } from './ticket-key.ts';

describe('selectSmallestFirstTickets', () => {
  it('orders tickets whose first nine digits agree by their full numbers (the rare slow path)', () => {
    // Among 100,000 ids some pairs share a nine-digit key (birthday bound); find them.
    const seed = 'tie-seed';
    const keyer = createTicketKeyer(seed);
    const byKey = new Map<number, string>();
    const pairs: [string, string][] = [];
    for (let i = 0; i < 100_000 && pairs.length < 3; i++) {
      const id = `T${i}`;
      const key = keyer.keyOf(id);
      const other = byKey.get(key);
      if (other !== undefined) pairs.push([other, id]);
      byKey.set(key, id);
    }
    expect(pairs.length).toBeGreaterThan(0);
    for (const [a, b] of pairs) {
      const expected = [createFirstTicket(a, seed), createFirstTicket(b, seed)].sort(compareTickets);
      expect(expected[0]?.ticketNumber.slice(0, 11)).toBe(expected[1]?.ticketNumber.slice(0, 11));
      for (const ids of [
        [a, b],
        [b, a],
      ]) {
        const one = selectSmallestFirstTickets(ids, seed, 1);
        expect(one.ok && one.value).toEqual([expected[0]]);
        const two = selectSmallestFirstTickets(ids, seed, 2);
        expect(two.ok && two.value).toEqual(expected);
      }
    }
  });
});
