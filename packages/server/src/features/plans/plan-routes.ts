import { invalidatePublicCache, readThroughPublicCache } from '../inspections/public-cache.ts';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import {
  CITY_REGION_CODE,
  findPlanRegion,
  translatePlanWarning,
  writePlanXlsx,
  type PlanTask,
} from '@ssj/core';
import type {
  ChangeRequestDto,
  PlanChangeDto,
  PlanPreviewDto,
  PlanSummaryDto,
  PlanTasksDto,
} from '../../api-types.ts';
import { ALL_STAFF } from '../../auth/access.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import { FileResponse } from '../../http/file-response.ts';
import { readMultipart, sniffLetterType } from '../../http/multipart.ts';
import { defineRoute } from '../../http/route.ts';
import {
  approveChangeRequest,
  createChangeRequest,
  describeChangeRequestError,
  listChangeRequests,
  listPlanChanges,
  loadLetter,
  loadPlanVersionTasks,
  rejectChangeRequest,
} from './change-request-store.ts';
import { parsePlanUpload } from './parse-plan-upload.ts';
import { findPlanSummary, listPlanTasks, listPlanYears, toTaskDtos } from './plan-queries.ts';
import { idParamsSchema, planDraftSchema, planTaskSchema, yearParamsSchema } from './plan-schemas.ts';
import {
  loadPlanTasks,
  describeImportPlanError,
  importPlanDraft,
  publishPlan,
  resolveTaskDepartments,
} from './plan-store.ts';

const taskQuery = z.object({
  region: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  department: z.coerce.number().int().positive().optional(),
});
const publicTaskQuery = taskQuery.extend({ version: z.coerce.number().int().positive().optional() });

type YearParams = z.infer<typeof yearParamsSchema>;
type IdParams = z.infer<typeof idParamsSchema>;
type TaskQuery = z.infer<typeof taskQuery>;

/** Plan files up to 20 MB; stamped letters up to 10 MB. */
export const MAX_PLAN_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_LETTER_BYTES = 10 * 1024 * 1024;

