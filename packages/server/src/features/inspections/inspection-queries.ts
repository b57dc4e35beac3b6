/**
 * Reading inspections: the lists (my inspections, due soonest first; a department's; the office's) and one
 * inspection with everything the team needs at the door: the object, its licences and earlier results, the tasks
 * and matters served, the team, the results so far, evidence, the review history and recognition offers
 * (结果互认, DOMAIN.md §3: another department's published result this year for the same object and matter).
 */
import { sql, type Kysely } from 'kysely';
import { describeDeadline, type WorkCalendar } from '@ssj/core';
import type {
  InspectionDto,
  InspectionListItemDto,
  InspectionStateDto,
  InspectionTaskRefDto,
} from '../../api-types.ts';
import type { Database } from '../../db/schema.ts';
import { isVisibleTo, type InspectionViewer } from './inspection-access.ts';

export interface InspectionFilter {
  readonly year?: number | undefined;
  readonly status?: InspectionStateDto | undefined;
  /** `overdue`: not published, deadline passed; `due`: not published, deadline within 5 days or passed. */
  readonly urgency?: 'overdue' | 'due' | undefined;
  readonly regionCode?: string | undefined;
  readonly departmentId?: number | undefined;
  readonly taskCode?: string | undefined;
  readonly search?: string | undefined;
  readonly offset?: number | undefined;
  readonly limit?: number | undefined;
}

