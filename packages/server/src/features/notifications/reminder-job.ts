/**
 * The daily reminder job (issue "Inspections, results and publication": in-app reminders and a daily digest per
 * department). For a China date `today` it writes notifications about every unpublished inspection whose window has
 * begun:
 * - `window_open`: the inspection window begins today;
 * - `deadline_near`: {@link NEAR_WORKING_DAYS} working days or fewer left before the publication deadline;
 * - `deadline_due`: today is the deadline (yellow card, DOMAIN.md §5);
 * - `overdue`: the deadline has passed (red card);
 * - `year_end`: not yet inspected and December 15, the year's hard end for inspections, is
 *   {@link YEAR_END_WORKING_DAYS} working days away or fewer;
 * each to the inspector accounts of the team (users.inspector_id) and to the responsible department (a department
 * notification its admins share), once per inspection, kind and recipient; and `digest`: one summary per department
 * per day with its counts. Working days follow the work calendar with 调休 (DOMAIN.md §3).
 *
 * Idempotent: every notification has a dedupe key and is inserted with `on conflict do nothing`, so running the job
 * again the same day (hourly by the server, or `ssj reminders run`) adds nothing twice. One transaction per run,
 * audited when it created anything.
 */
import { sql, type Kysely } from 'kysely';
import { countWorkingDaysBetween, describeDeadline, YEAR_END_MONTH_DAY, type WorkCalendar } from '@ssj/core';
import { appendAudit, SYSTEM_ACTOR, type AuditActor } from '../../audit/audit-log.ts';
import type { Database } from '../../db/schema.ts';
import { loadWorkCalendar } from '../calendar/calendar-store.ts';

/** Deadlines this many working days away or fewer count as near. */
export const NEAR_WORKING_DAYS = 5;
/** The reminder before the year's hard end comes this many working days before December 15 or fewer. */
export const YEAR_END_WORKING_DAYS = 10;

export type ReminderKind = 'window_open' | 'deadline_near' | 'deadline_due' | 'overdue' | 'year_end';

export interface ReminderSummary {
  readonly today: string;
  /** Notifications written by this run (0 when run again the same day). */
  readonly created: number;
  readonly byKind: Readonly<Record<ReminderKind | 'digest', number>>;
}

interface OpenInspection {
  readonly id: number;
  readonly year: number;
  readonly status: 'draft' | 'submitted' | 'returned' | 'published';
  readonly window_from: string;
  readonly window_to: string;
  readonly deadline: string;
  readonly responsible_department_id: number;
  readonly object_name: string;
}

interface Reminder {
  readonly kind: ReminderKind;
  readonly inspection: OpenInspection;
  readonly message: string;
}

