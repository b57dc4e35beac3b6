import { z } from 'zod';
import type { DepartmentDto, PublicOverviewDto, RegionDto } from '../../api-types.ts';
import { defineRoute } from '../../http/route.ts';
import { listDepartments, listRegions } from './reference-store.ts';

export const referenceRoutes = [
  defineRoute<unknown, unknown, unknown, { regions: RegionDto[] }>({
    method: 'GET',
    url: '/api/regions',
    access: { kind: 'public' },
    summary: 'Regions with their GB/T 2260 codes',
    handler: async (ctx) => ({ regions: await listRegions(ctx.db) }),
  }),
  defineRoute<unknown, { region?: string | undefined }, unknown, { departments: DepartmentDto[] }>({
    method: 'GET',
    url: '/api/departments',
    access: { kind: 'public' },
    summary: 'Departments (public information: who takes part in the plan)',
    query: z.object({
      region: z
        .string()
        .regex(/^\d{6}$/)
        .optional(),
    }),
    handler: async (ctx, req) => {
      const all = await listDepartments(ctx.db);
      const region = req.query.region;
      return { departments: region === undefined ? all : all.filter((d) => d.regionCode === region) };
    },
  }),
  defineRoute<unknown, unknown, unknown, PublicOverviewDto>({
    method: 'GET',
    url: '/api/public/overview',
    access: { kind: 'public' },
    summary: 'Public portal home: regions, department count, the latest published plan',
    handler: async (ctx) => {
      const regions = await listRegions(ctx.db);
      const deps = await ctx.db
        .selectFrom('departments')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      const plan = await ctx.db
        .selectFrom('plans as p')
        .select((eb) => [
          'p.id',
          'p.year',
          'p.current_version',
          'p.published_at',
          eb
            .selectFrom('tasks as t')
            .select((e2) => e2.fn.countAll<string>().as('n'))
            .whereRef('t.plan_id', '=', 'p.id')
            .where('t.status', '=', 'active')
            .as('task_count'),
        ])
        .where('p.status', '=', 'published')
        .orderBy('p.year', 'desc')
        .limit(1)
        .executeTakeFirst();
      return {
        regions,
        departmentCount: Number(deps.n),
        plan:
          plan === undefined || plan.published_at === null
            ? null
            : {
                year: plan.year,
                version: plan.current_version,
                taskCount: Number(plan.task_count ?? 0),
                publishedAt: plan.published_at.toISOString(),
              },
      };
    },
  }),
];
