import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTicketKeyer } from './ticket-key.ts';
import { computeFirstFraction } from './uniform.ts';

describe('ticket keys', () => {
  it('are the first nine digits of the full ticket number', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30, unit: 'grapheme' }),
        fc.array(fc.string({ maxLength: 70 }), { maxLength: 8 }),
        (seed, ids) => {
          const keyer = createTicketKeyer(seed);
          for (const id of ids) {
            const key = keyer.keyOf(id);
            const full = computeFirstFraction(id, seed);
            expect(keyer.ticketNumberOfLast()).toBe(full);
            expect(String(key).padStart(9, '0')).toBe(full.slice(2, 11));
            // The same key from the id given in two parts (the inspector draw's `target/` + inspector).
            const cut = Math.floor(id.length / 2);
            expect(keyer.keyOfPair(id.slice(0, cut), id.slice(cut))).toBe(key);
            expect(keyer.ticketNumberOfLast()).toBe(full);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
