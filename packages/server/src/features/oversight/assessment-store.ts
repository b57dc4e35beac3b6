/**
 * The annual assessment (考评): the rule set of a year (stored in `assessment_rules`, the default until the office
 * edits it), the records behind each department's criteria (core AssessmentInput, from the same task-result units
 * as the progress figures), scores and ranks (core scoreAssessment, rankAssessments).
 */
import { sql, type Kysely } from 'kysely';
import {
  ASSESSMENT_CRITERIA,
  ASSESSMENT_CRITERION_TITLES,
  checkAssessmentRules,
  computeNextDate,
  err,
  gradeAssessment,
  makeDefaultAssessmentRules,
  ok,
  rankAssessments,
  scoreAssessment,
  type AssessmentInput,
  type AssessmentRules,
  type AssessmentRulesProblem,
  type Result,
} from '@ssj/core';
import type { AssessmentDto, AssessmentRulesDto, AssessmentRowDto } from '../../api-types.ts';
import { appendAudit, type AuditActor } from '../../audit/audit-log.ts';
import type { Database } from '../../db/schema.ts';
import { listScopeDepartments } from './progress-report.ts';
import { selectProgressUnits, type ProgressScope } from './progress-units.ts';

function parseStoredRules(value: unknown, year: number): AssessmentRules {
  const checked = checkAssessmentRules(value as AssessmentRules, year);
  return checked.ok ? checked.value : makeDefaultAssessmentRules(year);
}

/** The year's rule set, or the default when the office has not set one. */
export async function loadAssessmentRules(db: Kysely<Database>, year: number): Promise<AssessmentRulesDto> {
  const row = await db
    .selectFrom('assessment_rules as a')
    .leftJoin('users as u', 'u.id', 'a.updated_by')
    .select(['a.rules', 'a.updated_at', 'u.display_name'])
    .where('a.year', '=', year)
    .executeTakeFirst();
  const rules = row === undefined ? makeDefaultAssessmentRules(year) : parseStoredRules(row.rules, year);
  return {
    year,
    weights: { ...rules.weights },
    completionDeadline: rules.completionDeadline,
    isDefault: row === undefined,
    updatedAt: row?.updated_at.toISOString() ?? null,
    updatedBy: row?.display_name ?? null,
  };
}

/** Stores the year's rule set after core's checks, audited. */
export async function saveAssessmentRules(
  db: Kysely<Database>,
  actor: AuditActor,
  year: number,
  rules: AssessmentRules,
): Promise<Result<AssessmentRulesDto, AssessmentRulesProblem>> {
  const checked = checkAssessmentRules(rules, year);
  if (!checked.ok) return err(checked.error);
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('assessment_rules')
      .select('rules')
      .where('year', '=', year)
      .executeTakeFirst();
    await trx
      .insertInto('assessment_rules')
      .values({
        year,
        rules: JSON.stringify(checked.value),
        updated_by: actor.userId,
        updated_at: new Date(),
      })
      .onConflict((oc) =>
        oc.column('year').doUpdateSet({
          rules: JSON.stringify(checked.value),
          updated_by: actor.userId,
          updated_at: new Date(),
        }),
      )
      .execute();
    await appendAudit(trx, actor, {
      action: 'assessment.rules',
      entity: 'assessment_rules',
      entityId: String(year),
      before: before?.rules,
      after: checked.value,
    });
  });
  return ok(await loadAssessmentRules(db, year));
}

interface DepartmentTaskRow {
  department_id: number;
  task_id: number;
  due: number;
  published: number;
  published_by_deadline: number;
  published_on_time: number;
  entered: number;
  first_pass: number;
  follow_ups: number;
  follow_ups_closed: number;
}

