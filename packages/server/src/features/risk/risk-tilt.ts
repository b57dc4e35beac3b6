/**
 * Draws tilted by the risk model's bands, under rules (issue #9; DOMAIN.md §4 "Risk tilt"):
 * - only when the office switched it on for the plan (`risk_tilt_plans`) and for the task (`risk_tilt_tasks`), and a
 *   model exists;
 * - the frame is then stratified by core allocateTiltedBatch: a uniform control stratum (对照组, default 10%) and the
 *   model bands, all ordinary sealed strata, so the published record and its three verifiers are unchanged;
 * - the model version is stored with the frozen frame (`draw_frames.risk_model_id`) and written into the public
 *   record's ratio text (a free-form field), never the scores or bands, which stay sealed like the classes.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import {
  allocateBatch,
  allocateTiltedBatch,
  classifyRiskBand,
  compareByCodePoint,
  computeBatchWindow,
  err,
  ok,
  RISK_TILT_STRATA,
  scoreRiskModel,
  type BatchAllocation,
  type PopulationRule,
  type Result,
  type RiskBand,
  type RiskClass,
} from '@ssj/core';
import type { RiskAllocationPreviewDto, RiskTiltSettingsDto } from '../../api-types.ts';
import { appendAudit, type AuditActor } from '../../audit/audit-log.ts';
import type { Database } from '../../db/schema.ts';
import { IS_LIVE_DRAW } from '../draws/live-draw.ts';
import { selectFrame, suggestRuleForLine } from '../registers/population-store.ts';
import { formatChinaDate } from '../calendar/calendar-store.ts';
import { selectRiskFeatures } from './risk-features.ts';
import { loadRiskModel, type LoadedRiskModel } from './risk-store.ts';

type Db = Kysely<Database> | Transaction<Database>;

export type RiskTiltError =
  | { readonly kind: 'no_plan'; readonly year: number }
  | { readonly kind: 'task_not_found'; readonly code: string }
  | { readonly kind: 'no_model' }
  | { readonly kind: 'no_ratio'; readonly code: string };

export function describeRiskTiltError(e: RiskTiltError): string {
  switch (e.kind) {
    case 'no_plan':
      return `${String(e.year)} 年没有抽查计划`;
    case 'task_not_found':
      return `计划中没有任务 ${e.code}`;
    case 'no_model':
      return '尚未训练风险模型：请先训练模型，再按模型风险倾斜抽取';
    case 'no_ratio':
      return `任务 ${e.code} 没有抽查比例，无法计算分配`;
  }
}

async function findPlan(db: Db, year: number): Promise<{ id: number } | undefined> {
  return db.selectFrom('plans').select('id').where('year', '=', year).executeTakeFirst();
}

/** The plan switch, the control share and every active task's toggle. Null when the year has no plan. */
export async function loadTiltSettings(
  db: Kysely<Database>,
  year: number,
): Promise<RiskTiltSettingsDto | null> {
  const plan = await findPlan(db, year);
  if (plan === undefined) return null;
  const setting = await db
    .selectFrom('risk_tilt_plans')
    .select(['enabled', 'control_share'])
    .where('plan_id', '=', plan.id)
    .executeTakeFirst();
  const tasks = await db
    .selectFrom('tasks as t')
    .innerJoin('regions as r', 'r.code', 't.region_code')
    .leftJoin('risk_tilt_tasks as x', 'x.task_id', 't.id')
    .select((eb) => [
      't.code',
      't.name',
      'r.name as region_name',
      't.risk_based',
      'x.enabled',
      eb
        .selectFrom('draw_frames as f')
        .select((e2) => e2.fn.countAll<string>().as('n'))
        .whereRef('f.task_id', '=', 't.id')
        .where('f.risk_model_id', 'is not', null)
        .as('tilted_frames'),
    ])
    .where('t.plan_id', '=', plan.id)
    .where('t.status', '=', 'active')
    .orderBy('t.seq')
    .execute();
  const model = await loadRiskModel(db);
  return {
    year,
    enabled: setting?.enabled ?? false,
    controlShare: setting?.control_share ?? 0.1,
    modelVersion: model?.version ?? null,
    tasks: tasks.map((t) => ({
      code: t.code,
      name: t.name,
      regionName: t.region_name,
      riskBased: t.risk_based,
      enabled: t.enabled ?? false,
      tiltedFrames: Number(t.tilted_frames ?? 0),
    })),
  };
}

