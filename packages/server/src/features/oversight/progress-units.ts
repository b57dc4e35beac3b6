/**
 * The unit of every progress figure: one drawn target of one live task batch (a task result, 户次), with its state
 * as of the end of a China day `asOf` (core oversight/progress-figures.ts has the definitions). One SQL source for
 * the dashboards, the drill-down lists, the bulletins and the assessment, so their numbers always agree.
 *
 * Dates: `published_on`, `inspected_on`, `closed_on` and deadlines are China dates (YYYY-MM-DD); `submitted_at` is a
 * timestamp, read as its China date (UTC+8, no daylight saving).
 */
import { sql, type RawBuilder } from 'kysely';
import { CITY_REGION_CODE } from '@ssj/core';
import { IS_LIVE_DRAW } from '../draws/live-draw.ts';

/** Whose work: everything (null/null), the departments of a region, or one department. */
export interface ProgressScope {
  /** A county, district or zone: its own departments; the city code or null: all departments. */
  readonly regionCode: string | null;
  readonly departmentId: number | null;
}

export interface ProgressWhen {
  readonly year: number;
  /** The figures stand at the end of this day (YYYY-MM-DD). */
  readonly asOf: string;
  /** asOf + 1: a deadline on this day is "due today" (yellow). */
  readonly today: string;
}

/** The condition on a department id column that keeps a scope. */
export function scopeCondition(
  departmentColumn: RawBuilder<unknown>,
  scope: ProgressScope,
): RawBuilder<boolean> {
  if (scope.departmentId !== null) return sql<boolean>`${departmentColumn} = ${scope.departmentId}`;
  if (scope.regionCode !== null && scope.regionCode !== CITY_REGION_CODE) {
    return sql<boolean>`${departmentColumn} in (select id from departments where region_code = ${scope.regionCode})`;
  }
  return sql<boolean>`true`;
}

/**
 * `select` of every unit in scope with its flags: department_id, task_id, task_code, batch, draw_id, object_id,
 * inspection_id (null before dispatch), window_to, deadline, published_on (as of), and the booleans due (always
 * true), inspected, entered, published, closed, overdue, due_today, late, problems, pending.
 */
export function selectProgressUnits(when: ProgressWhen, scope: ProgressScope): RawBuilder<unknown> {
  const { year, asOf, today } = when;
  return sql`
    select u.*,
      (u.published_on is not null) as published,
      (u.published_on is not null or u.submitted_on <= ${asOf}) as entered,
      (u.published_on is not null or u.submitted_on <= ${asOf} or u.inspected_on <= ${asOf}) as inspected,
      (u.published_on is not null and not exists (
        select 1 from follow_ups f
        where f.inspection_id = u.inspection_id and f.task_id = u.task_id
          and (f.state = 'open' or f.closed_on is null or f.closed_on > ${asOf}))) as closed,
      (u.published_on is null and u.deadline < ${today}) as overdue,
      (u.published_on is null and u.deadline = ${today}) as due_today,
      (u.published_on is not null and u.published_on > u.deadline) as late,
      (u.published_on is not null and exists (
        select 1 from inspection_results r
        where r.inspection_id = u.inspection_id and r.task_id = u.task_id and r.non_compliant)) as problems,
      (u.published_on is null) as pending
    from (
      select x.draw_id, x.object_id, d.task_id, d.task_code, d.batch,
        coalesce(it.department_id, (t.initiator_department_ids->>0)::integer) as department_id,
        it.inspection_id, it.window_to, it.deadline, i.status,
        case when i.published_on <= ${asOf} then i.published_on end as published_on,
        i.inspected_on,
        to_char((i.submitted_at at time zone 'UTC') + interval '8 hours', 'YYYY-MM-DD') as submitted_on
      from draw_targets x
      join draws d on d.id = x.draw_id
      join tasks t on t.id = d.task_id
      join plans p on p.id = t.plan_id
      left join inspection_tasks it on it.draw_id = x.draw_id and it.object_id = x.object_id
      left join inspections i on i.id = it.inspection_id
      where p.year = ${year} and ${IS_LIVE_DRAW}
    ) u
    where ${scopeCondition(sql`u.department_id`, scope)}`;
}

/** The condition that a unit (aliased `u`) is counted by a metric (a ProgressCounts key or `pending`). */
export function metricCondition(metric: ProgressMetric): RawBuilder<boolean> {
  const column = METRIC_COLUMNS[metric];
  return column === null ? sql<boolean>`true` : sql<boolean>`${sql.ref(`u.${column}`)}`;
}

export type ProgressMetric =
  | 'due'
  | 'inspected'
  | 'entered'
  | 'published'
  | 'closed'
  | 'overdue'
  | 'dueToday'
  | 'late'
  | 'problems'
  | 'pending';

const METRIC_COLUMNS: Readonly<Record<ProgressMetric, string | null>> = {
  due: null,
  inspected: 'inspected',
  entered: 'entered',
  published: 'published',
  closed: 'closed',
  overdue: 'overdue',
  dueToday: 'due_today',
  late: 'late',
  problems: 'problems',
  pending: 'pending',
};