/** The records behind each department's criteria, as of the end of `asOf`. */
export async function loadAssessmentInputs(
  db: Kysely<Database>,
  year: number,
  asOf: string,
  rules: AssessmentRules,
  scope: ProgressScope,
): Promise<Map<number, AssessmentInput>> {
  const when = { year, asOf, today: computeNextDate(asOf) };
  const units = await sql<DepartmentTaskRow>`
    with units as (${selectProgressUnits(when, scope)})
    select u.department_id, u.task_id,
      count(*)::integer as due,
      (count(*) filter (where u.published))::integer as published,
      (count(*) filter (where u.published and u.published_on <= ${rules.completionDeadline}))::integer
        as published_by_deadline,
      (count(*) filter (where u.published and u.published_on <= u.deadline))::integer as published_on_time,
      (count(*) filter (where u.entered))::integer as entered,
      (count(*) filter (where u.entered and not exists (
        select 1 from inspection_reviews v where v.inspection_id = u.inspection_id and v.action = 'return'
      )))::integer as first_pass,
      (count(*) filter (where u.published and exists (
        select 1 from follow_ups f where f.inspection_id = u.inspection_id and f.task_id = u.task_id
      )))::integer as follow_ups,
      (count(*) filter (where u.published and exists (
        select 1 from follow_ups f where f.inspection_id = u.inspection_id and f.task_id = u.task_id
          and f.state = 'closed' and f.closed_on <= ${asOf}
      )))::integer as follow_ups_closed
    from units u
    group by 1, 2`.execute(db);
  const matters = await sql<{ department_id: number; task_id: number; matter: string; covered: boolean }>`
    select distinct (t.initiator_department_ids->>0)::integer as department_id, t.id as task_id, m.matter,
      exists (
        select 1 from inspection_results r join inspections i on i.id = r.inspection_id
        where r.task_id = t.id and r.matter = m.matter and i.published_on <= ${asOf}
      ) as covered
    from tasks t
    join plans p on p.id = t.plan_id
    join task_lines l on l.task_id = t.id
    cross join lateral jsonb_array_elements_text(l.matters) as m(matter)
    where p.year = ${year} and t.status = 'active'`.execute(db);
  const tasks = await sql<{ department_id: number; task_id: number }>`
    select (t.initiator_department_ids->>0)::integer as department_id, t.id as task_id
    from tasks t join plans p on p.id = t.plan_id
    where p.year = ${year} and t.status = 'active'`.execute(db);

  const inputs = new Map<number, AssessmentInput>();
  const get = (id: number): AssessmentInput =>
    inputs.get(id) ?? {
      due: 0,
      publishedByDeadline: 0,
      published: 0,
      publishedOnTime: 0,
      tasks: 0,
      tasksCovered: 0,
      matters: 0,
      mattersCovered: 0,
      followUps: 0,
      followUpsClosed: 0,
      entered: 0,
      enteredFirstPass: 0,
    };
  const publishedTasks = new Set<number>();
  for (const u of units.rows) {
    const c = get(u.department_id);
    if (u.published > 0) publishedTasks.add(u.task_id);
    inputs.set(u.department_id, {
      ...c,
      due: c.due + u.due,
      published: c.published + u.published,
      publishedByDeadline: c.publishedByDeadline + u.published_by_deadline,
      publishedOnTime: c.publishedOnTime + u.published_on_time,
      entered: c.entered + u.entered,
      enteredFirstPass: c.enteredFirstPass + u.first_pass,
      followUps: c.followUps + u.follow_ups,
      followUpsClosed: c.followUpsClosed + u.follow_ups_closed,
    });
  }
  for (const t of tasks.rows) {
    const c = get(t.department_id);
    inputs.set(t.department_id, {
      ...c,
      tasks: c.tasks + 1,
      tasksCovered: c.tasksCovered + (publishedTasks.has(t.task_id) ? 1 : 0),
    });
  }
  for (const m of matters.rows) {
    const c = get(m.department_id);
    inputs.set(m.department_id, {
      ...c,
      matters: c.matters + 1,
      mattersCovered: c.mattersCovered + (m.covered ? 1 : 0),
    });
  }
  return inputs;
}

const EMPTY_INPUT: AssessmentInput = {
  due: 0,
  publishedByDeadline: 0,
  published: 0,
  publishedOnTime: 0,
  tasks: 0,
  tasksCovered: 0,
  matters: 0,
  mattersCovered: 0,
  followUps: 0,
  followUpsClosed: 0,
  entered: 0,
  enteredFirstPass: 0,
};

/** Scores and ranks of every department in scope (ranked among the whole city's departments). */
export async function loadAssessment(
  db: Kysely<Database>,
  year: number,
  asOf: string,
  scope: ProgressScope,
): Promise<AssessmentDto> {
  const rulesDto = await loadAssessmentRules(db, year);
  const rules: AssessmentRules = {
    weights: rulesDto.weights,
    completionDeadline: rulesDto.completionDeadline,
  };
  const all = { regionCode: null, departmentId: null };
  const inputs = await loadAssessmentInputs(db, year, asOf, rules, all);
  const departments = await listScopeDepartments(db, all);
  const scores = departments.map((d) => scoreAssessment(inputs.get(d.id) ?? EMPTY_INPUT, rules));
  const ranks = rankAssessments(scores);
  const inScope = new Set((await listScopeDepartments(db, scope)).map((d) => d.id));
  const rows: AssessmentRowDto[] = [];
  departments.forEach((d, i) => {
    if (!inScope.has(d.id)) return;
    const score = scores[i];
    if (score === undefined) return;
    rows.push({
      departmentId: d.id,
      departmentName: d.name,
      regionCode: d.region_code,
      regionName: d.region_name,
      input: { ...(inputs.get(d.id) ?? EMPTY_INPUT) },
      criteria: { ...score.criteria },
      total: score.total,
      rank: ranks[i] ?? null,
      grade: gradeAssessment(score.total),
    });
  });
  return {
    year,
    asOf,
    rules: rulesDto,
    criteria: ASSESSMENT_CRITERIA.map((key) => ({
      key,
      title: ASSESSMENT_CRITERION_TITLES[key],
      weight: rules.weights[key],
    })),
    rows,
  };
}
