import { z } from 'zod';
import type {
  ObjectRiskDto,
  RiskAllocationPreviewDto,
  RiskModelsDto,
  RiskReportDto,
  RiskTiltSettingsDto,
} from '../../api-types.ts';
import { AppError } from '../../http/app-error.ts';
import type { AppContext } from '../../http/app-context.ts';
import { defineRoute } from '../../http/route.ts';
import { formatChinaDate } from '../calendar/calendar-store.ts';
import { loadViewer } from '../inspections/inspection-routes.ts';
import { findObject, loadObjectRisk } from './object-risk.ts';
import { buildRiskReport } from './risk-reports.ts';
import { listRiskModels } from './risk-store.ts';
import {
  describeRiskTiltError,
  loadTiltSettings,
  previewTaskAllocation,
  setPlanTilt,
  setTaskTilt,
  type RiskTiltError,
} from './risk-tilt.ts';
import { describeRiskTrainingError, trainRiskModelFromDatabase } from './risk-training.ts';

/**
 * The risk model over HTTP (issue #9). Every route is staff-only: model bands and scores are sealed like the
 * official classes. The office trains models, reads the evaluation and reports, and switches model tilting on per plan
 * and task; an object's band with its three reasons is for those who deal with the object.
 */
const DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD');
const yearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
const taskParams = yearParams.extend({
  code: z.string().regex(/^JC\d{4}-\d{3,4}$/, '任务编号形如 JC2023-001'),
});
const objectParams = z.object({ id: z.string().min(1).max(40) });

function today(ctx: AppContext): string {
  return formatChinaDate(ctx.now());
}

function tiltError(e: RiskTiltError): AppError {
  return new AppError(
    e.kind === 'no_plan' || e.kind === 'task_not_found' ? 'not_found' : 'validation_failed',
    describeRiskTiltError(e),
  );
}

export const riskRoutes = [
  defineRoute<unknown, unknown, unknown, RiskModelsDto>({
    method: 'GET',
    url: '/api/risk/models',
    access: { kind: 'staff', roles: ['office_admin', 'auditor'], jurisdiction: 'none' },
    summary:
      'Risk model versions with their held-out evaluation (AUC, calibration, lift) and a drift warning',
    handler: async (ctx) => listRiskModels(ctx.db),
  }),
  defineRoute<unknown, unknown, { asOf?: string | undefined }, RiskModelsDto>({
    method: 'POST',
    url: '/api/risk/models',
    access: { kind: 'staff', roles: ['office_admin'], jurisdiction: 'none' },
    summary:
      'Train a new model version from the published results (latest year, or last 25% of one, held out)',
    body: z.object({ asOf: DATE.optional() }).strict(),
    handler: async (ctx, req) => {
      const trained = await trainRiskModelFromDatabase(ctx.db, req.actor, {
        asOf: req.body.asOf ?? today(ctx),
      });
      if (!trained.ok) throw new AppError('validation_failed', describeRiskTrainingError(trained.error));
      return listRiskModels(ctx.db);
    },
  }),
  defineRoute<{ id: string }, unknown, unknown, ObjectRiskDto>({
    method: 'GET',
    url: '/api/objects/:id/risk',
    access: {
      kind: 'staff',
      roles: ['office_admin', 'department_admin', 'inspector'],
      jurisdiction: 'read',
    },
    summary:
      "An object's risk band and top three reasons (office; departments and inspectors with a visit to it)",
    params: objectParams,
    region: async (ctx, req) => {
      const object = await findObject(ctx.db, req.params.id);
      if (object === null) throw new AppError('not_found', `找不到检查对象 ${req.params.id}`);
      return object.regionCode;
    },
    handler: async (ctx, req) => {
      const viewer = await loadViewer(ctx, req.user);
      const risk = await loadObjectRisk(ctx.db, viewer, req.params.id, today(ctx));
      if (risk.ok) return risk.value;
      throw risk.error.kind === 'not_found'
        ? new AppError('not_found', `找不到检查对象 ${req.params.id}`)
        : new AppError('forbidden', '只有领导小组办公室、检查过该对象的部门和检查组成员可以查看其风险等级');
    },
  }),
  defineRoute<unknown, { year: number }, unknown, RiskReportDto>({
    method: 'GET',
    url: '/api/risk/report',
    access: { kind: 'staff', roles: ['office_admin', 'auditor'], jurisdiction: 'none' },
    summary:
      'Detection rate by model band and official class; tilted strata against the uniform control sample',
    query: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
    handler: async (ctx, req) => buildRiskReport(ctx.db, req.query.year),
  }),
  defineRoute<{ year: number }, unknown, unknown, RiskTiltSettingsDto>({
    method: 'GET',
    url: '/api/risk/tilt/:year',
    access: { kind: 'staff', roles: ['office_admin', 'auditor'], jurisdiction: 'none' },
    summary: "The plan's switch for model-tilted draws, the control share and the per-task toggles",
    params: yearParams,
    handler: async (ctx, req) => {
      const settings = await loadTiltSettings(ctx.db, req.params.year);
      if (settings === null) throw new AppError('not_found', `${String(req.params.year)} 年没有抽查计划`);
      return settings;
    },
  }),
  defineRoute<
    { year: number },
    unknown,
    { enabled: boolean; controlShare?: number | undefined },
    RiskTiltSettingsDto
  >({
    method: 'PUT',
    url: '/api/risk/tilt/:year',
    access: { kind: 'staff', roles: ['office_admin'], jurisdiction: 'none' },
    summary: 'Allow (or stop) draws tilted by the model for a plan, with the uniform control share (5–50%)',
    params: yearParams,
    body: z.object({ enabled: z.boolean(), controlShare: z.number().min(0.05).max(0.5).optional() }).strict(),
    handler: async (ctx, req) => {
      const done = await setPlanTilt(ctx.db, req.actor, req.params.year, req.body);
      if (!done.ok) throw tiltError(done.error);
      const settings = await loadTiltSettings(ctx.db, req.params.year);
      if (settings === null) throw new AppError('not_found', `${String(req.params.year)} 年没有抽查计划`);
      return settings;
    },
  }),
  defineRoute<{ year: number; code: string }, unknown, { enabled: boolean }, RiskTiltSettingsDto>({
    method: 'PUT',
    url: '/api/risk/tilt/:year/tasks/:code',
    access: { kind: 'staff', roles: ['office_admin'], jurisdiction: 'none' },
    summary: "Tilt one task's draws by the model (effective while the plan's switch is on)",
    params: taskParams,
    body: z.object({ enabled: z.boolean() }).strict(),
    handler: async (ctx, req) => {
      const done = await setTaskTilt(ctx.db, req.actor, req.params.year, req.params.code, req.body.enabled);
      if (!done.ok) throw tiltError(done.error);
      const settings = await loadTiltSettings(ctx.db, req.params.year);
      if (settings === null) throw new AppError('not_found', `${String(req.params.year)} 年没有抽查计划`);
      return settings;
    },
  }),
  defineRoute<{ year: number; code: string }, unknown, unknown, RiskAllocationPreviewDto>({
    method: 'GET',
    url: '/api/risk/tilt/:year/tasks/:code/allocation',
    access: { kind: 'staff', roles: ['office_admin', 'auditor'], jurisdiction: 'none' },
    summary: 'The allocation table a draw of the task would use now (with the control stratum when tilted)',
    params: taskParams,
    handler: async (ctx, req) => {
      const preview = await previewTaskAllocation(ctx.db, req.params.year, req.params.code);
      if (!preview.ok) throw tiltError(preview.error);
      return preview.value;
    },
  }),
];
