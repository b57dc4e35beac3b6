import { createHash } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import {
  err,
  findPlanRegion,
  normaliseDepartment,
  ok,
  PLAN_REGIONS,
  type PlanLine,
  type PlanTask,
  type Result,
} from '@ssj/core';
import { appendAudit, canonicalJson, type AuditActor } from '../../audit/audit-log.ts';
import type { Database, TaskLineTable } from '../../db/schema.ts';

/** The stable task code: `JC` + year + `-` + three-digit seq (JC2023-001 … JC2023-350). */
export function formatTaskCode(year: number, seq: number): string {
  return `JC${year}-${String(seq).padStart(3, '0')}`;
}

export type ImportPlanError =
  | { readonly kind: 'published_plan_exists'; readonly year: number }
  | { readonly kind: 'no_tasks' }
  | { readonly kind: 'unknown_region'; readonly seq: number; readonly region: string }
  | { readonly kind: 'duplicate_seq'; readonly seq: number };

export function describeImportPlanError(e: ImportPlanError): string {
  switch (e.kind) {
    case 'published_plan_exists':
      return `${e.year} 年度计划已发布，不能整体覆盖；请通过调整申请修改`;
    case 'no_tasks':
      return '文件中没有识别出任何抽查任务';
    case 'unknown_region':
      return `第 ${e.seq} 项任务的地区“${e.region}”无法识别`;
    case 'duplicate_seq':
      return `任务序号 ${e.seq} 重复`;
  }
}

export interface PlanImportInput {
  readonly year: number;
  readonly title: string;
  readonly sourceName: string | null;
  readonly tasks: readonly PlanTask[];
}

/** SHA-256 of a plan version's canonical task list: what plan_versions records and the portal shows. */
export function hashPlanTasks(tasks: readonly PlanTask[]): string {
  return createHash('sha256').update(canonicalJson(tasks)).digest('hex');
}

/** Department ids for canonical names (unique across the list, core plan/departments.ts); unknown names drop out. */
async function resolveDepartmentIds(
  trx: Transaction<Database>,
  canonicalNames: readonly string[],
): Promise<number[]> {
  if (canonicalNames.length === 0) return [];
  const rows = await trx
    .selectFrom('departments')
    .select(['id', 'name'])
    .where('name', 'in', [...canonicalNames])
    .execute();
  const ids: number[] = [];
  for (const name of canonicalNames) {
    const row = rows.find((r) => r.name === name);
    if (row !== undefined) ids.push(row.id);
  }
  return ids;
}

/**
 * Recompute the canonical departments from the printed names (never trust a client's resolution), so an edited
 * task links to the right departments.
 */
export function resolveTaskDepartments(task: PlanTask): PlanTask {
  const resolve = (names: readonly string[]): string[] =>
    names.map((n) => normaliseDepartment(n, task.region).canonical).filter((c): c is string => c !== null);
  return {
    ...task,
    initiatorDepartments: resolve(task.initiators),
    cooperatorDepartments: resolve(task.cooperators),
  };
}

async function taskContentValues(trx: Transaction<Database>, task: PlanTask) {
  const region = findPlanRegion(task.region);
  if (region === undefined) throw new Error(`unknown region ${task.region}`);
  return {
    seq_printed: task.seqPrinted,
    region_code: region.code,
    name: task.name ?? '',
    risk_based: task.riskBased,
    initiators: JSON.stringify(task.initiators),
    cooperators: JSON.stringify(task.cooperators),
    initiator_department_ids: JSON.stringify(await resolveDepartmentIds(trx, task.initiatorDepartments)),
    cooperator_department_ids: JSON.stringify(await resolveDepartmentIds(trx, task.cooperatorDepartments)),
  };
}

