/**
 * HTTP routes of the registers 一单两库 (DOMAIN.md §2, issue "The registers"): the object register (the sealed risk
 * class only for office, department admins and auditors), the inspector register (personal data: never public), the
 * published item list, register imports (preview, dry run, import, the rejected-rows report) and the population
 * of each plan line (live count, confirmation).
 */
import { z } from 'zod';
import { CITY_REGION_CODE, isRegionWithin, OBJECT_CATEGORIES, OBJECT_KINDS } from '@ssj/core';
import type { ImportIssue, ObjectKind, PopulationRule, RegisterKind } from '@ssj/core';
import type {
  ImportIssueDto,
  ImportPreviewDto,
  ImportResultDto,
  InspectorDto,
  ItemDto,
  ObjectCategoryDto,
  ObjectPageDto,
  PopulationsDto,
  Role,
  SessionUserDto,
} from '../../api-types.ts';
import { AppError } from '../../http/app-error.ts';
import { FileResponse } from '../../http/file-response.ts';
import { readMultipart } from '../../http/multipart.ts';
import { defineRoute } from '../../http/route.ts';
import { importInspectors } from '../imports/import-inspectors.ts';
import { importItems } from '../imports/import-items.ts';
import { importObjects } from '../imports/import-objects.ts';
import type { ImportResult } from '../imports/import-types.ts';
import { listRegisterFields, previewRegisterFile } from '../imports/preview-register-file.ts';
import { UnreadableFileError } from '../imports/read-sheet-rows.ts';
import { writeImportReport } from '../imports/write-import-report.ts';
import { exportObjectsXlsx } from '../imports/export-objects.ts';
import { collectBytes, exportInspectorsXlsx, exportItemsXlsx } from '../imports/export-registers.ts';
import { findPlanSummary } from '../plans/plan-queries.ts';
import { yearParamsSchema } from '../plans/plan-schemas.ts';
import { findImportReport, keepImportReport } from './import-report-cache.ts';
import { populationRuleSchema } from './population-rule-schema.ts';
import { confirmPopulation, countFrame } from './population-store.ts';
import {
  findTaskLineRegion,
  listInspectors,
  listItems,
  listObjects,
  listPopulations,
  OBJECT_PAGE_SIZE,
} from './register-queries.ts';

/** Register files up to 50 MB. */
export const MAX_REGISTER_FILE_BYTES = 50 * 1024 * 1024;
/** Issues an import answer lists; the report holds them all. */
export const LISTED_IMPORT_ISSUES = 200;

/** Roles that see the sealed credit-risk class: not published, but not hidden from the office, admins, auditors. */
const RISK_CLASS_ROLES: readonly Role[] = ['office_admin', 'department_admin', 'auditor'];
const ADMINS: readonly Role[] = ['office_admin', 'department_admin'];

const regionCode = z.string().regex(/^\d{6}$/, '区划代码为 6 位数字');

const objectQuery = z.object({
  region: regionCode.optional(),
  q: z.string().trim().max(100).optional(),
  category: z.string().max(80).optional(),
  kind: z.enum(OBJECT_KINDS as readonly [ObjectKind, ...ObjectKind[]]).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
const inspectorQuery = z.object({
  department: z.coerce.number().int().positive().optional(),
  region: regionCode.optional(),
  q: z.string().trim().max(100).optional(),
});
const itemQuery = z.object({ department: z.coerce.number().int().positive().optional() });
const kindParams = z.object({ kind: z.enum(['objects', 'inspectors', 'items']) });
const reportParams = z.object({ id: z.string().regex(/^[0-9a-f]{32}$/, '报告编号无效') });
const populationQuery = z.object({ region: regionCode.optional() });
const taskLineParams = z.object({ taskLineId: z.coerce.number().int().positive() });

type ObjectQuery = z.infer<typeof objectQuery>;
type InspectorQuery = z.infer<typeof inspectorQuery>;
type KindParams = z.infer<typeof kindParams>;
type TaskLineParams = z.infer<typeof taskLineParams>;

/** A county user's own region when it asks for no region; the city sees every region. */
function defaultRegionOf(user: SessionUserDto | null, asked: string | undefined): string | undefined {
  if (asked !== undefined) return asked;
  return user !== null && user.regionCode !== CITY_REGION_CODE ? user.regionCode : undefined;
}

function requireUser(user: SessionUserDto | null): SessionUserDto {
  if (user === null) throw new AppError('unauthenticated', '请先登录');
  return user;
}

function toIssueDto(i: ImportIssue): ImportIssueDto {
  return { row: i.row, column: i.column, severity: i.severity, message: i.message, value: i.value };
}

/** The form fields of an import: the mapping (JSON field → column), dryRun, skipInvalid, region. */
function readImportFields(fields: Readonly<Record<string, string>>): {
  mapping: Record<string, string> | undefined;
  dryRun: boolean;
  skipInvalid: boolean;
  region: string | null;
} {
  let mapping: Record<string, string> | undefined;
  const rawMapping = fields['mapping']?.trim() ?? '';
  if (rawMapping !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawMapping);
    } catch {
      throw new AppError('bad_request', '列映射 mapping 须为 JSON 对象（字段 → 列）');
    }
    const checked = z.record(z.string().max(60), z.string().max(200)).safeParse(parsed);
    if (!checked.success) throw new AppError('bad_request', '列映射 mapping 须为 JSON 对象（字段 → 列）');
    mapping = checked.data;
  }
  const flag = (name: string): boolean => ['true', '1', 'on'].includes(fields[name]?.trim() ?? '');
  const region = fields['region']?.trim() ?? '';
  if (region !== '' && !/^\d{6}$/.test(region)) throw new AppError('bad_request', '区划代码为 6 位数字');
  return {
    mapping,
    dryRun: flag('dryRun'),
    skipInvalid: flag('skipInvalid'),
    region: region === '' ? null : region,
  };
}

