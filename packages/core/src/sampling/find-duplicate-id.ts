import { compareByCodePoint } from './compare-text.ts';

/**
 * Duplicate detection for a frame (Python's sampler asserts its ids are distinct). Equal ids have equal ticket keys
 * (see ticket-key.ts), so sorting the keys as a typed array finds the few candidate groups; only ids sharing a key are
 * compared as strings. Far cheaper than a set of a million strings.
 *
 * Returns the first id (in code-point order) listed twice in `ids`, given `keys[i]` = ticket key of `ids[i]`;
 * undefined if the ids are distinct.
 */
export function findDuplicateId(ids: readonly string[], keys: Uint32Array): string | undefined {
  const sorted = keys.slice().sort();
  const shared = new Set<number>();
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) shared.add(sorted[i] as number);
  if (shared.size === 0) return undefined;
  const byKey = new Map<number, Set<string>>();
  const duplicates: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    const key = keys[i] as number;
    if (!shared.has(key)) continue;
    const id = ids[i] as string;
    let group = byKey.get(key);
    if (group === undefined) {
      group = new Set();
      byKey.set(key, group);
    }
    if (group.has(id)) duplicates.push(id);
    group.add(id);
  }
  return duplicates.sort(compareByCodePoint)[0];
}
