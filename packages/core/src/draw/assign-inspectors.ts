/**
 * The inspector draw (DOMAIN.md §4 "Inspector draw", §3 "≥ 2 inspectors", 回避): each target gets a joint team, by
 * default 2 inspectors of the initiating department and 1 of each cooperating one. For each target in ticket order,
 * each slot takes the eligible inspector with the lowest ticket `U(H(inspectorSeed) + targetId + "/" + inspectorId)`
 * **such that the remaining slots can still all be filled** within every inspector's workload cap. So the draw never
 * fails while a valid assignment exists, and when none exists it names the short department and the first target
 * (in ticket order) at which it runs short.
 *
 * ## How (ours)
 * An inspector belongs to one department and serves in one slot group (target, department) at most once, so each
 * department is an independent b-matching: slot groups with a demand on one side, inspectors with capacities (their
 * remaining workload) on the other. Phase 1 builds one feasible assignment (a maximum flow) group by group in ticket
 * order, greedily then by augmenting paths; the first group that cannot be filled proves the department short there.
 * Phase 2 walks the slots in order; a candidate is feasible iff some feasible assignment uses it, i.e. iff it is in
 * the current flow, has spare capacity, or the residual graph has a path from it back to the slot group or to an
 * inspector with spare capacity (an alternating path: exchanging along it keeps every group filled). The chosen
 * candidate is then fixed and the flow stays a maximum flow of what remains, so each check is one incremental search,
 * and nodes a failed search reached are skipped for the next candidate of the same slot. Within a group the chosen
 * tickets increase, so each group's candidate list is scanned once.
 *
 * The result is the lexicographically smallest feasible assignment: slot by slot in order, the lowest ticket that
 * still admits a complete draw (checked against brute force in the tests).
 */
import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { compareByCodePoint, computeInspectorTicket, isWellFormedText } from '../sampling/index.ts';
import { createTicketKeyer } from '../sampling/ticket-key.ts';

/** How many inspectors of a department a team needs. */
export interface InspectorSlot {
  readonly departmentId: string;
  readonly count: number;
}

/** One target of the inspector draw, with the slots of its team and who is eligible for them. */
export interface InspectorDrawTarget {
  readonly targetId: string;
  /** The team composition; see {@link createDefaultSlots}. The same department listed twice adds up. */
  readonly slots: readonly InspectorSlot[];
  /**
   * Eligible inspector ids per department id (computed by the caller: active, certificate valid through the window,
   * right department and region, no recusal). Each inspector id belongs to one department in the whole draw.
   */
  readonly eligible: ReadonlyMap<string, readonly string[]>;
}

/** Everything the inspector draw of a task batch depends on. */
export interface AssignInspectorsInput {
  /** The derived inspectors seed, `seed|taskCode|batch|inspectors` (DOMAIN.md §4.2). */
  readonly inspectorSeed: string;
  /** Targets in ticket order (the order of the target draw). */
  readonly targets: readonly InspectorDrawTarget[];
  /** The most teams one inspector joins in this draw (≥ 1). */
  readonly workloadCap: number;
  /** Lower caps for some inspectors (e.g. work already assigned elsewhere), each 0..workloadCap. */
  readonly capacityOverrides?: ReadonlyMap<string, number>;
}

/** One inspector in a team. */
export interface AssignedInspector {
  readonly inspectorId: string;
  readonly departmentId: string;
  /** The full-precision ticket `U(H(inspectorSeed) + targetId + "/" + inspectorId)`. */
  readonly ticket: string;
}

/** The team of a target: members slot by slot (departments in slot order), within a department by ticket. */
export interface AssignedTeam {
  readonly targetId: string;
  readonly members: readonly AssignedInspector[];
}

/** Why no team list could be drawn. */
export type AssignInspectorsError =
  | { readonly kind: 'invalidInput'; readonly message: string }
  | {
      /** No assignment fills every slot: `departmentId` runs short at `targetId` (the first such target). */
      readonly kind: 'departmentShort';
      readonly departmentId: string;
      readonly targetId: string;
      /** Inspectors of the department this target needs, and how many are eligible for it. */
      readonly needed: number;
      readonly eligible: number;
      readonly message: string;
    };

/** The default team (DOMAIN.md §4): 2 of the initiating department + 1 of each cooperating department. */
export function createDefaultSlots(initiatingId: string, cooperatingIds: readonly string[]): InspectorSlot[] {
  return [
    { departmentId: initiatingId, count: 2 },
    ...cooperatingIds.filter((id) => id !== initiatingId).map((departmentId) => ({ departmentId, count: 1 })),
  ];
}

