/**
 * Bernoulli sampling with consistent tickets (DOMAIN.md §4.3: "Bernoulli at rate r keeps tickets < r"): each id is
 * kept iff its first ticket number is below the rate, compared as strings (Python `ticket_number < rate`, as in
 * consistent_sampler's stratified example). Inclusion is independent across ids and monotone in the rate: the sample
 * at a lower rate is a subset of the sample at a higher one.
 */
import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { findDuplicateId } from './find-duplicate-id.ts';
import type { SampleError } from './sample-error.ts';
import { isWellFormedText } from './sha256.ts';
import { compareTickets } from './ticket.ts';
import type { Ticket } from './ticket.ts';
import { TICKET_KEY_DIGITS, createTicketKeyer } from './ticket-key.ts';

/** A rate is a plain decimal string in [0, 1] such as `"0"`, `"0.05"`, `"1"`, `"1.000"` (no `".5"`, no exponent). */
const RATE_PATTERN = /^(?:0(?:\.\d+)?|1(?:\.0+)?)$/;

/**
 * The ids whose first ticket under `seed` is `< rate`, in ticket order. `rate` is a decimal string (not a float, so
 * `"0.1"` means exactly one tenth); comparing `"0.ddd…"` strings is exact numeric comparison here.
 */
export function sampleBernoulli(
  ids: readonly string[],
  seed: string,
  rate: string,
  options: { readonly checkDuplicates?: boolean } = {},
): Result<Ticket[], SampleError> {
  if (!RATE_PATTERN.test(rate)) {
    return err({
      kind: 'invalidOption',
      option: 'rate',
      message: `a decimal string in [0, 1] like "0.05", got "${rate}"`,
    });
  }
  if (!isWellFormedText(seed)) return err({ kind: 'malformedText', what: 'seed', value: seed });
  const keepAll = rate.startsWith('1');
  // The first nine digits of the rate as a key, comparable with ticket keys (see ticket-key.ts).
  const rateKey = Number(rate.slice(2).padEnd(TICKET_KEY_DIGITS, '0').slice(0, TICKET_KEY_DIGITS));
  const keyer = createTicketKeyer(seed);
  const keys = options.checkDuplicates === false ? undefined : new Uint32Array(ids.length);
  const kept: Ticket[] = [];
  for (let index = 0; index < ids.length; index++) {
    const id = ids[index] as string;
    const key = keyer.keyOf(id);
    if (key < 0) return err({ kind: 'malformedText', what: 'id', value: id });
    if (keys !== undefined) keys[index] = key;
    if (keepAll || key < rateKey) {
      kept.push({ ticketNumber: keyer.ticketNumberOfLast(), id, generation: 1 });
    } else if (key === rateKey) {
      const ticketNumber = keyer.ticketNumberOfLast();
      if (ticketNumber < rate) kept.push({ ticketNumber, id, generation: 1 });
    }
  }
  if (keys !== undefined) {
    const duplicate = findDuplicateId(ids, keys);
    if (duplicate !== undefined) return err({ kind: 'duplicateId', id: duplicate });
  }
  return ok(kept.sort(compareTickets));
}
