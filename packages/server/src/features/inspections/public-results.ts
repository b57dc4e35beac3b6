/**
 * Published results for the public portal (一公开, DOMAIN.md §5): one row per task a published visit served, with
 * each matter's result codes and names. Never sealed data: no risk class, no inspector, no evidence.
 */
import { sql, type Expression, type Kysely } from 'kysely';
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

/** A row of the read model, by its key and its place in publication order. */
interface ResultKey {
  readonly inspection_id: number;
  readonly draw_id: number;
  readonly published_on: string;
  readonly task_code: string;
}

/** Publication order: newest first, then the visit, then the task (the indexes of migration `public-results`). */
function compareKeys(a: ResultKey, b: ResultKey): number {
  if (a.published_on !== b.published_on) return a.published_on < b.published_on ? 1 : -1;
  if (a.inspection_id !== b.inspection_id) return b.inspection_id - a.inspection_id;
  if (a.task_code !== b.task_code) return a.task_code < b.task_code ? -1 : 1;
  return a.draw_id - b.draw_id;
}

const KEY_COLUMNS = ['p.inspection_id', 'p.draw_id', 'p.published_on', 'p.task_code'] as const;

/** Orders a key query in publication order, the order of every index it reads. */
function ordered<Q extends OrderableKeys>(q: Q): Q {
  return q
    .orderBy('p.published_on', 'desc')
    .orderBy('p.inspection_id', 'desc')
    .orderBy('p.task_code')
    .orderBy('p.draw_id') as Q;
}

/** What `ordered` needs of a query: ordering by the key columns both tables share. */
interface OrderableKeys {
  orderBy(
    column: 'p.published_on' | 'p.inspection_id' | 'p.task_code' | 'p.draw_id',
    direction?: 'desc',
  ): OrderableKeys;
}

/** Runs a capped count and a page of keys as one statement (one round trip). */
async function countAndSlice(
  db: Kysely<Database>,
  countQuery: Expression<unknown>,
  sliceQuery: Expression<unknown>,
): Promise<{ count: number; page: ResultKey[] }> {
  const row = await sql<{ n: string; page: ResultKey[] | null }>`select
    (select count(*) from (${countQuery}) c) as n, (select json_agg(k) from (${sliceQuery}) k) as page`.execute(
    db,
  );
  const first = row.rows[0];
  return { count: Number(first?.n ?? 0), page: [...(first?.page ?? [])].sort(compareKeys) };
}

/**
 * How many keys match the filter (up to `cap`) and the page `offset`..`offset + limit`, in one statement over one
 * index range: the code table's when the filter names a result code and no narrower selection (a search, a task)
 * applies, else the read model's. Both read only index columns, so once the table is vacuumed (the visibility map
 * set: `read-model-maintenance.ts`) they are index-only scans, the heap untouched. The count reads the range in index
 * order too: unordered, the planner prefers a sequential scan whenever many rows match (a region is an eighth of the
 * results), which reads the table instead of the index.
 */
