import { z } from 'zod';
import { FOLLOW_UP_TYPES, INSPECTION_METHODS, RESULT_CODES } from '@ssj/core';
import type {
  FollowUpDto,
  InspectionDto,
  InspectionListDto,
  InspectionSaveInput,
  PublicResultPageDto,
  SessionUserDto,
} from '../../api-types.ts';
import { ALL_STAFF } from '../../auth/access.ts';
import { AppError } from '../../http/app-error.ts';
import type { AppContext } from '../../http/app-context.ts';
import { FileResponse } from '../../http/file-response.ts';
import { readMultipart, sniffLetterType } from '../../http/multipart.ts';
import { defineRoute } from '../../http/route.ts';
import { formatChinaDate, loadWorkCalendar } from '../calendar/calendar-store.ts';
import { dispatchPublishedDraws } from './dispatch-inspections.ts';
import type { InspectionViewer } from './inspection-access.ts';
import {
  addEvidence,
  loadEvidenceFile,
  MAX_EVIDENCE_BYTES,
  reviewInspection,
  saveInspection,
} from './inspection-actions.ts';
import { describeInspectionError, type InspectionError } from './inspection-errors.ts';
import { listInspections, loadInspection } from './inspection-queries.ts';
import { listFollowUps, listPublicFollowUps, updateFollowUp } from './follow-up-store.ts';
import { invalidatePublicCache, readThroughPublicCache } from './public-cache.ts';
import { searchPublicResults } from './public-results.ts';
import { formatResultsCsv } from './results-csv.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });
type IdParams = z.infer<typeof idParams>;

const listQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(['draft', 'submitted', 'returned', 'published']).optional(),
  urgency: z.enum(['overdue', 'due']).optional(),
  region: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  department: z.coerce.number().int().positive().optional(),
  task: z.string().max(20).optional(),
  q: z.string().max(100).optional(),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

const saveBody = z.object({
  method: z.enum(INSPECTION_METHODS).nullable().optional(),
  inspectedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD')
    .nullable()
    .optional(),
  findings: z.string().max(10000).optional(),
  results: z
    .array(
      z.object({
        taskId: z.number().int().positive(),
        matter: z.string().min(1).max(500),
        codes: z.array(z.string().max(4)).max(RESULT_CODES.length),
        note: z.string().max(2000).optional(),
        recognisedResultId: z.number().int().positive().nullable().optional(),
      }),
    )
    .max(200),
});

const reviewBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('return'), reason: z.string().trim().min(2, '退回须写明理由').max(2000) }),
  z.object({ action: z.literal('approve') }),
]);

const followUpBody = z.object({
  type: z.enum(FOLLOW_UP_TYPES).optional(),
  outcome: z.string().max(4000).optional(),
  closedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD')
    .optional(),
});

const publicQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z
    .string()
    .trim()
    .max(100)
    .refine((q) => q === '' || q.length >= 3, '请输入至少 3 个字的名称，或统一社会信用代码 / 注册号')
    .optional(),
  department: z.coerce.number().int().positive().optional(),
  region: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  code: z.enum(RESULT_CODES.map((c) => c.code) as [string, ...string[]]).optional(),
  task: z.string().max(20).optional(),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

/** Open-data downloads are capped per request (page with offset for more). */
const MAX_DOWNLOAD_ROWS = 50_000;

function toAppError(e: InspectionError): AppError {
  const code =
    e.kind === 'not_found'
      ? 'not_found'
      : e.kind === 'not_on_team' || e.kind === 'not_reviewer'
        ? 'forbidden'
        : e.kind === 'wrong_state'
          ? 'conflict'
          : 'validation_failed';
  return new AppError(code, describeInspectionError(e));
}

function requireUser(user: SessionUserDto | null): SessionUserDto {
  if (user === null) throw new AppError('unauthenticated', '请先登录');
  return user;
}

