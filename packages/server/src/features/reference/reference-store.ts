import type { Kysely } from 'kysely';
import { REGIONS } from '@ssj/core';
import type { DepartmentDto, RegionDto } from '../../api-types.ts';
import type { Database } from '../../db/schema.ts';

export interface DepartmentSeed {
  readonly code: string;
  readonly name: string;
  readonly shortName: string;
  readonly regionCode: string;
  readonly aliases: readonly string[];
}

/** Insert the regions and departments that are missing (idempotent; existing rows are left as they are). */
export async function seedReferenceData(
  db: Kysely<Database>,
  departments: readonly DepartmentSeed[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const [index, r] of REGIONS.entries()) {
      await trx
        .insertInto('regions')
        .values({ code: r.code, name: r.name, level: r.level, parent_code: r.parentCode, sort_order: index })
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
    for (const d of departments) {
      await trx
        .insertInto('departments')
        .values({
          code: d.code,
          name: d.name,
          short_name: d.shortName,
          region_code: d.regionCode,
          aliases: JSON.stringify(d.aliases),
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
  });
}

export async function listRegions(db: Kysely<Database>): Promise<RegionDto[]> {
  const rows = await db.selectFrom('regions').selectAll().orderBy('sort_order').execute();
  return rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code }));
}

export async function listDepartments(db: Kysely<Database>): Promise<DepartmentDto[]> {
  const rows = await db
    .selectFrom('departments as d')
    .innerJoin('regions as r', 'r.code', 'd.region_code')
    .select(['d.id', 'd.code', 'd.name', 'd.aliases', 'd.region_code', 'r.name as region_name'])
    .orderBy('r.sort_order')
    .orderBy('d.code')
    .execute();
  return rows.map((d) => ({
    id: d.id,
    code: d.code,
    name: d.name,
    aliases: d.aliases,
    regionCode: d.region_code,
    regionName: d.region_name,
  }));
}
