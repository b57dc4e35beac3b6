/**
 * Entering, submitting, reviewing and publishing results (DOMAIN.md §5: 未录入 → 待审核 → 审核退回 → 已公示; only
 * approved results are published). Every action is one transaction with its audit entry; the inspection row is
 * locked first so two reviewers cannot both act. Approval publishes: the publication date is recorded against the
 * deadline (late publication is recorded, never hidden) and each task result with a problem opens a follow-up case.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import {
  checkResultCodes,
  err,
  isInspectionMethod,
  isNonCompliant,
  nextInspectionState,
  ok,
  parseIsoDate,
  type InspectionAction,
  type Result,
} from '@ssj/core';
import type { InspectionSaveInput } from '../../api-types.ts';
import { appendAudit, type AuditActor } from '../../audit/audit-log.ts';
import type { Database } from '../../db/schema.ts';
import { isVisibleTo, type InspectionViewer } from './inspection-access.ts';
import type { InspectionError } from './inspection-errors.ts';
import { canEditInspection, canReviewInspection } from './inspection-queries.ts';

interface LockedInspection {
  id: number;
  year: number;
  object_id: number;
  status: 'draft' | 'submitted' | 'returned' | 'published';
  responsible_department_id: number;
  deadline: string;
  window_from: string;
  window_to: string;
}

async function lockVisible(
  trx: Transaction<Database>,
  viewer: InspectionViewer,
  id: number,
): Promise<LockedInspection | null> {
  const row = await trx
    .selectFrom('inspections')
    .select([
      'id',
      'year',
      'object_id',
      'status',
      'responsible_department_id',
      'deadline',
      'window_from',
      'window_to',
    ])
    .where('id', '=', id)
    .where(isVisibleTo(viewer))
    .forUpdate()
    .executeTakeFirst();
  return row ?? null;
}

function checkTransition(
  inspection: LockedInspection,
  action: InspectionAction,
): Result<LockedInspection['status'], InspectionError> {
  const next = nextInspectionState(inspection.status, action);
  if (next === null) return err({ kind: 'wrong_state', id: inspection.id, status: inspection.status });
  return ok(next);
}

interface CheckedResult {
  taskId: number;
  matter: string;
  codes: string[];
  note: string;
  recognisedResultId: number | null;
}

/** The checklist entries of an input, checked against the inspection's tasks and matters and the recognition offers. */
async function checkResults(
  trx: Transaction<Database>,
  inspection: LockedInspection,
  input: InspectionSaveInput,
): Promise<Result<CheckedResult[], InspectionError>> {
  const tasks = await trx
    .selectFrom('inspection_tasks')
    .select(['task_id', 'task_code', 'matters', 'department_id'])
    .where('inspection_id', '=', inspection.id)
    .execute();
  const checked: CheckedResult[] = [];
  const seen = new Set<string>();
  for (const entry of input.results) {
    const task = tasks.find((t) => t.task_id === entry.taskId);
    if (task === undefined)
      return err({ kind: 'invalid', message: `本次检查不包含任务 ${String(entry.taskId)}` });
    if (!task.matters.includes(entry.matter)) {
      return err({ kind: 'invalid', message: `任务 ${task.task_code} 没有检查事项“${entry.matter}”` });
    }
    const key = `${String(entry.taskId)}/${entry.matter}`;
    if (seen.has(key)) return err({ kind: 'invalid', message: `检查事项“${entry.matter}”重复录入` });
    seen.add(key);
    let codes = entry.codes;
    const recognised = entry.recognisedResultId ?? null;
    if (recognised !== null) {
      // 结果互认: only another department's published result of this year for the same object and matter.
      const source = await trx
        .selectFrom('inspection_results as x')
        .innerJoin('inspections as j', 'j.id', 'x.inspection_id')
        .innerJoin('inspection_tasks as jt', (join) =>
          join.onRef('jt.inspection_id', '=', 'j.id').onRef('jt.task_id', '=', 'x.task_id'),
        )
        .select(['x.result_codes', 'jt.department_id'])
        .where('x.id', '=', recognised)
        .where('j.object_id', '=', inspection.object_id)
        .where('j.year', '=', inspection.year)
        .where('j.status', '=', 'published')
        .where('x.matter', '=', entry.matter)
        .executeTakeFirst();
      if (source === undefined || source.department_id === task.department_id) {
        return err({
          kind: 'invalid',
          message: `结果 ${String(recognised)} 不能采信：须为其他部门本年度已公示的同一事项结果`,
        });
      }
      codes = source.result_codes;
    }
    if (codes.length > 0) {
      const valid = checkResultCodes(codes);
      if (!valid.ok) {
        const e = valid.error;
        const message =
          e.kind === 'unknown'
            ? `未知的检查结果代码“${e.code}”`
            : e.kind === 'duplicate'
              ? `检查结果代码“${e.code}”重复`
              : e.kind === 'contradiction'
                ? e.message
                : '请选择检查结果';
        return err({ kind: 'invalid', message: `“${entry.matter}”：${message}` });
      }
      codes = valid.value;
    }
    checked.push({
      taskId: entry.taskId,
      matter: entry.matter,
      codes,
      note: (entry.note ?? '').slice(0, 2000),
      recognisedResultId: recognised,
    });
  }
  return ok(checked);
}

