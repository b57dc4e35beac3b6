import { z } from 'zod';
import type { NotificationDto, NotificationListDto, SessionUserDto } from '../../api-types.ts';
import { ALL_STAFF } from '../../auth/access.ts';
import { AppError } from '../../http/app-error.ts';
import { defineRoute } from '../../http/route.ts';
import { listNotifications, markNotificationRead } from './notification-store.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const listQuery = z.object({
  unread: z.enum(['1', 'true']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

function requireUser(user: SessionUserDto | null): SessionUserDto {
  if (user === null) throw new AppError('unauthenticated', '请先登录');
  return user;
}

/** In-app reminders (issue "Inspections, results and publication"): the user's own and its department's. */
export const notificationRoutes = [
  defineRoute<unknown, z.infer<typeof listQuery>, unknown, NotificationListDto>({
    method: 'GET',
    url: '/api/notifications',
    access: { kind: 'staff', roles: ALL_STAFF, jurisdiction: 'none' },
    summary:
      'The user’s notifications and, for a department admin, its department’s; newest first, unread count',
    query: listQuery,
    handler: async (ctx, req) =>
      listNotifications(ctx.db, requireUser(req.user), {
        unreadOnly: req.query.unread !== undefined,
        limit: req.query.limit,
      }),
  }),
  defineRoute<z.infer<typeof idParams>, unknown, unknown, NotificationDto>({
    method: 'POST',
    url: '/api/notifications/:id/read',
    access: { kind: 'staff', roles: ALL_STAFF, jurisdiction: 'none' },
    summary: 'Mark a notification read (only one addressed to the user or its department)',
    params: idParams,
    handler: async (ctx, req) => {
      const done = await markNotificationRead(ctx.db, req.actor, requireUser(req.user), req.params.id);
      if (!done.ok) throw new AppError('not_found', `找不到通知 ${String(done.error.id)}`);
      return done.value;
    },
  }),
];