async function insertLines(
  trx: Transaction<Database>,
  taskId: number,
  lines: readonly PlanLine[],
): Promise<void> {
  if (lines.length === 0) return;
  await trx
    .insertInto('task_lines')
    .values(
      lines.map((line, index) => ({
        task_id: taskId,
        line_no: index + 1,
        matters: JSON.stringify(line.matters),
        scope: line.scope ?? '',
        ratio_percent: line.ratio?.percent ?? null,
        ratio_bound: line.ratio?.bound ?? null,
        times_per_year: line.timesPerYear,
        min_count: line.minCount,
        approx_count: line.approxCount,
        window_from_month: line.window?.fromMonth ?? null,
        window_to_month: line.window?.toMonth ?? null,
      })),
    )
    .execute();
}

export async function insertTasks(
  trx: Transaction<Database>,
  planId: number,
  year: number,
  tasks: readonly PlanTask[],
): Promise<void> {
  for (const task of tasks) {
    const inserted = await trx
      .insertInto('tasks')
      .values({
        plan_id: planId,
        code: formatTaskCode(year, task.seq),
        seq: task.seq,
        status: 'active',
        ...(await taskContentValues(trx, task)),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertLines(trx, inserted.id, task.lines);
  }
}

/** Replace a task's content in place (same id, code and seq), as an approved adjustment does. */
export async function replaceTaskContent(
  trx: Transaction<Database>,
  taskId: number,
  task: PlanTask,
): Promise<void> {
  await trx
    .updateTable('tasks')
    .set(await taskContentValues(trx, task))
    .where('id', '=', taskId)
    .execute();
  await trx.deleteFrom('task_lines').where('task_id', '=', taskId).execute();
  await insertLines(trx, taskId, task.lines);
}

/**
 * Store a parsed plan as the year's draft, all or nothing. A draft of the same year is replaced; a published plan
 * is never overwritten (changes to it go through change requests).
 */
export async function importPlanDraft(
  db: Kysely<Database>,
  actor: AuditActor,
  input: PlanImportInput,
): Promise<Result<{ planId: number; taskCount: number }, ImportPlanError>> {
  if (input.tasks.length === 0) return err({ kind: 'no_tasks' });
  const seen = new Set<number>();
  for (const task of input.tasks) {
    if (seen.has(task.seq)) return err({ kind: 'duplicate_seq', seq: task.seq });
    seen.add(task.seq);
    if (findPlanRegion(task.region) === undefined) {
      return err({ kind: 'unknown_region', seq: task.seq, region: task.region });
    }
  }
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('plans')
      .select(['id', 'status'])
      .where('year', '=', input.year)
      .forUpdate()
      .executeTakeFirst();
    if (existing?.status === 'published')
      return err({ kind: 'published_plan_exists' as const, year: input.year });
    let planId: number;
    if (existing === undefined) {
      const row = await trx
        .insertInto('plans')
        .values({ year: input.year, title: input.title, status: 'draft', source_name: input.sourceName })
        .returning('id')
        .executeTakeFirstOrThrow();
      planId = row.id;
    } else {
      planId = existing.id;
      await trx.deleteFrom('tasks').where('plan_id', '=', planId).execute();
      await trx
        .updateTable('plans')
        .set({ title: input.title, source_name: input.sourceName })
        .where('id', '=', planId)
        .execute();
    }
    await insertTasks(trx, planId, input.year, input.tasks);
    await appendAudit(trx, actor, {
      action: 'plan.import_draft',
      entity: 'plan',
      entityId: String(planId),
      after: { year: input.year, source: input.sourceName, tasksSha256: hashPlanTasks(input.tasks) },
    });
    return ok({ planId, taskCount: input.tasks.length });
  });
}

export type PublishPlanError = { readonly kind: 'not_found' } | { readonly kind: 'already_published' };

