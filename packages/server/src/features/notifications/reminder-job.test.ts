import pino from 'pino';
import { addWorkingDays, type WorkCalendar } from '@ssj/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationDto, NotificationListDto } from '../../api-types.ts';
import { SYSTEM_ACTOR, verifyAuditChain } from '../../audit/audit-log.ts';
import { createTestApp, logInAs, type LoggedIn, type TestApp } from '../../testing/test-app.ts';
import { loadWorkCalendar } from '../calendar/calendar-store.ts';
import { freezeDrawSession } from '../draws/freeze-session.ts';
import { publishDrawSession } from '../draws/publish-session.ts';
import { enterSessionSeed } from '../draws/seed-session.ts';
import { dispatchPublishedDraws } from '../inspections/dispatch-inspections.ts';
import { runReminderJob } from './reminder-job.ts';
import { startReminderSchedule } from './reminder-schedule.ts';

const PASSWORD = 'Demo2023ssj';

interface Visit {
  id: number;
  window_from: string;
  window_to: string;
  deadline: string;
  responsible_department_id: number;
}

describe('reminders: windows opening, deadlines near, due and overdue, the year end, daily digests', () => {
  let t: TestApp;
  let cal: WorkCalendar;
  let inspector: LoggedIn;
  let admin: LoggedIn;
  let otherAdmin: LoggedIn;
  let visit: Visit;

  const list = async (who: LoggedIn, query = '') => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/notifications${query}`,
      headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken },
    });
    expect(res.statusCode).toBe(200);
    return res.json<NotificationListDto>();
  };
  const about = (items: readonly NotificationDto[], kind: string) =>
    items.filter((n) => n.kind === kind && n.link === `/app/inspections/${String(visit.id)}`);

  beforeAll(async () => {
    t = await createTestApp({ demoObjects: 3000 });
    const db = t.database.db;
    const department = await db
      .selectFrom('users')
      .select('department_id')
      .where('username', '=', 'zezhou-scjg')
      .executeTakeFirstOrThrow();
    const tasks = await db
      .selectFrom('tasks')
      .select(['code', 'initiator_department_ids'])
      .where('region_code', '=', '140525')
      .orderBy('seq')
      .execute();
    const codes = tasks
      .filter((x) => x.initiator_department_ids[0] === department.department_id)
      .map((x) => x.code)
      .slice(0, 1);
    const frozen = await freezeDrawSession(db, SYSTEM_ACTOR, {
      year: 2023,
      title: '提醒测试',
      items: codes.map((taskCode) => ({ taskCode, batch: 1 })),
    });
    if (!frozen.ok) throw new Error(JSON.stringify(frozen.error));
    const seeded = await enterSessionSeed(db, SYSTEM_ACTOR, frozen.value.sessionId, {
      digits: '16180339887498948482045868',
      beacon: null,
      witnesses: ['王五', '赵六'],
    });
    if (!seeded.ok) throw new Error(JSON.stringify(seeded.error));
    const published = await publishDrawSession(db, SYSTEM_ACTOR, frozen.value.sessionId);
    if (!published.ok) throw new Error(JSON.stringify(published.error));
    await dispatchPublishedDraws(db, SYSTEM_ACTOR);
    const account = await db
      .selectFrom('users')
      .select('inspector_id')
      .where('username', '=', 'inspector')
      .executeTakeFirstOrThrow();
    visit = await db
      .selectFrom('inspections as i')
      .innerJoin('inspection_members as m', 'm.inspection_id', 'i.id')
      .select(['i.id', 'i.window_from', 'i.window_to', 'i.deadline', 'i.responsible_department_id'])
      .where('m.inspector_id', '=', account.inspector_id ?? -1)
      .orderBy('i.id')
      .executeTakeFirstOrThrow();
    expect(visit.responsible_department_id).toBe(department.department_id);
    cal = await loadWorkCalendar(db);
    inspector = await logInAs(t.app, 'inspector', PASSWORD);
    admin = await logInAs(t.app, 'zezhou-scjg', PASSWORD);
    otherAdmin = await logInAs(t.app, 'yangcheng-scjg', PASSWORD);
  });
  afterAll(async () => {
    await t.close();
  });

  it('tells the team and the department when a window opens, once however often it runs', async () => {
    const first = await runReminderJob(t.database.db, visit.window_from);
    expect(first.byKind.window_open).toBeGreaterThan(0);
    expect(first.byKind.digest).toBe(1);
    const again = await runReminderJob(t.database.db, visit.window_from);
    expect(again.created).toBe(0);

    const mine = await list(inspector);
    const opening = about(mine.notifications, 'window_open');
    expect(opening).toHaveLength(1);
    expect(opening[0]?.message).toContain(`检查期今日开始`);
    expect(opening[0]?.message).toContain(visit.deadline);
    expect(mine.notifications.some((n) => n.kind === 'digest')).toBe(false);
    expect(mine.unread).toBe(mine.notifications.length);

    const department = await list(admin);
    expect(about(department.notifications, 'window_open')).toHaveLength(1);
    const digest = department.notifications.filter((n) => n.kind === 'digest');
    expect(digest).toHaveLength(1);
    const opened = await t.database.db
      .selectFrom('inspections')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('window_from', '=', visit.window_from)
      .executeTakeFirstOrThrow();
    expect(digest[0]?.message).toContain(
      `${visit.window_from} 本部门检查提醒汇总：今日开始检查 ${opened.n} 户`,
    );

    expect((await list(otherAdmin)).notifications).toEqual([]);
  });

  it('warns 3 working days before the deadline, yellow on the day, red after', async () => {
    const near = addWorkingDays(cal, visit.deadline, -3).date;
    expect((await runReminderJob(t.database.db, near)).byKind.deadline_near).toBeGreaterThan(0);
    const nearNotes = about((await list(inspector)).notifications, 'deadline_near');
    expect(nearNotes).toHaveLength(1);
    expect(nearNotes[0]?.message).toContain('还剩 3 个工作日');
    // A day later it is still near, but the reminder is not repeated.
    const nextDay = addWorkingDays(cal, near, 1).date;
    expect((await runReminderJob(t.database.db, nextDay)).byKind.deadline_near).toBe(0);

    await runReminderJob(t.database.db, visit.deadline);
    const due = about((await list(inspector)).notifications, 'deadline_due');
    expect(due).toHaveLength(1);
    expect(due[0]?.message).toContain('黄牌');

    const late = addWorkingDays(cal, visit.deadline, 2).date;
    await runReminderJob(t.database.db, late);
    const overdue = about((await list(admin)).notifications, 'overdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0]?.message).toContain('红牌');
    expect(overdue[0]?.message).toContain('已逾期 2 个工作日');
    const digests = (await list(admin)).notifications.filter((n) => n.kind === 'digest');
    expect(digests[0]?.message).toContain(`${late} 本部门检查提醒汇总`);
    expect(digests[0]?.message).toMatch(/已逾期 [1-9]\d* 户/);
  });

  it('reminds of December 15 what is not yet inspected', async () => {
    const summary = await runReminderJob(t.database.db, '2023-12-08');
    expect(summary.byKind.year_end).toBeGreaterThan(0);
    const yearEnd = about((await list(inspector)).notifications, 'year_end');
    expect(yearEnd).toHaveLength(1);
    expect(yearEnd[0]?.message).toContain('2023-12-15');
    // Too early: nothing about the year end in October.
    expect((await runReminderJob(t.database.db, '2023-10-09')).byKind.year_end).toBe(0);
  });

  it('lists newest first and marks read only what is addressed to the user', async () => {
    const before = await list(admin);
    const times = before.notifications.map((n) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const target = before.notifications[0];
    if (target === undefined) throw new Error('no notification');
    const read = (who: LoggedIn, id: number) =>
      t.app.inject({
        method: 'POST',
        url: `/api/notifications/${String(id)}/read`,
        headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken },
      });
    expect((await read(otherAdmin, target.id)).statusCode).toBe(404);
    expect((await read(inspector, target.id)).statusCode).toBe(404);
    const done = await read(admin, target.id);
    expect(done.statusCode).toBe(200);
    expect(done.json<NotificationDto>().read).toBe(true);
    expect((await read(admin, target.id)).statusCode).toBe(200);
    const after = await list(admin);
    expect(after.unread).toBe(before.unread - 1);
    expect((await list(admin, '?unread=1')).notifications.map((n) => n.id)).not.toContain(target.id);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', 'in', ['notification.read', 'reminders.run'])
      .execute();
    expect(audit.filter((a) => a.action === 'notification.read')).toEqual([
      { action: 'notification.read', entity_id: String(target.id) },
    ]);
    expect(audit.filter((a) => a.action === 'reminders.run').length).toBeGreaterThan(0);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('runs from the server’s timer once per China day', async () => {
    const clock = { now: new Date('2023-11-01T01:00:00Z') };
    const schedule = startReminderSchedule(
      t.database.db,
      pino({ level: 'silent' }),
      () => clock.now,
      3_600_000,
    );
    try {
      expect(await schedule.tick()).toBe(true); // the run at start
      expect(await schedule.tick()).toBe(false);
      clock.now = new Date('2023-11-01T15:30:00Z'); // 23:30 in China: still November 1
      expect(await schedule.tick()).toBe(false);
      clock.now = new Date('2023-11-01T16:30:00Z'); // 00:30 on November 2 in China
      expect(await schedule.tick()).toBe(true);
      const digests = await t.database.db
        .selectFrom('notifications')
        .select('dedupe_key')
        .where('kind', '=', 'digest')
        .where('dedupe_key', 'like', '%:2023-11-0_')
        .orderBy('dedupe_key')
        .execute();
      expect(digests.map((d) => d.dedupe_key.slice(-10))).toEqual(['2023-11-01', '2023-11-02']);
    } finally {
      await schedule.stop();
    }
    expect(await schedule.tick()).toBe(false);
  });
});