/** The office switches model tilting on or off for a plan (and sets the control share), audited. */
export async function setPlanTilt(
  db: Kysely<Database>,
  actor: AuditActor,
  year: number,
  input: { readonly enabled: boolean; readonly controlShare?: number | undefined },
): Promise<Result<null, RiskTiltError>> {
  return db.transaction().execute(async (trx): Promise<Result<null, RiskTiltError>> => {
    const plan = await findPlan(trx, year);
    if (plan === undefined) return err({ kind: 'no_plan', year });
    if (input.enabled && (await loadRiskModel(trx)) === null) return err({ kind: 'no_model' });
    const before = await trx
      .selectFrom('risk_tilt_plans')
      .select(['enabled', 'control_share'])
      .where('plan_id', '=', plan.id)
      .executeTakeFirst();
    const controlShare = input.controlShare ?? before?.control_share ?? 0.1;
    await trx
      .insertInto('risk_tilt_plans')
      .values({
        plan_id: plan.id,
        enabled: input.enabled,
        control_share: controlShare,
        updated_by: actor.userId,
      })
      .onConflict((oc) =>
        oc.column('plan_id').doUpdateSet({
          enabled: input.enabled,
          control_share: controlShare,
          updated_by: actor.userId,
          updated_at: new Date(),
        }),
      )
      .execute();
    await appendAudit(trx, actor, {
      action: 'risk.tilt.plan',
      entity: 'plan',
      entityId: String(year),
      before: before ?? null,
      after: { enabled: input.enabled, control_share: controlShare },
    });
    return ok(null);
  });
}

/** Tilting on or off for one task of the plan, audited. Switching it on needs a trained model. */
export async function setTaskTilt(
  db: Kysely<Database>,
  actor: AuditActor,
  year: number,
  code: string,
  enabled: boolean,
): Promise<Result<null, RiskTiltError>> {
  return db.transaction().execute(async (trx): Promise<Result<null, RiskTiltError>> => {
    const task = await trx
      .selectFrom('tasks as t')
      .innerJoin('plans as p', 'p.id', 't.plan_id')
      .select('t.id')
      .where('p.year', '=', year)
      .where('t.code', '=', code)
      .executeTakeFirst();
    if (task === undefined) return err({ kind: 'task_not_found', code });
    if (enabled && (await loadRiskModel(trx)) === null) return err({ kind: 'no_model' });
    await trx
      .insertInto('risk_tilt_tasks')
      .values({ task_id: task.id, enabled, updated_by: actor.userId })
      .onConflict((oc) =>
        oc.column('task_id').doUpdateSet({ enabled, updated_by: actor.userId, updated_at: new Date() }),
      )
      .execute();
    await appendAudit(trx, actor, {
      action: 'risk.tilt.task',
      entity: 'task',
      entityId: code,
      after: { enabled },
    });
    return ok(null);
  });
}

/** The control share when both the plan's switch and the task's toggle are on; otherwise null. */
async function findTaskTilt(db: Db, taskId: number): Promise<{ controlShare: number } | null> {
  const share = (await loadTiltedTasks(db, [taskId])).get(taskId);
  return share === undefined ? null : { controlShare: share };
}