interface NewNotification {
  readonly user_id: number | null;
  readonly department_id: number | null;
  readonly kind: string;
  readonly inspection_id: number | null;
  readonly message: string;
  readonly link: string | null;
  readonly dedupe_key: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The reminders one inspection gives on `today` (none when nothing is due). */
export function listInspectionReminders(
  cal: WorkCalendar,
  inspection: OpenInspection,
  today: string,
  taskCodes: readonly string[],
): Reminder[] {
  const reminders: Reminder[] = [];
  const what = `${inspection.object_name}（${taskCodes.join('、')}）`;
  if (inspection.window_from === today) {
    reminders.push({
      kind: 'window_open',
      inspection,
      message: `检查期今日开始：${what}，检查期 ${inspection.window_from} 至 ${inspection.window_to}，结果公示期限 ${inspection.deadline}`,
    });
  }
  const status = describeDeadline(cal, inspection.deadline, today, null);
  switch (status.kind) {
    case 'open':
      if (status.workingDaysLeft <= NEAR_WORKING_DAYS) {
        reminders.push({
          kind: 'deadline_near',
          inspection,
          message: `临近公示期限：${what} 的检查结果须于 ${inspection.deadline} 前公示，还剩 ${String(status.workingDaysLeft)} 个工作日`,
        });
      }
      break;
    case 'due':
      reminders.push({
        kind: 'deadline_due',
        inspection,
        message: `今日到期（黄牌）：${what} 的检查结果须于今日（${inspection.deadline}）公示`,
      });
      break;
    case 'overdue':
      reminders.push({
        kind: 'overdue',
        inspection,
        message: `已逾期（红牌）：${what} 的检查结果公示期限为 ${inspection.deadline}，已逾期 ${String(status.workingDaysLate)} 个工作日`,
      });
      break;
    case 'met':
    case 'late':
      break;
  }
  const yearEnd = `${String(inspection.year)}-${YEAR_END_MONTH_DAY}`;
  const notInspected = inspection.status === 'draft' || inspection.status === 'returned';
  if (
    notInspected &&
    today.slice(0, 4) === String(inspection.year) &&
    today <= yearEnd &&
    countWorkingDaysBetween(cal, today, yearEnd).count <= YEAR_END_WORKING_DAYS
  ) {
    reminders.push({
      kind: 'year_end',
      inspection,
      message: `年度检查截止日（${yearEnd}）临近：${what} 尚未完成检查和结果录入，须在 ${yearEnd} 前完成`,
    });
  }
  return reminders;
}

interface DepartmentCounts {
  window_open: number;
  deadline_near: number;
  deadline_due: number;
  overdue: number;
  year_end: number;
  submitted: number;
}

function describeDigest(today: string, c: DepartmentCounts): string {
  const parts = [
    `今日开始检查 ${String(c.window_open)} 户`,
    `临近公示期限 ${String(c.deadline_near)} 户`,
    `今日到期 ${String(c.deadline_due)} 户`,
    `已逾期 ${String(c.overdue)} 户`,
    `待审核 ${String(c.submitted)} 户`,
    `年度截止前未完成 ${String(c.year_end)} 户`,
  ];
  return `${today} 本部门检查提醒汇总：${parts.join('，')}`;
}

async function loadOpenInspections(db: Kysely<Database>, today: string): Promise<OpenInspection[]> {
  return db
    .selectFrom('inspections as i')
    .innerJoin('objects as o', 'o.id', 'i.object_id')
    .select([
      'i.id',
      'i.year',
      'i.status',
      'i.window_from',
      'i.window_to',
      'i.deadline',
      'i.responsible_department_id',
      'o.name as object_name',
    ])
    .where('i.status', '!=', 'published')
    .where('i.window_from', '<=', today)
    .orderBy('i.id')
    .execute();
}

async function loadTaskCodes(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, string[]>> {
  const codes = new Map<number, string[]>();
  if (ids.length === 0) return codes;
  const rows = await db
    .selectFrom('inspection_tasks')
    .select(['inspection_id', 'task_code'])
    .where(
      'inspection_id',
      'in',
      sql<number>`(select (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::integer)`,
    )
    .orderBy('task_code')
    .execute();
  for (const r of rows) codes.set(r.inspection_id, [...(codes.get(r.inspection_id) ?? []), r.task_code]);
  return codes;
}

/** The active accounts linked to the register entries on each inspection's team. */
async function loadTeamAccounts(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<Map<number, number[]>> {
  const accounts = new Map<number, number[]>();
  if (ids.length === 0) return accounts;
  const rows = await db
    .selectFrom('inspection_members as m')
    .innerJoin('users as u', 'u.inspector_id', 'm.inspector_id')
    .select(['m.inspection_id', 'u.id'])
    .where('u.active', '=', true)
    .where(
      'm.inspection_id',
      'in',
      sql<number>`(select (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::integer)`,
    )
    .orderBy('u.id')
    .execute();
  for (const r of rows) accounts.set(r.inspection_id, [...(accounts.get(r.inspection_id) ?? []), r.id]);
  return accounts;
}

const INSERT_CHUNK = 1000;

/** Runs the reminder job for `today` (a China date, YYYY-MM-DD); see the module comment. */
export async function runReminderJob(
  db: Kysely<Database>,
  today: string,
  actor: AuditActor = SYSTEM_ACTOR,
): Promise<ReminderSummary> {
  if (!DATE.test(today)) throw new Error(`ssj reminders: not a date: ${today}`);
  const cal = await loadWorkCalendar(db);
  const open = await loadOpenInspections(db, today);
  const codes = await loadTaskCodes(
    db,
    open.map((i) => i.id),
  );
  const reminders = open.flatMap((i) => listInspectionReminders(cal, i, today, codes.get(i.id) ?? []));
  const accounts = await loadTeamAccounts(db, [...new Set(reminders.map((r) => r.inspection.id))]);

  const rows: NewNotification[] = [];
  for (const r of reminders) {
    const id = r.inspection.id;
    const link = `/app/inspections/${String(id)}`;
    for (const userId of accounts.get(id) ?? []) {
      rows.push({
        user_id: userId,
        department_id: null,
        kind: r.kind,
        inspection_id: id,
        message: r.message,
        link,
        dedupe_key: `${r.kind}:${String(id)}:u${String(userId)}`,
      });
    }
    const department = r.inspection.responsible_department_id;
    rows.push({
      user_id: null,
      department_id: department,
      kind: r.kind,
      inspection_id: id,
      message: r.message,
      link,
      dedupe_key: `${r.kind}:${String(id)}:d${String(department)}`,
    });
  }

  const counts = new Map<number, DepartmentCounts>();
  const countsOf = (department: number): DepartmentCounts => {
    const found = counts.get(department);
    if (found !== undefined) return found;
    const fresh = {
      window_open: 0,
      deadline_near: 0,
      deadline_due: 0,
      overdue: 0,
      year_end: 0,
      submitted: 0,
    };
    counts.set(department, fresh);
    return fresh;
  };
  for (const r of reminders) countsOf(r.inspection.responsible_department_id)[r.kind] += 1;
  for (const i of open) if (i.status === 'submitted') countsOf(i.responsible_department_id).submitted += 1;
  for (const [department, c] of [...counts].sort(([a], [b]) => a - b)) {
    rows.push({
      user_id: null,
      department_id: department,
      kind: 'digest',
      inspection_id: null,
      message: describeDigest(today, c),
      link: '/app/inspections',
      dedupe_key: `digest:d${String(department)}:${today}`,
    });
  }

  const byKind = { window_open: 0, deadline_near: 0, deadline_due: 0, overdue: 0, year_end: 0, digest: 0 };
  await db.transaction().execute(async (trx) => {
    // One run at a time (the server's timer and the CLI may meet); the dedupe keys do the rest.
    await sql`select pg_advisory_xact_lock(7262024)`.execute(trx);
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      const inserted = await trx
        .insertInto('notifications')
        .values(rows.slice(start, start + INSERT_CHUNK))
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .returning('kind')
        .execute();
      for (const n of inserted) byKind[n.kind as keyof typeof byKind] += 1;
    }
    const created = Object.values(byKind).reduce((a, b) => a + b, 0);
    if (created > 0) {
      await appendAudit(trx, actor, {
        action: 'reminders.run',
        entity: 'notifications',
        entityId: today,
        after: { today, created, byKind },
      });
    }
  });
  return { today, created: Object.values(byKind).reduce((a, b) => a + b, 0), byKind };
}
