/**
 * Drill-down (钻取): the task results behind any number of the progress report, from the same unit source
 * (progress-units.ts), so the list is exactly as long as the number clicked.
 */
import { sql, type Kysely } from 'kysely';
import type {
  InspectionStateDto,
  ProgressMetricDto,
  ProgressUnitDto,
  ProgressUnitPageDto,
} from '../../api-types.ts';
import type { Database } from '../../db/schema.ts';
import {
  metricCondition,
  selectProgressUnits,
  type ProgressScope,
  type ProgressWhen,
} from './progress-units.ts';

export interface ProgressDrillFilter {
  readonly metric: ProgressMetricDto;
  readonly taskCode?: string | undefined;
  /** YYYY-MM: the publication month for published/late/closed/problems, the batch-end month otherwise. */
  readonly month?: string | undefined;
  readonly offset: number;
  readonly limit: number;
}

const BY_PUBLICATION: ReadonlySet<ProgressMetricDto> = new Set(['published', 'late', 'closed', 'problems']);

interface UnitRow {
  inspection_id: number | null;
  task_code: string;
  batch: number;
  object_name: string;
  canonical_id: string;
  region_name: string;
  department_name: string;
  status: InspectionStateDto | null;
  deadline: string | null;
  published_on: string | null;
  total: string;
}

/** A page of the units counted by `metric` in the scope (deadline first, then task and object). */
export async function listProgressUnits(
  db: Kysely<Database>,
  when: ProgressWhen,
  scope: ProgressScope,
  filter: ProgressDrillFilter,
): Promise<ProgressUnitPageDto> {
  const flag = metricCondition(filter.metric);
  const task = filter.taskCode === undefined ? sql`true` : sql`u.task_code = ${filter.taskCode}`;
  const month =
    filter.month === undefined
      ? sql`true`
      : BY_PUBLICATION.has(filter.metric)
        ? sql`substr(u.published_on, 1, 7) = ${filter.month}`
        : sql`substr(u.window_to, 1, 7) = ${filter.month}`;
  const result = await sql<UnitRow>`
    with units as (${selectProgressUnits(when, scope)})
    select u.inspection_id, u.task_code, u.batch, o.name as object_name, o.canonical_id, r.name as region_name,
      d.name as department_name, u.status, u.deadline, u.published_on, count(*) over () as total
    from units u
    join objects o on o.id = u.object_id
    join regions r on r.code = o.region_code
    join departments d on d.id = u.department_id
    where ${flag} and ${task} and ${month}
    order by u.deadline nulls last, u.task_code, u.batch, o.canonical_id
    offset ${filter.offset} limit ${filter.limit}`.execute(db);
  const units: ProgressUnitDto[] = result.rows.map((r) => ({
    inspectionId: r.inspection_id,
    taskCode: r.task_code,
    batch: r.batch,
    objectName: r.object_name,
    canonicalId: r.canonical_id,
    objectRegionName: r.region_name,
    departmentName: r.department_name,
    status: r.status,
    deadline: r.deadline,
    publishedOn: r.published_on,
  }));
  let total = Number(result.rows[0]?.total ?? 0);
  if (result.rows.length === 0 && filter.offset > 0) {
    const counted = await sql<{ n: number }>`
      with units as (${selectProgressUnits(when, scope)})
      select count(*)::integer as n from units u where ${flag} and ${task} and ${month}`.execute(db);
    total = counted.rows[0]?.n ?? 0;
  }
  return { asOf: when.asOf, metric: filter.metric, total, units };
}
