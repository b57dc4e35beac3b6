import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { parsePlanText, type PlanTask } from '@ssj/core';
import { SYSTEM_ACTOR } from '../audit/audit-log.ts';
import type { Database } from '../db/schema.ts';
import { describeImportPlanError, importPlanDraft, publishPlan } from '../features/plans/plan-store.ts';

/** The project's own copy of the 晋城 2023 notice (晋市双随机办〔2023〕2号): the default demo input. */
export const DEMO_PLAN_NOTICE = path.resolve(
  import.meta.dirname,
  '../../demo-data/jincheng-2023-plan-notice.txt',
);
export const DEMO_PLAN_YEAR = 2023;
export const DEMO_PLAN_TITLE = '晋城市2023年度市场监管领域部门联合双随机抽查工作计划';

/**
 * The fix a clerk makes in the import review before publishing the demo plan: a task whose department cells are
 * blank in the notice (task 157 of 高平: a merged cell lost in the PDF) takes the departments of the task above it in
 * the same region. Everything else is published exactly as parsed.
 */
export function applyReviewFixes(tasks: readonly PlanTask[]): PlanTask[] {
  return tasks.map((task, index) => {
    if (task.initiators.length > 0) return task;
    const above = tasks[index - 1];
    if (above === undefined || above.region !== task.region) return task;
    return {
      ...task,
      initiators: above.initiators,
      cooperators: above.cooperators,
      initiatorDepartments: above.initiatorDepartments,
      cooperatorDepartments: above.cooperatorDepartments,
    };
  });
}

/** On a database without a 2023 plan: import the notice and publish it. Returns the number of tasks, or 0. */
export async function seedDemoPlan(db: Kysely<Database>): Promise<number> {
  const existing = await db
    .selectFrom('plans')
    .select('id')
    .where('year', '=', DEMO_PLAN_YEAR)
    .executeTakeFirst();
  if (existing !== undefined) return 0;
  const parsed = parsePlanText(fs.readFileSync(DEMO_PLAN_NOTICE, 'utf8'));
  const imported = await importPlanDraft(db, SYSTEM_ACTOR, {
    year: DEMO_PLAN_YEAR,
    title: DEMO_PLAN_TITLE,
    sourceName: path.basename(DEMO_PLAN_NOTICE),
    tasks: applyReviewFixes(parsed.tasks),
  });
  if (!imported.ok) throw new Error(`demo plan: ${describeImportPlanError(imported.error)}`);
  const published = await publishPlan(db, SYSTEM_ACTOR, DEMO_PLAN_YEAR);
  if (!published.ok) throw new Error(`demo plan: could not publish (${published.error.kind})`);
  return imported.value.taskCount;
}
