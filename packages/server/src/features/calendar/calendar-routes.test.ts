import { listOfficialScheduleYears } from '@ssj/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarDeadlineDto, CalendarOverridesDto } from '../../api-types.ts';
import { SYSTEM_ACTOR, verifyAuditChain } from '../../audit/audit-log.ts';
import { createTestApp, logInAs, type LoggedIn, type TestApp } from '../../testing/test-app.ts';
import { freezeDrawSession } from '../draws/freeze-session.ts';
import { publishDrawSession } from '../draws/publish-session.ts';
import { enterSessionSeed } from '../draws/seed-session.ts';
import { dispatchPublishedDraws } from '../inspections/dispatch-inspections.ts';

const PASSWORD = 'Demo2023ssj';

/** A plausible 2027 schedule (the package ships up to 2026): 元旦 on Friday 1 January, 春节, 国庆节 … */
const SCHEDULE_2027 = [
  { date: '2027-01-01', kind: 'holiday', name: '元旦' },
  { date: '2027-01-02', kind: 'holiday', name: '元旦' },
  { date: '2027-01-03', kind: 'holiday', name: '元旦' },
  { date: '2027-02-06', kind: 'holiday', name: '春节' },
  { date: '2027-02-07', kind: 'holiday', name: '春节' },
  { date: '2027-02-08', kind: 'holiday', name: '春节' },
  { date: '2027-02-09', kind: 'holiday', name: '春节' },
  { date: '2027-02-10', kind: 'holiday', name: '春节' },
  { date: '2027-02-11', kind: 'holiday', name: '春节' },
  { date: '2027-02-12', kind: 'holiday', name: '春节' },
  { date: '2027-02-13', kind: 'holiday', name: '春节' },
  { date: '2027-02-14', kind: 'workday', name: '春节' },
  { date: '2027-10-01', kind: 'holiday', name: '国庆节' },
  { date: '2027-10-02', kind: 'holiday', name: '国庆节' },
  { date: '2027-10-03', kind: 'holiday', name: '国庆节' },
  { date: '2027-10-04', kind: 'holiday', name: '国庆节' },
  { date: '2027-10-05', kind: 'holiday', name: '国庆节' },
  { date: '2027-10-06', kind: 'holiday', name: '国庆节' },
  { date: '2027-10-07', kind: 'holiday', name: '国庆节' },
  { date: '2027-10-09', kind: 'workday', name: '国庆节' },
] as const;

