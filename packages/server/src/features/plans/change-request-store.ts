import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { err, findPlanRegion, ok, type PlanTask, type Result } from '@ssj/core';
import type { ChangeKind, ChangeRequestDto, PlanChangeDto, SessionUserDto } from '../../api-types.ts';
import { appendAudit, type AuditActor } from '../../audit/audit-log.ts';
import type { Database } from '../../db/schema.ts';
import type { LetterType } from '../../http/multipart.ts';
import {
  formatTaskCode,
  hashPlanTasks,
  insertTasks,
  loadPlanTasks,
  replaceTaskContent,
  resolveTaskDepartments,
} from './plan-store.ts';

export interface LetterUpload {
  readonly fileName: string;
  readonly mimeType: LetterType;
  readonly bytes: Uint8Array;
}

export interface ChangeRequestInput {
  readonly year: number;
  readonly kind: ChangeKind;
  readonly taskCode: string | null;
  readonly task: PlanTask | null;
  readonly reason: string;
  readonly letter: LetterUpload;
}

export type ChangeRequestError =
  | { readonly kind: 'no_published_plan'; readonly year: number }
  | { readonly kind: 'task_not_found'; readonly code: string }
  | { readonly kind: 'task_required' }
  | { readonly kind: 'task_code_required' }
  | { readonly kind: 'not_your_task'; readonly code: string | null }
  | { readonly kind: 'no_department' }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'already_decided'; readonly status: string };

export function describeChangeRequestError(e: ChangeRequestError): string {
  switch (e.kind) {
    case 'no_published_plan':
      return `${e.year} 年度计划尚未发布，不能申请调整`;
    case 'task_not_found':
      return `找不到任务 ${e.code}（或已撤销）`;
    case 'task_required':
      return '新增或调整任务须填写任务内容';
    case 'task_code_required':
      return '调整或撤销须指明任务编号';
    case 'not_your_task':
      return e.code === null
        ? '新增任务的发起或配合部门须包含本部门'
        : `本部门不是任务 ${e.code} 的发起或配合部门`;
    case 'no_department':
      return '只有部门账户可以提交调整申请';
    case 'not_found':
      return '找不到该调整申请';
    case 'already_decided':
      return `该申请已处理（${e.status === 'approved' ? '已批准' : '已驳回'}）`;
  }
}

async function findPublishedPlan(
  db: Kysely<Database> | Transaction<Database>,
  year: number,
): Promise<{ id: number; current_version: number } | undefined> {
  return db
    .selectFrom('plans')
    .select(['id', 'current_version'])
    .where('year', '=', year)
    .where('status', '=', 'published')
    .executeTakeFirst();
}

