/**
 * Progress statistics (进度监控, DOMAIN.md §5): the counts by department, region, task and month, every department
 * in scope listed even with zero tasks, as of the end of a China day. Built from progress-units.ts in one grouped
 * query; the rest is addition.
 */
import { sql, type Kysely } from 'kysely';
import {
  CITY_REGION_CODE,
  EMPTY_PROGRESS_COUNTS,
  PROGRESS_COUNT_KEYS,
  classifyProgressStatus,
  computeClosureRate,
  computeCompletionRate,
  rankByScore,
  sumProgressCounts,
  type ProgressCounts,
} from '@ssj/core';
import type {
  DepartmentProgressDto,
  MonthProgressDto,
  ProgressReportDto,
  ProgressRowDto,
  ProgressScopeDto,
  RegionProgressDto,
  TaskProgressDto,
} from '../../api-types.ts';
import type { Database } from '../../db/schema.ts';
import {
  scopeCondition,
  selectProgressUnits,
  type ProgressScope,
  type ProgressWhen,
} from './progress-units.ts';

interface GroupRow extends ProgressCounts {
  department_id: number;
  task_id: number;
  window_month: string | null;
  published_month: string | null;
}

/** A row's counts with its rates and warning colour. */
export function describeProgressRow(counts: ProgressCounts): ProgressRowDto {
  return {
    counts: { ...counts },
    completionRate: computeCompletionRate(counts),
    closureRate: computeClosureRate(counts),
    status: classifyProgressStatus(counts),
  };
}

async function loadGroups(
  db: Kysely<Database>,
  when: ProgressWhen,
  scope: ProgressScope,
): Promise<GroupRow[]> {
  const result = await sql<GroupRow>`
    with units as (${selectProgressUnits(when, scope)})
    select department_id, task_id, substr(window_to, 1, 7) as window_month,
      substr(published_on, 1, 7) as published_month,
      count(*)::integer as due,
      (count(*) filter (where inspected))::integer as inspected,
      (count(*) filter (where entered))::integer as entered,
      (count(*) filter (where published))::integer as published,
      (count(*) filter (where closed))::integer as closed,
      (count(*) filter (where overdue))::integer as overdue,
      (count(*) filter (where due_today))::integer as "dueToday",
      (count(*) filter (where late))::integer as late,
      (count(*) filter (where problems))::integer as problems
    from units
    group by 1, 2, 3, 4`.execute(db);
  return result.rows;
}

function addInto(map: Map<string | number, ProgressCounts>, key: string | number, row: ProgressCounts): void {
  const current = map.get(key) ?? EMPTY_PROGRESS_COUNTS;
  const next: Record<string, number> = {};
  for (const k of PROGRESS_COUNT_KEYS) next[k] = current[k] + row[k];
  map.set(key, next as unknown as ProgressCounts);
}

/** The departments of a scope, in region order (the city's first) then by code. */
export async function listScopeDepartments(db: Kysely<Database>, scope: ProgressScope) {
  return db
    .selectFrom('departments as d')
    .innerJoin('regions as r', 'r.code', 'd.region_code')
    .select(['d.id', 'd.name', 'd.region_code', 'r.name as region_name'])
    .where(scopeCondition(sql`d.id`, scope))
    .orderBy('r.sort_order')
    .orderBy('d.code')
    .execute();
}

/** Names the scope for the page heading. */
export async function describeScope(db: Kysely<Database>, scope: ProgressScope): Promise<ProgressScopeDto> {
  const region =
    scope.regionCode === null
      ? undefined
      : await db.selectFrom('regions').select('name').where('code', '=', scope.regionCode).executeTakeFirst();
  const department =
    scope.departmentId === null
      ? undefined
      : await db
          .selectFrom('departments')
          .select('name')
          .where('id', '=', scope.departmentId)
          .executeTakeFirst();
  return {
    regionCode: scope.regionCode,
    regionName: region?.name ?? null,
    departmentId: scope.departmentId,
    departmentName: department?.name ?? null,
  };
}

/** The twelve months of the year, and any later month in which results of the year were published. */
function listMonths(year: number, seen: readonly string[]): string[] {
  const months = Array.from({ length: 12 }, (_, i) => `${String(year)}-${String(i + 1).padStart(2, '0')}`);
  const later = seen.filter((m) => m > `${String(year)}-12`).sort();
  return [...months, ...later];
}

