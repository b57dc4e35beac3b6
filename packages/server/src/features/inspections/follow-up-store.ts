/**
 * Follow-up cases (后续处置, DOMAIN.md §5): opened on publication for each task result with a problem found, handled
 * by the responsible department (谁审批谁负责、谁主管谁监管), closed with a date and outcome, then public. A closed case
 * with a serious outcome (吊销, 移送司法机关, 列入经营异常名录, 严重违法失信) raises the object to class D for later
 * draws, with the reason recorded in the object's sealed risk history.
 */
import { sql, type Kysely } from 'kysely';
import {
  CITY_REGION_CODE,
  err,
  findSeriousMarks,
  isFollowUpType,
  ok,
  parseIsoDate,
  type Result,
} from '@ssj/core';
import type { FollowUpDto, SessionUserDto } from '../../api-types.ts';
import { appendAudit, type AuditActor } from '../../audit/audit-log.ts';
import type { Database } from '../../db/schema.ts';
import type { InspectionError } from './inspection-errors.ts';

function followUpQuery(db: Kysely<Database>) {
  return db
    .selectFrom('follow_ups as f')
    .innerJoin('inspections as i', 'i.id', 'f.inspection_id')
    .innerJoin('objects as o', 'o.id', 'f.object_id')
    .innerJoin('regions as r', 'r.code', 'i.region_code')
    .innerJoin('tasks as t', 't.id', 'f.task_id')
    .innerJoin('departments as d', 'd.id', 'f.responsible_department_id')
    .select((eb) => [
      'f.id',
      'f.inspection_id',
      'o.name as object_name',
      'i.canonical_id',
      'r.name as region_name',
      't.code as task_code',
      't.name as task_name',
      'd.name as department_name',
      'f.type',
      'f.state',
      'f.closed_on',
      'f.outcome',
      'f.serious_marks',
      'i.region_code',
      'f.responsible_department_id',
      eb
        .selectFrom('inspection_results as x')
        .select(sql<string[]>`coalesce(jsonb_agg(distinct c.value), '[]'::jsonb)`.as('codes'))
        .innerJoin(sql<{ value: string }>`jsonb_array_elements_text(x.result_codes)`.as('c'), (j) =>
          j.onTrue(),
        )
        .whereRef('x.inspection_id', '=', 'f.inspection_id')
        .whereRef('x.task_id', '=', 'f.task_id')
        .as('codes'),
    ]);
}

type FollowUpRow = Awaited<ReturnType<ReturnType<typeof followUpQuery>['execute']>>[number];

function toDto(r: FollowUpRow): FollowUpDto {
  return {
    id: r.id,
    inspectionId: r.inspection_id,
    objectName: r.object_name,
    canonicalId: r.canonical_id,
    regionName: r.region_name,
    taskCode: r.task_code,
    taskName: r.task_name,
    departmentName: r.department_name,
    codes: r.codes ?? [],
    type: r.type,
    state: r.state,
    closedOn: r.closed_on,
    outcome: r.outcome,
    seriousMarks: r.serious_marks,
    publishedOn: r.state === 'closed' ? r.closed_on : null,
  };
}

/** Follow-up cases a staff user sees: the office and auditors by region, a department its own, inspectors none. */
export async function listFollowUps(
  db: Kysely<Database>,
  user: SessionUserDto,
  filter: { year?: number | undefined; state?: 'open' | 'closed' | undefined },
): Promise<FollowUpDto[]> {
  let q = followUpQuery(db);
  if (filter.year !== undefined) q = q.where('i.year', '=', filter.year);
  if (filter.state !== undefined) q = q.where('f.state', '=', filter.state);
  if (user.role === 'department_admin')
    q = q.where('f.responsible_department_id', '=', user.departmentId ?? -1);
  else if (user.role === 'inspector') return [];
  else if (user.regionCode !== CITY_REGION_CODE) q = q.where('i.region_code', '=', user.regionCode);
  const rows = await q.orderBy('f.state', 'desc').orderBy('f.id').limit(2000).execute();
  return rows.map(toDto);
}

