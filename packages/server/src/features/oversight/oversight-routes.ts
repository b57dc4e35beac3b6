/**
 * Oversight routes (issue "Oversight"): progress (office: all in its jurisdiction, or a region or department;
 * a department: its own), the task results behind any number, .xlsx of any table, estimates, burden and effect
 * (sealed risk classes: office and auditors), bulletins, and the assessment with its reports.
 */
import { z } from 'zod';
import {
  CITY_REGION_CODE,
  computeAsOfDate,
  computeNextDate,
  describeAssessmentRulesProblem,
  isRegionWithin,
} from '@ssj/core';
import type {
  AssessmentDto,
  AssessmentRulesDto,
  BulletinDto,
  BurdenDto,
  EstimatesDto,
  ProgressReportDto,
  ProgressUnitPageDto,
  SessionUserDto,
} from '../../api-types.ts';
import type { Role } from '../../api-types.ts';
import { AppError } from '../../http/app-error.ts';
import type { AppContext } from '../../http/app-context.ts';
import { FileResponse } from '../../http/file-response.ts';
import { defineRoute } from '../../http/route.ts';
import { formatChinaDate } from '../calendar/calendar-store.ts';
import { loadAssessment, loadAssessmentRules, saveAssessmentRules } from './assessment-store.ts';
import { describeBulletinError, issueBulletin, listBulletins, loadBulletinFile } from './bulletin-store.ts';
import { loadBurden } from './burden.ts';
import { loadEstimates } from './estimates.ts';
import {
  renderAssessmentDocx,
  renderAssessmentXlsx,
  renderDepartmentSummaryXlsx,
} from './oversight-reports.ts';
import { listProgressUnits } from './progress-drill.ts';
import { loadProgressReport } from './progress-report.ts';
import { buildProgressTable, buildUnitsTable, PROGRESS_TABLES } from './progress-tables.ts';
import type { ProgressScope } from './progress-units.ts';
import { DOCX_TYPE, XLSX_TYPE, writeTablesXlsx } from './table-xlsx.ts';

const READERS: readonly Role[] = ['office_admin', 'department_admin', 'auditor'];
const SEALED_READERS: readonly Role[] = ['office_admin', 'auditor'];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD');
const year = z.coerce.number().int().min(2000).max(2100);
const regionCode = z.string().regex(/^\d{6}$/, '区划代码为 6 位数字');
const METRICS = [
  'due',
  'inspected',
  'entered',
  'published',
  'closed',
  'overdue',
  'dueToday',
  'late',
  'problems',
  'pending',
] as const;

const scopeQuery = z.object({
  year: year.optional(),
  asOf: isoDate.optional(),
  region: regionCode.optional(),
  department: z.coerce.number().int().positive().optional(),
});
type ScopeQuery = z.infer<typeof scopeQuery>;

