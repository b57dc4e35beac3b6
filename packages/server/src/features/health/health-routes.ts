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
  defineRoute<unknown, unknown, unknown, { pong: true }>({
    method: 'GET',
    url: '/api/ping',
    access: { kind: 'public' },
    summary: 'Bare liveness (no database): the hello-world baseline of the benchmarks',
    handler: () => Promise.resolve({ pong: true as const }),
  }),
];