async function readRegisterUpload(
  raw: Parameters<typeof readMultipart>[0],
): Promise<{ fileName: string; bytes: Uint8Array; fields: Readonly<Record<string, string>> }> {
  const body = await readMultipart(raw, MAX_REGISTER_FILE_BYTES);
  const file = body.files['file'];
  if (file === undefined) throw new AppError('bad_request', '请选择要导入的文件（.xlsx、.xls 或 .csv）');
  return { fileName: file.fileName, bytes: file.bytes, fields: body.fields };
}

function runImport(kind: RegisterKind, ...args: Parameters<typeof importObjects>): Promise<ImportResult> {
  switch (kind) {
    case 'objects':
      return importObjects(...args);
    case 'inspectors':
      return importInspectors(...args);
    case 'items':
      return importItems(...args);
  }
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EXPORT_NAMES: Readonly<Record<RegisterKind, string>> = {
  objects: '检查对象名录库',
  inspectors: '执法检查人员名录库',
  items: '随机抽查事项清单',
};

export const registerRoutes = [
  defineRoute<{ kind: RegisterKind }, { region?: string | undefined }, unknown, FileResponse>({
    method: 'GET',
    url: '/api/registers/:kind/export.xlsx',
    access: { kind: 'staff', roles: ['office_admin', 'department_admin', 'auditor'], jurisdiction: 'read' },
    summary:
      'A register as .xlsx in the layout its importer reads back (objects without the sealed risk class); a county user its own region',
    params: z.object({ kind: z.enum(['objects', 'inspectors', 'items']) }),
    query: z.object({
      region: z
        .string()
        .regex(/^\d{6}$/)
        .optional(),
    }),
    region: (_ctx, req) => Promise.resolve(req.query.region ?? null),
    handler: async (ctx, req) => {
      const region = defaultRegionOf(requireUser(req.user), req.query.region) ?? null;
      const bytes = await collectBytes((output) =>
        req.params.kind === 'objects'
          ? exportObjectsXlsx(ctx.db, output, region)
          : req.params.kind === 'inspectors'
            ? exportInspectorsXlsx(ctx.db, output, region)
            : exportItemsXlsx(ctx.db, output, region),
      );
      return new FileResponse(XLSX_TYPE, `${EXPORT_NAMES[req.params.kind]}-${region ?? '全市'}.xlsx`, bytes);
    },
  }),
  defineRoute<unknown, ObjectQuery, unknown, ObjectPageDto>({
    method: 'GET',
    url: '/api/objects',
    access: {
      kind: 'staff',
      roles: ['office_admin', 'department_admin', 'inspector', 'auditor'],
      jurisdiction: 'read',
    },
    summary:
      'The object register, 50 per page, by region/kind/category and name or id; a county user its own region',
    query: objectQuery,
    region: (_ctx, req) => Promise.resolve(req.query.region ?? null),
    handler: async (ctx, req) => {
      const user = requireUser(req.user);
      const riskClassShown = RISK_CLASS_ROLES.includes(user.role);
      const { objects, total } = await listObjects(
        ctx.db,
        {
          regionCode: defaultRegionOf(user, req.query.region),
          q: req.query.q,
          categoryCode: req.query.category,
          kind: req.query.kind,
        },
        req.query.page,
        riskClassShown,
      );
      return { objects, total, page: req.query.page, pageSize: OBJECT_PAGE_SIZE, riskClassShown };
    },
  }),
  defineRoute<unknown, InspectorQuery, unknown, { inspectors: InspectorDto[] }>({
    method: 'GET',
    url: '/api/inspectors',
    access: { kind: 'staff', roles: ['office_admin', 'department_admin', 'auditor'], jurisdiction: 'read' },
    summary: 'The inspector register (personal data) by department; a county user its own region',
    query: inspectorQuery,
    region: async (ctx, req) => {
      if (req.query.department !== undefined) {
        const d = await ctx.db
          .selectFrom('departments')
          .select('region_code')
          .where('id', '=', req.query.department)
          .executeTakeFirst();
        if (d === undefined) throw new AppError('not_found', `没有部门 ${req.query.department}`);
        return d.region_code;
      }
      return req.query.region ?? null;
    },
    handler: async (ctx, req) => ({
      inspectors: await listInspectors(ctx.db, {
        departmentId: req.query.department,
        regionCode:
          req.query.department === undefined ? defaultRegionOf(req.user, req.query.region) : undefined,
        q: req.query.q,
      }),
    }),
  }),
  ...(['/api/items', '/api/public/items'] as const).map((url) =>
    defineRoute<unknown, z.infer<typeof itemQuery>, unknown, { items: ItemDto[] }>({
      method: 'GET',
      url,
      access: { kind: 'public' },
      summary: 'The published item list 随机抽查事项清单, optionally of one department',
      query: itemQuery,
      handler: async (ctx, req) => ({
        items: await listItems(ctx.db, { departmentId: req.query.department }),
      }),
    }),
  ),
  defineRoute<unknown, unknown, unknown, { categories: ObjectCategoryDto[] }>({
    method: 'GET',
    url: '/api/object-categories',
    access: { kind: 'public' },
    summary: 'The categories of the object register (for population rules and filters)',
    handler: () =>
      Promise.resolve({
        categories: OBJECT_CATEGORIES.map((c) => ({
          code: c.code,
          name: c.name,
          group: c.group,
          kinds: [...c.kinds],
        })),
      }),
  }),
  defineRoute<KindParams, unknown, unknown, ImportPreviewDto>({
    method: 'POST',
    url: '/api/imports/:kind/preview',
    access: { kind: 'staff', roles: ADMINS, jurisdiction: 'none' },
    summary: 'The header, suggested column mapping and first 20 rows of a register file; stores nothing',
    params: kindParams,
    handler: async (_ctx, req) => {
      const upload = await readRegisterUpload(req.raw);
      const kind = req.params.kind;
      let preview: Awaited<ReturnType<typeof previewRegisterFile>>;
      try {
        preview = await previewRegisterFile({ fileName: upload.fileName, bytes: upload.bytes }, kind);
      } catch (error) {
        if (error instanceof UnreadableFileError) throw new AppError('bad_request', error.message);
        throw error;
      }
      const fields = listRegisterFields(kind);
      if (preview === null) {
        const required = fields.filter((f) => f.required).map((f) => f.label);
        throw new AppError('bad_request', `文件前 20 行中找不到表头（应有 ${required.join('、')} 等列）`);
      }
      const mapping: Record<string, number | null> = {};
      for (const f of fields) mapping[f.key] = preview.header.suggestion.mapping[f.key]?.column ?? null;
      return {
        fileName: upload.fileName,
        format: preview.format,
        headerRow: preview.headerRow,
        headers: [...preview.header.headers],
        fields,
        mapping,
        missing: [...preview.header.suggestion.missing],
        sampleRows: preview.sampleRows.map((r) => ({ row: r.row, cells: [...r.cells] })),
      };
    },
  }),
  defineRoute<KindParams, unknown, unknown, ImportResultDto>({
    method: 'POST',
    url: '/api/imports/:kind',
    access: { kind: 'staff', roles: ADMINS, jurisdiction: 'none' },
    summary:
      'Import a register file (or dry-run it): all or nothing unless skipInvalid; the rejected-rows report is kept 30 min',
    params: kindParams,
    handler: async (ctx, req) => {
      const user = requireUser(req.user);
      const upload = await readRegisterUpload(req.raw);
      const options = readImportFields(upload.fields);
      // A region the file does not name defaults to a county user's own; nobody imports into a region outside theirs.
      const region = options.region ?? (user.regionCode === CITY_REGION_CODE ? null : user.regionCode);
      if (region !== null && user.role !== 'office_admin' && !isRegionWithin(user.regionCode, region))
        throw new AppError('forbidden', `只能导入本地区（${user.regionName}）的名录`);
      const result = await runImport(
        req.params.kind,
        ctx.db,
        req.actor,
        { fileName: upload.fileName, bytes: upload.bytes, size: upload.bytes.length },
        {
          ...(options.mapping === undefined ? {} : { mapping: options.mapping }),
          dryRun: options.dryRun,
          skipInvalid: options.skipInvalid,
          defaultRegion: region,
          today: ctx.now().toISOString().slice(0, 10),
        },
      );
      const report = await writeImportReport(result.issues, upload.fileName, {
        rows: result.rows,
        imported: result.imported,
        stored: result.stored,
        sha256: result.sha256,
        unlistedIssues: result.unlistedIssues,
      });
      const reportId = keepImportReport(user.id, upload.fileName, report, ctx.now().getTime());
      // Errors first (they decide whether the file can be imported), then warnings, each by row.
      const listed = [...result.issues]
        .sort((a, b) => (a.severity === b.severity ? a.row - b.row : a.severity === 'error' ? -1 : 1))
        .slice(0, LISTED_IMPORT_ISSUES);
      return {
        fileName: upload.fileName,
        dryRun: options.dryRun,
        stored: result.stored,
        imported: result.imported,
        valid: result.valid,
        rows: result.rows,
        errorRows: result.errorRows,
        issueCount: result.issues.length + result.unlistedIssues,
        issues: listed.map(toIssueDto),
        sha256: result.sha256,
        format: result.format,
        reportId,
      };
    },
  }),
  defineRoute<z.infer<typeof reportParams>, unknown, unknown, FileResponse>({
    method: 'GET',
    url: '/api/imports/reports/:id.xlsx',
    access: { kind: 'staff', roles: ADMINS, jurisdiction: 'none' },
    summary: 'The rejected-rows report (.xlsx) of a recent import, for the user who ran it (30 minutes)',
    params: reportParams,
    handler: (ctx, req) => {
      const user = requireUser(req.user);
      const report = findImportReport(req.params.id, user.id, ctx.now().getTime());
      if (report === null)
        throw new AppError('not_found', '问题报告不存在或已过期（保留 30 分钟），请重新导入');
      const base = report.fileName.replace(/\.[^.]*$/, '');
      return Promise.resolve(
        new FileResponse(
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          `${base}-问题报告.xlsx`,
          report.bytes,
        ),
      );
    },
  }),
  defineRoute<z.infer<typeof yearParamsSchema>, z.infer<typeof populationQuery>, unknown, PopulationsDto>({
    method: 'GET',
    url: '/api/plans/:year/populations',
    access: {
      kind: 'staff',
      roles: ['office_admin', 'department_admin', 'inspector', 'auditor'],
      jurisdiction: 'read',
    },
    summary: "Each plan line's population rule, frame size and confirmation; a county user its own region",
    params: yearParamsSchema,
    query: populationQuery,
    region: (_ctx, req) => Promise.resolve(req.query.region ?? null),
    handler: async (ctx, req) => {
      const plan = await findPlanSummary(ctx.db, req.params.year, { publishedOnly: false });
      if (plan === null) throw new AppError('not_found', `没有 ${req.params.year} 年度计划`);
      const lines = await listPopulations(ctx.db, plan.id, defaultRegionOf(req.user, req.query.region));
      return { year: plan.year, lines };
    },
  }),
  defineRoute<TaskLineParams, unknown, PopulationRule, { frameSize: number }>({
    method: 'POST',
    url: '/api/populations/:taskLineId/count',
    access: { kind: 'staff', roles: ADMINS, jurisdiction: 'none' },
    summary: 'The live frame size of a population rule while a clerk edits it; stores nothing',
    params: taskLineParams,
    body: populationRuleSchema,
    handler: async (ctx, req) => {
      if ((await findTaskLineRegion(ctx.db, req.params.taskLineId)) === null)
        throw new AppError('not_found', `没有计划行 ${req.params.taskLineId}`);
      return { frameSize: await countFrame(ctx.db, req.body) };
    },
  }),
  defineRoute<TaskLineParams, unknown, PopulationRule, { frameSize: number }>({
    method: 'PUT',
    url: '/api/populations/:taskLineId',
    access: { kind: 'staff', roles: ADMINS, jurisdiction: 'write' },
    summary:
      "Confirm a plan line's population rule (audited); a department admin only for its own region's tasks",
    params: taskLineParams,
    body: populationRuleSchema,
    // The office confirms for every region; a department admin only for tasks of its own region.
    region: async (ctx, req) =>
      req.user?.role === 'office_admin' ? null : findTaskLineRegion(ctx.db, req.params.taskLineId),
    handler: async (ctx, req) => {
      if ((await findTaskLineRegion(ctx.db, req.params.taskLineId)) === null)
        throw new AppError('not_found', `没有计划行 ${req.params.taskLineId}`);
      return confirmPopulation(ctx.db, req.actor, req.params.taskLineId, req.body);
    },
  }),
];