/** The session user plus, for an inspector, the register entry linked to the account. */
export async function loadViewer(ctx: AppContext, user: SessionUserDto | null): Promise<InspectionViewer> {
  const u = requireUser(user);
  if (u.role !== 'inspector') return { user: u, inspectorId: null };
  const row = await ctx.db
    .selectFrom('users')
    .select('inspector_id')
    .where('id', '=', u.id)
    .executeTakeFirst();
  return { user: u, inspectorId: row?.inspector_id ?? null };
}

function today(ctx: AppContext): string {
  return formatChinaDate(ctx.now());
}

async function requireInspection(
  ctx: AppContext,
  viewer: InspectionViewer,
  id: number,
): Promise<InspectionDto> {
  const found = await loadInspection(ctx.db, await loadWorkCalendar(ctx.db), viewer, id, today(ctx));
  if (found === null) throw toAppError({ kind: 'not_found', id });
  return found;
}

export const inspectionRoutes = [
  defineRoute<unknown, z.infer<typeof listQuery>, unknown, InspectionListDto>({
    method: 'GET',
    url: '/api/inspections',
    access: { kind: 'staff', roles: ALL_STAFF, jurisdiction: 'none' },
    summary: 'Inspections the user sees (an inspector: its team visits), unpublished by deadline first',
    query: listQuery,
    handler: async (ctx, req) => {
      const viewer = await loadViewer(ctx, req.user);
      const q = req.query;
      const page = await listInspections(
        ctx.db,
        await loadWorkCalendar(ctx.db),
        viewer,
        {
          year: q.year,
          status: q.status,
          urgency: q.urgency,
          regionCode: q.region,
          departmentId: q.department,
          taskCode: q.task,
          search: q.q,
          offset: q.offset,
          limit: q.limit,
        },
        today(ctx),
      );
      return { ...page, today: today(ctx) };
    },
  }),
  defineRoute<IdParams, unknown, unknown, InspectionDto>({
    method: 'GET',
    url: '/api/inspections/:id',
    access: { kind: 'staff', roles: ALL_STAFF, jurisdiction: 'none' },
    summary: 'One inspection with object, tasks, team, results, evidence, reviews and recognition offers',
    params: idParams,
    handler: async (ctx, req) => requireInspection(ctx, await loadViewer(ctx, req.user), req.params.id),
  }),
  defineRoute<IdParams, unknown, InspectionSaveInput, InspectionDto>({
    method: 'PUT',
    url: '/api/inspections/:id',
    access: { kind: 'staff', roles: ['inspector', 'department_admin'], jurisdiction: 'none' },
    summary: 'Save the team entry as a draft (未录入 / 审核退回)',
    params: idParams,
    body: saveBody,
    handler: async (ctx, req) => {
      const viewer = await loadViewer(ctx, req.user);
      const saved = await saveInspection(ctx.db, req.actor, viewer, req.params.id, req.body, {
        submit: false,
        today: today(ctx),
      });
      if (!saved.ok) throw toAppError(saved.error);
      return requireInspection(ctx, viewer, req.params.id);
    },
  }),
  defineRoute<IdParams, unknown, InspectionSaveInput, InspectionDto>({
    method: 'POST',
    url: '/api/inspections/:id/submit',
    access: { kind: 'staff', roles: ['inspector', 'department_admin'], jurisdiction: 'none' },
    summary:
      'Submit the results for review (→ 待审核): every matter answered, method and date, 2 valid 执法证',
    params: idParams,
    body: saveBody,
    handler: async (ctx, req) => {
      const viewer = await loadViewer(ctx, req.user);
      const saved = await saveInspection(ctx.db, req.actor, viewer, req.params.id, req.body, {
        submit: true,
        today: today(ctx),
      });
      if (!saved.ok) throw toAppError(saved.error);
      return requireInspection(ctx, viewer, req.params.id);
    },
  }),
  defineRoute<IdParams, unknown, z.infer<typeof reviewBody>, InspectionDto>({
    method: 'POST',
    url: '/api/inspections/:id/review',
    access: { kind: 'staff', roles: ['department_admin'], jurisdiction: 'none' },
    summary: 'The responsible department returns (with a reason) or approves, which publishes (已公示)',
    params: idParams,
    body: reviewBody,
    handler: async (ctx, req) => {
      const viewer = await loadViewer(ctx, req.user);
      const done = await reviewInspection(ctx.db, req.actor, viewer, req.params.id, req.body, today(ctx));
      if (!done.ok) throw toAppError(done.error);
      if (done.value.status === 'published') invalidatePublicCache();
      return requireInspection(ctx, viewer, req.params.id);
    },
  }),
  defineRoute<IdParams, unknown, unknown, InspectionDto>({
    method: 'POST',
    url: '/api/inspections/:id/evidence',
    access: { kind: 'staff', roles: ['inspector', 'department_admin'], jurisdiction: 'none' },
    summary: 'Upload a photo or PDF as evidence (JPEG, PNG, PDF by content; at most 10 MB)',
    params: idParams,
    handler: async (ctx, req) => {
      const viewer = await loadViewer(ctx, req.user);
      const body = await readMultipart(req.raw, MAX_EVIDENCE_BYTES);
      const file = body.files['file'];
      if (file === undefined) throw new AppError('bad_request', '请选择要上传的照片或 PDF 文件');
      const mimeType = sniffLetterType(file.bytes);
      if (mimeType === null) {
        throw new AppError(
          'unsupported_media_type',
          `文件“${file.fileName}”不是 JPEG、PNG 照片或 PDF 文件，未保存`,
        );
      }
      const added = await addEvidence(ctx.db, req.actor, viewer, req.params.id, {
        fileName: file.fileName,
        mimeType,
        bytes: file.bytes,
        caption: body.fields['caption'] ?? '',
      });
      if (!added.ok) throw toAppError(added.error);
      return requireInspection(ctx, viewer, req.params.id);
    },
  }),
  defineRoute<{ id: number; evidenceId: number }, unknown, unknown, FileResponse>({
    method: 'GET',
    url: '/api/inspections/:id/evidence/:evidenceId',
    access: { kind: 'staff', roles: ALL_STAFF, jurisdiction: 'none' },
    summary: 'Download an evidence file of a visible inspection',
    params: z.object({
      id: z.coerce.number().int().positive(),
      evidenceId: z.coerce.number().int().positive(),
    }),
    handler: async (ctx, req) => {
      const viewer = await loadViewer(ctx, req.user);
      const file = await loadEvidenceFile(ctx.db, viewer, req.params.id, req.params.evidenceId);
      if (file === null) throw new AppError('not_found', `找不到证据文件 ${String(req.params.evidenceId)}`);
      return new FileResponse(file.mimeType, file.fileName, file.content, 'inline');
    },
  }),
  defineRoute<
    unknown,
    unknown,
    { year?: number | undefined },
    { draws: number; created: number; joined: number }
  >({
    method: 'POST',
    url: '/api/inspections/dispatch',
    access: { kind: 'staff', roles: ['office_admin'], jurisdiction: 'none' },
    summary: 'Dispatch the published draws not yet dispatched (normally automatic after a draw session)',
    body: z.object({ year: z.number().int().min(2000).max(2100).optional() }),
    handler: async (ctx, req) => dispatchPublishedDraws(ctx.db, req.actor, req.body.year ?? null),
  }),
  defineRoute<
    unknown,
    { year?: number | undefined; state?: 'open' | 'closed' | undefined },
    unknown,
    { followUps: FollowUpDto[] }
  >({
    method: 'GET',
    url: '/api/follow-ups',
    access: { kind: 'staff', roles: ['office_admin', 'department_admin', 'auditor'], jurisdiction: 'none' },
    summary: 'Follow-up cases (后续处置): a department its own, the office and auditors by region',
    query: z.object({
      year: z.coerce.number().int().min(2000).max(2100).optional(),
      state: z.enum(['open', 'closed']).optional(),
    }),
    handler: async (ctx, req) => ({
      followUps: await listFollowUps(ctx.db, requireUser(req.user), req.query),
    }),
  }),
  defineRoute<IdParams, unknown, z.infer<typeof followUpBody>, FollowUpDto>({
    method: 'PATCH',
    url: '/api/follow-ups/:id',
    access: { kind: 'staff', roles: ['office_admin', 'department_admin'], jurisdiction: 'none' },
    summary: 'Set the type and outcome of a follow-up case, or close it with a date (then public)',
    params: idParams,
    body: followUpBody,
    handler: async (ctx, req) => {
      const updated = await updateFollowUp(ctx.db, req.actor, requireUser(req.user), req.params.id, req.body);
      if (!updated.ok) throw toAppError(updated.error);
      if (updated.value.state === 'closed') invalidatePublicCache();
      return updated.value;
    },
  }),
  defineRoute<unknown, z.infer<typeof publicQuery>, unknown, PublicResultPageDto>({
    method: 'GET',
    url: '/api/public/results',
    access: { kind: 'public' },
    summary:
      'Published results (抽查结果): search by name or USCC, filter by department, region, result code',
    query: publicQuery,
    handler: async (ctx, req) =>
      readThroughPublicCache(ctx.db, `results:${JSON.stringify(req.query)}`, ctx.now().getTime(), () =>
        searchPublicResults(ctx.db, {
          year: req.query.year,
          search: req.query.q,
          departmentId: req.query.department,
          regionCode: req.query.region,
          code: req.query.code,
          taskCode: req.query.task,
          offset: req.query.offset,
          limit: req.query.limit,
        }),
      ),
  }),
  defineRoute<{ format: 'csv' | 'json' }, z.infer<typeof publicQuery>, unknown, FileResponse>({
    method: 'GET',
    url: '/api/public/results/download.:format',
    access: { kind: 'public' },
    summary: 'Published results as open data (CSV or JSON; at most 50,000 rows a request, page with offset)',
    params: z.object({ format: z.enum(['csv', 'json']) }),
    query: publicQuery,
    handler: async (ctx, req) => {
      const page = await searchPublicResults(ctx.db, {
        year: req.query.year,
        search: req.query.q,
        departmentId: req.query.department,
        regionCode: req.query.region,
        code: req.query.code,
        taskCode: req.query.task,
        offset: req.query.offset,
        limit: MAX_DOWNLOAD_ROWS,
      });
      const name = `抽查结果-${req.query.year === undefined ? '全部' : String(req.query.year)}`;
      if (req.params.format === 'json') {
        return new FileResponse(
          'application/json; charset=utf-8',
          `${name}.json`,
          new TextEncoder().encode(JSON.stringify(page, null, 1)),
        );
      }
      return new FileResponse('text/csv; charset=utf-8', `${name}.csv`, formatResultsCsv(page.results));
    },
  }),
  defineRoute<
    unknown,
    { year?: number | undefined; q?: string | undefined; offset: number; limit: number },
    unknown,
    { followUps: FollowUpDto[] }
  >({
    method: 'GET',
    url: '/api/public/follow-ups',
    access: { kind: 'public' },
    summary: 'Closed follow-up cases with their outcomes (后续处置结果)',
    query: z.object({
      year: z.coerce.number().int().min(2000).max(2100).optional(),
      q: z.string().max(100).optional(),
      offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    handler: async (ctx, req) => ({
      followUps: await readThroughPublicCache(
        ctx.db,
        `follow-ups:${JSON.stringify(req.query)}`,
        ctx.now().getTime(),
        () =>
          listPublicFollowUps(ctx.db, {
            year: req.query.year,
            search: req.query.q,
            offset: req.query.offset,
            limit: req.query.limit,
          }),
      ),
    }),
  }),
];