/** Of these tasks, those whose plan's switch and own toggle are both on, with the plan's control share. */
export async function loadTiltedTasks(db: Db, taskIds: readonly number[]): Promise<Map<number, number>> {
  if (taskIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('tasks as t')
    .innerJoin('risk_tilt_plans as p', 'p.plan_id', 't.plan_id')
    .innerJoin('risk_tilt_tasks as x', 'x.task_id', 't.id')
    .select(['t.id', 'p.control_share'])
    .where('t.id', 'in', [...new Set(taskIds)])
    .where('p.enabled', '=', true)
    .where('x.enabled', '=', true)
    .execute();
  return new Map(rows.map((r) => [r.id, r.control_share]));
}

/** The model band of every member (features as of `asOf`). */
async function scoreMembers(
  db: Db,
  model: LoadedRiskModel,
  canonicalIds: readonly string[],
  asOf: string,
): Promise<Map<string, RiskBand>> {
  const objects = await db
    .selectFrom('objects')
    .select(['id', 'canonical_id'])
    .where(
      'canonical_id',
      'in',
      sql<string>`(select jsonb_array_elements_text(${JSON.stringify(canonicalIds)}::jsonb))`,
    )
    .execute();
  const features = await selectRiskFeatures(
    db,
    objects.map((o) => ({ objectId: o.id, asOf })),
  );
  const bands = new Map<string, RiskBand>();
  objects.forEach((o, i) => {
    const f = features[i];
    bands.set(
      o.canonical_id,
      f === null || f === undefined ? '中' : classifyRiskBand(scoreRiskModel(model.model, f), model.cuts),
    );
  });
  return bands;
}

/**
 * The day a tilted frame's features are read as of: today, or the first day of the batch's window when that is
 * earlier (a frame frozen for a window already past, as `ssj demo --simulate-year` does): what was known then.
 */
async function findFeatureDay(db: Db, taskId: number, batch: number, timesPerYear: number): Promise<string> {
  const today = formatChinaDate(new Date());
  const row = await db
    .selectFrom('task_lines as l')
    .innerJoin('tasks as t', 't.id', 'l.task_id')
    .innerJoin('plans as p', 'p.id', 't.plan_id')
    .select((eb) => [
      'p.year',
      eb.fn.min<number | null>('l.window_from_month').as('from'),
      eb.fn.max<number | null>('l.window_to_month').as('to'),
    ])
    .where('l.task_id', '=', taskId)
    .groupBy('p.year')
    .executeTakeFirst();
  if (row === undefined) return today;
  const from = row.from ?? 1;
  const to = row.to ?? 12;
  if (!(from >= 1 && to >= from && to <= 12 && batch >= 1 && batch <= Math.max(1, timesPerYear)))
    return today;
  const window = computeBatchWindow({ year: row.year, fromMonth: from, toMonth: to, timesPerYear, batch });
  return window.from < today ? window.from : today;
}

export interface RiskTiltPlan {
  /** The frame's secret salt (labels, sealed file and control membership all use it). */
  readonly salt: string;
  readonly allocation: BatchAllocation;
  /** Internal stratum name (对照组, 模型高风险 …) of every member. */
  readonly stratumOf: ReadonlyMap<string, string>;
  readonly modelId: number;
  readonly modelVersion: number;
  readonly controlShare: number;
}

export interface RiskTiltInput {
  readonly taskId: number;
  /** The task population: canonical id → official class. */
  readonly members: ReadonlyMap<string, RiskClass | null>;
  /** Targets of earlier batches of the task. */
  readonly earlier: ReadonlySet<string>;
  /** The frame's secret salt. */
  readonly salt: string;
  readonly ratio: { readonly percent: number; readonly bound: 'exact' | 'atLeast' | 'atMost' };
  readonly minCount: number | null;
  readonly timesPerYear: number;
  readonly batch: number;
  /** The day the features are read as of (default: {@link findFeatureDay}). */
  readonly asOf?: string;
  /** The control share when the caller already read the switches (loadTiltedTasks); else they are read here. */
  readonly controlShare?: number;
}

/**
 * The tilted allocation of a task batch being frozen, or null when the batch is not tilted (switches off, no model,
 * or a 100% task). Called by freeze-session.ts inside the freezing transaction.
 */
export async function planRiskTilt(db: Db, input: RiskTiltInput): Promise<RiskTiltPlan | null> {
  const tilt =
    input.controlShare === undefined
      ? await findTaskTilt(db, input.taskId)
      : { controlShare: input.controlShare };
  if (tilt === null) return null;
  const model = await loadRiskModel(db);
  if (model === null) return null;
  const ids = [...input.members.keys()];
  const asOf = input.asOf ?? (await findFeatureDay(db, input.taskId, input.batch, input.timesPerYear));
  const bands = await scoreMembers(db, model, ids, asOf);
  const planned = allocateTiltedBatch({
    members: ids.map((id) => ({ id, band: bands.get(id) ?? '中', drawnBefore: input.earlier.has(id) })),
    salt: input.salt,
    controlShare: tilt.controlShare,
    ratio: input.ratio,
    minCount: input.minCount,
    timesPerYear: input.timesPerYear,
    batch: input.batch,
  });
  if (!planned.ok) return null;
  return {
    salt: input.salt,
    allocation: planned.value.allocation,
    stratumOf: planned.value.stratumOf,
    modelId: model.id,
    modelVersion: model.version,
    controlShare: planned.value.controlShare,
  };
}

/**
 * The note a tilted frame adds to the public record's ratio text (a free-form field the verifiers do not check): the
 * model version and the control share, never a score or band. Frames not tilted are absent from the map.
 */
export async function describeFrameTilts(db: Db, frameIds: readonly number[]): Promise<Map<number, string>> {
  if (frameIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('draw_frames as f')
    .innerJoin('risk_models as m', 'm.id', 'f.risk_model_id')
    .select(['f.id', 'm.version', 'f.risk_control_share'])
    .where('f.id', 'in', [...frameIds])
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      `；按风险模型 v${String(r.version)} 分层倾斜抽取，含 ${String(Math.round((r.risk_control_share ?? 0.1) * 100))}% 随机对照组`,
    ]),
  );
}

/** Canonical ids drawn by live draws of the task (all batches so far), and the highest batch drawn. */
async function loadDrawnTargets(db: Db, taskId: number): Promise<{ ids: Set<string>; lastBatch: number }> {
  const rows = await db
    .selectFrom('draw_targets as dt')
    .innerJoin('draws as d', 'd.id', 'dt.draw_id')
    .select(['dt.canonical_id', 'd.batch'])
    .where('d.task_id', '=', taskId)
    .where(IS_LIVE_DRAW)
    .execute();
  return {
    ids: new Set(rows.map((r) => r.canonical_id)),
    lastBatch: Math.max(0, ...rows.map((r) => r.batch)),
  };
}