/** The flow network over slot groups (target, department) and inspectors; edges carry 0 or 1 unit. */
interface Network {
  readonly groupTarget: Int32Array;
  readonly groupDepartment: string[];
  readonly groupDemand: Int32Array;
  /** Edges of group g are edgeStart[g] .. edgeStart[g + 1] - 1, in ticket order. */
  readonly edgeStart: Int32Array;
  readonly edgeInspector: Int32Array;
  readonly edgeGroup: Int32Array;
  readonly edgeFlow: Uint8Array;
  /** Edges already fixed in the draw (phase 2): out of the residual graph. */
  readonly edgeFixed: Uint8Array;
  readonly inspectorIds: string[];
  readonly capacity: Int32Array;
  /** Edges carrying flow into each inspector (its load is the length). */
  readonly flowEdges: number[][];
}

function removeFlowEdge(network: Network, inspector: number, edge: number): void {
  const list = network.flowEdges[inspector] ?? [];
  const at = list.indexOf(edge);
  list[at] = list[list.length - 1] ?? edge;
  list.pop();
}

function setFlow(network: Network, edge: number, flow: 0 | 1): void {
  network.edgeFlow[edge] = flow;
  const inspector = network.edgeInspector[edge] ?? 0;
  if (flow === 1) network.flowEdges[inspector]?.push(edge);
  else removeFlowEdge(network, inspector, edge);
}

function hasSpare(network: Network, inspector: number): boolean {
  return (network.flowEdges[inspector]?.length ?? 0) < (network.capacity[inspector] ?? 0);
}

/** Breadth-first search state, reused across searches; `stamp` marks what the current search (or slot) has seen. */
interface Search {
  readonly seenInspector: Int32Array;
  readonly seenGroup: Int32Array;
  /** Edge through which a node was reached (-1 for the start). */
  readonly viaInspector: Int32Array;
  readonly viaGroup: Int32Array;
  readonly queue: Int32Array;
  stamp: number;
}

/** How a search ended: at an inspector with spare capacity, or (phase 2) at the slot group via a flow edge. */
type SearchEnd =
  { readonly kind: 'spare'; readonly inspector: number } | { readonly kind: 'group'; readonly edge: number };

/**
 * Searches the residual graph from `startInspector` (phase 2) or `startGroup` (phase 1) for an inspector with spare
 * capacity, or (when `goalGroup` ≥ 0) for an inspector whose flow goes to `goalGroup`. Nodes already stamped are skipped.
 * Queue entries: inspector i as i, group g as -(g + 1).
 */
function search(
  network: Network,
  s: Search,
  start: { readonly inspector: number } | { readonly group: number },
  goalGroup: number,
): SearchEnd | undefined {
  const { edgeStart, edgeInspector, edgeGroup, edgeFlow, edgeFixed, flowEdges } = network;
  let head = 0;
  let tail = 0;
  if ('inspector' in start) {
    s.seenInspector[start.inspector] = s.stamp;
    s.viaInspector[start.inspector] = -1;
    s.queue[tail++] = start.inspector;
  } else {
    s.seenGroup[start.group] = s.stamp;
    s.viaGroup[start.group] = -1;
    s.queue[tail++] = -(start.group + 1);
  }
  while (head < tail) {
    const node = s.queue[head++] ?? 0;
    if (node >= 0) {
      for (const edge of flowEdges[node] ?? []) {
        const group = edgeGroup[edge] ?? 0;
        if (group === goalGroup) return { kind: 'group', edge };
        if (s.seenGroup[group] === s.stamp) continue;
        s.seenGroup[group] = s.stamp;
        s.viaGroup[group] = edge;
        s.queue[tail++] = -(group + 1);
      }
    } else {
      const group = -node - 1;
      const end = edgeStart[group + 1] ?? 0;
      for (let edge = edgeStart[group] ?? 0; edge < end; edge++) {
        if (edgeFlow[edge] === 1 || edgeFixed[edge] === 1) continue;
        const inspector = edgeInspector[edge] ?? 0;
        if (s.seenInspector[inspector] === s.stamp) continue;
        s.seenInspector[inspector] = s.stamp;
        s.viaInspector[inspector] = edge;
        if (hasSpare(network, inspector)) return { kind: 'spare', inspector };
        s.queue[tail++] = inspector;
      }
    }
  }
  return undefined;
}

/** Flips the flow along the search path that reached `inspector` back to the start. */
function augmentFrom(network: Network, s: Search, inspector: number): void {
  let current = inspector;
  for (;;) {
    const forward = s.viaInspector[current] ?? -1;
    if (forward < 0) return;
    setFlow(network, forward, 1);
    const group = network.edgeGroup[forward] ?? 0;
    const backward = s.viaGroup[group] ?? -1;
    if (backward < 0) return;
    setFlow(network, backward, 0);
    current = network.edgeInspector[backward] ?? 0;
  }
}