/** What a submission must hold: every matter answered, a method, an inspection date in the window and team rules. */
async function checkSubmission(
  trx: Transaction<Database>,
  inspection: LockedInspection,
  results: readonly CheckedResult[],
  method: string | null,
  inspectedOn: string | null,
  today: string,
): Promise<Result<null, InspectionError>> {
  const tasks = await trx
    .selectFrom('inspection_tasks')
    .select(['task_id', 'task_code', 'matters'])
    .where('inspection_id', '=', inspection.id)
    .execute();
  for (const t of tasks) {
    for (const matter of t.matters) {
      const r = results.find((x) => x.taskId === t.task_id && x.matter === matter);
      if (r === undefined || r.codes.length === 0) {
        return err({ kind: 'invalid', message: `请为任务 ${t.task_code} 的检查事项“${matter}”选择检查结果` });
      }
    }
  }
  if (method === null || method === '') return err({ kind: 'invalid', message: '请选择检查方式' });
  if (inspectedOn === null || inspectedOn === '') return err({ kind: 'invalid', message: '请填写检查日期' });
  const yearEnd = `${String(inspection.year)}-12-15`;
  if (inspectedOn > today) return err({ kind: 'invalid', message: `检查日期 ${inspectedOn} 晚于今天` });
  if (inspectedOn < `${String(inspection.year)}-01-01` || inspectedOn > yearEnd) {
    return err({
      kind: 'invalid',
      message: `检查日期须在 ${String(inspection.year)} 年内且不晚于 12 月 15 日`,
    });
  }
  const allRecognised = results.every((r) => r.recognisedResultId !== null);
  if (!allRecognised) {
    // ≥ 2 inspectors with a 执法证 valid on the inspection date (DOMAIN.md §3, 行政处罚法 Art. 42/55).
    const valid = await trx
      .selectFrom('inspection_members as m')
      .innerJoin('inspectors as p', 'p.id', 'm.inspector_id')
      .select('p.id')
      .where('m.inspection_id', '=', inspection.id)
      .where('p.certificate_expires_on', '>=', inspectedOn)
      .execute();
    if (valid.length < 2) {
      return err({
        kind: 'invalid',
        message: `检查日期 ${inspectedOn} 时检查组持有效执法证的人员不足 2 名，请核对检查日期或由部门调整检查组`,
      });
    }
  }
  return ok(null);
}

/**
 * Saves the team's entry (a draft) or submits it for review. Drafts may be incomplete; a submission must be complete
 * (see checkSubmission). `today` is the China date.
 */
