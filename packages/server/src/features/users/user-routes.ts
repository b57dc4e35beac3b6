import { z } from 'zod';
import { defineRoute } from '../../http/route.ts';
import { AppError } from '../../http/app-error.ts';
import { listUsersOfRegion, type UserListItem } from './user-store.ts';

const regionParams = z.object({ code: z.string().regex(/^\d{6}$/, '地区代码为 6 位数字') });

export const userRoutes = [
  defineRoute<z.infer<typeof regionParams>, unknown, unknown, { users: UserListItem[] }>({
    method: 'GET',
    url: '/api/regions/:code/users',
    access: { kind: 'staff', roles: ['office_admin', 'department_admin', 'auditor'], jurisdiction: 'read' },
    summary: "Staff accounts of a region (the region's own users; a city user may read any county)",
    params: regionParams,
    region: async (ctx, req) => {
      const region = await ctx.db
        .selectFrom('regions')
        .select('code')
        .where('code', '=', req.params.code)
        .executeTakeFirst();
      if (region === undefined) throw new AppError('not_found', `没有地区 ${req.params.code}`);
      return region.code;
    },
    handler: async (ctx, req) => ({ users: await listUsersOfRegion(ctx.db, req.params.code) }),
  }),
];
