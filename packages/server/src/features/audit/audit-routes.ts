import { sql } from 'kysely';
import { z } from 'zod';
import type { AuditAnchorDto, AuditEntryDto } from '../../api-types.ts';
import { verifyAuditChain, type AuditVerification } from '../../audit/audit-log.ts';
import { defineRoute } from '../../http/route.ts';

const listQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  action: z.string().max(100).optional(),
});

export const auditRoutes = [
  defineRoute<unknown, z.infer<typeof listQuery>, unknown, { entries: AuditEntryDto[] }>({
    method: 'GET',
    url: '/api/audit-log',
    access: { kind: 'staff', roles: ['auditor', 'office_admin'], jurisdiction: 'none' },
    summary: 'The audit log, newest first (auditors browse and export it)',
    query: listQuery,
    handler: async (ctx, req) => {
      let query = ctx.db
        .selectFrom('audit_log as a')
        .leftJoin('users as u', 'u.id', 'a.actor_user_id')
        .select([
          'a.id',
          'a.at',
          'a.actor_user_id',
          'u.display_name',
          'a.actor_role',
          'a.action',
          'a.entity',
          'a.entity_id',
          'a.before_digest',
          'a.after_digest',
          'a.request_id',
          'a.prev_hash',
          'a.hash',
        ])
        .orderBy('a.id', 'desc')
        .limit(req.query.limit);
      if (req.query.before !== undefined) query = query.where('a.id', '<', req.query.before);
      if (req.query.action !== undefined) query = query.where('a.action', '=', req.query.action);
      const rows = await query.execute();
      return {
        entries: rows.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          actorUserId: r.actor_user_id,
          actorName: r.display_name,
          actorRole: r.actor_role,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          beforeDigest: r.before_digest,
          afterDigest: r.after_digest,
          requestId: r.request_id,
          prevHash: r.prev_hash,
          hash: r.hash,
        })),
      };
    },
  }),
  defineRoute<unknown, unknown, unknown, AuditVerification>({
    method: 'GET',
    url: '/api/audit-log/verification',
    access: { kind: 'staff', roles: ['auditor', 'office_admin'], jurisdiction: 'none' },
    summary: 'Walk the audit chain and report the first broken entry',
    handler: async (ctx) => verifyAuditChain(ctx.db),
  }),
  defineRoute<unknown, unknown, unknown, { anchors: AuditAnchorDto[] }>({
    method: 'GET',
    url: '/api/public/audit-anchors',
    access: { kind: 'public' },
    summary: "Daily anchors of the audit chain: each day's last entry hash (UTC days)",
    handler: async (ctx) => {
      const rows = await sql<{ day: string; entries: string; last_id: number }>`
        select to_char(at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*) as entries, max(id) as last_id
        from audit_log group by 1 order by 1 desc limit 366`.execute(ctx.db);
      const ids = rows.rows.map((r) => r.last_id);
      const heads =
        ids.length === 0
          ? []
          : await ctx.db.selectFrom('audit_log').select(['id', 'hash']).where('id', 'in', ids).execute();
      const hashOf = new Map(heads.map((h) => [h.id, h.hash]));
      return {
        anchors: rows.rows.map((r) => ({
          day: r.day,
          entries: Number(r.entries),
          lastEntryId: r.last_id,
          headHash: hashOf.get(r.last_id) ?? '',
        })),
      };
    },
  }),
];
