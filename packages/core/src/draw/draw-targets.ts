/**
 * The target draw of a task batch (DOMAIN.md §4.3): the batch's targets seed is derived from the session seed
 * (`seed|taskCode|batch|targets`, §4.2); in each stratum the n_h members with the smallest first tickets are drawn
 * (bottom-k, Rivest's sampler without replacement), and the strata's draws are merged in ticket order.
 */
import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import {
  compareTickets,
  deriveSeed,
  describeSampleError,
  selectSmallestFirstTickets,
} from '../sampling/index.ts';
import type { FrameStratum, StratumAssignment, Ticket } from '../sampling/index.ts';

/** One drawn target: id, full-precision ticket, and its stratum label (kept by the platform, not published). */
export interface DrawnTarget {
  readonly id: string;
  readonly ticket: string;
  readonly stratum: string;
}

/** Why a draw could not be made; every case is an input problem. */
export interface DrawTargetsError {
  readonly kind: 'invalidSeed' | 'invalidAllocation' | 'invalidStrata' | 'invalidFrame';
  readonly message: string;
}

/** Groups the frame ids by stratum, checking that the assignment is a partition of the frame into known strata. */
function groupByStratum(
  frameIds: readonly string[],
  allocation: readonly Pick<FrameStratum, 'name' | 'allocation'>[],
  strataAssignment: readonly StratumAssignment[] | null,
): Result<Map<string, string[]>, DrawTargetsError> {
  const members = new Map<string, string[]>();
  for (const s of allocation) {
    if (members.has(s.name)) {
      return err({ kind: 'invalidAllocation', message: `stratum ${JSON.stringify(s.name)} is listed twice` });
    }
    if (!Number.isSafeInteger(s.allocation) || s.allocation < 0) {
      return err({
        kind: 'invalidAllocation',
        message: `stratum ${s.name}: allocation must be a whole number ≥ 0`,
      });
    }
    members.set(s.name, []);
  }
  if (strataAssignment === null) {
    const only = allocation[0];
    if (allocation.length !== 1 || only === undefined) {
      return err({ kind: 'invalidStrata', message: 'several strata need a strata assignment' });
    }
    members.set(only.name, [...frameIds]);
    return ok(members);
  }
  const inFrame = new Set(frameIds);
  if (inFrame.size !== frameIds.length)
    return err({ kind: 'invalidFrame', message: 'the frame lists an id twice' });
  const assigned = new Set<string>();
  for (const a of strataAssignment) {
    const group = members.get(a.stratum);
    if (group === undefined) {
      return err({
        kind: 'invalidStrata',
        message: `id ${a.id}: unknown stratum ${JSON.stringify(a.stratum)}`,
      });
    }
    if (!inFrame.has(a.id)) return err({ kind: 'invalidStrata', message: `id ${a.id} is not in the frame` });
    if (assigned.has(a.id)) return err({ kind: 'invalidStrata', message: `id ${a.id} is assigned twice` });
    assigned.add(a.id);
    group.push(a.id);
  }
  if (assigned.size !== inFrame.size) {
    const missing = frameIds.find((id) => !assigned.has(id)) ?? '';
    return err({ kind: 'invalidStrata', message: `id ${missing} has no stratum` });
  }
  return ok(members);
}

/**
 * Draws the targets of one task batch: per stratum the `allocation` smallest tickets under the derived targets seed,
 * merged in ticket order (ticket string, then id by code point). `seed` is the session seed value (see
 * combine-session-seed.ts); `strataAssignment` is null for a frame with a single stratum (then `allocation` has one
 * entry), else it assigns every frame id to one of the `allocation` strata.
 */
export function drawTargets(
  frameIds: readonly string[],
  seed: string,
  taskCode: string,
  batch: number,
  allocation: readonly Pick<FrameStratum, 'name' | 'allocation'>[],
  strataAssignment: readonly StratumAssignment[] | null,
): Result<DrawnTarget[], DrawTargetsError> {
  const targetSeed = deriveSeed(seed, taskCode, batch, 'targets');
  if (!targetSeed.ok) return err({ kind: 'invalidSeed', message: targetSeed.error.message });
  const groups = groupByStratum(frameIds, allocation, strataAssignment);
  if (!groups.ok) return groups;
  const drawn: (Ticket & { readonly stratum: string })[] = [];
  for (const s of allocation) {
    const group = groups.value.get(s.name) ?? [];
    if (s.allocation > group.length) {
      return err({
        kind: 'invalidAllocation',
        message: `stratum ${s.name} allocates ${s.allocation} of ${group.length} members`,
      });
    }
    const tickets = selectSmallestFirstTickets(group, targetSeed.value, s.allocation);
    if (!tickets.ok) return err({ kind: 'invalidFrame', message: describeSampleError(tickets.error) });
    for (const t of tickets.value) drawn.push({ ...t, stratum: s.name });
  }
  drawn.sort(compareTickets);
  return ok(drawn.map((t) => ({ id: t.id, ticket: t.ticketNumber, stratum: t.stratum })));
}