describe('calendar: the office’s holiday-schedule table and the deadline calculator', () => {
  let t: TestApp;
  let office: LoggedIn;
  let admin: LoggedIn;
  let inspectionId = 0;

  const call = (who: LoggedIn, method: 'GET' | 'PUT', url: string, payload?: Record<string, unknown>) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken },
      ...(payload === undefined ? {} : { payload }),
    });

  beforeAll(async () => {
    t = await createTestApp({ demoObjects: 1000 });
    const db = t.database.db;
    const frozen = await freezeDrawSession(db, SYSTEM_ACTOR, {
      year: 2023,
      title: '日历测试',
      items: [{ taskCode: 'JC2023-133', batch: 1 }],
    });
    if (!frozen.ok) throw new Error(JSON.stringify(frozen.error));
    await enterSessionSeed(db, SYSTEM_ACTOR, frozen.value.sessionId, {
      digits: '12345678901234567890123',
      beacon: null,
      witnesses: ['甲', '乙'],
    });
    const published = await publishDrawSession(db, SYSTEM_ACTOR, frozen.value.sessionId);
    if (!published.ok) throw new Error(JSON.stringify(published.error));
    await dispatchPublishedDraws(db, SYSTEM_ACTOR);
    // A visit whose batch ends on 20 December 2026, dispatched while 2027's schedule was unknown.
    const visit = await db.selectFrom('inspections').select('id').orderBy('id').executeTakeFirstOrThrow();
    inspectionId = visit.id;
    await db
      .updateTable('inspection_tasks')
      .set({ window_to: '2026-12-20', deadline: '2027-01-15' })
      .where('inspection_id', '=', visit.id)
      .execute();
    await db
      .updateTable('inspections')
      .set({
        window_to: '2026-12-20',
        deadline: '2027-01-15',
        deadline_warning:
          'no official holiday schedule known for 2027: counted Monday-Friday as working days',
      })
      .where('id', '=', visit.id)
      .execute();
    office = await logInAs(t.app, 'office', PASSWORD);
    admin = await logInAs(t.app, 'zezhou-scjg', PASSWORD);
  });
  afterAll(async () => {
    await t.close();
  });

  it('knows the official schedules through 2026 and not 2027', async () => {
    expect(listOfficialScheduleYears()).toContain(2026);
    expect(listOfficialScheduleYears()).not.toContain(2027);
    const res = await call(admin, 'GET', '/api/calendar/overrides');
    expect(res.statusCode).toBe(200);
    const table = res.json<CalendarOverridesDto>();
    expect(table.entries).toEqual([]);
    expect(table.completeYears).toEqual([]);
    expect(table.officialYears).toContain(2023);
  });

  it('counts 20 working days with 调休 in a known year, without a warning', async () => {
    // 2023: 中秋 and 国庆 29 September – 6 October, with 7 and 8 October worked.
    const res = await call(admin, 'GET', '/api/calendar/deadline?end=2023-09-28');
    expect(res.statusCode).toBe(200);
    expect(res.json<CalendarDeadlineDto>()).toEqual({
      end: '2023-09-28',
      workingDays: 20,
      deadline: '2023-11-01',
      unknownYears: [],
      warnings: [],
    });
  });

  it('warns for a deadline in 2027 until the office enters the complete 2027 schedule', async () => {
    const before = (
      await call(admin, 'GET', '/api/calendar/deadline?end=2026-12-20')
    ).json<CalendarDeadlineDto>();
    expect(before.deadline).toBe('2027-01-15');
    expect(before.unknownYears).toEqual([2027]);
    expect(before.warnings[0]).toContain('2027 年的法定节假日安排尚未录入');

    const forbidden = await call(admin, 'PUT', '/api/calendar/overrides', {
      year: 2027,
      entries: [...SCHEDULE_2027],
      complete: true,
    });
    expect(forbidden.statusCode).toBe(403);

    const partial = await call(office, 'PUT', '/api/calendar/overrides', {
      year: 2027,
      entries: SCHEDULE_2027.slice(0, 3),
      complete: false,
    });
    expect(partial.statusCode, partial.body).toBe(200);
    const stillWarned = (
      await call(admin, 'GET', '/api/calendar/deadline?end=2026-12-20')
    ).json<CalendarDeadlineDto>();
    // 元旦 is now a holiday, so the deadline moves, but the year is still not known as a whole.
    expect(stillWarned.deadline).toBe('2027-01-18');
    expect(stillWarned.unknownYears).toEqual([2027]);

    const complete = await call(office, 'PUT', '/api/calendar/overrides', {
      year: 2027,
      entries: [...SCHEDULE_2027],
      complete: true,
    });
    expect(complete.statusCode, complete.body).toBe(200);
    const table = complete.json<CalendarOverridesDto & { recountedInspections: number }>();
    expect(table.recountedInspections).toBeGreaterThanOrEqual(1);
    const recounted = await t.database.db
      .selectFrom('inspections')
      .select(['deadline', 'deadline_warning'])
      .where('id', '=', inspectionId)
      .executeTakeFirstOrThrow();
    expect(recounted).toEqual({ deadline: '2027-01-18', deadline_warning: null });
    expect(table.entries).toHaveLength(SCHEDULE_2027.length);
    expect(table.completeYears).toEqual([2027]);
    const after = (
      await call(admin, 'GET', '/api/calendar/deadline?end=2026-12-20')
    ).json<CalendarDeadlineDto>();
    expect(after).toEqual({
      end: '2026-12-20',
      workingDays: 20,
      deadline: '2027-01-18',
      unknownYears: [],
      warnings: [],
    });
    // 调休: Sunday 14 February 2027 is worked, so a batch ending before 春节 counts it.
    const spring = (
      await call(admin, 'GET', '/api/calendar/deadline?end=2027-02-01')
    ).json<CalendarDeadlineDto>();
    expect(spring.deadline).toBe('2027-03-05');
    expect(spring.warnings).toEqual([]);
  });

  it('replaces a year as a whole and refuses entries that are not that year’s, repeated or worked weekdays', async () => {
    const bad = async (entries: unknown[], message: string) => {
      const res = await call(office, 'PUT', '/api/calendar/overrides', {
        year: 2027,
        entries,
        complete: true,
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json<{ error: { message: string } }>().error.message).toContain(message);
    };
    await bad([{ date: '2028-01-01', kind: 'holiday', name: '元旦' }], '不在 2027 年内');
    await bad(
      [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      ],
      '重复',
    );
    await bad([{ date: '2027-01-04', kind: 'workday', name: '调休' }], '调休上班日应为周六或周日');
    await bad([{ date: '2027-02-30', kind: 'holiday', name: '春节' }], '不是有效日期');
    // Nothing changed by the refusals.
    const table = (
      await call(admin, 'GET', '/api/calendar/overrides?year=2027')
    ).json<CalendarOverridesDto>();
    expect(table.entries).toHaveLength(SCHEDULE_2027.length);

    const cleared = await call(office, 'PUT', '/api/calendar/overrides', {
      year: 2027,
      entries: [],
      complete: false,
    });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json<CalendarOverridesDto>()).toMatchObject({ entries: [], completeYears: [] });
    const warned = (
      await call(admin, 'GET', '/api/calendar/deadline?end=2026-12-20')
    ).json<CalendarDeadlineDto>();
    expect(warned.deadline).toBe('2027-01-15');
    expect(warned.unknownYears).toEqual([2027]);

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', '=', 'calendar.replace_year')
      .execute();
    expect(audit).toEqual([
      { action: 'calendar.replace_year', entity_id: '2027' },
      { action: 'calendar.replace_year', entity_id: '2027' },
      { action: 'calendar.replace_year', entity_id: '2027' },
    ]);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});
