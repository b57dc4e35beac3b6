/**
 * Bottom-k selection of first tickets (DOMAIN.md §4.3: "the sample of size n is the n smallest tickets"): one pass over
 * the ids with a bounded max-heap of the k smallest so far, ordered exactly like {@link compareTickets}, so the cost is
 * one SHA-256 block per id plus O(k log k · log(N/k)) heap work, not a sort of the whole frame.
 */
import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { compareByCodePoint } from './compare-text.ts';
import type { SampleError } from './sample-error.ts';
import { isWellFormedText } from './sha256.ts';
import type { Ticket } from './ticket.ts';
import { createTicketKeyer } from './ticket-key.ts';
import { findDuplicateId } from './find-duplicate-id.ts';
import { convertDigestWordsToUniform } from './uniform.ts';

/** A heap slot. Entries are recycled when a smaller ticket replaces the root, so a pass allocates ~k of them. */
interface Entry {
  key: number;
  id: string;
  readonly words: Int32Array;
  ticketNumber: string | undefined;
}

/** Overwrites `entry` with the ticket just computed by the keyer. */
function fillEntry(entry: Entry, key: number, id: string, words: Int32Array): Entry {
  entry.key = key;
  entry.id = id;
  entry.words.set(words);
  entry.ticketNumber = undefined;
  return entry;
}

function readTicketNumber(entry: Entry): string {
  entry.ticketNumber ??= convertDigestWordsToUniform(entry.words);
  return entry.ticketNumber;
}

/** Ticket order on entries: nine-digit key, then the full ticket string (only on equal keys), then id. */
function compareEntries(a: Entry, b: Entry): number {
  if (a.key !== b.key) return a.key - b.key;
  const x = readTicketNumber(a);
  const y = readTicketNumber(b);
  if (x !== y) return x < y ? -1 : 1;
  return compareByCodePoint(a.id, b.id);
}

/** Restores the max-heap property downwards from `index`. */
function siftDown(heap: Entry[], index: number): void {
  const n = heap.length;
  const entry = heap[index] as Entry;
  let i = index;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= n) break;
    const right = left + 1;
    let larger = left;
    if (right < n && compareEntries(heap[right] as Entry, heap[left] as Entry) > 0) larger = right;
    if (compareEntries(heap[larger] as Entry, entry) <= 0) break;
    heap[i] = heap[larger] as Entry;
    i = larger;
  }
  heap[i] = entry;
}

/** Restores the max-heap property upwards from the last element. */
function siftUp(heap: Entry[]): void {
  let i = heap.length - 1;
  const entry = heap[i] as Entry;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (compareEntries(heap[parent] as Entry, entry) >= 0) break;
    heap[i] = heap[parent] as Entry;
    i = parent;
  }
  heap[i] = entry;
}

/** Options of {@link selectSmallestFirstTickets}. */
export interface SelectOptions {
  /**
   * Reject a frame that lists an id twice (default true), as Python's sampler does. Equal ids have equal tickets, so
   * the check sorts the nine-digit keys (a typed-array sort, far cheaper than a set of strings) and compares ids only
   * among equal keys. A caller whose frame is known to be duplicate-free may turn it off; duplicates that reach the
   * selection are rejected regardless.
   */
  readonly checkDuplicates?: boolean;
}

/**
 * The `k` smallest generation-1 tickets of `ids` under `seed`, in ticket order (Python: the first `k` tickets popped
 * from `make_ticket_heap(ids, seed)`). `k` ≥ ids.length returns every ticket, sorted.
 */
export function selectSmallestFirstTickets(
  ids: readonly string[],
  seed: string,
  k: number,
  options: SelectOptions = {},
): Result<Ticket[], SampleError> {
  if (!isWellFormedText(seed)) return err({ kind: 'malformedText', what: 'seed', value: seed });
  if (!(k >= 0)) return err({ kind: 'invalidOption', option: 'k', message: `must be ≥ 0, got ${k}` });
  const limit = Math.min(k, ids.length);
  const keyer = createTicketKeyer(seed);
  const keys = options.checkDuplicates === false ? undefined : new Uint32Array(ids.length);
  const heap: Entry[] = [];
  let spare: Entry = { key: 0, id: '', words: new Int32Array(8), ticketNumber: undefined };
  for (let index = 0; index < ids.length; index++) {
    const id = ids[index] as string;
    const key = keyer.keyOf(id);
    if (key < 0) return err({ kind: 'malformedText', what: 'id', value: id });
    if (keys !== undefined) keys[index] = key;
    if (heap.length < limit) {
      heap.push({ key, id, words: keyer.words.slice(), ticketNumber: undefined });
      siftUp(heap);
      continue;
    }
    if (limit === 0) continue;
    const top = heap[0] as Entry;
    if (key > top.key) continue;
    if (key < top.key) {
      fillEntry(top, key, id, keyer.words);
    } else {
      // Equal nine-digit keys (rare): decide on the full ticket strings, then the ids.
      const candidate = fillEntry(spare, key, id, keyer.words);
      if (compareEntries(candidate, top) >= 0) continue;
      heap[0] = candidate;
      spare = top;
    }
    siftDown(heap, 0);
  }
  if (keys !== undefined) {
    const duplicate = findDuplicateId(ids, keys);
    if (duplicate !== undefined) return err({ kind: 'duplicateId', id: duplicate });
  }
  heap.sort(compareEntries);
  const tickets: Ticket[] = [];
  let previous: string | undefined;
  for (const entry of heap) {
    if (entry.id === previous) return err({ kind: 'duplicateId', id: entry.id });
    previous = entry.id;
    tickets.push({ ticketNumber: readTicketNumber(entry), id: entry.id, generation: 1 });
  }
  return ok(tickets);
}