function countAndSliceKeys(
  db: Kysely<Database>,
  filter: PublicResultFilter,
  objectIds: readonly number[] | null,
  page: { readonly cap: number; readonly offset: number; readonly limit: number },
): Promise<{ count: number; page: ResultKey[] }> {
  const search = filter.search?.trim().toUpperCase() ?? '';
  const byId = search !== '' && ID_LIKE.test(search);
  if (
    filter.code !== undefined &&
    filter.year !== undefined &&
    filter.taskCode === undefined &&
    objectIds === null &&
    !byId
  ) {
    let q = db
      .selectFrom('public_result_codes as p')
      .where('p.code', '=', filter.code)
      .where('p.year', '=', filter.year);
    if (filter.regionCode !== undefined) q = q.where('p.region_code', '=', filter.regionCode);
    if (filter.departmentId !== undefined) q = q.where('p.department_id', '=', filter.departmentId);
    return countAndSlice(
      db,
      ordered(q.select('p.inspection_id')).limit(page.cap),
      ordered(q.select(KEY_COLUMNS)).offset(page.offset).limit(page.limit),
    );
  }
  let q = db.selectFrom('public_results as p');
  if (filter.year !== undefined) q = q.where('p.year', '=', filter.year);
  if (filter.regionCode !== undefined) q = q.where('p.region_code', '=', filter.regionCode);
  if (filter.departmentId !== undefined) q = q.where('p.department_id', '=', filter.departmentId);
  if (filter.taskCode !== undefined) q = q.where('p.task_code', '=', filter.taskCode);
  if (byId) q = q.where('p.canonical_id', '=', search);
  else if (objectIds !== null)
    q = q.where('p.object_id', 'in', objectIds.length === 0 ? [-1] : [...objectIds]);
  if (filter.code !== undefined) q = q.where(sql<boolean>`p.codes @> array[${filter.code}]::text[]`);
  return countAndSlice(
    db,
    ordered(q.select('p.inspection_id')).limit(page.cap),
    ordered(q.select(KEY_COLUMNS)).offset(page.offset).limit(page.limit),
  );
}

/** The years that have published results, newest first (a skip over the year index: one probe per year). */
async function listResultYears(db: Kysely<Database>): Promise<number[]> {
  const rows = await sql<{ year: number }>`
    with recursive y (year) as (
      select max(year) from public_results
      union all
      select (select max(p.year) from public_results p where p.year < y.year) from y where y.year is not null)
    select year from y where year is not null`.execute(db);
  return rows.rows.map((r) => r.year);
}

/**
 * The count (up to `cap`) and the page of keys. With no year and no search text each year is one index range (the
 * indexes lead with the year): the years' counts are added and their first keys merged in publication order.
 */
