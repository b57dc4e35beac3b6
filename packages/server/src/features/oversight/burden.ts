/**
 * Burden and effect (the OECD "reality check" on inspections): how often objects are visited in a year, the visits
 * joint visits and recognition (结果互认) spared, and how often a published inspection finds a problem by the
 * object's credit-risk class. The class is sealed (DOMAIN.md §2: 不公开): the route serves the office and auditors.
 *
 * - Visits: inspections of the year that took place (an inspection date, or results entered); an object's visits
 *   are counted from them.
 * - Joint visits: inspections serving more than one task batch; each task result beyond the first is a visit spared.
 * - Recognition: matter results taken over from another department's published result; a visit whose every result
 *   was recognised is a whole visit spared.
 * - Detection: published task results with a problem / published task results, by the object's class at the start
 *   of the batch window (its latest classification on or before that day, else its current class), with a 95%
 *   Clopper–Pearson interval.
 */
import { sql, type Kysely } from 'kysely';
import { computeClopperPearson } from '@ssj/core';
import type { BurdenDto } from '../../api-types.ts';
import type { Database } from '../../db/schema.ts';

export async function loadBurden(db: Kysely<Database>, year: number, asOf: string): Promise<BurdenDto> {
  const visited = await sql<{ object_id: number; visits: number }>`
    select i.object_id, count(*)::integer as visits
    from inspections i
    where i.year = ${year}
      and (i.inspected_on <= ${asOf} or i.published_on <= ${asOf}
        or to_char((i.submitted_at at time zone 'UTC') + interval '8 hours', 'YYYY-MM-DD') <= ${asOf})
    group by 1`.execute(db);
  const histogram = new Map<string, number>([
    ['1', 0],
    ['2', 0],
    ['3', 0],
    ['4+', 0],
  ]);
  let visits = 0;
  for (const r of visited.rows) {
    visits += r.visits;
    const key = r.visits >= 4 ? '4+' : String(r.visits);
    histogram.set(key, (histogram.get(key) ?? 0) + 1);
  }
  const joint = await sql<{ task_results: number; joint_visits: number; saved: number }>`
    select coalesce(sum(n), 0)::integer as task_results,
      (count(*) filter (where n > 1))::integer as joint_visits,
      coalesce(sum(n - 1), 0)::integer as saved
    from (
      select it.inspection_id, count(*) as n
      from inspection_tasks it join inspections i on i.id = it.inspection_id
      where i.year = ${year}
      group by 1
    ) v`.execute(db);
  const recognition = await sql<{ recognised: number; spared: number }>`
    select coalesce(sum(recognised), 0)::integer as recognised,
      (count(*) filter (where recognised > 0 and recognised = total))::integer as spared
    from (
      select r.inspection_id, count(*) filter (where r.recognised_result_id is not null) as recognised,
        count(*) as total
      from inspection_results r join inspections i on i.id = r.inspection_id
      where i.year = ${year} and i.published_on <= ${asOf}
      group by 1
    ) v`.execute(db);
  const detection = await sql<{ risk_class: string | null; published: number; problems: number }>`
    select coalesce((
        select h.class from object_risk_history h
        where h.object_id = i.object_id and h."on" <= it.window_from
        order by h."on" desc limit 1
      ), o.risk_class) as risk_class,
      count(*)::integer as published,
      (count(*) filter (where exists (
        select 1 from inspection_results r
        where r.inspection_id = i.id and r.task_id = it.task_id and r.non_compliant)))::integer as problems
    from inspection_tasks it
    join inspections i on i.id = it.inspection_id
    join objects o on o.id = i.object_id
    where i.year = ${year} and i.published_on <= ${asOf}
    group by 1
    order by 1 nulls last`.execute(db);
  const totals = joint.rows[0] ?? { task_results: 0, joint_visits: 0, saved: 0 };
  const rec = recognition.rows[0] ?? { recognised: 0, spared: 0 };
  return {
    year,
    asOf,
    objectsVisited: visited.rows.length,
    visits,
    taskResults: totals.task_results,
    visitsPerObject: [...histogram].map(([v, objects]) => ({ visits: v, objects })),
    meanVisitsPerObject: visited.rows.length === 0 ? null : visits / visited.rows.length,
    jointVisits: totals.joint_visits,
    visitsSavedByJointVisits: totals.saved,
    recognisedResults: rec.recognised,
    visitsSavedByRecognition: rec.spared,
    detectionByRiskClass: detection.rows.map((r) => {
      const interval = r.published > 0 ? computeClopperPearson(r.problems, r.published, 0.95) : null;
      return {
        riskClass: r.risk_class ?? '未分类',
        published: r.published,
        problems: r.problems,
        rate: r.published > 0 ? r.problems / r.published : null,
        low: interval?.low ?? null,
        high: interval?.high ?? null,
      };
    }),
  };
}
