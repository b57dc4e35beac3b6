import { z } from 'zod';
import {
  computePublicationDeadline,
  PUBLICATION_WORKING_DAYS,
  isScheduleKnown,
  parseIsoDate,
  yearOfDayNumber,
} from '@ssj/core';
import type { CalendarDeadlineDto, CalendarOverridesDto, CalendarOverridesInput } from '../../api-types.ts';
import { ALL_STAFF } from '../../auth/access.ts';
import { AppError } from '../../http/app-error.ts';
import { defineRoute } from '../../http/route.ts';
import { listCalendarOverrides, replaceCalendarYear } from './calendar-overrides.ts';
import { loadWorkCalendar } from './calendar-store.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD');

const overridesQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

const overridesBody = z.object({
  year: z.number().int().min(2000).max(2100),
  entries: z
    .array(
      z.object({
        date: isoDate,
        kind: z.enum(['workday', 'holiday']),
        name: z.string().trim().max(40).default(''),
      }),
    )
    .max(366),
  complete: z.boolean(),
});

const deadlineQuery = z.object({ end: isoDate });

/** The zh-CN warning for a year counted without a known holiday schedule (DOMAIN.md §3: flagged, never silent). */
export function describeUnknownYear(year: number): string {
  return `${String(year)} 年的法定节假日安排尚未录入，期限按周一至周五为工作日计算，可能不准确；请领导小组办公室在“节假日安排”中录入该年安排`;
}

/** The working-day calendar (DOMAIN.md §3): the office's holiday-schedule table and the deadline calculator. */
export const calendarRoutes = [
  defineRoute<unknown, z.infer<typeof overridesQuery>, unknown, CalendarOverridesDto>({
    method: 'GET',
    url: '/api/calendar/overrides',
    access: { kind: 'staff', roles: ALL_STAFF, jurisdiction: 'none' },
    summary:
      'The office’s holiday-schedule entries (放假/调休上班), complete years, and the years shipped officially',
    query: overridesQuery,
    handler: async (ctx, req) => listCalendarOverrides(ctx.db, req.query.year),
  }),
  defineRoute<
    unknown,
    unknown,
    CalendarOverridesInput,
    CalendarOverridesDto & { recountedInspections: number }
  >({
    method: 'PUT',
    url: '/api/calendar/overrides',
    access: { kind: 'staff', roles: ['office_admin'], jurisdiction: 'none' },
    summary:
      'Replace one year’s holiday-schedule entries and say whether they are the complete schedule (audited)',
    body: overridesBody,
    handler: async (ctx, req) => {
      const done = await replaceCalendarYear(ctx.db, req.actor, req.body);
      if (!done.ok) throw new AppError('validation_failed', done.error.message);
      return {
        ...(await listCalendarOverrides(ctx.db, req.body.year)),
        recountedInspections: done.value.recountedInspections,
      };
    },
  }),
  defineRoute<unknown, z.infer<typeof deadlineQuery>, unknown, CalendarDeadlineDto>({
    method: 'GET',
    url: '/api/calendar/deadline',
    access: { kind: 'staff', roles: ALL_STAFF, jurisdiction: 'none' },
    summary:
      'The publication deadline of a batch ending on `end`: the 20th working day after it, with warnings',
    query: deadlineQuery,
    handler: async (ctx, req) => {
      const cal = await loadWorkCalendar(ctx.db);
      const end = req.query.end;
      const day = parseIsoDate(end);
      if (!day.ok) throw new AppError('validation_failed', `日期「${end}」不是有效日期`);
      const counted = computePublicationDeadline(cal, end);
      const unknownYears: number[] = [];
      for (let y = yearOfDayNumber(day.value + 1); y <= Number(counted.date.slice(0, 4)); y++) {
        if (!isScheduleKnown(cal, y)) unknownYears.push(y);
      }
      return {
        end,
        workingDays: PUBLICATION_WORKING_DAYS,
        deadline: counted.date,
        unknownYears,
        warnings: unknownYears.map(describeUnknownYear),
      };
    },
  }),
];
