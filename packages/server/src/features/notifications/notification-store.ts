/**
 * In-app notifications (reminders and digests written by reminder-job.ts). A user sees its own, and a department
 * admin also those addressed to its department (shared by the department's admins: read by one, read for all).
 * Department notifications are not shown to the department's inspectors: an inspector sees only its team's visits
 * (DOMAIN.md §6), and its own reminders cover them.
 */
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { err, ok, type Result } from '@ssj/core';
import type { NotificationDto, SessionUserDto } from '../../api-types.ts';
import { appendAudit, type AuditActor } from '../../audit/audit-log.ts';
import type { Database } from '../../db/schema.ts';

export const NOTIFICATION_PAGE = 50;

function isAddressedTo(user: SessionUserDto) {
  return (eb: ExpressionBuilder<Database, 'notifications'>) =>
    user.role === 'department_admin' && user.departmentId !== null
      ? eb.or([
          eb('notifications.user_id', '=', user.id),
          eb.and([
            eb('notifications.user_id', 'is', null),
            eb('notifications.department_id', '=', user.departmentId),
          ]),
        ])
      : eb('notifications.user_id', '=', user.id);
}

function toDto(row: {
  id: number;
  kind: string;
  message: string;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
}): NotificationDto {
  return {
    id: row.id,
    kind: row.kind,
    message: row.message,
    link: row.link,
    createdAt: row.created_at.toISOString(),
    read: row.read_at !== null,
  };
}

/** The newest notifications addressed to the user (newest first) and how many of all of them are unread. */
export async function listNotifications(
  db: Kysely<Database>,
  user: SessionUserDto,
  options: { unreadOnly?: boolean; limit?: number } = {},
): Promise<{ notifications: NotificationDto[]; unread: number }> {
  let query = db.selectFrom('notifications').where(isAddressedTo(user));
  const unread = await query
    .where('read_at', 'is', null)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  if (options.unreadOnly === true) query = query.where('read_at', 'is', null);
  const rows = await query
    .select(['id', 'kind', 'message', 'link', 'created_at', 'read_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit ?? NOTIFICATION_PAGE)
    .execute();
  return { notifications: rows.map(toDto), unread: Number(unread.n) };
}

export type NotificationError = { readonly kind: 'not_found'; readonly id: number };

/** Marks one notification read (idempotent); not_found when it is not addressed to the user. */
export async function markNotificationRead(
  db: Kysely<Database>,
  actor: AuditActor,
  user: SessionUserDto,
  id: number,
): Promise<Result<NotificationDto, NotificationError>> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('notifications')
      .select(['id', 'kind', 'message', 'link', 'created_at', 'read_at'])
      .where('id', '=', id)
      .where(isAddressedTo(user))
      .forUpdate()
      .executeTakeFirst();
    if (row === undefined) return err({ kind: 'not_found', id });
    if (row.read_at !== null) return ok(toDto(row));
    const updated = await trx
      .updateTable('notifications')
      .set({ read_at: sql<Date>`now()` })
      .where('id', '=', id)
      .returning(['id', 'kind', 'message', 'link', 'created_at', 'read_at'])
      .executeTakeFirstOrThrow();
    await appendAudit(trx, actor, {
      action: 'notification.read',
      entity: 'notification',
      entityId: String(id),
      after: { read: true },
    });
    return ok(toDto(updated));
  });
}
