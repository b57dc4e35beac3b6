/**
 * Rivest's consistent sampler (Python `consistent_sampler.sampler`), byte-compatible (DOMAIN.md §4.3).
 *
 * Without replacement the draw is the stream of first tickets in increasing order. With replacement a drawn ticket
 * goes back with its next number (generation + 1), so an id may come out again. `drop` skips the first tickets of
 * the stream and `take` bounds how many are returned after that (Python: tickets with `drop < count ≤ drop + take`).
 *
 * With replacement only ids whose first ticket is among the `drop + take` smallest first tickets can appear in the
 * first `drop + take` draws (every drawn id's first ticket precedes its drawn ticket in the stream), so the draw runs
 * Python's heap loop on that bottom-k instead of on the whole frame: same output, a fraction of the work.
 */
import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { createBinaryHeap } from './binary-heap.ts';
import { selectSmallestFirstTickets } from './bottom-k.ts';
import type { SampleError } from './sample-error.ts';
import { compareTickets, createNextTicket, formatTicketTuple } from './ticket.ts';
import type { Ticket, TicketTuple } from './ticket.ts';

/** Options of the draw (Python `sampler` keyword arguments). */
export interface SampleOptions {
  /** Sample with replacement (default false). */
  readonly withReplacement?: boolean;
  /** How many tickets of the stream to skip first (default 0). */
  readonly drop?: number;
  /** Upper bound on the tickets returned after the drop (default Infinity; must be finite with replacement). */
  readonly take?: number;
  /** Reject duplicate ids in the whole frame (default true); see {@link selectSmallestFirstTickets}. */
  readonly checkDuplicates?: boolean;
}

/** Options of {@link sampleTuples}: {@link SampleOptions} plus the display precision. */
export interface TupleSampleOptions extends SampleOptions {
  /** Digits kept after the leading 9s of each ticket number (Python `digits`, default 9). */
  readonly digits?: number;
}

function checkCount(option: string, value: number): SampleError | undefined {
  if (value === Infinity || (Number.isSafeInteger(value) && value >= 0)) return undefined;
  return { kind: 'invalidOption', option, message: `must be a whole number ≥ 0, got ${value}` };
}

/**
 * The tickets of the draw in stream order, with full-precision ticket numbers (DOMAIN.md §4.3): Python
 * `list(sampler(ids, seed, with_replacement, drop, take, output='ticket'))` before trimming.
 */
export function sampleTickets(
  ids: readonly string[],
  seed: string,
  options: SampleOptions = {},
): Result<Ticket[], SampleError> {
  const drop = options.drop ?? 0;
  const take = options.take ?? Infinity;
  const withReplacement = options.withReplacement ?? false;
  const problem = checkCount('drop', drop) ?? checkCount('take', take);
  if (problem !== undefined) return err(problem);
  if (drop === Infinity) return err({ kind: 'invalidOption', option: 'drop', message: 'must be finite' });
  if (withReplacement && take === Infinity && ids.length > 0) {
    return err({
      kind: 'invalidOption',
      option: 'take',
      message: 'must be finite when sampling with replacement',
    });
  }
  const end = drop + take;
  const firsts = selectSmallestFirstTickets(ids, seed, end, {
    checkDuplicates: options.checkDuplicates ?? true,
  });
  if (!firsts.ok || !withReplacement) return firsts.ok ? ok(firsts.value.slice(drop)) : firsts;
  const heap = createBinaryHeap(firsts.value, compareTickets);
  const drawn: Ticket[] = [];
  for (let count = 1; count <= end; count++) {
    const ticket = heap.pop();
    if (ticket === undefined) break;
    heap.push(createNextTicket(ticket));
    if (count > drop) drawn.push(ticket);
  }
  return ok(drawn);
}

/**
 * The draw as Python `list(sampler(ids, seed, ..., output='tuple', digits=d))`: `[ticket trimmed to d digits after any
 * leading 9s, id, generation]`, in stream order.
 */
export function sampleTuples(
  ids: readonly string[],
  seed: string,
  options: TupleSampleOptions = {},
): Result<TicketTuple[], SampleError> {
  const digits = options.digits ?? 9;
  if (!Number.isSafeInteger(digits) || digits < 0) {
    return err({
      kind: 'invalidOption',
      option: 'digits',
      message: `must be a whole number ≥ 0, got ${digits}`,
    });
  }
  const tickets = sampleTickets(ids, seed, options);
  return tickets.ok ? ok(tickets.value.map((ticket) => formatTicketTuple(ticket, digits))) : tickets;
}

/** The drawn ids in stream order (Python `sampler(..., output='id')`). */
export function sampleIds(
  ids: readonly string[],
  seed: string,
  options: SampleOptions = {},
): Result<string[], SampleError> {
  const tickets = sampleTickets(ids, seed, options);
  return tickets.ok ? ok(tickets.value.map((ticket) => ticket.id)) : tickets;
}