/** Positions within a pool are packed below the ticket key in one double: key · 2^21 + position (< 2^53). */
const POSITION_FACTOR = 2 ** 21;

/** An eligible list checked once: its inspectors' indices in the network, in list order. */
interface CheckedPool {
  readonly departmentId: string;
  readonly indices: Int32Array;
}

/**
 * Positions in `pool` in ticket order when `order` (key · 2^21 + position, sorted) has equal keys: those runs are
 * ordered by the full ticket, then by id (the sampler's order).
 */
function rankTiedCandidates(
  order: Float64Array,
  pool: readonly string[],
  inspectorSeed: string,
  targetId: string,
): number[] {
  const positions = Array.from(order, (x) => x % POSITION_FACTOR);
  const keyAt = (i: number): number => Math.floor((order[i] as number) / POSITION_FACTOR);
  for (let i = 1; i < positions.length; i++) {
    if (keyAt(i) !== keyAt(i - 1)) continue;
    let j = i + 1;
    while (j < positions.length && keyAt(j) === keyAt(i)) j++;
    const tied = positions.slice(i - 1, j).map((p) => {
      const id = pool[p] as string;
      return { p, id, ticket: computeInspectorTicket(inspectorSeed, targetId, id) };
    });
    tied.sort((a, b) =>
      a.ticket !== b.ticket ? (a.ticket < b.ticket ? -1 : 1) : compareByCodePoint(a.id, b.id),
    );
    tied.forEach((x, k) => (positions[i - 1 + k] = x.p));
    i = j - 1;
  }
  return positions;
}