async function findKeys(
  db: Kysely<Database>,
  filter: PublicResultFilter,
  objectIds: readonly number[] | null,
  cap: number,
): Promise<{ count: number; page: ResultKey[] }> {
  const search = filter.search?.trim() ?? '';
  if (filter.year !== undefined || search !== '') {
    return countAndSliceKeys(db, filter, objectIds, { cap, offset: filter.offset, limit: filter.limit });
  }
  let count = 0;
  const merged: ResultKey[] = [];
  for (const year of await listResultYears(db)) {
    const part = await countAndSliceKeys(db, { ...filter, year }, objectIds, {
      cap: Math.max(1, cap - count),
      offset: 0,
      limit: filter.offset + filter.limit,
    });
    if (count < cap) count += part.count;
    merged.push(...part.page);
  }
  merged.sort(compareKeys);
  return { count, page: merged.slice(filter.offset, filter.offset + filter.limit) };
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

/**
 * The names of a page's regions, tasks and departments, in one small look-up. Not joined to the page's rows: on these
 * small tables PostgreSQL's planner weighs merge joins and spends tens of milliseconds doing so on PGlite (measured
 * 26–34 ms of planning against 1 ms of execution), more than the whole look-up.
 */
async function findNames(
  db: Kysely<Database>,
  rows: readonly { region_code: string; task_id: number; department_id: number }[],
): Promise<{ regions: Map<string, string>; tasks: Map<number, string>; departments: Map<number, string> }> {
  const regionCodes = [...new Set(rows.map((r) => r.region_code))];
  const taskIds = [...new Set(rows.map((r) => r.task_id))];
  const departmentIds = [...new Set(rows.map((r) => r.department_id))];
  const found = await db
    .selectFrom('regions')
    .select([sql<string>`'r'`.as('kind'), 'code as key', 'name'])
    .where('code', 'in', regionCodes)
    .unionAll(
      db
        .selectFrom('tasks')
        .select([sql<string>`'t'`.as('kind'), sql<string>`id::text`.as('key'), 'name'])
        .where('id', 'in', taskIds),
    )
    .unionAll(
      db
        .selectFrom('departments')
        .select([sql<string>`'d'`.as('kind'), sql<string>`id::text`.as('key'), 'name'])
        .where('id', 'in', departmentIds),
    )
    .execute();
  const names = {
    regions: new Map<string, string>(),
    tasks: new Map<number, string>(),
    departments: new Map<number, string>(),
  };
  for (const f of found) {
    if (f.kind === 'r') names.regions.set(f.key, f.name);
    else if (f.kind === 't') names.tasks.set(Number(f.key), f.name);
    else names.departments.set(Number(f.key), f.name);
  }
  return names;
}

/** A page of published results, newest publication first, and the total count (capped at COUNT_CAP). */
export async function searchPublicResults(
  db: Kysely<Database>,
  filter: PublicResultFilter,
): Promise<{ results: PublicResultDto[]; total: number; totalCapped: boolean }> {
  const objectIds = await findNamedObjects(db, filter);
  const { count, page: pageKeys } = await findKeys(db, filter, objectIds, COUNT_CAP + 1);
  if (pageKeys.length === 0)
    return { total: Math.min(count, COUNT_CAP), totalCapped: count > COUNT_CAP, results: [] };
  // The page's rows with their matters by key, in one plain look-up (no sort inside the database: on PGlite each
  // sort costs a millisecond or more to set up, and an ordered aggregate per row sorts once per row).
  const visits = [...new Set(pageKeys.map((k) => k.inspection_id))];
  const wanted = new Set(pageKeys.map((k) => `${String(k.inspection_id)}/${String(k.draw_id)}`));
  const rows = (
    await db
      .selectFrom('public_results as p')
      .where('p.inspection_id', 'in', visits)
      .innerJoin('objects as o', 'o.id', 'p.object_id')
      .select([
        'p.inspection_id',
        'p.draw_id',
        'p.task_id',
        'o.name as object_name',
        'p.canonical_id',
        'p.region_code',
        'p.task_code',
        'p.department_id',
        'p.batch',
        'p.method',
        'p.inspected_on',
        'p.published_on',
        'p.deadline',
        'p.late',
        // Unordered aggregate (ordered by id below): an ordered one sorts once per row.
        (eb) =>
          eb
            .selectFrom('inspection_results as x')
            .select(
              sql<
                { id: number; matter: string; codes: string[]; recognised: boolean }[]
              >`json_agg(json_build_object('id', x.id, 'matter', x.matter, 'codes', x.result_codes,
                'recognised', x.recognised_result_id is not null))`.as('m'),
            )
            .whereRef('x.inspection_id', '=', 'p.inspection_id')
            .whereRef('x.task_id', '=', 'p.task_id')
            .as('matters'),
      ])
      .execute()
  ).filter((r) => wanted.has(`${String(r.inspection_id)}/${String(r.draw_id)}`));
  rows.sort(compareKeys);
  const names = await findNames(db, rows);
  return {
    total: Math.min(count, COUNT_CAP),
    totalCapped: count > COUNT_CAP,
    results: rows.map((r) => ({
      inspectionId: r.inspection_id,
      objectName: r.object_name,
      canonicalId: r.canonical_id,
      regionName: names.regions.get(r.region_code) ?? r.region_code,
      taskCode: r.task_code,
      taskName: names.tasks.get(r.task_id) ?? r.task_code,
      batch: r.batch,
      departmentName: names.departments.get(r.department_id) ?? '',
      matters: [...(r.matters ?? [])]
        .sort((a, b) => a.id - b.id)
        .map((m) => ({
          matter: m.matter,
          codes: m.codes,
          codeNames: m.codes.map((c) => findResultCode(c)?.name ?? c),
          recognised: m.recognised,
        })),
      method: r.method,
      inspectedOn: r.inspected_on,
      publishedOn: r.published_on,
      deadline: r.deadline,
      late: r.late,
    })),
  };
}