export async function saveInspection(
  db: Kysely<Database>,
  actor: AuditActor,
  viewer: InspectionViewer,
  id: number,
  input: InspectionSaveInput,
  options: { submit: boolean; today: string },
): Promise<Result<{ status: LockedInspection['status'] }, InspectionError>> {
  if (input.method !== undefined && input.method !== null && !isInspectionMethod(input.method)) {
    return err({ kind: 'invalid', message: `未知的检查方式“${input.method}”` });
  }
  if (input.inspectedOn !== undefined && input.inspectedOn !== null && !parseIsoDate(input.inspectedOn).ok) {
    return err({ kind: 'invalid', message: `检查日期“${input.inspectedOn}”不是有效日期（YYYY-MM-DD）` });
  }
  return db.transaction().execute(async (trx) => {
    const inspection = await lockVisible(trx, viewer, id);
    if (inspection === null) return err({ kind: 'not_found', id });
    if (!(await canEditInspection(trx, viewer, id))) return err({ kind: 'not_on_team', id });
    const next = checkTransition(inspection, options.submit ? 'submit' : 'save');
    if (!next.ok) return next;
    const results = await checkResults(trx, inspection, input);
    if (!results.ok) return results;
    const current = await trx
      .selectFrom('inspections')
      .select(['method', 'inspected_on', 'findings'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const allRecognised =
      results.value.length > 0 && results.value.every((r) => r.recognisedResultId !== null);
    let method = input.method === undefined ? current.method : input.method;
    if (allRecognised) method = '采信其他部门结果';
    const inspectedOn = input.inspectedOn === undefined ? current.inspected_on : input.inspectedOn;
    const findings = (input.findings ?? current.findings).slice(0, 10000);
    if (options.submit) {
      const complete = await checkSubmission(
        trx,
        inspection,
        results.value,
        method,
        inspectedOn,
        options.today,
      );
      if (!complete.ok) return complete;
    }
    await trx.deleteFrom('inspection_results').where('inspection_id', '=', id).execute();
    const stored = results.value.filter((r) => r.codes.length > 0 || r.note !== '');
    if (stored.length > 0) {
      await trx
        .insertInto('inspection_results')
        .values(
          stored.map((r) => ({
            inspection_id: id,
            task_id: r.taskId,
            matter: r.matter,
            result_codes: JSON.stringify(r.codes),
            non_compliant: isNonCompliant(r.codes),
            note: r.note,
            recognised_result_id: r.recognisedResultId,
          })),
        )
        .execute();
    }
    await trx
      .updateTable('inspections')
      .set({
        method,
        inspected_on: inspectedOn,
        findings,
        draft_saved_at: new Date(),
        ...(options.submit
          ? { status: 'submitted' as const, submitted_at: new Date(), submitted_by: viewer.user.id }
          : {}),
      })
      .where('id', '=', id)
      .execute();
    if (options.submit) {
      await trx
        .insertInto('inspection_reviews')
        .values({ inspection_id: id, action: 'submit', reason: null, user_id: viewer.user.id })
        .execute();
    }
    await appendAudit(trx, actor, {
      action: options.submit ? 'inspection.submit' : 'inspection.save',
      entity: 'inspection',
      entityId: String(id),
      after: { method, inspectedOn, findings, results: stored },
    });
    return ok({ status: next.value });
  });
}

/**
 * The reviewer's decision: return with a reason (审核退回) or approve, which publishes (已公示) on `today`, records
 * whether the deadline was met and opens a follow-up case (后续处置) per task result with a problem found.
 */
export async function reviewInspection(
  db: Kysely<Database>,
  actor: AuditActor,
  viewer: InspectionViewer,
  id: number,
  decision: { action: 'return'; reason: string } | { action: 'approve' },
  today: string,
): Promise<
  Result<{ status: LockedInspection['status']; late: boolean | null; followUps: number }, InspectionError>
> {
  return db.transaction().execute(async (trx) => {
    const inspection = await lockVisible(trx, viewer, id);
    if (inspection === null) return err({ kind: 'not_found', id });
    if (!canReviewInspection(viewer, inspection.responsible_department_id))
      return err({ kind: 'not_reviewer', id });
    const next = checkTransition(inspection, decision.action);
    if (!next.ok) return next;
    if (decision.action === 'return') {
      const reason = decision.reason.trim();
      if (reason.length < 2) return err({ kind: 'invalid', message: '退回须写明理由' });
      await trx
        .updateTable('inspections')
        .set({ status: 'returned', return_reason: reason, reviewed_by: viewer.user.id })
        .where('id', '=', id)
        .execute();
      await trx
        .insertInto('inspection_reviews')
        .values({ inspection_id: id, action: 'return', reason, user_id: viewer.user.id })
        .execute();
      await appendAudit(trx, actor, {
        action: 'inspection.return',
        entity: 'inspection',
        entityId: String(id),
        after: { reason },
      });
      return ok({ status: next.value, late: null, followUps: 0 });
    }
    const late = today > inspection.deadline;
    // Follow-up cases first: the inspection row is final once published.
    const problems = await trx
      .selectFrom('inspection_results as r')
      .innerJoin('inspection_tasks as it', (join) =>
        join.onRef('it.inspection_id', '=', 'r.inspection_id').onRef('it.task_id', '=', 'r.task_id'),
      )
      .select(['r.task_id', 'it.department_id'])
      .distinct()
      .where('r.inspection_id', '=', id)
      .where('r.non_compliant', '=', true)
      .execute();
    if (problems.length > 0) {
      await trx
        .insertInto('follow_ups')
        .values(
          problems.map((p) => ({
            inspection_id: id,
            task_id: p.task_id,
            object_id: inspection.object_id,
            responsible_department_id: p.department_id,
          })),
        )
        .execute();
    }
    await trx
      .insertInto('inspection_reviews')
      .values({ inspection_id: id, action: 'approve', reason: null, user_id: viewer.user.id })
      .execute();
    await trx
      .updateTable('inspections')
      .set({
        status: 'published',
        reviewed_by: viewer.user.id,
        published_at: new Date(),
        published_on: today,
        late,
        return_reason: null,
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, actor, {
      action: 'inspection.publish',
      entity: 'inspection',
      entityId: String(id),
      after: { publishedOn: today, deadline: inspection.deadline, late, followUps: problems.length },
    });
    return ok({ status: next.value, late, followUps: problems.length });
  });
}

export type EvidenceType = 'image/jpeg' | 'image/png' | 'application/pdf';

/** Evidence files are at most 10 MB each. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** Adds an evidence file (photo or PDF, type checked by content by the caller) to an inspection being entered. */
export async function addEvidence(
  db: Kysely<Database>,
  actor: AuditActor,
  viewer: InspectionViewer,
  id: number,
  file: { fileName: string; mimeType: EvidenceType; bytes: Uint8Array; caption: string },
): Promise<Result<{ evidenceId: number; sha256: string }, InspectionError>> {
  return db.transaction().execute(async (trx) => {
    const inspection = await lockVisible(trx, viewer, id);
    if (inspection === null) return err({ kind: 'not_found', id });
    if (!(await canEditInspection(trx, viewer, id))) return err({ kind: 'not_on_team', id });
    const next = checkTransition(inspection, 'save');
    if (!next.ok) return next;
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const stored = await trx
      .insertInto('files')
      .values({
        file_name: file.fileName.slice(0, 200),
        mime_type: file.mimeType,
        size: file.bytes.length,
        sha256,
        content: file.bytes,
        uploaded_by: viewer.user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const evidence = await trx
      .insertInto('inspection_evidence')
      .values({
        inspection_id: id,
        file_id: stored.id,
        caption: file.caption.slice(0, 200),
        uploaded_by: viewer.user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, actor, {
      action: 'inspection.evidence',
      entity: 'inspection',
      entityId: String(id),
      after: { fileName: file.fileName, sha256, size: file.bytes.length, mimeType: file.mimeType },
    });
    return ok({ evidenceId: evidence.id, sha256 });
  });
}

/** An evidence file of a visible inspection, for download. */
export async function loadEvidenceFile(
  db: Kysely<Database>,
  viewer: InspectionViewer,
  inspectionId: number,
  evidenceId: number,
): Promise<{ fileName: string; mimeType: string; content: Uint8Array } | null> {
  const row = await db
    .selectFrom('inspection_evidence as e')
    .innerJoin('files as f', 'f.id', 'e.file_id')
    .innerJoin('inspections', 'inspections.id', 'e.inspection_id')
    .select(['f.file_name', 'f.mime_type', 'f.content'])
    .where('e.id', '=', evidenceId)
    .where('e.inspection_id', '=', inspectionId)
    .where(isVisibleTo(viewer))
    .executeTakeFirst();
  return row === undefined
    ? null
    : { fileName: row.file_name, mimeType: row.mime_type, content: row.content };
}
