/**
 * A population rule split for deciding many objects at once (a draw session freezes the frames of hundreds of task
 * batches from one read of the register, DOMAIN.md §4.1): most of a rule looks only at what whole groups of objects
 * share (region, status, kind, categories, flags), and only a few filters look at single objects (registered
 * capital, licence) or at names (explicit rules). Together the parts select exactly what {@link compilePopulationRule}
 * selects object by object (a test checks the two agree on the demo register).
 */
import { findCategory } from './categories.ts';
import { normaliseScopeText } from './find-keywords.ts';
import type { PopulationRule } from './suggest-population.ts';

/** What objects of one group share, as far as a population rule can tell. */
export interface PopulationGroupKey {
  readonly regionCode: string;
  /** 登记状态 (存续, 注销, 吊销). */
  readonly status: string;
  readonly kind: string;
  readonly categoryCodes: readonly string[];
  readonly flags: readonly string[];
}

/** What the per-object filters read of an object. */
export interface PopulationObjectFacts {
  /** 注册资本 in 万元, or null. */
  readonly registeredCapital: number | null;
  /** Names of the licences the object holds (only read when the rule has a licence filter). */
  readonly licenceNames: readonly string[];
}

export interface SplitPopulationRule {
  /**
   * Explicit rules (named objects): the normalised names; an object is in the population when it is in one of the
   * rule's regions and statuses and its normalised name is one of these. Null for every other rule.
   */
  readonly names: ReadonlySet<string> | null;
  readonly regionCodes: ReadonlySet<string>;
  readonly statuses: ReadonlySet<string>;
  /** Whether the objects of a group can be in the population (false for every group of an explicit rule). */
  matchesGroup(group: PopulationGroupKey): boolean;
  /** Whether the per-object filters look at single objects at all; when false, a matching group is all in. */
  readonly hasObjectFilters: boolean;
  /** The per-object filters (registered capital, licence), for an object of a matching group. */
  matchesObject(object: PopulationObjectFacts): boolean;
}

export function splitPopulationRule(rule: PopulationRule): SplitPopulationRule {
  const regionCodes = new Set(rule.regionCodes);
  const statuses = new Set<string>(rule.filters.statuses);
  const kinds = rule.filters.kinds === null ? null : new Set<string>(rule.filters.kinds);
  const tags = new Set<string>();
  const byKind = new Set<string>();
  for (const code of rule.categoryCodes) {
    const category = findCategory(code);
    if (category === undefined) continue;
    if (category.membership.by === 'tag') tags.add(code);
    else if (category.membership.by === 'union') for (const m of category.membership.of) tags.add(m);
    else for (const k of category.kinds) byKind.add(k);
  }
  const { minRegisteredCapital, licence, flags } = rule.filters;
  const explicit = rule.explicit;
  return {
    names: explicit ? new Set(rule.explicitNames.map(normaliseScopeText)) : null,
    regionCodes,
    statuses,
    matchesGroup: (g) =>
      !explicit &&
      regionCodes.has(g.regionCode) &&
      statuses.has(g.status) &&
      (kinds === null || kinds.has(g.kind)) &&
      (byKind.has(g.kind) || g.categoryCodes.some((c) => tags.has(c))) &&
      flags.every((f) => g.flags.includes(f)),
    hasObjectFilters: minRegisteredCapital !== null || licence !== null,
    matchesObject: (o) =>
      (minRegisteredCapital === null || (o.registeredCapital ?? -1) >= minRegisteredCapital) &&
      (licence === null || o.licenceNames.includes(licence)),
  };
}
