import { createBackup } from './create-backup.ts';
import { AppError } from '../http/app-error.ts';
import { FileResponse } from '../http/file-response.ts';
import { defineRoute } from '../http/route.ts';

/** `ssj-backup-20261127T101500Z.tar`: the time the backup was taken, in UTC. */
export function backupFileName(now: Date): string {
  return `ssj-backup-${now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}.tar`;
}

export const backupRoutes = [
  defineRoute<unknown, unknown, unknown, FileResponse>({
    method: 'POST',
    url: '/api/admin/backup',
    access: { kind: 'staff', roles: ['office_admin'], jurisdiction: 'none' },
    summary:
      'A consistent backup of the embedded database while the server runs (what `ssj backup FILE --url` fetches)',
    handler: async (ctx, req) => {
      const now = ctx.now();
      const backup = await createBackup(ctx.db, req.actor, now);
      if (!backup.ok) {
        throw new AppError(
          'bad_request',
          '本平台使用 PostgreSQL 数据库（DATABASE_URL）：请用 pg_dump 备份、pg_restore 恢复（见 README“备份”一节）',
        );
      }
      return new FileResponse('application/x-tar', backupFileName(now), backup.value.archive);
    },
  }),
];
