import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeNextDate, estimateStratifiedShareFromCounts, readDocxGrid } from '@ssj/core';
import type {
  AssessmentDto,
  BulletinDto,
  BurdenDto,
  EstimatesDto,
  ProgressReportDto,
  ProgressUnitPageDto,
} from '../../api-types.ts';
import { SYSTEM_ACTOR, verifyAuditChain } from '../../audit/audit-log.ts';
import { createTestApp, logInAs, type LoggedIn, type TestApp } from '../../testing/test-app.ts';
import { freezeDrawSession } from '../draws/freeze-session.ts';
import { publishDrawSession } from '../draws/publish-session.ts';
import { enterSessionSeed } from '../draws/seed-session.ts';
import { dispatchPublishedDraws } from '../inspections/dispatch-inspections.ts';
import { formatChinaDate } from '../calendar/calendar-store.ts';
import { generateMonthlyBulletinIfDue } from './bulletin-store.ts';
import { startMonthlyBulletinSchedule } from './monthly-bulletin-schedule.ts';

const PASSWORD = 'Demo2023ssj';

async function loadWorkbook(workbook: ExcelJS.Workbook, bytes: Uint8Array): Promise<void> {
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
}
/** A 2023 day inside the simulated timeline: some results are published after it, some before. */
const MID_YEAR = '2023-10-31';

/**
 * Oversight on a year built the way the simulation builds one: real draws dispatched as inspections, then a
 * timeline written straight to the rows (published on time, late, submitted, returned, started, untouched), plus
 * one result entered and approved through the API today. Every figure the API shows is recomputed here with
 * independent SQL over the rows.
 */
