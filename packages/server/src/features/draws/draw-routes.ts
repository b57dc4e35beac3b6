import { invalidatePublicCache, readThroughPublicCache } from '../inspections/public-cache.ts';
import { z } from 'zod';
import { CITY_REGION_CODE } from '@ssj/core';
import type { DrawDto, DrawListItemDto, DrawSessionDto, JointVisitDto } from '../../api-types.ts';
import { ALL_STAFF } from '../../auth/access.ts';
import { AppError } from '../../http/app-error.ts';
import { FileResponse } from '../../http/file-response.ts';
import { defineRoute } from '../../http/route.ts';
import { describeDrawError, type DrawError } from './draw-errors.ts';
import {
  listDraws,
  listDrawSessions,
  loadDraw,
  loadDrawRecord,
  loadDrawSession,
  loadStrataFile,
} from './draw-queries.ts';
import { freezeDrawSession } from './freeze-session.ts';
import { proposeJointVisits } from './joint-visits.ts';
import { publishDrawSession } from './publish-session.ts';
import { enterSessionSeed } from './seed-session.ts';
import { dispatchPublishedDraws } from '../inspections/dispatch-inspections.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });
type IdParams = z.infer<typeof idParams>;

const freezeBody = z.object({
  year: z.number().int().min(2000).max(2100),
  title: z.string().trim().min(1).max(200),
  items: z
    .array(
      z.object({
        taskCode: z.string().regex(/^JC\d{4}-\d{3,4}$/, '任务编号形如 JC2023-001'),
        batch: z.number().int().min(1).max(12),
        redrawReason: z.string().trim().min(4, '重抽须写明理由').max(500).optional(),
      }),
    )
    .min(1, '至少选择一个任务批次')
    .max(2000),
});

const seedBody = z.object({
  digits: z
    .string()
    .trim()
    .regex(/^\d{20,200}$/, '随机种子须为至少 20 位十进制数字'),
  beacon: z.string().trim().min(1).max(500).nullable().optional(),
  witnesses: z.array(z.string().trim().min(1).max(50)).min(2, '至少两名见证人').max(10),
});

const listQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  task: z.string().max(20).optional(),
});

function toAppError(e: DrawError): AppError {
  const code =
    e.kind === 'task_not_found' ||
    e.kind === 'session_not_found' ||
    e.kind === 'draw_not_found' ||
    e.kind === 'no_published_plan'
      ? 'not_found'
      : e.kind === 'already_drawn' || e.kind === 'wrong_state' || e.kind === 'redraw_pending'
        ? 'conflict'
        : 'validation_failed';
  return new AppError(code, describeDrawError(e));
}

async function requireSession(
  ctx: Parameters<Parameters<typeof defineRoute>[0]['handler']>[0],
  id: number,
): Promise<DrawSessionDto> {
  const session = await loadDrawSession(ctx.db, id);
  if (session === null) throw new AppError('not_found', `找不到抽取会 ${id}`);
  return session;
}

