import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import { findCategory, normaliseScopeText, type PopulationRule } from '@ssj/core';
import type { Database } from '../../db/schema.ts';

type ObjectsEb = ExpressionBuilder<Database, 'objects'>;

/**
 * A population rule (core registry/suggest-population.ts) as a SQL condition on `objects`, equivalent to core's
 * `compilePopulationRule` (a test checks the two agree on a generated register): regions, statuses, then either the
 * named objects of an explicit rule, or categories (tagged, by kind, unions expanded) and the filters.
 */
export function buildPopulationCondition(eb: ObjectsEb, rule: PopulationRule): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [];
  parts.push(
    rule.regionCodes.length === 0
      ? sql<SqlBool>`false`
      : eb('objects.region_code', 'in', [...rule.regionCodes]),
  );
  parts.push(
    rule.filters.statuses.length === 0
      ? sql<SqlBool>`false`
      : eb('objects.status', 'in', [...rule.filters.statuses]),
  );
  if (rule.explicit) {
    const names = rule.explicitNames.map(normaliseScopeText);
    parts.push(names.length === 0 ? sql<SqlBool>`false` : eb('objects.name_key', 'in', names));
    return eb.and(parts);
  }
  if (rule.filters.kinds !== null) {
    parts.push(
      rule.filters.kinds.length === 0
        ? sql<SqlBool>`false`
        : eb('objects.kind', 'in', [...rule.filters.kinds]),
    );
  }
  const tags = new Set<string>();
  const byKind = new Set<string>();
  for (const code of rule.categoryCodes) {
    const category = findCategory(code);
    if (category === undefined) continue;
    if (category.membership.by === 'tag') tags.add(code);
    else if (category.membership.by === 'union') for (const m of category.membership.of) tags.add(m);
    else for (const k of category.kinds) byKind.add(k);
  }
  const anyOf: Expression<SqlBool>[] = [];
  if (byKind.size > 0) anyOf.push(eb('objects.kind', 'in', [...byKind] as Database['objects']['kind'][]));
  if (tags.size > 0) {
    anyOf.push(sql<SqlBool>`objects.category_codes ?| array[${sql.join([...tags])}]::text[]`);
  }
  parts.push(anyOf.length === 0 ? sql<SqlBool>`false` : eb.or(anyOf));
  if (rule.filters.minRegisteredCapital !== null) {
    parts.push(eb('objects.registered_capital', '>=', rule.filters.minRegisteredCapital));
  }
  const licence = rule.filters.licence;
  if (licence !== null) {
    parts.push(
      eb.exists(
        eb
          .selectFrom('object_licences as l')
          .select(sql`1`.as('one'))
          .whereRef('l.object_id', '=', 'objects.id')
          .where('l.name', '=', licence),
      ),
    );
  }
  if (rule.filters.flags.length > 0) {
    parts.push(sql<SqlBool>`objects.flags @> ${JSON.stringify(rule.filters.flags)}::jsonb`);
  }
  return eb.and(parts);
}