/** Publish a draft: it becomes version 1, whose task-list hash is recorded. */
export async function publishPlan(
  db: Kysely<Database>,
  actor: AuditActor,
  year: number,
): Promise<Result<{ planId: number; version: number; sha256: string }, PublishPlanError>> {
  return db.transaction().execute(async (trx) => {
    const plan = await trx
      .selectFrom('plans')
      .select(['id', 'status'])
      .where('year', '=', year)
      .forUpdate()
      .executeTakeFirst();
    if (plan === undefined) return err({ kind: 'not_found' as const });
    if (plan.status === 'published') return err({ kind: 'already_published' as const });
    const tasks = await loadPlanTasks(trx, plan.id);
    const sha256 = hashPlanTasks(tasks);
    await trx
      .updateTable('plans')
      .set({ status: 'published', current_version: 1, published_at: new Date() })
      .where('id', '=', plan.id)
      .execute();
    await trx
      .insertInto('plan_versions')
      .values({
        plan_id: plan.id,
        version: 1,
        reason: '首次发布',
        snapshot_sha256: sha256,
        snapshot: JSON.stringify(tasks),
        created_by: actor.userId,
      })
      .execute();
    await appendAudit(trx, actor, {
      action: 'plan.publish',
      entity: 'plan',
      entityId: String(plan.id),
      after: { year, version: 1, tasksSha256: sha256 },
    });
    return ok({ planId: plan.id, version: 1, sha256 });
  });
}

/** The plan's active tasks in the parse shape (for export, the portal and version hashes). */
export async function loadPlanTasks(db: Kysely<Database>, planId: number): Promise<PlanTask[]> {
  const tasks = await db
    .selectFrom('tasks as t')
    .innerJoin('regions as r', 'r.code', 't.region_code')
    .select([
      't.id',
      't.seq',
      't.seq_printed',
      't.region_code',
      't.name',
      't.risk_based',
      't.initiators',
      't.cooperators',
      't.initiator_department_ids',
      't.cooperator_department_ids',
    ])
    .where('t.plan_id', '=', planId)
    .where('t.status', '=', 'active')
    .orderBy('t.seq')
    .execute();
  const lines =
    tasks.length === 0
      ? []
      : await db
          .selectFrom('task_lines')
          .selectAll()
          .where(
            'task_id',
            'in',
            tasks.map((t) => t.id),
          )
          .orderBy('task_id')
          .orderBy('line_no')
          .execute();
  const departments = await db.selectFrom('departments').select(['id', 'name']).execute();
  const nameOf = (id: number): string => departments.find((d) => d.id === id)?.name ?? '';
  return tasks.map((t) => {
    const region = findPlanRegionByCode(t.region_code);
    return {
      seq: t.seq,
      seqPrinted: t.seq_printed,
      region,
      name: t.name === '' ? null : t.name,
      lines: lines.filter((l) => l.task_id === t.id).map(toPlanLine),
      riskBased: t.risk_based,
      initiators: t.initiators,
      cooperators: t.cooperators,
      initiatorDepartments: t.initiator_department_ids.map(nameOf),
      cooperatorDepartments: t.cooperator_department_ids.map(nameOf),
    };
  });
}

const PLAN_REGION_LABELS = new Map(PLAN_REGIONS.map((r) => [r.code, r.label]));

function findPlanRegionByCode(code: string): string {
  const label = PLAN_REGION_LABELS.get(code);
  if (label === undefined) throw new Error(`no plan region for ${code}`);
  return label;
}

/** A stored task line in the parse shape (core PlanLine). */
export function toPlanLine(l: Selectable<TaskLineTable>): PlanLine {
  return {
    matters: l.matters,
    scope: l.scope === '' ? null : l.scope,
    ratio:
      l.ratio_percent === null || l.ratio_bound === null
        ? null
        : { percent: l.ratio_percent, bound: l.ratio_bound },
    timesPerYear: l.times_per_year,
    minCount: l.min_count,
    approxCount: l.approx_count,
    window:
      l.window_from_month === null || l.window_to_month === null
        ? null
        : { fromMonth: l.window_from_month, toMonth: l.window_to_month },
  };
}
