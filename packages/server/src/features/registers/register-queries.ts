/**
 * Read queries of the registers 一单两库 (DOMAIN.md §2): the object register page by page, the inspector register
 * and the item list, and the population of every plan line. The sealed risk class is returned only when asked for
 * (`withRiskClass`); callers decide by role (access.ts: never on a public route).
 */
import { sql, type Kysely } from 'kysely';
import { findCategory } from '@ssj/core';
import type { ObjectKind } from '@ssj/core';
import type { InspectorDto, ItemDto, ObjectDto, PopulationLineDto } from '../../api-types.ts';
import type { Database } from '../../db/schema.ts';
import { listTaskLines, suggestRuleForLine } from './population-store.ts';

export const OBJECT_PAGE_SIZE = 50;

export interface ObjectFilter {
  readonly regionCode?: string | undefined;
  readonly q?: string | undefined;
  readonly categoryCode?: string | undefined;
  readonly kind?: ObjectKind | undefined;
}

/** Escapes LIKE wildcards so a clerk's `%` or `_` is searched for literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * One page of the object register, filtered by region, kind, category (tag) and a search by name (contains) or
 * canonical id / USCC / 注册号 (prefix), ordered by canonical id. Returns the rows and the total count.
 */
export async function listObjects(
  db: Kysely<Database>,
  filter: ObjectFilter,
  page: number,
  withRiskClass: boolean,
): Promise<{ objects: ObjectDto[]; total: number }> {
  let query = db.selectFrom('objects');
  if (filter.regionCode !== undefined) query = query.where('region_code', '=', filter.regionCode);
  if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
  if (filter.categoryCode !== undefined) {
    // Membership as a population rule reads it (population-sql.ts): a tag, a union of tags, or whole kinds.
    const category = findCategory(filter.categoryCode);
    const membership = category?.membership ?? { by: 'tag' as const };
    if (membership.by === 'kind' && category !== undefined)
      query = query.where('kind', 'in', [...category.kinds]);
    else {
      const tags = membership.by === 'union' ? [...membership.of] : [filter.categoryCode];
      query = query.where(sql<boolean>`category_codes ?| array[${sql.join(tags)}]::text[]`);
    }
  }
  const q = filter.q?.trim() ?? '';
  if (q !== '') {
    const contains = `%${escapeLike(q)}%`;
    const prefix = `${escapeLike(q.toUpperCase())}%`;
    query = query.where((eb) =>
      eb.or([
        eb('name', 'ilike', contains),
        eb('canonical_id', 'like', prefix),
        eb('uscc', 'like', prefix),
        eb('reg_no', 'like', prefix),
      ]),
    );
  }
  const countRow = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select([
      'id',
      'canonical_id',
      'uscc',
      'reg_no',
      'name',
      'kind',
      'category_codes',
      'region_code',
      'status',
      'registered_capital',
      'risk_class',
    ])
    .orderBy('canonical_id')
    .limit(OBJECT_PAGE_SIZE)
    .offset((page - 1) * OBJECT_PAGE_SIZE)
    .execute();
  return {
    total: Number(countRow.n),
    objects: rows.map((r) => {
      const dto: ObjectDto = {
        id: r.id,
        canonicalId: r.canonical_id,
        uscc: r.uscc,
        regNo: r.reg_no,
        name: r.name,
        kind: r.kind,
        categoryCodes: r.category_codes,
        regionCode: r.region_code,
        status: r.status,
        registeredCapital: r.registered_capital,
      };
      if (withRiskClass) dto.riskClass = r.risk_class;
      return dto;
    }),
  };
}

