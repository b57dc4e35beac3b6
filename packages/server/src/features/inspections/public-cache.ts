/**
 * A small in-process cache of public answers (the portal is read by many and changes only when a result is
 * published): answers are kept for at most 30 s and dropped at once when this process publishes a result, a plan, a
 * plan change or a draw session, or closes a follow-up.
 * Another process (a second server on the same PostgreSQL) sees its changes after at most the 30 s. Disabled with
 * SSJ_PUBLIC_CACHE=0 (the benchmarks measure both).
 */
const TTL_MS = 30_000;
const MAX_ENTRIES = 5_000;

let generation = 0;
const entries = new Map<string, { at: number; generation: number; value: unknown }>();
const enabled = process.env['SSJ_PUBLIC_CACHE'] !== '0';

/** Forget every cached answer (called in the same process after a publication or a closed follow-up). */
export function invalidatePublicCache(): void {
  generation++;
  entries.clear();
}

const owners = new WeakMap<object, number>();
let nextOwnerId = 1;

/** The cached answer named `name` on database `owner`, or the result of `compute` (then cached). */
export async function readThroughPublicCache<T>(
  owner: object,
  name: string,
  now: number,
  compute: () => Promise<T>,
): Promise<T> {
  if (!enabled) return compute();
  let ownerId = owners.get(owner);
  if (ownerId === undefined) {
    ownerId = nextOwnerId++;
    owners.set(owner, ownerId);
  }
  const key = `${String(ownerId)}:${name}`;
  const hit = entries.get(key);
  if (hit !== undefined && hit.generation === generation && now - hit.at < TTL_MS) return hit.value as T;
  const startedIn = generation;
  const value = await compute();
  if (startedIn === generation) {
    if (entries.size >= MAX_ENTRIES) {
      const oldest = entries.keys().next();
      if (oldest.done !== true) entries.delete(oldest.value);
    }
    entries.set(key, { at: now, generation, value });
  }
  return value;
}
