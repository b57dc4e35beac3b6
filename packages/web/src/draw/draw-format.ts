import type { TaskDto } from '@ssj/server/api-types';

/** A ticket (`0.` + 64–78 digits) shortened for a table cell: `0.00993403…25301`; the full ticket stays on hover. */
export function shortenTicket(ticket: string, head = 10, tail = 6): string {
  return ticket.length <= head + tail + 1 ? ticket : `${ticket.slice(0, head)}…${ticket.slice(-tail)}`;
}

/** A SHA-256 shortened to its first and last 8 hex digits, for narrow screens. */
export function shortenHash(hash: string): string {
  return hash.length <= 20 ? hash : `${hash.slice(0, 8)}…${hash.slice(-8)}`;
}

/** How many batches a task has in the year: the most `次/年` over its lines (a task without one has one batch). */
export function countBatches(task: TaskDto): number {
  return task.lines.reduce((most, line) => Math.max(most, line.timesPerYear ?? 1), 1);
}

/** The dice digits as typed (spaces and dashes allowed between groups) reduced to digits; null if anything else. */
export function normalizeSeedDigits(typed: string): string | null {
  const digits = typed.replace(/[\s-]/g, '');
  return /^\d*$/.test(digits) ? digits : null;
}

/** The fewest dice digits a seed may have (DOMAIN.md §4.2). */
export const MIN_SEED_DIGITS = 20;
/** The fewest witnesses of a seed ceremony (DOMAIN.md §4.2). */
export const MIN_WITNESSES = 2;
/** The most witnesses the server accepts. */
export const MAX_WITNESSES = 10;
