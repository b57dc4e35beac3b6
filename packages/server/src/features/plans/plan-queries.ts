import type { Kysely } from 'kysely';
import { findPlanRegion, type PlanTask } from '@ssj/core';
import type { PlanSummaryDto, TaskDto } from '../../api-types.ts';
import type { Database } from '../../db/schema.ts';
import { formatTaskCode, toPlanLine } from './plan-store.ts';

export interface TaskFilter {
  readonly regionCode?: string | undefined;
  readonly departmentId?: number | undefined;
}

/** A plan's summary with its version history; null when the year has none (or none published, if asked). */
export async function findPlanSummary(
  db: Kysely<Database>,
  year: number,
  options: { publishedOnly: boolean },
): Promise<(PlanSummaryDto & { id: number }) | null> {
  let query = db.selectFrom('plans').selectAll().where('year', '=', year);
  if (options.publishedOnly) query = query.where('status', '=', 'published');
  const plan = await query.executeTakeFirst();
  if (plan === undefined) return null;
  const versions = await db
    .selectFrom('plan_versions')
    .selectAll()
    .where('plan_id', '=', plan.id)
    .orderBy('version', 'desc')
    .execute();
  const count = await db
    .selectFrom('tasks')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('plan_id', '=', plan.id)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return {
    id: plan.id,
    year: plan.year,
    title: plan.title,
    status: plan.status,
    version: plan.current_version,
    taskCount: Number(count.n),
    publishedAt: plan.published_at?.toISOString() ?? null,
    sourceName: plan.source_name,
    versions: versions.map((v) => ({
      version: v.version,
      reason: v.reason,
      sha256: v.snapshot_sha256,
      createdAt: v.created_at.toISOString(),
    })),
  };
}

export async function listPlanYears(
  db: Kysely<Database>,
  options: { publishedOnly: boolean },
): Promise<number[]> {
  let query = db.selectFrom('plans').select('year').orderBy('year', 'desc');
  if (options.publishedOnly) query = query.where('status', '=', 'published');
  return (await query.execute()).map((r) => r.year);
}

/** The plan's active tasks with their lines and resolved departments, optionally by region or department. */
export async function listPlanTasks(
  db: Kysely<Database>,
  planId: number,
  filter: TaskFilter,
): Promise<TaskDto[]> {
  let query = db
    .selectFrom('tasks as t')
    .innerJoin('regions as r', 'r.code', 't.region_code')
    .select([
      't.id',
      't.code',
      't.seq',
      't.seq_printed',
      't.region_code',
      'r.name as region_name',
      't.name',
      't.risk_based',
      't.initiators',
      't.cooperators',
      't.initiator_department_ids',
      't.cooperator_department_ids',
    ])
    .where('t.plan_id', '=', planId)
    .where('t.status', '=', 'active')
    .orderBy('t.seq');
  if (filter.regionCode !== undefined) query = query.where('t.region_code', '=', filter.regionCode);
  const rows = await query.execute();
  const departments = new Map(
    (await db.selectFrom('departments').select(['id', 'name']).execute()).map((d) => [d.id, d.name]),
  );
  const wanted =
    filter.departmentId === undefined
      ? rows
      : rows.filter(
          (t) =>
            filter.departmentId !== undefined &&
            (t.initiator_department_ids.includes(filter.departmentId) ||
              t.cooperator_department_ids.includes(filter.departmentId)),
        );
  const lines =
    wanted.length === 0
      ? []
      : await db
          .selectFrom('task_lines')
          .selectAll()
          .where(
            'task_id',
            'in',
            wanted.map((t) => t.id),
          )
          .orderBy('task_id')
          .orderBy('line_no')
          .execute();
  const linesByTask = new Map<number, typeof lines>();
  for (const l of lines) {
    const list = linesByTask.get(l.task_id) ?? [];
    list.push(l);
    linesByTask.set(l.task_id, list);
  }
  const named = (ids: number[]): { id: number; name: string }[] =>
    ids.map((id) => ({ id, name: departments.get(id) ?? '' }));
  return wanted.map((t) => ({
    code: t.code,
    seq: t.seq,
    seqPrinted: t.seq_printed,
    regionCode: t.region_code,
    regionName: t.region_name,
    name: t.name,
    riskBased: t.risk_based,
    initiators: t.initiators,
    cooperators: t.cooperators,
    initiatorDepartments: named(t.initiator_department_ids),
    cooperatorDepartments: named(t.cooperator_department_ids),
    lines: (linesByTask.get(t.id) ?? []).map((l) => {
      const line = toPlanLine(l);
      return { ...line, matters: [...line.matters] };
    }),
  }));
}

/** A snapshot's tasks (core PlanTask) in the API shape, for showing an earlier version. */
export async function toTaskDtos(
  db: Kysely<Database>,
  year: number,
  tasks: readonly PlanTask[],
  filter: TaskFilter,
): Promise<TaskDto[]> {
  const departments = await db.selectFrom('departments').select(['id', 'name']).execute();
  const idOf = new Map(departments.map((d) => [d.name, d.id]));
  const regions = await db.selectFrom('regions').select(['code', 'name']).execute();
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  const named = (names: readonly string[]): { id: number; name: string }[] =>
    names.flatMap((name) => {
      const id = idOf.get(name);
      return id === undefined ? [] : [{ id, name }];
    });
  return tasks
    .map((t) => {
      const code = findPlanRegion(t.region)?.code ?? '';
      return {
        code: formatTaskCode(year, t.seq),
        seq: t.seq,
        seqPrinted: t.seqPrinted,
        regionCode: code,
        regionName: regionName.get(code) ?? t.region,
        name: t.name ?? '',
        riskBased: t.riskBased,
        initiators: [...t.initiators],
        cooperators: [...t.cooperators],
        initiatorDepartments: named(t.initiatorDepartments),
        cooperatorDepartments: named(t.cooperatorDepartments),
        lines: t.lines.map((l) => ({ ...l, matters: [...l.matters] })),
      };
    })
    .filter(
      (t) =>
        (filter.regionCode === undefined || t.regionCode === filter.regionCode) &&
        (filter.departmentId === undefined ||
          [...t.initiatorDepartments, ...t.cooperatorDepartments].some((d) => d.id === filter.departmentId)),
    );
}
