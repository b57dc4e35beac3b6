import { sql } from 'kysely';
import type { HealthDto } from '../../api-types.ts';
import { defineRoute } from '../../http/route.ts';

export const healthRoutes = [
  defineRoute<unknown, unknown, unknown, HealthDto>({
    method: 'GET',
    url: '/api/health',
    access: { kind: 'public' },
    summary: 'Liveness and database reachability',
    handler: async (ctx) => {
      await sql`select 1`.execute(ctx.db);
      return { status: 'ok', database: ctx.databaseKind, version: ctx.version };
    },
  }),
];