/** The whole progress report of a scope (see the module comment). */
export async function loadProgressReport(
  db: Kysely<Database>,
  when: ProgressWhen,
  scope: ProgressScope,
): Promise<ProgressReportDto> {
  const groups = await loadGroups(db, when, scope);
  const departments = await listScopeDepartments(db, scope);
  const byDepartment = new Map<string | number, ProgressCounts>();
  const byTask = new Map<string | number, ProgressCounts>();
  const windowByMonth = new Map<string, number>();
  const publishedByMonth = new Map<string, { published: number; late: number }>();
  for (const g of groups) {
    addInto(byDepartment, g.department_id, g);
    addInto(byTask, g.task_id, g);
    if (g.window_month !== null)
      windowByMonth.set(g.window_month, (windowByMonth.get(g.window_month) ?? 0) + g.due);
    if (g.published_month !== null) {
      const cur = publishedByMonth.get(g.published_month) ?? { published: 0, late: 0 };
      publishedByMonth.set(g.published_month, {
        published: cur.published + g.published,
        late: cur.late + g.late,
      });
    }
  }
  const totals = sumProgressCounts(groups);

  const departmentCounts = departments.map((d) => byDepartment.get(d.id) ?? EMPTY_PROGRESS_COUNTS);
  const ranks = rankByScore(departmentCounts.map((c) => computeCompletionRate(c)));
  const departmentRows: DepartmentProgressDto[] = departments.map((d, i) => ({
    departmentId: d.id,
    departmentName: d.name,
    regionCode: d.region_code,
    regionName: d.region_name,
    rank: ranks[i] ?? null,
    ...describeProgressRow(departmentCounts[i] ?? EMPTY_PROGRESS_COUNTS),
  }));

  const regionOrder: { code: string; name: string }[] = [];
  const byRegion = new Map<string | number, ProgressCounts>();
  const departmentsPerRegion = new Map<string, number>();
  for (const [i, d] of departments.entries()) {
    if (!regionOrder.some((r) => r.code === d.region_code))
      regionOrder.push({ code: d.region_code, name: d.region_name });
    addInto(byRegion, d.region_code, departmentCounts[i] ?? EMPTY_PROGRESS_COUNTS);
    departmentsPerRegion.set(d.region_code, (departmentsPerRegion.get(d.region_code) ?? 0) + 1);
  }
  const regionRows: RegionProgressDto[] = regionOrder.map((r) => ({
    regionCode: r.code,
    regionName: r.name,
    departments: departmentsPerRegion.get(r.code) ?? 0,
    ...describeProgressRow(byRegion.get(r.code) ?? EMPTY_PROGRESS_COUNTS),
  }));

  const tasks = await db
    .selectFrom('tasks as t')
    .innerJoin('plans as p', 'p.id', 't.plan_id')
    .innerJoin('regions as r', 'r.code', 't.region_code')
    .innerJoin('departments as d', (join) =>
      join.on(sql<boolean>`d.id = (t.initiator_department_ids->>0)::integer`),
    )
    .select([
      't.id',
      't.code',
      't.name',
      't.status',
      'd.id as department_id',
      'd.name as department_name',
      'r.name as region_name',
    ])
    .where('p.year', '=', when.year)
    .where(scopeCondition(sql`d.id`, scope))
    .orderBy('t.seq')
    .execute();
  const taskRows: TaskProgressDto[] = tasks
    .filter((t) => t.status === 'active' || byTask.has(t.id))
    .map((t) => ({
      taskId: t.id,
      taskCode: t.code,
      taskName: t.name,
      departmentId: t.department_id,
      departmentName: t.department_name,
      regionName: t.region_name,
      ...describeProgressRow(byTask.get(t.id) ?? EMPTY_PROGRESS_COUNTS),
    }));

  const months = listMonths(when.year, [...publishedByMonth.keys()]);
  let cumulativeWindowEnded = 0;
  let cumulativePublished = 0;
  const monthRows: MonthProgressDto[] = months.map((month) => {
    const windowEnding = windowByMonth.get(month) ?? 0;
    const pub = publishedByMonth.get(month) ?? { published: 0, late: 0 };
    cumulativeWindowEnded += windowEnding;
    cumulativePublished += pub.published;
    return {
      month,
      windowEnding,
      published: pub.published,
      late: pub.late,
      cumulativeWindowEnded,
      cumulativePublished,
      cumulativeRate: totals.due === 0 ? null : cumulativePublished / totals.due,
      expectedRate: totals.due === 0 ? null : cumulativeWindowEnded / totals.due,
    };
  });

  return {
    year: when.year,
    asOf: when.asOf,
    today: when.today,
    scope: await describeScope(db, scope),
    totals: describeProgressRow(totals),
    departments: departmentRows,
    regions: regionRows,
    tasks: taskRows,
    months: monthRows,
  };
}

/** Whether the scope is the whole city (the office's and auditors' default). */
export function isWholeCity(scope: ProgressScope): boolean {
  return scope.departmentId === null && (scope.regionCode === null || scope.regionCode === CITY_REGION_CODE);
}