/** Closed follow-up cases for the public portal (outcomes are published once a case is closed). */
export async function listPublicFollowUps(
  db: Kysely<Database>,
  filter: { year?: number | undefined; search?: string | undefined; limit: number; offset: number },
): Promise<FollowUpDto[]> {
  let q = followUpQuery(db).where('f.state', '=', 'closed');
  if (filter.year !== undefined) q = q.where('i.year', '=', filter.year);
  if (filter.search !== undefined && filter.search.trim() !== '') {
    const text = `%${filter.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('o.name', 'like', text), eb('i.canonical_id', 'like', text)]));
  }
  const rows = await q
    .orderBy('f.closed_on', 'desc')
    .orderBy('f.id')
    .offset(filter.offset)
    .limit(filter.limit)
    .execute();
  return rows.map(toDto);
}

/**
 * Updates a case (type, outcome) and optionally closes it on `closedOn`. Only an admin of the responsible department
 * or the office acts on it; a closed case is final.
 */
export async function updateFollowUp(
  db: Kysely<Database>,
  actor: AuditActor,
  user: SessionUserDto,
  id: number,
  input: { type?: string | undefined; outcome?: string | undefined; closedOn?: string | undefined },
): Promise<Result<FollowUpDto, InspectionError>> {
  if (input.type !== undefined && !isFollowUpType(input.type)) {
    return err({ kind: 'invalid', message: `未知的后续处置类型“${input.type}”` });
  }
  if (input.closedOn !== undefined && !parseIsoDate(input.closedOn).ok) {
    return err({ kind: 'invalid', message: `完结日期“${input.closedOn}”不是有效日期` });
  }
  const done = await db.transaction().execute(async (trx): Promise<Result<null, InspectionError>> => {
    const row = await trx
      .selectFrom('follow_ups as f')
      .innerJoin('inspections as i', 'i.id', 'f.inspection_id')
      .select([
        'f.id',
        'f.state',
        'f.type',
        'f.outcome',
        'f.object_id',
        'f.responsible_department_id',
        'i.region_code',
      ])
      .where('f.id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (row === undefined) return err({ kind: 'not_found', id });
    const allowed =
      (user.role === 'department_admin' && user.departmentId === row.responsible_department_id) ||
      (user.role === 'office_admin' &&
        (user.regionCode === CITY_REGION_CODE || user.regionCode === row.region_code));
    if (!allowed) return err({ kind: 'not_reviewer', id });
    if (row.state === 'closed')
      return err({ kind: 'invalid', message: `后续处置 ${String(id)} 已完结，不能再修改` });
    const type = input.type ?? row.type;
    const outcome = (input.outcome ?? row.outcome).slice(0, 4000);
    if (input.closedOn !== undefined && (type === null || outcome.trim() === '')) {
      return err({ kind: 'invalid', message: '完结前请选择处置类型并填写处置结果' });
    }
    const marks = input.closedOn !== undefined && type !== null ? findSeriousMarks(type, outcome) : [];
    await trx
      .updateTable('follow_ups')
      .set({
        type,
        outcome,
        ...(input.closedOn !== undefined
          ? {
              state: 'closed' as const,
              closed_on: input.closedOn,
              closed_by: user.id,
              serious_marks: JSON.stringify(marks),
            }
          : {}),
      })
      .where('id', '=', id)
      .execute();
    if (marks.length > 0 && input.closedOn !== undefined) {
      const reason = `后续处置 ${String(id)}：${marks.join('、')}`;
      await trx
        .insertInto('object_risk_history')
        .values({
          object_id: row.object_id,
          class: 'D',
          on: input.closedOn,
          source: `follow-up:${String(id)}`,
          reason,
        })
        .execute();
      await trx.updateTable('objects').set({ risk_class: 'D' }).where('id', '=', row.object_id).execute();
    }
    await appendAudit(trx, actor, {
      action: input.closedOn !== undefined ? 'follow_up.close' : 'follow_up.update',
      entity: 'follow_up',
      entityId: String(id),
      before: { type: row.type, outcome: row.outcome },
      after: { type, outcome, closedOn: input.closedOn ?? null, serious: marks },
    });
    return ok(null);
  });
  if (!done.ok) return done;
  const fresh = await followUpQuery(db).where('f.id', '=', id).executeTakeFirstOrThrow();
  return ok(toDto(fresh));
}
