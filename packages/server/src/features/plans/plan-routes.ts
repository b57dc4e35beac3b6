import { z } from 'zod';
import type { PlanSummaryDto, PlanTasksDto } from '../../api-types.ts';
import { ALL_STAFF } from '../../auth/access.ts';
import { AppError } from '../../http/app-error.ts';
import { defineRoute } from '../../http/route.ts';
import { findPlanSummary, listPlanTasks, listPlanYears } from './plan-queries.ts';

const yearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
const taskQuery = z.object({
  region: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  department: z.coerce.number().int().positive().optional(),
});

type YearParams = z.infer<typeof yearParams>;
type TaskQuery = z.infer<typeof taskQuery>;

function stripId(plan: PlanSummaryDto & { id: number }): PlanSummaryDto {
  const { id: _id, ...rest } = plan;
  return rest;
}

export const planRoutes = [
  defineRoute<unknown, unknown, unknown, { years: number[] }>({
    method: 'GET',
    url: '/api/public/plans',
    access: { kind: 'public' },
    summary: 'Years with a published joint plan',
    handler: async (ctx) => ({ years: await listPlanYears(ctx.db, { publishedOnly: true }) }),
  }),
  defineRoute<YearParams, TaskQuery, unknown, PlanTasksDto>({
    method: 'GET',
    url: '/api/public/plans/:year',
    access: { kind: 'public' },
    summary: "A published plan's current version, its history and its tasks (by region or department)",
    params: yearParams,
    query: taskQuery,
    handler: async (ctx, req) => {
      const plan = await findPlanSummary(ctx.db, req.params.year, { publishedOnly: true });
      if (plan === null) throw new AppError('not_found', `${req.params.year} 年度计划尚未发布`);
      const tasks = await listPlanTasks(ctx.db, plan.id, {
        regionCode: req.query.region,
        departmentId: req.query.department,
      });
      return { plan: stripId(plan), tasks };
    },
  }),
  defineRoute<unknown, unknown, unknown, { years: number[] }>({
    method: 'GET',
    url: '/api/plans',
    access: { kind: 'staff', roles: ALL_STAFF, jurisdiction: 'none' },
    summary: 'Years with a plan, drafts included',
    handler: async (ctx) => ({ years: await listPlanYears(ctx.db, { publishedOnly: false }) }),
  }),
  defineRoute<YearParams, TaskQuery, unknown, PlanTasksDto>({
    method: 'GET',
    url: '/api/plans/:year',
    access: { kind: 'staff', roles: ALL_STAFF, jurisdiction: 'read' },
    summary: 'A plan (draft or published) with its tasks; a county user sees its own region',
    params: yearParams,
    query: taskQuery,
    region: (_ctx, req) => Promise.resolve(req.query.region ?? null),
    handler: async (ctx, req) => {
      const plan = await findPlanSummary(ctx.db, req.params.year, { publishedOnly: false });
      if (plan === null) throw new AppError('not_found', `没有 ${req.params.year} 年度计划`);
      const user = req.user;
      // Without a region filter a county user gets its own region's tasks; the city sees all.
      const regionCode =
        req.query.region ?? (user !== null && user.regionCode !== '140500' ? user.regionCode : undefined);
      const tasks = await listPlanTasks(ctx.db, plan.id, { regionCode, departmentId: req.query.department });
      return { plan: stripId(plan), tasks };
    },
  }),
];