function baseQuery(db: Kysely<Database>, viewer: InspectionViewer, filter: InspectionFilter, today: string) {
  let q = db
    .selectFrom('inspections')
    .innerJoin('objects as o', 'o.id', 'inspections.object_id')
    .where(isVisibleTo(viewer));
  if (filter.year !== undefined) q = q.where('inspections.year', '=', filter.year);
  if (filter.status !== undefined) q = q.where('inspections.status', '=', filter.status);
  if (filter.regionCode !== undefined) q = q.where('inspections.region_code', '=', filter.regionCode);
  if (filter.departmentId !== undefined) {
    const department = filter.departmentId;
    q = q.where((eb) =>
      eb.or([
        eb('inspections.responsible_department_id', '=', department),
        eb.exists(
          eb
            .selectFrom('inspection_tasks as f')
            .select('f.inspection_id')
            .whereRef('f.inspection_id', '=', 'inspections.id')
            .where('f.department_id', '=', department),
        ),
      ]),
    );
  }
  if (filter.taskCode !== undefined) {
    const code = filter.taskCode;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('inspection_tasks as g')
          .select('g.inspection_id')
          .whereRef('g.inspection_id', '=', 'inspections.id')
          .where('g.task_code', '=', code),
      ),
    );
  }
  if (filter.urgency === 'overdue') {
    q = q.where('inspections.status', '!=', 'published').where('inspections.deadline', '<', today);
  }
  if (filter.urgency === 'due') {
    q = q
      .where('inspections.status', '!=', 'published')
      .where('inspections.deadline', '<=', sql<string>`to_char(${today}::date + 7, 'YYYY-MM-DD')`);
  }
  if (filter.search !== undefined && filter.search.trim() !== '') {
    const text = `%${filter.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('o.name', 'like', text), eb('inspections.canonical_id', 'like', text)]));
  }
  return q;
}

/** A page of visible inspections, unpublished ones by deadline first (due soonest first), then published ones. */
export async function listInspections(
  db: Kysely<Database>,
  cal: WorkCalendar,
  viewer: InspectionViewer,
  filter: InspectionFilter,
  today: string,
): Promise<{ inspections: InspectionListItemDto[]; total: number }> {
  const count = await baseQuery(db, viewer, filter, today)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await baseQuery(db, viewer, filter, today)
    .innerJoin('regions as r', 'r.code', 'inspections.region_code')
    .innerJoin('departments as d', 'd.id', 'inspections.responsible_department_id')
    .select([
      'inspections.id',
      'inspections.year',
      'o.name as object_name',
      'o.address',
      'inspections.canonical_id',
      'inspections.region_code',
      'r.name as region_name',
      'inspections.status',
      'd.name as department_name',
      'inspections.window_from',
      'inspections.window_to',
      'inspections.deadline',
      'inspections.deadline_warning',
      'inspections.published_on',
    ])
    .orderBy(sql`case when inspections.status = 'published' then 1 else 0 end`)
    .orderBy('inspections.deadline')
    .orderBy('inspections.id')
    .offset(filter.offset ?? 0)
    .limit(Math.min(filter.limit ?? 50, 500))
    .execute();
  const tasks = await loadTaskRefs(
    db,
    rows.map((r) => r.id),
  );
  return {
    total: Number(count.n),
    inspections: rows.map((r) => ({
      id: r.id,
      year: r.year,
      objectName: r.object_name,
      canonicalId: r.canonical_id,
      regionCode: r.region_code,
      regionName: r.region_name,
      address: r.address,
      status: r.status,
      responsibleDepartmentName: r.department_name,
      tasks: tasks.get(r.id) ?? [],
      windowFrom: r.window_from,
      windowTo: r.window_to,
      deadline: r.deadline,
      deadlineWarning: r.deadline_warning,
      deadlineStatus: describeDeadline(cal, r.deadline, today, r.published_on),
      publishedOn: r.published_on,
    })),
  };
}

/** The task batches each inspection serves. */
export async function loadTaskRefs(
  db: Kysely<Database>,
  inspectionIds: readonly number[],
): Promise<Map<number, InspectionTaskRefDto[]>> {
  const result = new Map<number, InspectionTaskRefDto[]>();
  if (inspectionIds.length === 0) return result;
  const rows = await db
    .selectFrom('inspection_tasks as it')
    .innerJoin('tasks as t', 't.id', 'it.task_id')
    .innerJoin('departments as d', 'd.id', 'it.department_id')
    .select([
      'it.inspection_id',
      'it.task_id',
      'it.task_code',
      't.name',
      'it.batch',
      'd.name as department_name',
      'it.matters',
      'it.deadline',
    ])
    .where(
      'it.inspection_id',
      'in',
      sql<number>`(select (jsonb_array_elements_text(${JSON.stringify(inspectionIds)}::jsonb))::integer)`,
    )
    .orderBy('it.task_code')
    .execute();
  for (const r of rows) {
    const list = result.get(r.inspection_id) ?? [];
    list.push({
      taskId: r.task_id,
      code: r.task_code,
      name: r.name,
      batch: r.batch,
      departmentName: r.department_name,
      matters: r.matters,
      deadline: r.deadline,
    });
    result.set(r.inspection_id, list);
  }
  return result;
}

/** Whether the viewer may enter results: on the team (an inspector) or an admin of a department on the team. */
export async function canEditInspection(
  db: Kysely<Database>,
  viewer: InspectionViewer,
  inspectionId: number,
): Promise<boolean> {
  const { user } = viewer;
  if (user.role === 'inspector') {
    if (viewer.inspectorId === null) return false;
    const row = await db
      .selectFrom('inspection_members')
      .select('inspection_id')
      .where('inspection_id', '=', inspectionId)
      .where('inspector_id', '=', viewer.inspectorId)
      .executeTakeFirst();
    return row !== undefined;
  }
  if (user.role === 'department_admin' && user.departmentId !== null) {
    const row = await db
      .selectFrom('inspection_members')
      .select('inspection_id')
      .where('inspection_id', '=', inspectionId)
      .where('department_id', '=', user.departmentId)
      .executeTakeFirst();
    return row !== undefined;
  }
  return false;
}

/** Whether the viewer reviews this inspection: an admin of the responsible department (谁审批谁负责). */
export function canReviewInspection(viewer: InspectionViewer, responsibleDepartmentId: number): boolean {
  return viewer.user.role === 'department_admin' && viewer.user.departmentId === responsibleDepartmentId;
}

/** One inspection as the viewer may see it, or null when it does not exist or is not visible. */
export async function loadInspection(
  db: Kysely<Database>,
  cal: WorkCalendar,
  viewer: InspectionViewer,
  id: number,
  today: string,
): Promise<InspectionDto | null> {
  const listed = await db
    .selectFrom('inspections')
    .select('id')
    .where('id', '=', id)
    .where(isVisibleTo(viewer))
    .executeTakeFirst();
  if (listed === undefined) return null;
  const row = await db
    .selectFrom('inspections as i')
    .innerJoin('objects as o', 'o.id', 'i.object_id')
    .innerJoin('regions as r', 'r.code', 'i.region_code')
    .innerJoin('departments as d', 'd.id', 'i.responsible_department_id')
    .select([
      'i.id',
      'i.year',
      'i.object_id',
      'i.canonical_id',
      'i.region_code',
      'r.name as region_name',
      'i.status',
      'i.responsible_department_id',
      'd.name as department_name',
      'i.window_from',
      'i.window_to',
      'i.deadline',
      'i.deadline_warning',
      'i.published_on',
      'i.method',
      'i.inspected_on',
      'i.findings',
      'i.return_reason',
      'o.name as object_name',
      'o.address',
      'o.uscc',
      'o.reg_no',
      'o.kind',
      'o.legal_representative',
      'o.status as object_status',
      'o.registered_capital',
      'o.established_on',
      'o.business_scope',
    ])
    .where('i.id', '=', id)
    .executeTakeFirstOrThrow();
  // Independent reads, sent together: one wait for the slowest instead of one per read (a busy server pays a turn
  // of its event loop for each).
  const [taskRefs, licences, team, results, evidence, reviews, history] = await Promise.all([
    loadTaskRefs(db, [id]),
    db
      .selectFrom('object_licences')
      .select(['name', 'number', 'expires_on'])
      .where('object_id', '=', row.object_id)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('inspection_members as m')
      .innerJoin('inspectors as p', 'p.id', 'm.inspector_id')
      .innerJoin('departments as d', 'd.id', 'm.department_id')
      .select(['p.id', 'p.code', 'p.name', 'd.name as department_name', 'p.certificate_expires_on'])
      .where('m.inspection_id', '=', id)
      .orderBy('d.name')
      .orderBy('p.code')
      .execute(),
    db
      .selectFrom('inspection_results')
      .select(['id', 'task_id', 'matter', 'result_codes', 'note', 'recognised_result_id'])
      .where('inspection_id', '=', id)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('inspection_evidence as e')
      .innerJoin('files as f', 'f.id', 'e.file_id')
      .select(['e.id', 'f.file_name', 'f.mime_type', 'f.size', 'f.sha256', 'e.caption', 'e.at'])
      .where('e.inspection_id', '=', id)
      .orderBy('e.id')
      .execute(),
    db
      .selectFrom('inspection_reviews as v')
      .leftJoin('users as u', 'u.id', 'v.user_id')
      .select(['v.action', 'v.reason', 'u.display_name', 'v.at'])
      .where('v.inspection_id', '=', id)
      .orderBy('v.id')
      .execute(),
    db
      .selectFrom('inspection_results as x')
      .innerJoin('inspections as j', 'j.id', 'x.inspection_id')
      .innerJoin('tasks as t', 't.id', 'x.task_id')
      .select(['j.id', 'j.published_on', 't.code', 'x.matter', 'x.result_codes'])
      .where('j.object_id', '=', row.object_id)
      .where('j.status', '=', 'published')
      .where('j.id', '!=', id)
      .orderBy('j.published_on', 'desc')
      .limit(50)
      .execute(),
  ]);
  const tasks = taskRefs.get(id) ?? [];
  const matters = [...new Set(tasks.flatMap((t) => t.matters))];
  const offers =
    row.status === 'published' || matters.length === 0
      ? []
      : await db
          .selectFrom('inspection_results as x')
          .innerJoin('inspections as j', 'j.id', 'x.inspection_id')
          .innerJoin('inspection_tasks as jt', (join) =>
            join.onRef('jt.inspection_id', '=', 'j.id').onRef('jt.task_id', '=', 'x.task_id'),
          )
          .innerJoin('departments as d', 'd.id', 'jt.department_id')
          .select([
            'x.id',
            'x.matter',
            'x.result_codes',
            'd.name',
            'jt.department_id',
            'jt.task_code',
            'j.published_on',
          ])
          .where('j.object_id', '=', row.object_id)
          .where('j.year', '=', row.year)
          .where('j.status', '=', 'published')
          .where('j.id', '!=', id)
          .where('x.recognised_result_id', 'is', null)
          .where('x.matter', 'in', matters)
          .orderBy('x.id')
          .execute();
  const recognitionOffers = tasks.flatMap((t) =>
    offers
      .filter((o) => t.matters.includes(o.matter) && o.name !== t.departmentName)
      .map((o) => ({
        taskId: t.taskId,
        matter: o.matter,
        resultId: o.id,
        departmentName: o.name,
        taskCode: o.task_code,
        codes: o.result_codes,
        publishedOn: o.published_on ?? '',
      })),
  );
  return {
    id: row.id,
    year: row.year,
    objectName: row.object_name,
    canonicalId: row.canonical_id,
    regionCode: row.region_code,
    regionName: row.region_name,
    address: row.address,
    status: row.status,
    responsibleDepartmentName: row.department_name,
    tasks,
    windowFrom: row.window_from,
    windowTo: row.window_to,
    deadline: row.deadline,
    deadlineWarning: row.deadline_warning,
    deadlineStatus: describeDeadline(cal, row.deadline, today, row.published_on),
    publishedOn: row.published_on,
    object: {
      uscc: row.uscc,
      regNo: row.reg_no,
      kind: row.kind,
      legalRepresentative: row.legal_representative,
      status: row.object_status,
      registeredCapital: row.registered_capital,
      establishedOn: row.established_on,
      businessScope: row.business_scope,
      licences: licences.map((l) => ({ name: l.name, number: l.number, expiresOn: l.expires_on })),
    },
    team: team.map((t) => ({
      inspectorId: t.id,
      code: t.code,
      name: t.name,
      departmentName: t.department_name,
      certificateExpiresOn: t.certificate_expires_on,
    })),
    method: row.method,
    inspectedOn: row.inspected_on,
    findings: row.findings,
    results: results.map((r) => ({
      id: r.id,
      taskId: r.task_id,
      matter: r.matter,
      codes: r.result_codes,
      note: r.note,
      recognisedResultId: r.recognised_result_id,
    })),
    evidence: evidence.map((e) => ({
      id: e.id,
      fileName: e.file_name,
      mimeType: e.mime_type,
      size: e.size,
      sha256: e.sha256,
      caption: e.caption,
      at: e.at.toISOString(),
    })),
    reviews: reviews.map((v) => ({
      action: v.action,
      reason: v.reason,
      by: v.display_name ?? '',
      at: v.at.toISOString(),
    })),
    returnReason: row.return_reason,
    recognitionOffers,
    history: history.map((h) => ({
      inspectionId: h.id,
      publishedOn: h.published_on ?? '',
      taskCode: h.code,
      matter: h.matter,
      codes: h.result_codes,
    })),
    canEdit:
      (row.status === 'draft' || row.status === 'returned') && (await canEditInspection(db, viewer, id)),
    canReview: row.status === 'submitted' && canReviewInspection(viewer, row.responsible_department_id),
  };
}
