/**
 * Tickets of Rivest's consistent sampler (DOMAIN.md §4.3): each object holds a ticket `(ticketNumber, id, generation)`;
 * the draw takes the smallest tickets. With replacement, a drawn ticket is put back with the next, larger number.
 */
import { compareByCodePoint, compareByCodeUnit } from './compare-text.ts';
import { computeFirstFraction, computeNextFraction, trimTicketNumber } from './uniform.ts';

/** A ticket (Python `Ticket` namedtuple). `ticketNumber` is the full-precision decimal string `"0.ddd…"`. */
export interface Ticket {
  readonly ticketNumber: string;
  readonly id: string;
  /** 1 for the first ticket of an id; +1 each time the id is drawn with replacement. */
  readonly generation: number;
}

/** The tuple output of Python `sampler(..., output='tuple')`: `[trimmed ticket number, id, generation]`. */
export type TicketTuple = readonly [ticketNumber: string, id: string, generation: number];

/** The generation-1 ticket of `id` under `seed` (Python `first_ticket`): number `U(H(seed) + id)`. */
export function createFirstTicket(id: string, seed: string): Ticket {
  return { ticketNumber: computeFirstFraction(id, seed), id, generation: 1 };
}

/** The next ticket of the same id (Python `next_ticket`): number `next(x)`, generation + 1. */
export function createNextTicket(ticket: Ticket): Ticket {
  return {
    ticketNumber: computeNextFraction(ticket.ticketNumber),
    id: ticket.id,
    generation: ticket.generation + 1,
  };
}

/**
 * The draw order (Python tuple order of `Ticket`): ticket-number strings by code unit (they are ASCII), then ids by
 * code point (Python's `str` order), then generation. Returns <0, 0 or >0.
 */
export function compareTickets(a: Ticket, b: Ticket): number {
  return (
    compareByCodeUnit(a.ticketNumber, b.ticketNumber) ||
    compareByCodePoint(a.id, b.id) ||
    a.generation - b.generation
  );
}

/** The tuple form of a ticket with its number trimmed to `digits` digits after any leading 9s (Python `sampler`). */
export function formatTicketTuple(ticket: Ticket, digits: number): TicketTuple {
  return [trimTicketNumber(ticket.ticketNumber, digits), ticket.id, ticket.generation];
}