/** The inspector register, by department then name; optionally one department, one region, and a search. */
export async function listInspectors(
  db: Kysely<Database>,
  filter: { departmentId?: number | undefined; regionCode?: string | undefined; q?: string | undefined },
): Promise<InspectorDto[]> {
  let query = db
    .selectFrom('inspectors as i')
    .innerJoin('departments as d', 'd.id', 'i.department_id')
    .select([
      'i.id',
      'i.code',
      'i.name',
      'i.department_id',
      'd.name as department_name',
      'i.region_code',
      'i.certificate_no',
      'i.certificate_expires_on',
      'i.status',
      'i.specialties',
      'i.beat',
    ]);
  if (filter.departmentId !== undefined) query = query.where('i.department_id', '=', filter.departmentId);
  if (filter.regionCode !== undefined) query = query.where('i.region_code', '=', filter.regionCode);
  const q = filter.q?.trim() ?? '';
  if (q !== '') {
    const contains = `%${escapeLike(q)}%`;
    query = query.where((eb) =>
      eb.or([eb('i.name', 'like', contains), eb('i.certificate_no', 'like', contains), eb('i.code', '=', q)]),
    );
  }
  const rows = await query.orderBy('d.name').orderBy('i.name').orderBy('i.id').execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    departmentId: r.department_id,
    departmentName: r.department_name,
    regionCode: r.region_code,
    certificateNo: r.certificate_no,
    certificateExpiresOn: r.certificate_expires_on,
    status: r.status,
    specialties: r.specialties,
    beat: r.beat,
  }));
}

/** The item list (published: no personal data in it), by department and source order. */
export async function listItems(
  db: Kysely<Database>,
  filter: { departmentId?: number | undefined },
): Promise<ItemDto[]> {
  let query = db.selectFrom('items').selectAll();
  if (filter.departmentId !== undefined) query = query.where('department_id', '=', filter.departmentId);
  const rows = await query.orderBy('department_name').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    departmentName: r.department_name,
    departmentId: r.department_id,
    regionCode: r.region_code,
    sequence: r.sequence,
    category: r.category,
    matter: r.matter,
    objectScope: r.object_scope,
    itemType: r.item_type,
    method: r.method,
    inspectingBody: r.inspecting_body,
    legalBasis: r.legal_basis,
    field: r.field,
    initiator: r.initiator,
    cooperators: r.cooperators,
  }));
}

/**
 * The population of every line of a plan (optionally one region's tasks): the stored rule with its frame size and
 * who confirmed it, or, for a line without one yet, the suggested rule (frame size not counted).
 */
export async function listPopulations(
  db: Kysely<Database>,
  planId: number,
  regionCode: string | undefined,
): Promise<PopulationLineDto[]> {
  const lines = (await listTaskLines(db, planId)).filter(
    (l) => regionCode === undefined || l.regionCode === regionCode,
  );
  if (lines.length === 0) return [];
  const stored = await db
    .selectFrom('task_line_populations as p')
    .leftJoin('users as u', 'u.id', 'p.confirmed_by')
    .select(['p.task_line_id', 'p.rule', 'p.frame_size', 'p.confirmed_at', 'u.display_name'])
    .where(
      'p.task_line_id',
      'in',
      lines.map((l) => l.taskLineId),
    )
    .execute();
  const byLine = new Map(stored.map((s) => [s.task_line_id, s]));
  return lines.map((line) => {
    const s = byLine.get(line.taskLineId);
    return {
      taskLineId: line.taskLineId,
      taskCode: line.taskCode,
      taskName: line.taskName,
      regionCode: line.regionCode,
      scope: line.scope,
      matters: [...line.matters],
      rule: s?.rule ?? suggestRuleForLine(line),
      frameSize: s?.frame_size ?? null,
      confirmedBy: s === undefined || s.confirmed_at === null ? null : (s.display_name ?? null),
      confirmedAt: s?.confirmed_at?.toISOString() ?? null,
    };
  });
}

/** The region of the task a plan line belongs to, or null when there is no such line. */
export async function findTaskLineRegion(db: Kysely<Database>, taskLineId: number): Promise<string | null> {
  const row = await db
    .selectFrom('task_lines as l')
    .innerJoin('tasks as t', 't.id', 'l.task_id')
    .select('t.region_code')
    .where('l.id', '=', taskLineId)
    .executeTakeFirst();
  return row?.region_code ?? null;
}