/** Builds the network: interns inspectors, checks departments, ranks each group's candidates by ticket. */
function buildNetwork(input: AssignInspectorsInput): Result<Network, AssignInspectorsError> {
  const invalid = (message: string): Result<never, AssignInspectorsError> =>
    err({ kind: 'invalidInput', message });
  if (input.inspectorSeed === '' || !isWellFormedText(input.inspectorSeed))
    return invalid('the inspector seed is empty');
  if (!Number.isSafeInteger(input.workloadCap) || input.workloadCap < 1)
    return invalid('workloadCap must be a whole number ≥ 1');
  const keyer = createTicketKeyer(input.inspectorSeed);
  const inspectorIndex = new Map<string, number>();
  const inspectorIds: string[] = [];
  const departmentOf: string[] = [];
  const groupTarget: number[] = [];
  const groupDepartment: string[] = [];
  const groupDemand: number[] = [];
  const edgeStart: number[] = [0];
  let edgeInspector = new Int32Array(1024);
  let edgeCount = 0;
  const seenTargets = new Set<string>();
  // Targets usually share their eligible lists (only a recusal makes a list of its own): each list is checked and
  // interned once.
  const checkedPools = new Map<readonly string[], CheckedPool>();
  const checkPool = (
    targetId: string,
    departmentId: string,
    pool: readonly string[],
  ): Result<Int32Array, AssignInspectorsError> => {
    const cached = checkedPools.get(pool);
    if (cached?.departmentId === departmentId) return ok(cached.indices);
    if (pool.length >= POSITION_FACTOR) return invalid(`department ${departmentId}: too many inspectors`);
    const indices = new Int32Array(pool.length);
    const inPool = new Set<string>();
    for (let i = 0; i < pool.length; i++) {
      const id = pool[i] as string;
      if (inPool.has(id)) return invalid(`target ${targetId}: inspector ${id} is listed twice`);
      inPool.add(id);
      let index = inspectorIndex.get(id);
      if (index === undefined) {
        if (id === '' || !isWellFormedText(id)) return invalid('an inspector id is empty or malformed');
        index = inspectorIds.length;
        inspectorIndex.set(id, index);
        inspectorIds.push(id);
        departmentOf.push(departmentId);
      } else if (departmentOf[index] !== departmentId) {
        return invalid(
          `inspector ${id} is listed under departments ${departmentOf[index] ?? ''} and ${departmentId}`,
        );
      }
      indices[i] = index;
    }
    checkedPools.set(pool, { departmentId, indices });
    return ok(indices);
  };
  let ranked = new Float64Array(64);
  for (let t = 0; t < input.targets.length; t++) {
    const target = input.targets[t];
    if (target === undefined) continue;
    if (target.targetId === '' || !isWellFormedText(target.targetId)) return invalid('a target id is empty');
    if (seenTargets.has(target.targetId)) return invalid(`target ${target.targetId} is listed twice`);
    seenTargets.add(target.targetId);
    const demand = new Map<string, number>();
    for (const slot of target.slots) {
      if (!Number.isSafeInteger(slot.count) || slot.count < 0) {
        return invalid(
          `target ${target.targetId}: slot count of ${slot.departmentId} must be a whole number ≥ 0`,
        );
      }
      demand.set(slot.departmentId, (demand.get(slot.departmentId) ?? 0) + slot.count);
    }
    const prefix = `${target.targetId}/`;
    for (const [departmentId, count] of demand) {
      if (count === 0) continue;
      const pool = target.eligible.get(departmentId) ?? [];
      const checked = checkPool(target.targetId, departmentId, pool);
      if (!checked.ok) return checked;
      const indices = checked.value;
      // Rank by ticket: the nine-digit key orders all but equal keys (about one pair in 10^9), which fall back to
      // the full ticket, then the inspector id.
      if (ranked.length < pool.length) ranked = new Float64Array(pool.length * 2);
      const order = ranked.subarray(0, pool.length);
      for (let i = 0; i < pool.length; i++) {
        order[i] = keyer.keyOfPair(prefix, pool[i] as string) * POSITION_FACTOR + i;
      }
      order.sort();
      if (edgeInspector.length < edgeCount + pool.length) {
        const grown = new Int32Array(Math.max(edgeInspector.length * 2, edgeCount + pool.length));
        grown.set(edgeInspector.subarray(0, edgeCount));
        edgeInspector = grown;
      }
      let tied = false;
      let previousKey = -1;
      for (let i = 0; i < order.length; i++) {
        const x = order[i] as number;
        const position = x % POSITION_FACTOR;
        if (x - position === previousKey) tied = true;
        previousKey = x - position;
        edgeInspector[edgeCount + i] = indices[position] as number;
      }
      if (tied) {
        const positions = rankTiedCandidates(order, pool, input.inspectorSeed, target.targetId);
        for (let i = 0; i < positions.length; i++) {
          edgeInspector[edgeCount + i] = indices[positions[i] as number] as number;
        }
      }
      edgeCount += pool.length;
      groupTarget.push(t);
      groupDepartment.push(departmentId);
      groupDemand.push(count);
      edgeStart.push(edgeCount);
    }
  }
  const capacity = new Int32Array(inspectorIds.length).fill(input.workloadCap);
  for (const [id, cap] of input.capacityOverrides ?? []) {
    if (!Number.isSafeInteger(cap) || cap < 0 || cap > input.workloadCap) {
      return invalid(`capacity of ${id} must be a whole number 0..${input.workloadCap}`);
    }
    const index = inspectorIndex.get(id);
    if (index !== undefined) capacity[index] = cap;
  }
  const edges = edgeInspector.slice(0, edgeCount);
  const edgeGroup = new Int32Array(edgeCount);
  for (let g = 0; g < groupTarget.length; g++) {
    for (let e = edgeStart[g] ?? 0; e < (edgeStart[g + 1] ?? 0); e++) edgeGroup[e] = g;
  }
  return ok({
    groupTarget: Int32Array.from(groupTarget),
    groupDepartment,
    groupDemand: Int32Array.from(groupDemand),
    edgeStart: Int32Array.from(edgeStart),
    edgeInspector: edges,
    edgeGroup,
    edgeFlow: new Uint8Array(edgeCount),
    edgeFixed: new Uint8Array(edgeCount),
    inspectorIds,
    capacity,
    flowEdges: inspectorIds.map(() => []),
  });
}

function createSearch(network: Network): Search {
  const inspectors = network.inspectorIds.length;
  const groups = network.groupDemand.length;
  return {
    seenInspector: new Int32Array(inspectors),
    seenGroup: new Int32Array(groups),
    viaInspector: new Int32Array(inspectors),
    viaGroup: new Int32Array(groups),
    queue: new Int32Array(inspectors + groups + 1),
    stamp: 0,
  };
}