const unitsQuery = scopeQuery.extend({
  metric: z.enum(METRICS).default('due'),
  task: z.string().max(20).optional(),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
type UnitsQuery = z.infer<typeof unitsQuery>;

const exportQuery = unitsQuery.extend({
  table: z.enum([...PROGRESS_TABLES, 'units']).default('departments'),
});

const estimateQuery = z.object({
  year,
  asOf: isoDate.optional(),
  by: z.enum(['task', 'matter', 'sector', 'region']).default('task'),
});

const yearQuery = z.object({ year, asOf: isoDate.optional() });
const yearParams = z.object({ year });
const idParams = z.object({ id: z.coerce.number().int().positive() });

const rulesBody = z.object({
  weights: z.object({
    completion: z.number(),
    timeliness: z.number(),
    coverage: z.number(),
    closure: z.number(),
    dataQuality: z.number(),
  }),
  completionDeadline: isoDate,
});

function requireUser(user: SessionUserDto | null): SessionUserDto {
  if (user === null) throw new AppError('unauthenticated', '请先登录');
  return user;
}

function todayOf(ctx: AppContext): string {
  return formatChinaDate(ctx.now());
}

/** The day figures stand at: yesterday by default; any earlier day on request, never a day not yet over. */
function resolveAsOf(ctx: AppContext, asked: string | undefined): string {
  const yesterday = computeAsOfDate(todayOf(ctx));
  if (asked === undefined) return yesterday;
  if (asked > todayOf(ctx)) throw new AppError('validation_failed', `统计日期 ${asked} 还没有到`);
  return asked;
}

/**
 * Whose figures: a department admin always its own department; the office and auditors their jurisdiction (the
 * whole city, or their county), narrowed to a region or a department on request.
 */
async function resolveScope(ctx: AppContext, user: SessionUserDto, q: ScopeQuery): Promise<ProgressScope> {
  if (user.role === 'department_admin') {
    if (user.departmentId === null) throw new AppError('forbidden', '您的账号未分配部门');
    if (q.department !== undefined && q.department !== user.departmentId) {
      throw new AppError('forbidden', '部门管理员只能查看本部门的统计');
    }
    return { regionCode: null, departmentId: user.departmentId };
  }
  if (q.department !== undefined) {
    const department = await ctx.db
      .selectFrom('departments')
      .select('region_code')
      .where('id', '=', q.department)
      .executeTakeFirst();
    if (department === undefined) throw new AppError('not_found', `找不到部门 ${String(q.department)}`);
    if (!isRegionWithin(user.regionCode, department.region_code)) {
      throw new AppError('forbidden', '该部门不在您的管辖范围内');
    }
    return { regionCode: null, departmentId: q.department };
  }
  if (q.region !== undefined) return { regionCode: q.region, departmentId: null };
  return { regionCode: user.regionCode === CITY_REGION_CODE ? null : user.regionCode, departmentId: null };
}

function resolveYear(q: { year?: number | undefined }, asOf: string): number {
  return q.year ?? Number(asOf.slice(0, 4));
}

const METRIC_TITLES: Record<(typeof METRICS)[number], string> = {
  due: '应检查',
  inspected: '已检查',
  entered: '已录入',
  published: '已公示',
  closed: '完结',
  overdue: '逾期未公示',
  dueToday: '今日到期',
  late: '逾期公示',
  problems: '发现问题',
  pending: '未公示',
};

async function loadUnits(ctx: AppContext, user: SessionUserDto, q: UnitsQuery, limit: number) {
  const asOf = resolveAsOf(ctx, q.asOf);
  const scope = await resolveScope(ctx, user, q);
  const page = await listProgressUnits(
    ctx.db,
    { year: resolveYear(q, asOf), asOf, today: computeNextDate(asOf) },
    scope,
    { metric: q.metric, taskCode: q.task, month: q.month, offset: q.offset, limit },
  );
  return page;
}

export const oversightRoutes = [
  defineRoute<unknown, ScopeQuery, unknown, ProgressReportDto>({
    method: 'GET',
    url: '/api/oversight/progress',
    access: { kind: 'staff', roles: READERS, jurisdiction: 'read' },
    summary:
      'Progress (应检查 · 已检查 · 已录入 · 已公示 · 完结, rates, overdue) by department, region, task and month, as of yesterday',
    query: scopeQuery,
    region: (_ctx, req) => Promise.resolve(req.query.region ?? null),
    handler: async (ctx, req) => {
      const user = requireUser(req.user);
      const asOf = resolveAsOf(ctx, req.query.asOf);
      const scope = await resolveScope(ctx, user, req.query);
      return loadProgressReport(
        ctx.db,
        { year: resolveYear(req.query, asOf), asOf, today: computeNextDate(asOf) },
        scope,
      );
    },
  }),
  defineRoute<unknown, UnitsQuery, unknown, ProgressUnitPageDto>({
    method: 'GET',
    url: '/api/oversight/progress/units',
    access: { kind: 'staff', roles: READERS, jurisdiction: 'read' },
    summary: 'The task results behind a number of the progress report (metric, task, month)',
    query: unitsQuery,
    region: (_ctx, req) => Promise.resolve(req.query.region ?? null),
    handler: async (ctx, req) => loadUnits(ctx, requireUser(req.user), req.query, req.query.limit),
  }),
  defineRoute<unknown, z.infer<typeof exportQuery>, unknown, FileResponse>({
    method: 'GET',
    url: '/api/oversight/progress/export.xlsx',
    access: { kind: 'staff', roles: READERS, jurisdiction: 'read' },
    summary:
      'Any progress table (departments, regions, tasks, months, or the units behind a number) as .xlsx',
    query: exportQuery,
    region: (_ctx, req) => Promise.resolve(req.query.region ?? null),
    handler: async (ctx, req) => {
      const user = requireUser(req.user);
      const q = req.query;
      const today = todayOf(ctx);
      if (q.table === 'units') {
        const page = await loadUnits(ctx, user, { ...q, offset: 0 }, 100_000);
        const title = `${String(resolveYear(q, page.asOf))}年${METRIC_TITLES[q.metric]}明细`;
        return new FileResponse(
          XLSX_TYPE,
          `${title}-${page.asOf}.xlsx`,
          await writeTablesXlsx([buildUnitsTable(page, title, today)]),
        );
      }
      const asOf = resolveAsOf(ctx, q.asOf);
      const scope = await resolveScope(ctx, user, q);
      const report = await loadProgressReport(
        ctx.db,
        { year: resolveYear(q, asOf), asOf, today: computeNextDate(asOf) },
        scope,
      );
      const table = buildProgressTable(report, q.table, today);
      return new FileResponse(XLSX_TYPE, `${table.title}-${asOf}.xlsx`, await writeTablesXlsx([table]));
    },
  }),
  defineRoute<unknown, z.infer<typeof estimateQuery>, unknown, EstimatesDto>({
    method: 'GET',
    url: '/api/oversight/estimates',
    access: { kind: 'staff', roles: READERS, jurisdiction: 'none' },
    summary:
      'Estimated share of non-compliant objects with a 95% interval by task batch, matter, sector or region',
    query: estimateQuery,
    handler: async (ctx, req) =>
      loadEstimates(ctx.db, req.query.year, resolveAsOf(ctx, req.query.asOf), req.query.by),
  }),
  defineRoute<unknown, z.infer<typeof estimateQuery>, unknown, FileResponse>({
    method: 'GET',
    url: '/api/oversight/estimates/export.xlsx',
    access: { kind: 'staff', roles: READERS, jurisdiction: 'none' },
    summary: 'The estimates of one dimension as .xlsx',
    query: estimateQuery,
    handler: async (ctx, req) => {
      const e = await loadEstimates(ctx.db, req.query.year, resolveAsOf(ctx, req.query.asOf), req.query.by);
      const names = { task: '任务批次', matter: '抽查事项', sector: '行业', region: '地区' } as const;
      const title = `${String(e.year)}年不合规比例估计（按${names[e.dimension]}）`;
      const bytes = await writeTablesXlsx([
        {
          sheetName: names[e.dimension],
          title,
          subtitle: `截至 ${e.asOf}；分层估计，95% 置信区间（Korn–Graubard）；导出于 ${todayOf(ctx)}`,
          header: [
            names[e.dimension],
            '说明',
            '估计比例',
            '区间下限',
            '区间上限',
            '已公示样本',
            '不合规',
            '总体',
            '有样本的总体',
            '层数',
            '有样本的层',
          ],
          rows: e.rows.map((r) => [
            r.label,
            r.detail,
            r.p,
            r.low,
            r.high,
            r.n,
            r.x,
            r.population,
            r.coveredPopulation,
            r.strata,
            r.coveredStrata,
          ]),
          rateColumns: [2, 3, 4],
          widths: [30, 36, 10, 10, 10, 10, 8, 10, 12, 6, 10],
        },
      ]);
      return new FileResponse(XLSX_TYPE, `${title}-${e.asOf}.xlsx`, bytes);
    },
  }),
  defineRoute<unknown, z.infer<typeof yearQuery>, unknown, BurdenDto>({
    method: 'GET',
    url: '/api/oversight/burden',
    access: { kind: 'staff', roles: SEALED_READERS, jurisdiction: 'none' },
    summary:
      'Burden and effect: visits per object, visits spared by joint visits and recognition, detection by risk class',
    query: yearQuery,
    handler: async (ctx, req) => loadBurden(ctx.db, req.query.year, resolveAsOf(ctx, req.query.asOf)),
  }),
  defineRoute<unknown, { year?: number | undefined }, unknown, { bulletins: BulletinDto[] }>({
    method: 'GET',
    url: '/api/oversight/bulletins',
    access: { kind: 'staff', roles: READERS, jurisdiction: 'none' },
    summary: 'Issued bulletins (通报), newest first',
    query: z.object({ year: year.optional() }),
    handler: async (ctx, req) => ({ bulletins: await listBulletins(ctx.db, req.query.year) }),
  }),
  defineRoute<unknown, unknown, { year: number; asOf?: string | undefined }, BulletinDto>({
    method: 'POST',
    url: '/api/oversight/bulletins',
    access: { kind: 'staff', roles: ['office_admin'], jurisdiction: 'none' },
    summary:
      'Issue a progress bulletin now (figures as of yesterday, or a given earlier day): numbered .docx, stored',
    body: z.object({ year, asOf: isoDate.optional() }),
    handler: async (ctx, req) => {
      const asOf = resolveAsOf(ctx, req.body.asOf);
      const issued = await issueBulletin(ctx.db, req.actor, {
        year: req.body.year,
        asOf,
        issuedOn: todayOf(ctx),
        kind: 'on_demand',
        period: null,
      });
      if (!issued.ok) throw new AppError('conflict', describeBulletinError(issued.error));
      return issued.value;
    },
  }),
  defineRoute<{ id: number }, unknown, unknown, FileResponse>({
    method: 'GET',
    url: '/api/oversight/bulletins/:id/download',
    access: { kind: 'staff', roles: READERS, jurisdiction: 'none' },
    summary: 'The .docx of an issued bulletin',
    params: idParams,
    handler: async (ctx, req) => {
      const file = await loadBulletinFile(ctx.db, req.params.id);
      if (file === null) throw new AppError('not_found', `找不到通报 ${String(req.params.id)}`);
      return new FileResponse(file.mimeType, file.fileName, file.content);
    },
  }),
  defineRoute<{ year: number }, { asOf?: string | undefined }, unknown, AssessmentDto>({
    method: 'GET',
    url: '/api/oversight/assessment/:year',
    access: { kind: 'staff', roles: READERS, jurisdiction: 'none' },
    summary:
      'Assessment (考评) of every department: criteria, total, rank and grade under the year’s rule set',
    params: yearParams,
    query: z.object({ asOf: isoDate.optional() }),
    handler: async (ctx, req) =>
      loadAssessment(ctx.db, req.params.year, assessmentAsOf(ctx, req.params.year, req.query.asOf), {
        regionCode: null,
        departmentId: null,
      }),
  }),
  defineRoute<{ year: number }, unknown, z.infer<typeof rulesBody>, AssessmentRulesDto>({
    method: 'PUT',
    url: '/api/oversight/assessment/:year/rules',
    access: { kind: 'staff', roles: ['office_admin'], jurisdiction: 'none' },
    summary: 'Set the year’s assessment rule set (weights adding up to 100, completion deadline)',
    params: yearParams,
    body: rulesBody,
    handler: async (ctx, req) => {
      const saved = await saveAssessmentRules(ctx.db, req.actor, req.params.year, req.body);
      if (!saved.ok) throw new AppError('validation_failed', describeAssessmentRulesProblem(saved.error));
      return saved.value;
    },
  }),
  defineRoute<{ year: number }, unknown, unknown, AssessmentRulesDto>({
    method: 'GET',
    url: '/api/oversight/assessment/:year/rules',
    access: { kind: 'staff', roles: READERS, jurisdiction: 'none' },
    summary: 'The year’s assessment rule set (the default until the office sets one)',
    params: yearParams,
    handler: async (ctx, req) => loadAssessmentRules(ctx.db, req.params.year),
  }),
  defineRoute<
    { year: number; format: 'docx' | 'xlsx' },
    { asOf?: string | undefined },
    unknown,
    FileResponse
  >({
    method: 'GET',
    url: '/api/oversight/assessment/:year/report.:format',
    access: { kind: 'staff', roles: READERS, jurisdiction: 'none' },
    summary: 'The December assessment report as .docx (official layout, ranking annex) or .xlsx',
    params: z.object({ year, format: z.enum(['docx', 'xlsx']) }),
    query: z.object({ asOf: isoDate.optional() }),
    handler: async (ctx, req) => {
      const asOf = assessmentAsOf(ctx, req.params.year, req.query.asOf);
      const assessment = await loadAssessment(ctx.db, req.params.year, asOf, {
        regionCode: null,
        departmentId: null,
      });
      const name = `${String(req.params.year)}年度双随机抽查工作考评结果-${asOf}`;
      if (req.params.format === 'docx') {
        return new FileResponse(
          DOCX_TYPE,
          `${name}.docx`,
          await renderAssessmentDocx(ctx.db, assessment, todayOf(ctx)),
        );
      }
      return new FileResponse(
        XLSX_TYPE,
        `${name}.xlsx`,
        await renderAssessmentXlsx(assessment, todayOf(ctx)),
      );
    },
  }),
  defineRoute<{ year: number; id: number }, { asOf?: string | undefined }, unknown, FileResponse>({
    method: 'GET',
    url: '/api/oversight/assessment/:year/departments/:id/summary.xlsx',
    access: { kind: 'staff', roles: READERS, jurisdiction: 'none' },
    summary:
      'A department’s annual summary data pack (工作总结数据): figures, tasks, months, every result, follow-ups',
    params: z.object({ year, id: z.coerce.number().int().positive() }),
    query: z.object({ asOf: isoDate.optional() }),
    handler: async (ctx, req) => {
      const user = requireUser(req.user);
      const scope = await resolveScope(ctx, user, { department: req.params.id });
      const departmentId = scope.departmentId ?? req.params.id;
      const asOf = assessmentAsOf(ctx, req.params.year, req.query.asOf);
      const assessment = await loadAssessment(ctx.db, req.params.year, asOf, {
        regionCode: null,
        departmentId,
      });
      const pack = await renderDepartmentSummaryXlsx(
        ctx.db,
        req.params.year,
        asOf,
        departmentId,
        assessment,
        todayOf(ctx),
      );
      return new FileResponse(XLSX_TYPE, pack.fileName, pack.bytes);
    },
  }),
];

/** The assessment stands at yesterday, or at the year's last day once the year is over. */
function assessmentAsOf(ctx: AppContext, forYear: number, asked: string | undefined): string {
  const asOf = resolveAsOf(ctx, asked);
  const yearEnd = `${String(forYear)}-12-31`;
  return asked === undefined && asOf > yearEnd ? yearEnd : asOf;
}
