/**
 * Published results for the public portal (一公开, DOMAIN.md §5): one row per task a published visit served, with
 * each matter's result codes and names. Never sealed data: no risk class, no inspector, no evidence.
 */
import { sql, type Kysely } from 'kysely';
import { findResultCode } from '@ssj/core';
import type { PublicResultDto } from '../../api-types.ts';
import type { Database } from '../../db/schema.ts';

export interface PublicResultFilter {
  readonly year?: number | undefined;
  /** A name fragment, or a USCC / 注册号 (matched exactly). */
  readonly search?: string | undefined;
  readonly departmentId?: number | undefined;
  readonly regionCode?: string | undefined;
  /** A result code: results with this code on any matter. */
  readonly code?: string | undefined;
  readonly taskCode?: string | undefined;
  readonly offset: number;
  readonly limit: number;
}

const ID_LIKE = /^[0-9A-HJ-NPQRTUWXY]{15,18}$/;

/** Name searches look at this many matching objects at most (the portal asks for a more precise name beyond). */
const MAX_NAME_MATCHES = 500;
/** Counts stop here: the portal shows "10,000+" rather than counting a million rows on every page. */
export const COUNT_CAP = 10_000;

function filtered(db: Kysely<Database>, filter: PublicResultFilter, objectIds: readonly number[] | null) {
  let q = db
    .selectFrom('inspection_tasks as it')
    .innerJoin('inspections as i', 'i.id', 'it.inspection_id')
    .where('i.status', '=', 'published');
  if (filter.year !== undefined) q = q.where('i.year', '=', filter.year);
  if (filter.regionCode !== undefined) q = q.where('i.region_code', '=', filter.regionCode);
  if (filter.departmentId !== undefined) q = q.where('it.department_id', '=', filter.departmentId);
  if (filter.taskCode !== undefined) q = q.where('it.task_code', '=', filter.taskCode);
  const search = filter.search?.trim() ?? '';
  if (search !== '' && ID_LIKE.test(search.toUpperCase())) {
    q = q.where('i.canonical_id', '=', search.toUpperCase());
  } else if (objectIds !== null) {
    q = q.where('i.object_id', 'in', objectIds.length === 0 ? [-1] : [...objectIds]);
  }
  if (filter.code !== undefined) {
    const code = filter.code;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('inspection_results as c')
          .select('c.id')
          .whereRef('c.inspection_id', '=', 'it.inspection_id')
          .whereRef('c.task_id', '=', 'it.task_id')
          .where(sql<boolean>`c.result_codes ? ${code}`),
      ),
    );
  }
  return q;
}

/** Objects whose name contains the search text (null when the search is empty or an id). */
async function findNamedObjects(db: Kysely<Database>, filter: PublicResultFilter): Promise<number[] | null> {
  const search = filter.search?.trim() ?? '';
  if (search === '' || ID_LIKE.test(search.toUpperCase())) return null;
  const text = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .selectFrom('objects')
    .select('id')
    .where('name', 'like', text)
    .limit(MAX_NAME_MATCHES)
    .execute();
  return rows.map((r) => r.id);
}

/** A page of published results, newest publication first, and the total count. */
export async function searchPublicResults(
  db: Kysely<Database>,
  filter: PublicResultFilter,
): Promise<{ results: PublicResultDto[]; total: number; totalCapped: boolean }> {
  const objectIds = await findNamedObjects(db, filter);
  const count = await db
    .selectFrom(
      filtered(db, filter, objectIds)
        .select('it.inspection_id')
        .limit(COUNT_CAP + 1)
        .as('s'),
    )
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await filtered(db, filter, objectIds)
    .innerJoin('objects as o', 'o.id', 'i.object_id')
    .innerJoin('regions as r', 'r.code', 'i.region_code')
    .innerJoin('tasks as t', 't.id', 'it.task_id')
    .innerJoin('departments as d', 'd.id', 'it.department_id')
    .select((eb) => [
      'i.id',
      'o.name as object_name',
      'i.canonical_id',
      'r.name as region_name',
      'it.task_code',
      't.name as task_name',
      'it.batch',
      'd.name as department_name',
      'i.method',
      'i.inspected_on',
      'i.published_on',
      'it.deadline',
      'i.late',
      eb
        .selectFrom('inspection_results as x')
        .select(
          sql<
            { matter: string; codes: string[]; recognised: boolean }[]
          >`coalesce(jsonb_agg(jsonb_build_object(
            'matter', x.matter, 'codes', x.result_codes, 'recognised', x.recognised_result_id is not null)
            order by x.id), '[]'::jsonb)`.as('m'),
        )
        .whereRef('x.inspection_id', '=', 'it.inspection_id')
        .whereRef('x.task_id', '=', 'it.task_id')
        .as('matters'),
    ])
    .orderBy('i.published_on', 'desc')
    .orderBy('i.id', 'desc')
    .orderBy('it.task_code')
    .offset(filter.offset)
    .limit(filter.limit)
    .execute();
  const total = Number(count.n);
  return {
    total: Math.min(total, COUNT_CAP),
    totalCapped: total > COUNT_CAP,
    results: rows.map((r) => ({
      inspectionId: r.id,
      objectName: r.object_name,
      canonicalId: r.canonical_id,
      regionName: r.region_name,
      taskCode: r.task_code,
      taskName: r.task_name,
      batch: r.batch,
      departmentName: r.department_name,
      matters: (r.matters ?? []).map((m) => ({
        matter: m.matter,
        codes: m.codes,
        codeNames: m.codes.map((c) => findResultCode(c)?.name ?? c),
        recognised: m.recognised,
      })),
      method: r.method,
      inspectedOn: r.inspected_on,
      publishedOn: r.published_on ?? '',
      deadline: r.deadline,
      late: r.late === true,
    })),
  };
}