async function findActiveTask(trx: Transaction<Database>, planId: number, code: string) {
  return trx
    .selectFrom('tasks')
    .select(['id', 'seq', 'region_code', 'name', 'initiator_department_ids', 'cooperator_department_ids'])
    .where('plan_id', '=', planId)
    .where('code', '=', code)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/**
 * A department's written request to add, adjust or withdraw a task (DOMAIN.md §3 "Plan changes"), with its stamped
 * letter stored beside it. A department may ask only about tasks it initiates or cooperates in.
 */
export async function createChangeRequest(
  db: Kysely<Database>,
  actor: AuditActor,
  user: SessionUserDto,
  input: ChangeRequestInput,
): Promise<Result<{ id: number }, ChangeRequestError>> {
  if (user.departmentId === null) return err({ kind: 'no_department' });
  const departmentId = user.departmentId;
  if ((input.kind === 'add' || input.kind === 'adjust') && input.task === null)
    return err({ kind: 'task_required' });
  if ((input.kind === 'adjust' || input.kind === 'withdraw') && input.taskCode === null) {
    return err({ kind: 'task_code_required' });
  }
  return db.transaction().execute(async (trx) => {
    const plan = await findPublishedPlan(trx, input.year);
    if (plan === undefined) return err({ kind: 'no_published_plan' as const, year: input.year });
    const department = await trx
      .selectFrom('departments')
      .select(['id', 'name'])
      .where('id', '=', departmentId)
      .executeTakeFirstOrThrow();
    let proposed: PlanTask | null = null;
    if (input.task !== null) proposed = resolveTaskDepartments(input.task);
    if (input.taskCode !== null) {
      const task = await findActiveTask(trx, plan.id, input.taskCode);
      if (task === undefined) return err({ kind: 'task_not_found' as const, code: input.taskCode });
      const involved = [...task.initiator_department_ids, ...task.cooperator_department_ids];
      if (!involved.includes(departmentId))
        return err({ kind: 'not_your_task' as const, code: input.taskCode });
      if (proposed !== null) proposed = { ...proposed, seq: task.seq };
    } else if (proposed !== null) {
      const names = [...proposed.initiatorDepartments, ...proposed.cooperatorDepartments];
      if (!names.includes(department.name)) return err({ kind: 'not_your_task' as const, code: null });
    }
    const file = await trx
      .insertInto('files')
      .values({
        file_name: input.letter.fileName,
        mime_type: input.letter.mimeType,
        size: input.letter.bytes.length,
        sha256: createHash('sha256').update(input.letter.bytes).digest('hex'),
        content: input.letter.bytes,
        uploaded_by: user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = await trx
      .insertInto('plan_change_requests')
      .values({
        plan_id: plan.id,
        kind: input.kind,
        task_code: input.taskCode,
        task: proposed === null ? null : JSON.stringify(proposed),
        reason: input.reason,
        department_id: departmentId,
        submitted_by: user.id,
        letter_file_id: file.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, actor, {
      action: 'plan.change_request.submit',
      entity: 'plan_change_request',
      entityId: String(row.id),
      after: { kind: input.kind, taskCode: input.taskCode, task: proposed, reason: input.reason },
    });
    return ok({ id: row.id });
  });
}

const DECISION_KIND_NAMES: Record<ChangeKind, string> = { add: '新增', adjust: '调整', withdraw: '撤销' };

/**
 * Approve a pending request: apply it to the plan and record a new version with its full snapshot, all in one
 * transaction (the plan is either at the old version or at the new one, never between).
 */
export async function approveChangeRequest(
  db: Kysely<Database>,
  actor: AuditActor,
  id: number,
  note: string | null,
): Promise<Result<{ version: number }, ChangeRequestError>> {
  return db.transaction().execute(async (trx) => {
    const request = await trx
      .selectFrom('plan_change_requests')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (request === undefined) return err({ kind: 'not_found' as const });
    if (request.status !== 'pending')
      return err({ kind: 'already_decided' as const, status: request.status });
    const plan = await trx
      .selectFrom('plans')
      .select(['id', 'year', 'current_version'])
      .where('id', '=', request.plan_id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const proposed = request.task as PlanTask | null;
    let taskCode = request.task_code;
    if (request.kind === 'add') {
      if (proposed === null) return err({ kind: 'task_required' as const });
      const max = await trx
        .selectFrom('tasks')
        .select((eb) => eb.fn.max<number | null>('seq').as('seq'))
        .where('plan_id', '=', plan.id)
        .executeTakeFirstOrThrow();
      const seq = (max.seq ?? 0) + 1;
      await insertTasks(trx, plan.id, plan.year, [{ ...proposed, seq, seqPrinted: null }]);
      taskCode = formatTaskCode(plan.year, seq);
    } else {
      if (taskCode === null) return err({ kind: 'task_code_required' as const });
      const task = await findActiveTask(trx, plan.id, taskCode);
      if (task === undefined) return err({ kind: 'task_not_found' as const, code: taskCode });
      if (request.kind === 'withdraw') {
        await trx.updateTable('tasks').set({ status: 'withdrawn' }).where('id', '=', task.id).execute();
      } else {
        if (proposed === null) return err({ kind: 'task_required' as const });
        await replaceTaskContent(trx, task.id, { ...proposed, seq: task.seq });
      }
    }
    const version = plan.current_version + 1;
    const tasks = await loadPlanTasks(trx, plan.id);
    const sha256 = hashPlanTasks(tasks);
    const reason = `${DECISION_KIND_NAMES[request.kind]} ${taskCode}：${request.reason}`;
    await trx.updateTable('plans').set({ current_version: version }).where('id', '=', plan.id).execute();
    await trx
      .insertInto('plan_versions')
      .values({
        plan_id: plan.id,
        version,
        reason,
        snapshot_sha256: sha256,
        snapshot: JSON.stringify(tasks),
        change_request_id: request.id,
        created_by: actor.userId,
      })
      .execute();
    await trx
      .updateTable('plan_change_requests')
      .set({
        status: 'approved',
        decided_by: actor.userId,
        decided_at: new Date(),
        decision_reason: note,
        resulting_version: version,
        task_code: taskCode,
      })
      .where('id', '=', request.id)
      .execute();
    await appendAudit(trx, actor, {
      action: 'plan.change_request.approve',
      entity: 'plan_change_request',
      entityId: String(request.id),
      after: { version, taskCode, tasksSha256: sha256, note },
    });
    return ok({ version });
  });
}

export async function rejectChangeRequest(
  db: Kysely<Database>,
  actor: AuditActor,
  id: number,
  reason: string,
): Promise<Result<null, ChangeRequestError>> {
  return db.transaction().execute(async (trx) => {
    const request = await trx
      .selectFrom('plan_change_requests')
      .select(['id', 'status'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (request === undefined) return err({ kind: 'not_found' as const });
    if (request.status !== 'pending')
      return err({ kind: 'already_decided' as const, status: request.status });
    await trx
      .updateTable('plan_change_requests')
      .set({ status: 'rejected', decided_by: actor.userId, decided_at: new Date(), decision_reason: reason })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, actor, {
      action: 'plan.change_request.reject',
      entity: 'plan_change_request',
      entityId: String(id),
      after: { reason },
    });
    return ok(null);
  });
}

export interface ChangeRequestFilter {
  readonly year?: number;
  readonly id?: number;
  readonly departmentId?: number;
}

export async function listChangeRequests(
  db: Kysely<Database>,
  filter: ChangeRequestFilter,
): Promise<(ChangeRequestDto & { regionCode: string })[]> {
  let query = db
    .selectFrom('plan_change_requests as c')
    .innerJoin('plans as p', 'p.id', 'c.plan_id')
    .innerJoin('departments as d', 'd.id', 'c.department_id')
    .innerJoin('users as u', 'u.id', 'c.submitted_by')
    .leftJoin('users as du', 'du.id', 'c.decided_by')
    .innerJoin('files as f', 'f.id', 'c.letter_file_id')
    .select([
      'c.id',
      'p.year',
      'c.kind',
      'c.task_code',
      'c.task',
      'c.reason',
      'c.department_id',
      'd.name as department_name',
      'd.region_code',
      'u.display_name as submitted_by',
      'c.submitted_at',
      'f.file_name',
      'f.mime_type',
      'f.size',
      'f.sha256',
      'c.status',
      'du.display_name as decided_by',
      'c.decided_at',
      'c.decision_reason',
      'c.resulting_version',
    ])
    .orderBy('c.id', 'desc');
  if (filter.year !== undefined) query = query.where('p.year', '=', filter.year);
  if (filter.id !== undefined) query = query.where('c.id', '=', filter.id);
  if (filter.departmentId !== undefined) query = query.where('c.department_id', '=', filter.departmentId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    kind: r.kind,
    taskCode: r.task_code,
    task: r.task as ChangeRequestDto['task'],
    reason: r.reason,
    departmentId: r.department_id,
    departmentName: r.department_name,
    regionCode: r.region_code,
    submittedBy: r.submitted_by,
    submittedAt: r.submitted_at.toISOString(),
    letter: { fileName: r.file_name, mimeType: r.mime_type, size: r.size, sha256: r.sha256 },
    status: r.status,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at?.toISOString() ?? null,
    decisionReason: r.decision_reason,
    resultingVersion: r.resulting_version,
  }));
}

export async function loadLetter(
  db: Kysely<Database>,
  changeRequestId: number,
): Promise<{
  fileName: string;
  mimeType: string;
  content: Uint8Array;
  regionCode: string;
  departmentId: number;
} | null> {
  const row = await db
    .selectFrom('plan_change_requests as c')
    .innerJoin('files as f', 'f.id', 'c.letter_file_id')
    .innerJoin('departments as d', 'd.id', 'c.department_id')
    .select(['f.file_name', 'f.mime_type', 'f.content', 'd.region_code', 'c.department_id'])
    .where('c.id', '=', changeRequestId)
    .executeTakeFirst();
  if (row === undefined) return null;
  return {
    fileName: row.file_name,
    mimeType: row.mime_type,
    content: row.content,
    regionCode: row.region_code,
    departmentId: row.department_id,
  };
}

/** The public change history of a plan: first publication and every approved change, newest first. */
export async function listPlanChanges(db: Kysely<Database>, planId: number): Promise<PlanChangeDto[]> {
  const rows = await db
    .selectFrom('plan_versions as v')
    .leftJoin('plan_change_requests as c', 'c.id', 'v.change_request_id')
    .leftJoin('departments as d', 'd.id', 'c.department_id')
    .select([
      'v.version',
      'v.reason',
      'v.created_at',
      'c.kind',
      'c.task_code',
      'c.task',
      'c.reason as request_reason',
      'd.name as department_name',
    ])
    .where('v.plan_id', '=', planId)
    .orderBy('v.version', 'desc')
    .execute();
  const names = new Map(
    (await db.selectFrom('tasks').select(['code', 'name']).where('plan_id', '=', planId).execute()).map(
      (t) => [t.code, t.name],
    ),
  );
  return rows.map((r) => ({
    version: r.version,
    kind: r.kind ?? 'publish',
    taskCode: r.task_code,
    taskName:
      (r.task as PlanTask | null)?.name ?? (r.task_code === null ? null : (names.get(r.task_code) ?? null)),
    reason: r.request_reason ?? r.reason,
    departmentName: r.department_name,
    decidedAt: r.created_at.toISOString(),
  }));
}

/** A version's task list from its snapshot (null when that version does not exist). */
export async function loadPlanVersionTasks(
  db: Kysely<Database>,
  planId: number,
  version: number,
): Promise<PlanTask[] | null> {
  const row = await db
    .selectFrom('plan_versions')
    .select('snapshot')
    .where('plan_id', '=', planId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (row?.snapshot === undefined || row.snapshot === null) return null;
  return row.snapshot as PlanTask[];
}

export function regionCodeOfTask(task: PlanTask): string | null {
  return findPlanRegion(task.region)?.code ?? null;
}