/** Phase 1: a feasible assignment, group by group in order; the first group that cannot be filled is short. */
function fillAllGroups(
  network: Network,
  s: Search,
  input: AssignInspectorsInput,
): Result<true, AssignInspectorsError> {
  const { edgeStart, edgeInspector, groupDemand } = network;
  for (let g = 0; g < groupDemand.length; g++) {
    let missing = groupDemand[g] ?? 0;
    const end = edgeStart[g + 1] ?? 0;
    for (let e = edgeStart[g] ?? 0; e < end && missing > 0; e++) {
      if (hasSpare(network, edgeInspector[e] ?? 0)) {
        setFlow(network, e, 1);
        missing--;
      }
    }
    while (missing > 0) {
      s.stamp++;
      const found = search(network, s, { group: g }, -1);
      if (found === undefined || found.kind !== 'spare') {
        const target = input.targets[network.groupTarget[g] ?? 0];
        const departmentId = network.groupDepartment[g] ?? '';
        const needed = groupDemand[g] ?? 0;
        const eligible = end - (edgeStart[g] ?? 0);
        return err({
          kind: 'departmentShort',
          departmentId,
          targetId: target?.targetId ?? '',
          needed,
          eligible,
          message:
            `department ${departmentId} is short at target ${target?.targetId ?? ''}: it needs ${needed} of ` +
            `${eligible} eligible inspectors, and with a workload cap of ${input.workloadCap} the department's ` +
            `eligible inspectors cannot cover this target and the ones before it`,
        });
      }
      augmentFrom(network, s, found.inspector);
      missing--;
    }
  }
  return ok(true);
}

/** Returns one unit of `group`'s flow to the pool (phase 2, after a path ended at a spare inspector). */
function releaseOneUnit(network: Network, group: number, keep: number): void {
  for (let e = (network.edgeStart[group + 1] ?? 0) - 1; e >= (network.edgeStart[group] ?? 0); e--) {
    if (e !== keep && network.edgeFlow[e] === 1 && network.edgeFixed[e] === 0) {
      setFlow(network, e, 0);
      return;
    }
  }
}

/** Phase 2: slot by slot, the lowest-ticket candidate some feasible completion uses; fixes it. */
function selectGroup(network: Network, s: Search, group: number): number[] {
  const { edgeStart, edgeInspector, edgeFlow } = network;
  const chosen: number[] = [];
  let next = edgeStart[group] ?? 0;
  const end = edgeStart[group + 1] ?? 0;
  for (let unit = 0; unit < (network.groupDemand[group] ?? 0); unit++) {
    s.stamp++;
    for (; next < end; next++) {
      const edge = next;
      const inspector = edgeInspector[edge] ?? 0;
      let feasible = edgeFlow[edge] === 1;
      if (!feasible && hasSpare(network, inspector)) {
        setFlow(network, edge, 1);
        releaseOneUnit(network, group, edge);
        feasible = true;
      } else if (!feasible && s.seenInspector[inspector] !== s.stamp) {
        const found = search(network, s, { inspector }, group);
        if (found !== undefined) {
          if (found.kind === 'group') {
            setFlow(network, found.edge, 0);
            augmentFrom(network, s, edgeInspector[found.edge] ?? 0);
          } else {
            augmentFrom(network, s, found.inspector);
            releaseOneUnit(network, group, -1);
          }
          // The path started by taking a unit away from `inspector`; give it this slot instead.
          setFlow(network, edge, 1);
          feasible = true;
        }
      }
      if (feasible) {
        setFlow(network, edge, 0);
        network.edgeFixed[edge] = 1;
        network.capacity[inspector] = (network.capacity[inspector] ?? 0) - 1;
        chosen.push(edge);
        next++;
        break;
      }
    }
  }
  return chosen;
}

/**
 * Draws the inspector teams of a task batch (see the module doc). Deterministic: the result depends only on the
 * seed, the targets' order and the eligible sets (not on the order of the eligible lists).
 */
export function assignInspectors(
  input: AssignInspectorsInput,
): Result<AssignedTeam[], AssignInspectorsError> {
  const built = buildNetwork(input);
  if (!built.ok) return built;
  const network = built.value;
  const s = createSearch(network);
  const filled = fillAllGroups(network, s, input);
  if (!filled.ok) return filled;
  const keyer = createTicketKeyer(input.inspectorSeed);
  const members: AssignedInspector[][] = input.targets.map(() => []);
  for (let g = 0; g < network.groupDemand.length; g++) {
    const t = network.groupTarget[g] ?? 0;
    const target = input.targets[t];
    if (target === undefined) continue;
    for (const edge of selectGroup(network, s, g)) {
      const inspectorId = network.inspectorIds[network.edgeInspector[edge] ?? 0] ?? '';
      members[t]?.push({
        inspectorId,
        departmentId: network.groupDepartment[g] ?? '',
        // = computeInspectorTicket(seed, targetId, inspectorId), from the keyer's prefix-hashed seed.
        ticket: keyer.keyOf(`${target.targetId}/${inspectorId}`) >= 0 ? keyer.ticketNumberOfLast() : '',
      });
    }
  }
  return ok(input.targets.map((target, t) => ({ targetId: target.targetId, members: members[t] ?? [] })));
}