export const drawRoutes = [
  defineRoute<unknown, unknown, z.infer<typeof freezeBody>, DrawSessionDto>({
    method: 'POST',
    url: '/api/draw-sessions',
    access: { kind: 'staff', roles: ['office_admin'], jurisdiction: 'none' },
    summary:
      'Hold a draw session (抽取会): freeze the frames of the chosen task batches and publish their hashes',
    body: freezeBody,
    handler: async (ctx, req) => {
      const frozen = await freezeDrawSession(ctx.db, req.actor, req.body);
      if (!frozen.ok) throw toAppError(frozen.error);
      return requireSession(ctx, frozen.value.sessionId);
    },
  }),
  defineRoute<IdParams, unknown, z.infer<typeof seedBody>, DrawSessionDto>({
    method: 'POST',
    url: '/api/draw-sessions/:id/seed',
    access: { kind: 'staff', roles: ['office_admin'], jurisdiction: 'none' },
    summary:
      'Enter the seed made in public (dice digits by ≥ 2 witnesses, optional beacon); entered once, never edited',
    params: idParams,
    body: seedBody,
    handler: async (ctx, req) => {
      const seeded = await enterSessionSeed(ctx.db, req.actor, req.params.id, {
        digits: req.body.digits,
        beacon: req.body.beacon ?? null,
        witnesses: req.body.witnesses,
      });
      if (!seeded.ok) throw toAppError(seeded.error);
      return requireSession(ctx, req.params.id);
    },
  }),
  defineRoute<IdParams, unknown, unknown, DrawSessionDto>({
    method: 'POST',
    url: '/api/draw-sessions/:id/publish',
    access: { kind: 'staff', roles: ['office_admin'], jurisdiction: 'none' },
    summary: 'Draw targets and inspectors of every frame of a seeded session and publish the records',
    params: idParams,
    handler: async (ctx, req) => {
      const published = await publishDrawSession(ctx.db, req.actor, req.params.id);
      if (!published.ok) throw toAppError(published.error);
      // New draws, and an old one now superseded, on the portal at once.
      invalidatePublicCache();
      // Each drawn target becomes an inspection for its team (idempotent; redone at start-up if this is cut off).
      await dispatchPublishedDraws(ctx.db, req.actor);
      return requireSession(ctx, req.params.id);
    },
  }),
  defineRoute<unknown, unknown, unknown, { sessions: DrawSessionDto[] }>({
    method: 'GET',
    url: '/api/public/draw-sessions',
    access: { kind: 'public' },
    summary: 'Draw sessions with their frame hashes (public from freezing on), seeds and draws',
    handler: async (ctx) => ({ sessions: await listDrawSessions(ctx.db) }),
  }),
  defineRoute<IdParams, unknown, unknown, DrawSessionDto>({
    method: 'GET',
    url: '/api/public/draw-sessions/:id',
    access: { kind: 'public' },
    summary: 'One draw session: frames and hashes, the seed once entered, the draws once published',
    params: idParams,
    handler: async (ctx, req) => requireSession(ctx, req.params.id),
  }),
  defineRoute<unknown, z.infer<typeof listQuery>, unknown, { draws: DrawListItemDto[] }>({
    method: 'GET',
    url: '/api/public/draws',
    access: { kind: 'public' },
    summary: 'Published draws (抽查任务 batches), newest first',
    query: listQuery,
    handler: async (ctx, req) => ({
      draws: await listDraws(ctx.db, { year: req.query.year, taskCode: req.query.task }),
    }),
  }),
  defineRoute<IdParams, unknown, unknown, DrawDto>({
    method: 'GET',
    url: '/api/public/draws/:id',
    access: { kind: 'public' },
    summary: 'A published draw: the drawn list with tickets and teams (by public inspector code)',
    params: idParams,
    handler: (ctx, req) =>
      readThroughPublicCache(ctx.db, `draw:${String(req.params.id)}`, ctx.now().getTime(), async () => {
        const draw = await loadDraw(ctx.db, req.params.id);
        if (draw === null) throw new AppError('not_found', `找不到抽取结果 ${req.params.id}`);
        return draw;
      }),
  }),
  defineRoute<IdParams, unknown, unknown, FileResponse>({
    method: 'GET',
    url: '/api/public/draws/:id/record.json',
    access: { kind: 'public' },
    summary: 'The published draw record that ssj verify, tools/verify.py and the portal verifier read',
    params: idParams,
    handler: async (ctx, req) => {
      const record = await loadDrawRecord(ctx.db, req.params.id);
      if (record === null) throw new AppError('not_found', `找不到抽取结果 ${req.params.id}`);
      const bytes = new TextEncoder().encode(`${JSON.stringify(record, null, 1)}\n`);
      return new FileResponse(
        'application/json; charset=utf-8',
        `${record.task.code}-batch${String(record.task.batch)}-record.json`,
        bytes,
        'inline',
      );
    },
  }),
  defineRoute<IdParams, unknown, unknown, FileResponse>({
    method: 'GET',
    url: '/api/draws/:id/strata.json',
    access: { kind: 'staff', roles: ['auditor', 'office_admin'], jurisdiction: 'none' },
    summary: 'The sealed strata file of a draw (auditors): verifies the per-stratum selection fully',
    params: idParams,
    handler: async (ctx, req) => {
      const strata = await loadStrataFile(ctx.db, req.params.id);
      if (strata === null) throw new AppError('not_found', '该抽取没有分层（单一层），无需分层文件');
      const bytes = new TextEncoder().encode(`${JSON.stringify(strata, null, 1)}\n`);
      return new FileResponse(
        'application/json; charset=utf-8',
        `draw-${String(req.params.id)}-strata.json`,
        bytes,
      );
    },
  }),
  defineRoute<unknown, { year: number }, unknown, { visits: JointVisitDto[] }>({
    method: 'GET',
    url: '/api/joint-visits',
    access: { kind: 'staff', roles: ALL_STAFF, jurisdiction: 'none' },
    summary:
      'Targets drawn by several tasks with overlapping windows, proposed as one joint visit (county: own region)',
    query: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
    handler: async (ctx, req) => {
      const user = req.user;
      const region = user === null || user.regionCode === CITY_REGION_CODE ? null : user.regionCode;
      return { visits: await proposeJointVisits(ctx.db, req.query.year, region) };
    },
  }),
];
