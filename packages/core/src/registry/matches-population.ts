/**
 * Applies a population rule to register objects: the frame of a plan line is every object that matches
 * (DOMAIN.md §4.1 "the eligible population is computed").
 */
import { findCategory } from './categories.ts';
import { normaliseScopeText } from './find-keywords.ts';
import type { RegisterObject } from './register-types.ts';
import type { PopulationRule } from './suggest-population.ts';

/** Whether `object` belongs to category `code` (tagged, by kind, or through a union). */
export function isInCategory(object: RegisterObject, code: string): boolean {
  const category = findCategory(code);
  if (category === undefined) return false;
  switch (category.membership.by) {
    case 'tag':
      return object.categoryCodes.includes(code);
    case 'kind':
      return category.kinds.includes(object.kind);
    case 'union':
      return category.membership.of.some((member) => object.categoryCodes.includes(member));
  }
}

/** A rule compiled for repeated use: sets instead of lists, categories expanded once. */
export type PopulationPredicate = (object: RegisterObject) => boolean;

export function compilePopulationRule(rule: PopulationRule): PopulationPredicate {
  const regions = new Set(rule.regionCodes);
  const statuses = new Set(rule.filters.statuses);
  const kinds = rule.filters.kinds === null ? null : new Set(rule.filters.kinds);
  const tags = new Set<string>();
  const byKind = new Set<string>();
  for (const code of rule.categoryCodes) {
    const category = findCategory(code);
    if (category === undefined) continue;
    if (category.membership.by === 'tag') tags.add(code);
    else if (category.membership.by === 'union') for (const m of category.membership.of) tags.add(m);
    else for (const k of category.kinds) byKind.add(k);
  }
  const names = new Set(rule.explicitNames.map(normaliseScopeText));
  const { minRegisteredCapital, licence, flags } = rule.filters;
  return (object) => {
    if (!regions.has(object.regionCode) || !statuses.has(object.status)) return false;
    if (rule.explicit) return names.has(normaliseScopeText(object.name));
    if (kinds !== null && !kinds.has(object.kind)) return false;
    if (!byKind.has(object.kind) && !object.categoryCodes.some((c) => tags.has(c))) return false;
    if (minRegisteredCapital !== null && (object.registeredCapital ?? -1) < minRegisteredCapital)
      return false;
    if (licence !== null && !object.licences.some((l) => l.name === licence)) return false;
    return flags.every((f) => object.flags.includes(f));
  };
}

/**
 * Whether `object` is in the population of `rule`: in one of its regions, with an allowed status, and either one
 * of its named objects (explicit rules) or in one of its categories and passing every filter.
 * For many objects, compile once with {@link compilePopulationRule}.
 */
export function matchesPopulation(object: RegisterObject, rule: PopulationRule): boolean {
  return compilePopulationRule(rule)(object);
}