/**
 * The allocation table a draw of the task would use now (the next batch not drawn yet, else batch 1 of the whole
 * population): tilted by the model with its control stratum when the office switched it on (or `forceTilt`), else
 * the plain allocation by official classes. For the office's risk page; nothing is stored.
 */
export async function previewTaskAllocation(
  db: Kysely<Database>,
  year: number,
  code: string,
): Promise<Result<RiskAllocationPreviewDto, RiskTiltError>> {
  const task = await db
    .selectFrom('tasks as t')
    .innerJoin('plans as p', 'p.id', 't.plan_id')
    .select(['t.id', 't.code', 't.region_code', 't.name', 't.risk_based'])
    .where('p.year', '=', year)
    .where('t.code', '=', code)
    .executeTakeFirst();
  if (task === undefined) return err({ kind: 'task_not_found', code });
  const lines = await db
    .selectFrom('task_lines as l')
    .leftJoin('task_line_populations as p', 'p.task_line_id', 'l.id')
    .select([
      'l.id',
      'l.scope',
      'l.matters',
      'l.ratio_percent',
      'l.ratio_bound',
      'l.times_per_year',
      'l.min_count',
      'p.rule',
    ])
    .where('l.task_id', '=', task.id)
    .orderBy('l.line_no')
    .execute();
  // The governing line, as freeze-session.ts chooses it: the largest ratio, then the largest 不少于N户.
  const line = lines
    .filter((l) => l.ratio_percent !== null && l.ratio_bound !== null)
    .sort(
      (a, b) => (b.ratio_percent ?? 0) - (a.ratio_percent ?? 0) || (b.min_count ?? 0) - (a.min_count ?? 0),
    )[0];
  if (line === undefined || line.ratio_percent === null || line.ratio_bound === null)
    return err({ kind: 'no_ratio', code });
  const members = new Map<string, RiskClass | null>();
  for (const l of lines) {
    const rule: PopulationRule =
      l.rule ??
      suggestRuleForLine({
        taskLineId: l.id,
        taskCode: task.code,
        regionCode: task.region_code,
        taskName: task.name,
        scope: l.scope,
        matters: l.matters,
      });
    for (const m of await selectFrame(db, rule)) members.set(m.canonicalId, m.riskClass);
  }
  const times = line.times_per_year ?? 1;
  const drawn = await loadDrawnTargets(db, task.id);
  const batch = drawn.lastBatch < times ? drawn.lastBatch + 1 : 1;
  const earlier = batch === 1 ? new Set<string>() : drawn.ids;
  const ratio = { percent: line.ratio_percent, bound: line.ratio_bound };
  const tilt = await findTaskTilt(db, task.id);
  const model = await loadRiskModel(db);
  const planned =
    tilt === null || model === null
      ? null
      : await planRiskTilt(db, {
          taskId: task.id,
          members,
          earlier,
          salt: `preview|${task.code}`,
          ratio,
          minCount: line.min_count,
          timesPerYear: times,
          batch,
        });
  let allocation: BatchAllocation;
  if (planned !== null) {
    allocation = planned.allocation;
  } else {
    const strata = new Map<
      string,
      { riskClass: RiskClass | null; population: number; drawnBefore: number }
    >();
    for (const [id, riskClass] of members) {
      const name = task.risk_based ? (riskClass ?? 'unclassified') : 'all';
      const s = strata.get(name) ?? {
        riskClass: task.risk_based ? riskClass : null,
        population: 0,
        drawnBefore: 0,
      };
      s.population++;
      if (earlier.has(id)) s.drawnBefore++;
      strata.set(name, s);
    }
    const allocated = allocateBatch({
      strata: [...strata.entries()]
        .sort(([a], [b]) => compareByCodePoint(a, b))
        .map(([name, s]) => ({ name, ...s })),
      ratio,
      minCount: line.min_count,
      timesPerYear: times,
      batch,
      riskBased: task.risk_based,
    });
    if (!allocated.ok) return err({ kind: 'no_ratio', code });
    allocation = allocated.value;
  }
  return ok({
    year,
    taskCode: task.code,
    batch,
    tilted: planned !== null,
    modelVersion: planned?.modelVersion ?? null,
    controlShare: planned?.controlShare ?? null,
    frameSize: allocation.strata.reduce((sum, s) => sum + s.available, 0),
    demanded: allocation.demanded,
    total: allocation.total,
    strata: allocation.strata.map((s) => ({
      name: s.name,
      control: s.name === RISK_TILT_STRATA.control,
      population: s.population,
      available: s.available,
      multiplier: s.multiplier,
      count: s.count,
    })),
  });
}