function stripId(plan: PlanSummaryDto & { id: number }): PlanSummaryDto {
  const { id: _id, ...rest } = plan;
  return rest;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function exportPlanXlsx(
  db: Kysely<Database>,
  planId: number,
  year: number,
  title: string,
): Promise<FileResponse> {
  const tasks = await loadPlanTasks(db, planId);
  const bytes = await writePlanXlsx(tasks, { year, title });
  return new FileResponse(XLSX_TYPE, `${year}年度部门联合双随机抽查计划.xlsx`, bytes);
}

/** One change request in the API shape (its region is for access checks only). */
async function loadChangeRequest(db: Kysely<Database>, id: number): Promise<ChangeRequestDto> {
  const [dto] = await listChangeRequests(db, { id });
  if (dto === undefined) throw new AppError('internal', `申请 ${String(id)} 未找到`);
  const { regionCode: _r, ...rest } = dto;
  return rest;
}

async function requirePublishedPlan(
  ctx: Parameters<Parameters<typeof defineRoute>[0]['handler']>[0],
  year: number,
): Promise<PlanSummaryDto & { id: number }> {
  const plan = await findPlanSummary(ctx.db, year, { publishedOnly: true });
  if (plan === null) throw new AppError('not_found', `${year} 年度计划尚未发布`);
  return plan;
}

export const planRoutes = [
  defineRoute<unknown, unknown, unknown, { years: number[] }>({
    method: 'GET',
    url: '/api/public/plans',
    access: { kind: 'public' },
    summary: 'Years with a published joint plan',
    handler: async (ctx) => ({ years: await listPlanYears(ctx.db, { publishedOnly: true }) }),
  }),
  defineRoute<YearParams, z.infer<typeof publicTaskQuery>, unknown, PlanTasksDto>({
    method: 'GET',
    url: '/api/public/plans/:year',
    access: { kind: 'public' },
    summary:
      'A published plan (current or an earlier version), its history and its tasks by region or department',
    params: yearParamsSchema,
    query: publicTaskQuery,
    // Read by every portal visitor and changed only by a publication or an approved change (which drop the cache).
    handler: (ctx, req) =>
      readThroughPublicCache(
        ctx.db,
        `plan:${String(req.params.year)}:${JSON.stringify(req.query)}`,
        ctx.now().getTime(),
        async () => {
          const plan = await requirePublishedPlan(ctx, req.params.year);
          const filter = { regionCode: req.query.region, departmentId: req.query.department };
          const version = req.query.version;
          if (version !== undefined && version !== plan.version) {
            const snapshot = await loadPlanVersionTasks(ctx.db, plan.id, version);
            if (snapshot === null) throw new AppError('not_found', `没有版本 ${version}`);
            return {
              plan: { ...stripId(plan), version },
              tasks: await toTaskDtos(ctx.db, plan.year, snapshot, filter),
            };
          }
          return { plan: stripId(plan), tasks: await listPlanTasks(ctx.db, plan.id, filter) };
        },
      ),
  }),
  defineRoute<YearParams, unknown, unknown, FileResponse>({
    method: 'GET',
    url: '/api/public/plans/:year/export.xlsx',
    access: { kind: 'public' },
    summary: 'The published plan (current version) as the annex .xlsx, in the notice’s columns',
    params: yearParamsSchema,
    handler: async (ctx, req) => {
      const plan = await requirePublishedPlan(ctx, req.params.year);
      return exportPlanXlsx(ctx.db, plan.id, plan.year, plan.title);
    },
  }),
  defineRoute<YearParams, unknown, unknown, FileResponse>({
    method: 'GET',
    url: '/api/plans/:year/export.xlsx',
    access: { kind: 'staff', roles: ALL_STAFF, jurisdiction: 'none' },
    summary: 'A plan (draft or published) as the annex .xlsx',
    params: yearParamsSchema,
    handler: async (ctx, req) => {
      const plan = await findPlanSummary(ctx.db, req.params.year, { publishedOnly: false });
      if (plan === null) throw new AppError('not_found', `没有 ${req.params.year} 年度计划`);
      return exportPlanXlsx(ctx.db, plan.id, plan.year, plan.title);
    },
  }),
  defineRoute<YearParams, unknown, unknown, { changes: PlanChangeDto[] }>({
    method: 'GET',
    url: '/api/public/plans/:year/changes',
    access: { kind: 'public' },
    summary: 'The change history of a published plan (publication and every approved change)',
    params: yearParamsSchema,
    handler: async (ctx, req) => {
      const plan = await requirePublishedPlan(ctx, req.params.year);
      return { changes: await listPlanChanges(ctx.db, plan.id) };
    },
  }),
  defineRoute<unknown, unknown, unknown, { years: number[] }>({
    method: 'GET',
    url: '/api/plans',
    access: { kind: 'staff', roles: ALL_STAFF, jurisdiction: 'none' },
    summary: 'Years with a plan, drafts included',
    handler: async (ctx) => ({ years: await listPlanYears(ctx.db, { publishedOnly: false }) }),
  }),
  defineRoute<YearParams, TaskQuery, unknown, PlanTasksDto>({
    method: 'GET',
    url: '/api/plans/:year',
    access: { kind: 'staff', roles: ALL_STAFF, jurisdiction: 'read' },
    summary: 'A plan (draft or published) with its tasks; a county user sees its own region',
    params: yearParamsSchema,
    query: taskQuery,
    region: (_ctx, req) => Promise.resolve(req.query.region ?? null),
    handler: async (ctx, req) => {
      const plan = await findPlanSummary(ctx.db, req.params.year, { publishedOnly: false });
      if (plan === null) throw new AppError('not_found', `没有 ${req.params.year} 年度计划`);
      const user = req.user;
      // Without a region filter a county user gets its own region's tasks; the city sees all.
      const regionCode =
        req.query.region ??
        (user !== null && user.regionCode !== CITY_REGION_CODE ? user.regionCode : undefined);
      const tasks = await listPlanTasks(ctx.db, plan.id, { regionCode, departmentId: req.query.department });
      return { plan: stripId(plan), tasks };
    },
  }),
  defineRoute<unknown, unknown, unknown, PlanPreviewDto>({
    method: 'POST',
    url: '/api/plans/preview',
    access: { kind: 'staff', roles: ['office_admin'], jurisdiction: 'none' },
    summary:
      'Parse an uploaded plan notice (text, .xlsx, .xls, .docx) and return tasks and warnings; stores nothing',
    handler: async (_ctx, req) => {
      const body = await readMultipart(req.raw, MAX_PLAN_FILE_BYTES);
      const file = body.files['file'];
      if (file === undefined) throw new AppError('bad_request', '请选择要上传的计划文件');
      const parsed = await parsePlanUpload(file.bytes, file.fileName);
      if (!parsed.ok) throw new AppError('bad_request', parsed.error);
      return {
        fileName: file.fileName,
        format: parsed.value.format,
        tasks: parsed.value.tasks.map((t) => structuredClone(t) as PlanPreviewDto['tasks'][number]),
        warnings: parsed.value.warnings.map((w) => ({
          seq: w.seq,
          lines: [...w.lines],
          message: w.message,
          messageZh: translatePlanWarning(w.message),
        })),
      };
    },
  }),
  defineRoute<YearParams, unknown, z.infer<typeof planDraftSchema>, { year: number; taskCount: number }>({
    method: 'POST',
    url: '/api/plans/:year/draft',
    access: { kind: 'staff', roles: ['office_admin'], jurisdiction: 'none' },
    summary: "Store reviewed tasks as the year's draft plan (all or nothing)",
    params: yearParamsSchema,
    body: planDraftSchema,
    handler: async (ctx, req) => {
      const tasks = req.body.tasks.map((t) => resolveTaskDepartments(t as PlanTask));
      const result = await importPlanDraft(ctx.db, req.actor, {
        year: req.params.year,
        title: req.body.title,
        sourceName: req.body.sourceName,
        tasks,
      });
      if (!result.ok) {
        const code = result.error.kind === 'published_plan_exists' ? 'conflict' : 'validation_failed';
        throw new AppError(code, describeImportPlanError(result.error));
      }
      return { year: req.params.year, taskCount: result.value.taskCount };
    },
  }),
  defineRoute<YearParams, unknown, unknown, PlanSummaryDto>({
    method: 'POST',
    url: '/api/plans/:year/publish',
    access: { kind: 'staff', roles: ['office_admin'], jurisdiction: 'none' },
    summary: 'Publish the draft plan as version 1',
    params: yearParamsSchema,
    handler: async (ctx, req) => {
      const result = await publishPlan(ctx.db, req.actor, req.params.year);
      if (result.ok) invalidatePublicCache();
      if (!result.ok) {
        if (result.error.kind === 'not_found')
          throw new AppError('not_found', `没有 ${req.params.year} 年度计划草稿`);
        throw new AppError('conflict', `${req.params.year} 年度计划已发布`);
      }
      const plan = await findPlanSummary(ctx.db, req.params.year, { publishedOnly: true });
      if (plan === null) throw new AppError('internal', '发布后未找到计划');
      return stripId(plan);
    },
  }),
  defineRoute<YearParams, unknown, unknown, { changeRequests: ChangeRequestDto[] }>({
    method: 'GET',
    url: '/api/plans/:year/change-requests',
    access: { kind: 'staff', roles: ['office_admin', 'department_admin', 'auditor'], jurisdiction: 'none' },
    summary:
      "Change requests of a year's plan: the office and auditors see all in their jurisdiction, a department its own",
    params: yearParamsSchema,
    handler: async (ctx, req) => {
      const user = req.user;
      if (user === null) throw new AppError('unauthenticated', '请先登录');
      const all = await listChangeRequests(ctx.db, {
        year: req.params.year,
        ...(user.role === 'department_admin' && user.departmentId !== null
          ? { departmentId: user.departmentId }
          : {}),
      });
      const visible = all.filter(
        (c) => user.regionCode === CITY_REGION_CODE || c.regionCode === user.regionCode,
      );
      return { changeRequests: visible.map(({ regionCode: _r, ...rest }) => rest) };
    },
  }),
  defineRoute<YearParams, unknown, unknown, ChangeRequestDto>({
    method: 'POST',
    url: '/api/plans/:year/change-requests',
    access: { kind: 'staff', roles: ['department_admin'], jurisdiction: 'none' },
    summary:
      'Submit a change request (add / adjust / withdraw a task) with the stamped letter (PDF, PNG, JPEG)',
    params: yearParamsSchema,
    handler: async (ctx, req) => {
      const user = req.user;
      if (user === null) throw new AppError('unauthenticated', '请先登录');
      const body = await readMultipart(req.raw, MAX_LETTER_BYTES);
      const fields = z
        .object({
          kind: z.enum(['add', 'adjust', 'withdraw']),
          taskCode: z
            .string()
            .regex(/^JC\d{4}-\d{3,4}$/, '任务编号形如 JC2023-001')
            .optional(),
          task: z.string().optional(),
          reason: z.string().trim().min(2, '请填写调整理由').max(2000),
        })
        .safeParse(body.fields);
      if (!fields.success) {
        throw new AppError(
          'validation_failed',
          fields.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；'),
        );
      }
      let task: PlanTask | null = null;
      if (fields.data.task !== undefined && fields.data.task !== '') {
        let raw: unknown;
        try {
          raw = JSON.parse(fields.data.task);
        } catch {
          throw new AppError('validation_failed', '任务内容不是有效的 JSON');
        }
        const parsedTask = planTaskSchema.safeParse(raw);
        if (!parsedTask.success) {
          throw new AppError(
            'validation_failed',
            `任务内容有误：${parsedTask.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`,
          );
        }
        task = parsedTask.data;
        const region = findPlanRegion(task.region);
        if (region === undefined) throw new AppError('validation_failed', `无法识别地区“${task.region}”`);
        if (region.code !== user.regionCode) throw new AppError('forbidden', '只能为本地区的任务提出调整');
      }
      const letter = body.files['letter'];
      if (letter === undefined) throw new AppError('bad_request', '请上传盖章的书面申请（PDF 或图片）');
      const mimeType = sniffLetterType(letter.bytes);
      if (mimeType === null) {
        throw new AppError('unsupported_media_type', `文件“${letter.fileName}”不是 PDF、PNG 或 JPEG 文件`);
      }
      const created = await createChangeRequest(ctx.db, req.actor, user, {
        year: req.params.year,
        kind: fields.data.kind,
        taskCode: fields.data.taskCode ?? null,
        task,
        reason: fields.data.reason,
        letter: { fileName: letter.fileName.slice(0, 200), mimeType, bytes: letter.bytes },
      });
      if (!created.ok) {
        const code =
          created.error.kind === 'not_your_task' || created.error.kind === 'no_department'
            ? 'forbidden'
            : created.error.kind === 'task_not_found' || created.error.kind === 'no_published_plan'
              ? 'not_found'
              : 'validation_failed';
        throw new AppError(code, describeChangeRequestError(created.error));
      }
      return loadChangeRequest(ctx.db, created.value.id);
    },
  }),
  defineRoute<IdParams, unknown, unknown, FileResponse>({
    method: 'GET',
    url: '/api/change-requests/:id/letter',
    access: { kind: 'staff', roles: ['office_admin', 'department_admin', 'auditor'], jurisdiction: 'read' },
    summary: 'Download the stamped letter of a change request',
    params: idParamsSchema,
    region: async (ctx, req) => {
      const letter = await loadLetter(ctx.db, req.params.id);
      if (letter === null) throw new AppError('not_found', '找不到该调整申请');
      return letter.regionCode;
    },
    handler: async (ctx, req) => {
      const letter = await loadLetter(ctx.db, req.params.id);
      if (letter === null) throw new AppError('not_found', '找不到该调整申请');
      const user = req.user;
      if (user?.role === 'department_admin' && user.departmentId !== letter.departmentId) {
        throw new AppError('forbidden', '只能查看本部门的申请');
      }
      return new FileResponse(letter.mimeType, letter.fileName, letter.content);
    },
  }),
  defineRoute<IdParams, unknown, { reason?: string | undefined }, ChangeRequestDto>({
    method: 'POST',
    url: '/api/change-requests/:id/approve',
    access: { kind: 'staff', roles: ['office_admin'], jurisdiction: 'none' },
    summary: 'Approve a change request: the plan gets a new version',
    params: idParamsSchema,
    body: z.object({ reason: z.string().trim().max(2000).optional() }),
    handler: async (ctx, req) => {
      const result = await approveChangeRequest(ctx.db, req.actor, req.params.id, req.body.reason ?? null);
      if (result.ok) invalidatePublicCache();
      if (!result.ok) {
        throw new AppError(
          result.error.kind === 'not_found' ? 'not_found' : 'conflict',
          describeChangeRequestError(result.error),
        );
      }
      return loadChangeRequest(ctx.db, req.params.id);
    },
  }),
  defineRoute<IdParams, unknown, { reason: string }, ChangeRequestDto>({
    method: 'POST',
    url: '/api/change-requests/:id/reject',
    access: { kind: 'staff', roles: ['office_admin'], jurisdiction: 'none' },
    summary: 'Reject a change request with a reason',
    params: idParamsSchema,
    body: z.object({ reason: z.string().trim().min(2, '请填写驳回理由').max(2000) }),
    handler: async (ctx, req) => {
      const result = await rejectChangeRequest(ctx.db, req.actor, req.params.id, req.body.reason);
      if (!result.ok) {
        throw new AppError(
          result.error.kind === 'not_found' ? 'not_found' : 'conflict',
          describeChangeRequestError(result.error),
        );
      }
      return loadChangeRequest(ctx.db, req.params.id);
    },
  }),
];