describe('oversight: progress, drill-down, exports, bulletins, assessment, estimates, burden', () => {
  let t: TestApp;
  let office: LoggedIn;
  let zezhou: LoggedIn;
  let auditor: LoggedIn;
  let zezhouDepartment = 0;
  let yesterday = '';
  let today = '';
  /** Task results of the visit entered through the API today (0 when the demo inspector had none left). */
  let enteredToday = 0;

  const get = async (who: LoggedIn, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  const send = async (who: LoggedIn, method: 'POST' | 'PUT', url: string, payload: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken },
      payload: payload as Record<string, unknown>,
    });

  /** Independent recount of the headline figures as of the end of `asOf` (DOMAIN.md §5). */
  async function recount(asOf: string, departmentId: number | null) {
    const next = computeNextDate(asOf);
    const dept = departmentId === null ? sql`true` : sql`it.department_id = ${departmentId}`;
    const due = await sql<{ n: number }>`
      select count(*)::integer as n from draw_targets x
      join draws d on d.id = x.draw_id
      join tasks t on t.id = d.task_id
      join plans p on p.id = t.plan_id
      left join inspection_tasks it on it.draw_id = x.draw_id and it.object_id = x.object_id
      where p.year = 2023 and d.id not in (select supersedes_draw_id from draws where supersedes_draw_id is not null)
        and ${departmentId === null ? sql`true` : sql`coalesce(it.department_id, (t.initiator_department_ids->>0)::integer) = ${departmentId}`}`.execute(
      t.database.db,
    );
    const rows = await sql<{
      published: number;
      entered: number;
      inspected: number;
      closed: number;
      overdue: number;
      due_today: number;
      late: number;
      problems: number;
    }>`
      select
        (count(*) filter (where i.published_on <= ${asOf}))::integer as published,
        (count(*) filter (where i.published_on <= ${asOf}
          or i.submitted_at < ${`${next}T00:00:00+08:00`}::timestamptz))::integer as entered,
        (count(*) filter (where i.published_on <= ${asOf}
          or i.submitted_at < ${`${next}T00:00:00+08:00`}::timestamptz
          or i.inspected_on <= ${asOf}))::integer as inspected,
        (count(*) filter (where i.published_on <= ${asOf} and coalesce((
          select f.state = 'closed' and f.closed_on <= ${asOf} from follow_ups f
          where f.inspection_id = it.inspection_id and f.task_id = it.task_id), true)))::integer as closed,
        (count(*) filter (where (i.published_on is null or i.published_on > ${asOf})
          and it.deadline <= ${asOf}))::integer as overdue,
        (count(*) filter (where (i.published_on is null or i.published_on > ${asOf})
          and it.deadline = ${next}))::integer as due_today,
        (count(*) filter (where i.published_on <= ${asOf} and i.published_on > it.deadline))::integer as late,
        (count(*) filter (where i.published_on <= ${asOf} and it.task_id in (
          select r.task_id from inspection_results r where r.inspection_id = i.id and r.non_compliant)))::integer
          as problems
      from inspection_tasks it join inspections i on i.id = it.inspection_id
      where i.year = 2023 and ${dept}`.execute(t.database.db);
    const r = rows.rows[0];
    if (r === undefined) throw new Error('no recount');
    return {
      due: due.rows[0]?.n ?? -1,
      inspected: r.inspected,
      entered: r.entered,
      published: r.published,
      closed: r.closed,
      overdue: r.overdue,
      dueToday: r.due_today,
      late: r.late,
      problems: r.problems,
    };
  }

  beforeAll(async () => {
    t = await createTestApp({ demoObjects: 3000 });
    const db = t.database.db;
    today = formatChinaDate(t.clock.now);
    yesterday = formatChinaDate(new Date(t.clock.now.getTime() - 86_400_000));
    const department = await db
      .selectFrom('users')
      .select('department_id')
      .where('username', '=', 'zezhou-scjg')
      .executeTakeFirstOrThrow();
    zezhouDepartment = department.department_id ?? 0;
    const zezhouTasks = await db
      .selectFrom('tasks')
      .select(['code', 'initiator_department_ids'])
      .where('region_code', '=', '140525')
      .orderBy('seq')
      .execute();
    const codes = zezhouTasks
      .filter((x) => x.initiator_department_ids[0] === zezhouDepartment)
      .map((x) => x.code)
      .slice(0, 2);
    // Two of 泽州 market supervision's tasks, a risk-based 泽州 task (sealed strata) and a city task.
    const frozen = await freezeDrawSession(db, SYSTEM_ACTOR, {
      year: 2023,
      title: '考评测试',
      items: [...codes, 'JC2023-131', 'JC2023-046'].map((taskCode) => ({ taskCode, batch: 1 })),
    });
    if (!frozen.ok) throw new Error(JSON.stringify(frozen.error));
    const seeded = await enterSessionSeed(db, SYSTEM_ACTOR, frozen.value.sessionId, {
      digits: '14142135623730950488016887',
      beacon: null,
      witnesses: ['王五', '赵六'],
    });
    if (!seeded.ok) throw new Error(JSON.stringify(seeded.error));
    const published = await publishDrawSession(db, SYSTEM_ACTOR, frozen.value.sessionId);
    if (!published.ok) throw new Error(JSON.stringify(published.error));
    await dispatchPublishedDraws(db, SYSTEM_ACTOR);

    // The simulated timeline, written to the rows as `ssj demo --simulate-year` does.
    const visits = await db
      .selectFrom('inspections')
      .select(['id', 'window_from', 'deadline'])
      .orderBy('id')
      .execute();
    // The demo inspector's first visit is left for the API step below.
    const linked = await db
      .selectFrom('users')
      .select('inspector_id')
      .where('username', '=', 'inspector')
      .executeTakeFirstOrThrow();
    const reserved = await db
      .selectFrom('inspection_members')
      .select('inspection_id')
      .where('inspector_id', '=', linked.inspector_id ?? -1)
      .orderBy('inspection_id')
      .executeTakeFirst();
    // The risk-based task's visits are mostly published, so its sealed strata have results to estimate from.
    const riskVisits = (
      await db
        .selectFrom('inspection_tasks')
        .select('inspection_id')
        .where('task_code', '=', 'JC2023-131')
        .orderBy('inspection_id')
        .execute()
    ).map((r) => r.inspection_id);
    for (const [k, v] of visits.entries()) {
      const j = riskVisits.indexOf(v.id);
      const scenario = j >= 0 ? ([0, 1, 0, 2][j % 4] ?? 0) : k % 6;
      if (scenario === 5 || v.id === reserved?.inspection_id) continue; // untouched
      const tasks = await db
        .selectFrom('inspection_tasks')
        .select(['task_id', 'matters'])
        .where('inspection_id', '=', v.id)
        .execute();
      const problem = k % 4 === 0;
      for (const task of tasks) {
        for (const [m, matter] of task.matters.entries()) {
          const codes = problem && m === 0 ? ['A'] : ['1'];
          await db
            .insertInto('inspection_results')
            .values({
              inspection_id: v.id,
              task_id: task.task_id,
              matter,
              result_codes: JSON.stringify(codes),
              non_compliant: codes[0] === 'A',
            })
            .execute();
        }
      }
      const inspectedOn = v.window_from;
      if (scenario === 4) {
        await db
          .updateTable('inspections')
          .set({ inspected_on: inspectedOn })
          .where('id', '=', v.id)
          .execute();
        continue;
      }
      const submittedAt = new Date(`${inspectedOn}T04:00:00Z`);
      await db
        .insertInto('inspection_reviews')
        .values({ inspection_id: v.id, action: 'submit', reason: null, user_id: null, at: submittedAt })
        .execute();
      if (scenario === 3) {
        await db
          .insertInto('inspection_reviews')
          .values({ inspection_id: v.id, action: 'return', reason: '补充', user_id: null, at: submittedAt })
          .execute();
      }
      const publishedOn =
        scenario === 0 ? v.deadline : scenario === 1 ? `${v.deadline.slice(0, 4)}-12-20` : null;
      await db
        .updateTable('inspections')
        .set({
          method: '实地检查',
          inspected_on: inspectedOn,
          submitted_at: submittedAt,
          status: publishedOn !== null ? 'published' : scenario === 3 ? 'returned' : 'submitted',
          published_on: publishedOn,
          published_at: publishedOn === null ? null : new Date(`${publishedOn}T04:00:00Z`),
          late: publishedOn === null ? null : publishedOn > v.deadline,
        })
        .where('id', '=', v.id)
        .execute();
      if (publishedOn !== null && problem) {
        const object = await db
          .selectFrom('inspections')
          .select(['object_id', 'responsible_department_id'])
          .where('id', '=', v.id)
          .executeTakeFirstOrThrow();
        for (const [n, task] of tasks.entries()) {
          const closed = (k + n) % 8 === 0;
          await db
            .insertInto('follow_ups')
            .values({
              inspection_id: v.id,
              task_id: task.task_id,
              object_id: object.object_id,
              responsible_department_id: object.responsible_department_id,
              type: '责令改正',
              state: closed ? 'closed' : 'open',
              closed_on: closed ? '2023-12-28' : null,
            })
            .execute();
        }
      }
    }
    office = await logInAs(t.app, 'office', PASSWORD);
    zezhou = await logInAs(t.app, 'zezhou-scjg', PASSWORD);
    auditor = await logInAs(t.app, 'auditor', PASSWORD);

    // One result through the real path, today: entered by the team, approved by the department.
    const inspector = await logInAs(t.app, 'inspector', PASSWORD);
    const mine = (await get(inspector, '/api/inspections?status=draft&limit=500')).json<{
      inspections: { id: number; tasks: { taskId: number; matters: string[] }[] }[];
    }>();
    const fresh = mine.inspections.find((i) => i.id === reserved?.inspection_id);
    if (fresh !== undefined) {
      const submitted = await send(inspector, 'POST', `/api/inspections/${String(fresh.id)}/submit`, {
        method: '实地检查',
        inspectedOn: '2023-07-05',
        findings: '',
        results: fresh.tasks.flatMap((task) =>
          task.matters.map((matter) => ({ taskId: task.taskId, matter, codes: ['1'] })),
        ),
      });
      expect(submitted.statusCode, submitted.body).toBe(200);
      enteredToday = fresh.tasks.length;
    }
  }, 600_000);

  afterAll(async () => {
    await t.close();
  });

  it('shows the office every department (zero rows too) and headline figures that recount from the rows', async () => {
    const res = await get(office, '/api/oversight/progress?year=2023');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json<ProgressReportDto>();
    expect(report.asOf).toBe(yesterday);
    const departments = await t.database.db
      .selectFrom('departments')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(report.departments).toHaveLength(Number(departments.n));
    expect(report.departments.filter((d) => d.counts.due === 0).length).toBeGreaterThan(10);
    const expected = await recount(yesterday, null);
    expect(report.totals.counts).toEqual(expected);
    expect(expected.due).toBeGreaterThan(10);
    expect(expected.published).toBeGreaterThan(0);
    expect(expected.overdue).toBeGreaterThan(0);
    expect(expected.closed).toBeLessThan(expected.published);
    // The funnel narrows: 应检查 ≥ 已检查 ≥ 已录入 ≥ 已公示 ≥ 完结.
    const c = report.totals.counts;
    expect(c.due >= c.inspected && c.inspected >= c.entered && c.entered >= c.published).toBe(true);
    expect(c.published >= c.closed).toBe(true);
    expect(c.inspected).toBeGreaterThan(c.entered);
    expect(report.totals.completionRate).toBeCloseTo(c.published / c.due, 12);
    expect(report.totals.closureRate).toBeCloseTo(c.closed / c.published, 12);
    // Departments and regions add up to the totals; each department recounts on its own.
    const sum = (key: keyof typeof c) => report.departments.reduce((a, d) => a + d.counts[key], 0);
    for (const key of Object.keys(c) as (keyof typeof c)[]) expect(sum(key), key).toBe(c[key]);
    const regionDue = report.regions.reduce((a, r) => a + r.counts.due, 0);
    expect(regionDue).toBe(c.due);
    const zez = report.departments.find((d) => d.departmentId === zezhouDepartment);
    expect(zez?.counts).toEqual(await recount(yesterday, zezhouDepartment));
    expect(zez?.status).toBe('red');
    // Tasks and months add up too.
    expect(report.tasks.reduce((a, x) => a + x.counts.due, 0)).toBe(c.due);
    expect(report.months.at(-1)?.cumulativePublished).toBe(c.published);
    expect(report.months.find((m) => m.month === '2023-12')?.cumulativeWindowEnded).toBe(c.due);
  });

  it('stands at the day asked: a mid-year day, and today (which counts the result entered today)', async () => {
    const mid = (
      await get(office, `/api/oversight/progress?year=2023&asOf=${MID_YEAR}`)
    ).json<ProgressReportDto>();
    expect(mid.totals.counts).toEqual(await recount(MID_YEAR, null));
    const now = (
      await get(office, `/api/oversight/progress?year=2023&asOf=${today}`)
    ).json<ProgressReportDto>();
    const before = (await get(office, '/api/oversight/progress?year=2023')).json<ProgressReportDto>();
    expect(enteredToday).toBeGreaterThan(0);
    expect(now.totals.counts.entered).toBe(before.totals.counts.entered + enteredToday);
    expect(now.totals.counts).toEqual(await recount(today, null));
    const future = await get(office, `/api/oversight/progress?year=2023&asOf=2999-01-01`);
    expect(future.statusCode).toBe(400);
  });

  it('gives a department its own figures only, and a county only its departments', async () => {
    const own = (await get(zezhou, '/api/oversight/progress?year=2023')).json<ProgressReportDto>();
    expect(own.departments.map((d) => d.departmentId)).toEqual([zezhouDepartment]);
    expect(own.scope.departmentId).toBe(zezhouDepartment);
    const other = await get(zezhou, '/api/oversight/progress?year=2023&department=1');
    expect(other.statusCode).toBe(zezhouDepartment === 1 ? 200 : 403);
    expect((await get(zezhou, '/api/oversight/progress?year=2023&region=140522')).statusCode).toBe(403);
    const county = (
      await get(office, '/api/oversight/progress?year=2023&region=140525')
    ).json<ProgressReportDto>();
    expect(county.departments.every((d) => d.regionCode === '140525')).toBe(true);
    expect(county.regions.map((r) => r.regionCode)).toEqual(['140525']);
    const inspector = await logInAs(t.app, 'inspector', PASSWORD);
    expect((await get(inspector, '/api/oversight/progress?year=2023')).statusCode).toBe(403);
  });

  it('drills from any number to exactly the task results behind it, and the inspections list agrees', async () => {
    const report = (await get(office, '/api/oversight/progress?year=2023')).json<ProgressReportDto>();
    const red = report.departments.find((d) => d.status === 'red');
    expect(red).toBeDefined();
    if (red === undefined) return;
    const page = (
      await get(
        office,
        `/api/oversight/progress/units?year=2023&department=${String(red.departmentId)}&metric=overdue&limit=500`,
      )
    ).json<ProgressUnitPageDto>();
    expect(page.total).toBe(red.counts.overdue);
    expect(page.units).toHaveLength(red.counts.overdue);
    expect(
      page.units.every((u) => u.status !== 'published' && u.deadline !== null && u.deadline <= yesterday),
    ).toBe(true);
    // The link the dashboard follows: /app/inspections?department=…&urgency=overdue lists those visits.
    const list = (
      await get(
        office,
        `/api/inspections?year=2023&department=${String(red.departmentId)}&urgency=overdue&limit=500`,
      )
    ).json<{ inspections: { id: number }[] }>();
    const listed = new Set(list.inspections.map((i) => i.id));
    for (const u of page.units) expect(listed.has(u.inspectionId ?? -1)).toBe(true);
    for (const metric of [
      'due',
      'published',
      'closed',
      'late',
      'problems',
      'entered',
      'inspected',
    ] as const) {
      const p = (
        await get(office, `/api/oversight/progress/units?year=2023&metric=${metric}&limit=1`)
      ).json<ProgressUnitPageDto>();
      expect(p.total, metric).toBe(report.totals.counts[metric]);
    }
    const task = report.tasks.find((x) => x.counts.published > 0);
    const byTask = (
      await get(
        office,
        `/api/oversight/progress/units?year=2023&metric=published&task=${task?.taskCode ?? ''}`,
      )
    ).json<ProgressUnitPageDto>();
    expect(byTask.total).toBe(task?.counts.published);
  });

  it('exports every table to .xlsx with the figures on screen', async () => {
    const report = (await get(office, '/api/oversight/progress?year=2023')).json<ProgressReportDto>();
    for (const table of ['departments', 'regions', 'tasks', 'months', 'units'] as const) {
      const res = await get(
        office,
        `/api/oversight/progress/export.xlsx?year=2023&table=${table}&metric=overdue`,
      );
      expect(res.statusCode, table).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await loadWorkbook(wb, res.rawPayload);
      const sheet = wb.worksheets[0];
      expect(sheet).toBeDefined();
      if (table === 'departments' && sheet !== undefined) {
        expect(sheet.getRow(3).getCell(4).value).toBe('应检查');
        const totalRow = sheet.getRow(4 + report.departments.length);
        expect(totalRow.getCell(3).value).toBe('合计');
        expect(totalRow.getCell(4).value).toBe(report.totals.counts.due);
        expect(totalRow.getCell(7).value).toBe(report.totals.counts.published);
      }
      if (table === 'units' && sheet !== undefined)
        expect(sheet.rowCount).toBe(3 + report.totals.counts.overdue);
    }
  });

  it('issues a numbered bulletin (.docx with tables by department and ranking), lists it, never changes it', async () => {
    const res = await send(office, 'POST', '/api/oversight/bulletins', { year: 2023 });
    expect(res.statusCode, res.body).toBe(200);
    const bulletin = res.json<BulletinDto>();
    expect(bulletin.number).toBe('晋城市双随机办〔2023〕1号');
    expect(bulletin.asOf).toBe(yesterday);
    const report = (await get(office, '/api/oversight/progress?year=2023')).json<ProgressReportDto>();
    expect(bulletin.totals).toEqual(report.totals.counts);
    expect(bulletin.redDepartments).toBe(report.departments.filter((d) => d.status === 'red').length);
    const file = await get(zezhou, `/api/oversight/bulletins/${String(bulletin.id)}/download`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(file.rawPayload);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('关于2023年度部门联合双随机抽查工作进展情况的通报');
    expect(xml).toContain('晋城市双随机办〔2023〕1号');
    const grid = readDocxGrid(xml);
    const text = grid.cells.map((row) => row.join('|')).join('\n');
    const zez = report.departments.find((d) => d.departmentId === zezhouDepartment);
    expect(text).toContain(
      `${zez?.departmentName ?? '?'}|${String(zez?.counts.due)}|${String(zez?.counts.inspected)}`,
    );
    expect(text).toContain('名次|部门|地区');
    const second = (
      await send(office, 'POST', '/api/oversight/bulletins', { year: 2023, asOf: MID_YEAR })
    ).json<BulletinDto>();
    expect(second.seq).toBe(2);
    const list = (await get(auditor, '/api/oversight/bulletins?year=2023')).json<{
      bulletins: BulletinDto[];
    }>();
    expect(list.bulletins.map((b) => b.seq)).toEqual([2, 1]);
    await expect(
      sql`update bulletins set title = 'x' where id = ${bulletin.id}`.execute(t.database.db),
    ).rejects.toThrow();
    expect((await send(zezhou, 'POST', '/api/oversight/bulletins', { year: 2023 })).statusCode).toBe(403);
    expect((await send(office, 'POST', '/api/oversight/bulletins', { year: 2031 })).statusCode).toBe(409);
  });

  it('issues the monthly bulletin once per month, only for a year with work', async () => {
    const db = t.database.db;
    const first = await generateMonthlyBulletinIfDue(db, '2023-11-03', SYSTEM_ACTOR);
    expect(first?.kind).toBe('monthly');
    expect(first?.period).toBe('2023-10');
    expect(first?.asOf).toBe('2023-10-31');
    expect(first?.issuedOn).toBe('2023-11-03');
    expect(await generateMonthlyBulletinIfDue(db, '2023-11-20', SYSTEM_ACTOR)).toBeNull();
    expect(await generateMonthlyBulletinIfDue(db, '2021-03-01', SYSTEM_ACTOR)).toBeNull();
    const mid = (
      await get(office, `/api/oversight/progress?year=2023&asOf=2023-10-31`)
    ).json<ProgressReportDto>();
    expect(first?.totals).toEqual(mid.totals.counts);
    // The server's hourly job: the first check of a day issues what is due, later checks that day do nothing.
    const schedule = startMonthlyBulletinSchedule(
      db,
      pino({ level: 'silent' }),
      () => new Date('2023-12-02T02:00:00Z'),
      3_600_000,
    );
    try {
      await schedule.tick();
      const issued = await db
        .selectFrom('bulletins')
        .select('period')
        .where('kind', '=', 'monthly')
        .execute();
      expect(issued.map((b) => b.period).sort()).toEqual(['2023-10', '2023-11']);
      expect(await schedule.tick()).toBe(false);
    } finally {
      await schedule.stop();
    }
  });

  it('assesses every department under an editable rule set, with reports and a department data pack', async () => {
    const res = await get(office, '/api/oversight/assessment/2023');
    expect(res.statusCode, res.body).toBe(200);
    const assessment = res.json<AssessmentDto>();
    expect(assessment.asOf).toBe('2023-12-31');
    expect(assessment.rules.isDefault).toBe(true);
    const zez = assessment.rows.find((r) => r.departmentId === zezhouDepartment);
    expect(zez?.rank).not.toBeNull();
    expect(zez?.total).toBeGreaterThan(0);
    // The records behind the scores recount from the rows.
    const records = await sql<{ n: number; on_time: number; first_pass: number; entered: number }>`
      select (count(*) filter (where i.published_on <= '2023-12-15'))::integer as n,
        (count(*) filter (where i.published_on <= it.deadline and i.published_on <= '2023-12-31'))::integer
          as on_time,
        (count(*) filter (where i.submitted_at is not null and not exists (
          select 1 from inspection_reviews v where v.inspection_id = i.id and v.action = 'return')))::integer as first_pass,
        (count(*) filter (where i.submitted_at is not null))::integer as entered
      from inspection_tasks it join inspections i on i.id = it.inspection_id
      where it.department_id = ${zezhouDepartment} and i.year = 2023
        and (i.submitted_at is null or i.submitted_at < '2024-01-01T00:00:00+08:00')`.execute(t.database.db);
    expect(zez?.input.publishedByDeadline).toBe(records.rows[0]?.n);
    expect(zez?.input.publishedOnTime).toBe(records.rows[0]?.on_time);
    expect(zez?.input.entered).toBe(records.rows[0]?.entered);
    expect(zez?.input.enteredFirstPass).toBe(records.rows[0]?.first_pass);
    const idle = assessment.rows.filter((r) => r.input.tasks === 0 && r.input.due === 0);
    expect(idle.every((r) => r.rank === null && r.grade === '未考评')).toBe(true);

    const bad = await send(office, 'PUT', '/api/oversight/assessment/2023/rules', {
      weights: { completion: 50, timeliness: 25, coverage: 15, closure: 15, dataQuality: 15 },
      completionDeadline: '2023-12-15',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toContain('120');
    const byDepartment = await send(zezhou, 'PUT', '/api/oversight/assessment/2023/rules', {
      weights: { completion: 100, timeliness: 0, coverage: 0, closure: 0, dataQuality: 0 },
      completionDeadline: '2023-12-15',
    });
    expect(byDepartment.statusCode).toBe(403);
    const saved = await send(office, 'PUT', '/api/oversight/assessment/2023/rules', {
      weights: { completion: 100, timeliness: 0, coverage: 0, closure: 0, dataQuality: 0 },
      completionDeadline: '2023-12-15',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = (await get(zezhou, '/api/oversight/assessment/2023')).json<AssessmentDto>();
    expect(after.rules.isDefault).toBe(false);
    const z2 = after.rows.find((r) => r.departmentId === zezhouDepartment);
    expect(z2?.total).toBeCloseTo(z2?.criteria.completion ?? -1, 6);

    const docx = await get(office, '/api/oversight/assessment/2023/report.docx');
    expect(docx.statusCode).toBe(200);
    const xml =
      (await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('考评结果的通报');
    expect(readDocxGrid(xml).cells.some((row) => row.includes(z2?.departmentName ?? '?'))).toBe(true);
    const xlsx = await get(auditor, '/api/oversight/assessment/2023/report.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await loadWorkbook(wb, xlsx.rawPayload);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['考评结果', '考评数据', '考评细则']);

    const pack = await get(
      zezhou,
      `/api/oversight/assessment/2023/departments/${String(zezhouDepartment)}/summary.xlsx`,
    );
    expect(pack.statusCode, pack.body).toBe(200);
    const packBook = new ExcelJS.Workbook();
    await loadWorkbook(packBook, pack.rawPayload);
    expect(packBook.worksheets.map((s) => s.name)).toEqual(['概况', '按任务', '按月份', '明细', '后续处置']);
    expect(packBook.worksheets[0]?.getRow(4).getCell(2).value).toBe(zez?.input.due);
    const otherId = assessment.rows.find((r) => r.departmentId !== zezhouDepartment)?.departmentId ?? 0;
    expect(
      (await get(zezhou, `/api/oversight/assessment/2023/departments/${String(otherId)}/summary.xlsx`))
        .statusCode,
    ).toBe(403);
  });

  it('estimates the non-compliant share per task batch from the sealed strata, honest for small samples', async () => {
    const res = await get(office, '/api/oversight/estimates?year=2023&by=task');
    expect(res.statusCode, res.body).toBe(200);
    const estimates = res.json<EstimatesDto>();
    expect(res.body).not.toMatch(/assignments|salt|riskClass/);
    expect(estimates.rows).toHaveLength(4);
    for (const r of estimates.rows) {
      if (r.status !== 'ok') continue;
      expect(r.low).toBeGreaterThanOrEqual(0);
      expect(r.high).toBeLessThanOrEqual(1);
      expect((r.low ?? 2) <= (r.p ?? -1) && (r.p ?? 2) <= (r.high ?? -1)).toBe(true);
    }
    // Recompute the risk-based task's estimate from the frame strata and the sealed assignments.
    const db = t.database.db;
    const draw = await db
      .selectFrom('draws as d')
      .innerJoin('draw_frames as f', 'f.id', 'd.frame_id')
      .innerJoin('draw_sealed_strata as s', 's.frame_id', 'f.id')
      .select(['d.id', 'f.strata', 'f.ids', 's.id_strata'])
      .where('d.task_code', '=', 'JC2023-131')
      .executeTakeFirstOrThrow();
    expect(draw.strata.length).toBeGreaterThan(1);
    expect(draw.id_strata).toHaveLength(draw.ids.length);
    const stratumOf = new Map(draw.ids.map((id, i) => [id, draw.id_strata[i]]));
    const outcomes = await sql<{ canonical_id: string; bad: boolean }>`
      select x.canonical_id, bool_or(r.non_compliant) as bad
      from draw_targets x
      join inspection_tasks it on it.draw_id = x.draw_id and it.object_id = x.object_id
      join inspections i on i.id = it.inspection_id and i.published_on <= ${yesterday}
      join inspection_results r on r.inspection_id = i.id and r.task_id = it.task_id
      where x.draw_id = ${draw.id} group by 1`.execute(db);
    const counts = draw.strata
      .map((s) => {
        const mine = outcomes.rows.filter((o) => stratumOf.get(o.canonical_id) === s.name);
        return { N: s.size, n: mine.length, x: mine.filter((o) => o.bad).length };
      })
      .filter((s) => s.n > 0);
    const row = estimates.rows.find((r) => r.key === 'JC2023-131/1');
    expect(row?.n).toBe(outcomes.rows.length);
    expect(counts.length).toBeGreaterThan(0);
    expect(row?.n).toBeGreaterThan(0);
    {
      const expected = estimateStratifiedShareFromCounts(counts);
      expect(expected.ok).toBe(true);
      if (expected.ok) {
        expect(row?.p).toBeCloseTo(expected.value.p, 12);
        expect(row?.low).toBeCloseTo(expected.value.low, 12);
        expect(row?.high).toBeCloseTo(expected.value.high, 12);
      }
    }
    // Each published target is in exactly one region and one sector: the samples add up across dimensions.
    const total = estimates.rows.reduce((a, r) => a + r.n, 0);
    for (const by of ['region', 'sector'] as const) {
      const other = (await get(auditor, `/api/oversight/estimates?year=2023&by=${by}`)).json<EstimatesDto>();
      expect(
        other.rows.reduce((a, r) => a + r.n, 0),
        by,
      ).toBe(total);
      expect(
        other.rows.reduce((a, r) => a + r.population, 0),
        by,
      ).toBe(estimates.rows.reduce((a, r) => a + r.population, 0));
    }
    const matters = (await get(zezhou, '/api/oversight/estimates?year=2023&by=matter')).json<EstimatesDto>();
    expect(matters.rows.length).toBeGreaterThan(0);
    const xlsx = await get(office, '/api/oversight/estimates/export.xlsx?year=2023&by=matter');
    expect(xlsx.statusCode).toBe(200);
  });

  it('reports burden and effect to the office and auditors only (risk classes are sealed)', async () => {
    const res = await get(auditor, '/api/oversight/burden?year=2023');
    expect(res.statusCode, res.body).toBe(200);
    const burden = res.json<BurdenDto>();
    const links = await sql<{ links: number; visits: number }>`
      select count(*)::integer as links, count(distinct inspection_id)::integer as visits from inspection_tasks`.execute(
      t.database.db,
    );
    expect(burden.taskResults).toBe(links.rows[0]?.links);
    expect(burden.visitsSavedByJointVisits).toBe((links.rows[0]?.links ?? 0) - (links.rows[0]?.visits ?? 0));
    expect(burden.visitsPerObject.reduce((a, v) => a + v.objects, 0)).toBe(burden.objectsVisited);
    const published = burden.detectionByRiskClass.reduce((a, r) => a + r.published, 0);
    const report = (await get(office, '/api/oversight/progress?year=2023')).json<ProgressReportDto>();
    expect(published).toBe(report.totals.counts.published);
    expect((await get(zezhou, '/api/oversight/burden?year=2023')).statusCode).toBe(403);
  });

  it('renders the bulletin and the assessment report in LibreOffice (PDF pages, PNG previews in artifacts/)', async (ctx) => {
    const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
    if (soffice === undefined) {
      ctx.skip();
      return;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssj-oversight-docx-'));
    const artifacts = path.resolve(import.meta.dirname, '../../../../../artifacts/documents');
    fs.mkdirSync(artifacts, { recursive: true });
    try {
      const bulletin = (
        await send(office, 'POST', '/api/oversight/bulletins', { year: 2023 })
      ).json<BulletinDto>();
      const files = [
        ['bulletin', `/api/oversight/bulletins/${String(bulletin.id)}/download`],
        ['assessment-report', '/api/oversight/assessment/2023/report.docx'],
      ] as const;
      for (const [name, url] of files) {
        const res = await get(office, url);
        expect(res.statusCode, res.body).toBe(200);
        fs.writeFileSync(path.join(dir, `${name}.docx`), res.rawPayload);
        execFileSync(
          soffice,
          ['--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, `${name}.docx`)],
          {
            timeout: 180_000,
            stdio: 'ignore',
          },
        );
        const pdf = fs.readFileSync(path.join(dir, `${name}.pdf`));
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        const pages = Number(/\/Type\s*\/Pages[^>]*\/Count\s+(\d+)/.exec(pdf.toString('latin1'))?.[1] ?? '0');
        expect(pages).toBeGreaterThan(0);
        fs.copyFileSync(path.join(dir, `${name}.pdf`), path.join(artifacts, `${name}.pdf`));
        if (fs.existsSync('/usr/bin/pdftoppm')) {
          execFileSync(
            '/usr/bin/pdftoppm',
            [
              '-png',
              '-r',
              '50',
              '-f',
              '1',
              '-l',
              '2',
              path.join(dir, `${name}.pdf`),
              path.join(artifacts, name),
            ],
            {
              timeout: 60_000,
            },
          );
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 400_000);

  it('keeps the audit chain intact', async () => {
    const verdict = await verifyAuditChain(t.database.db);
    expect(verdict.ok).toBe(true);
    const actions = await t.database.db.selectFrom('audit_log').select('action').execute();
    expect(actions.some((a) => a.action === 'bulletin.issue')).toBe(true);
    expect(actions.some((a) => a.action === 'assessment.rules')).toBe(true);
  });
});
