/**
 * Training the risk model from the platform's own results, on demand (issue #9): one labelled row per object and
 * plan year with a published inspection — its features as of the day of its first inspection that year
 * (risk-features.ts), label 1 when any published result of that year found a non-compliance.
 *
 * Held out for evaluation: the latest year when there are results of at least two years (train on the earlier
 * years); with a single year, the last 25% of its rows by inspection day (train on the first 75%), and the
 * evaluation says so. The stored model is the one trained on the training part, so its evaluation is exactly that of
 * the model in use. Band cuts are quantiles of the scores of the register itself as of the day (a fixed
 * pseudo-random sample of up to 20,000 objects): the top 10% of objects are 高, the next 20% 中, the rest 低, so a
 * band means the same on an inspection page and in a frame, and a tilted frame has about a tenth of its objects in 高
 * (cuts from the inspected objects would put nearly every frame member in 低: the inspected are riskier than the
 * register). A new model whose AUC is more than 0.05 below the previous one's is flagged as drift.
 */
import { sql, type Kysely } from 'kysely';
import {
  classifyRiskBand,
  computeAuc,
  describeRiskEvaluationProblem,
  describeRiskTrainingProblem,
  err,
  evaluateRiskModel,
  ok,
  RISK_BANDS,
  scoreRiskModel,
  suggestRiskBandCuts,
  trainRiskModel,
  type Result,
  type RiskBandCuts,
  type RiskFeatures,
  type RiskModel,
  type RiskRow,
} from '@ssj/core';
import type { RiskModelEvaluationDto, RiskTrainingWindowDto } from '../../api-types.ts';
import { appendAudit, type AuditActor } from '../../audit/audit-log.ts';
import type { Database } from '../../db/schema.ts';
import { runResultTransaction } from '../../db/result-transaction.ts';
import { selectRiskFeatures } from './risk-features.ts';
import { loadRiskModel } from './risk-store.ts';

export type StoredRiskEvaluation = RiskModelEvaluationDto;

/** A drop of the held-out AUC by more than this against the previous model is reported as drift. */
export const RISK_DRIFT_AUC_DROP = 0.05;

export type RiskTrainingError =
  | { readonly kind: 'not_enough_results'; readonly rows: number; readonly positives: number }
  | { readonly kind: 'training_failed'; readonly message: string };

export function describeRiskTrainingError(e: RiskTrainingError): string {
  switch (e.kind) {
    case 'not_enough_results':
      return `已公示的检查结果不足以训练和评估模型（${String(e.rows)} 个对象年度，其中 ${String(e.positives)} 个发现问题）：训练集和留出的评估集都需要既有发现问题、也有未发现问题的结果`;
    case 'training_failed':
      return `模型训练失败：${e.message}`;
  }
}

export interface RiskTrainingResult {
  readonly version: number;
  readonly window: RiskTrainingWindowDto;
  readonly evaluation: StoredRiskEvaluation;
}

interface LabelRow {
  object_id: number;
  year: number;
  first_on: string;
  violation: boolean;
}

/** One row per object and year with a published inspection (published on or before `asOf`). */
async function loadLabelRows(db: Kysely<Database>, asOf: string): Promise<LabelRow[]> {
  const rows = await sql<LabelRow>`
    select i.object_id, i.year, min(i.inspected_on) as first_on, bool_or(r.non_compliant) as violation
    from inspections i join inspection_results r on r.inspection_id = i.id
    where i.status = 'published' and i.inspected_on is not null and i.published_on <= ${asOf}
    group by i.object_id, i.year
    order by min(i.inspected_on), i.object_id, i.year`.execute(db);
  return rows.rows;
}

/** Objects scored for the band cuts: a fixed pseudo-random sample (by a hash of the canonical id). */
const CUT_SAMPLE = 20_000;

/** Band cuts at the register's score quantiles (top 10% 高, next 20% 中) as of `asOf`. */
async function suggestRegisterCuts(
  db: Kysely<Database>,
  model: RiskModel,
  asOf: string,
): Promise<RiskBandCuts> {
  const sample = await sql<{ id: number }>`
    select id from objects where established_on is null or established_on < ${asOf}
    order by md5(canonical_id) limit ${CUT_SAMPLE}`.execute(db);
  const features = await selectRiskFeatures(
    db,
    sample.rows.map((o) => ({ objectId: o.id, asOf })),
  );
  return suggestRiskBandCuts(
    features.filter((f): f is RiskFeatures => f !== null).map((f) => scoreRiskModel(model, f)),
    { high: 0.1, medium: 0.2 },
  );
}

function countPositives(rows: readonly { violation: 0 | 1 | null }[]): number {
  return rows.reduce((sum, r) => sum + (r.violation ?? 0), 0);
}

/** The official class alone as a score: each class (and "none") by its violation rate in the training rows. */
function scoreByClassOnly(train: readonly RiskRow[], test: readonly RiskRow[]): number | null {
  const rates = new Map<string | null, { positives: number; rows: number }>();
  for (const row of train) {
    const r = rates.get(row.riskClass) ?? { positives: 0, rows: 0 };
    r.rows++;
    r.positives += row.violation ?? 0;
    rates.set(row.riskClass, r);
  }
  const base = countPositives(train) / Math.max(1, train.length);
  const auc = computeAuc(
    test.map((row) => {
      const r = rates.get(row.riskClass);
      return { score: r === undefined ? base : r.positives / r.rows, violation: row.violation ?? 0 };
    }),
  );
  return Number.isFinite(auc) ? auc : null;
}

/**
 * Trains a new model version from the published results as of `asOf` (YYYY-MM-DD) and stores it with its training
 * window and evaluation, audited. Refuses (nothing stored) when either part lacks one of the two outcomes.
 */
export async function trainRiskModelFromDatabase(
  db: Kysely<Database>,
  actor: AuditActor,
  options: { readonly asOf: string },
): Promise<Result<RiskTrainingResult, RiskTrainingError>> {
  const labels = await loadLabelRows(db, options.asOf);
  const features = await selectRiskFeatures(
    db,
    labels.map((l) => ({ objectId: l.object_id, asOf: l.first_on })),
  );
  const rows: { row: RiskRow; year: number; on: string }[] = [];
  labels.forEach((l, i) => {
    const f = features[i];
    if (f === null || f === undefined) return;
    rows.push({
      row: { ...f, id: `${String(l.object_id)}/${String(l.year)}`, violation: l.violation ? 1 : 0 },
      year: l.year,
      on: l.first_on,
    });
  });
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const latest = years[years.length - 1];
  let train: typeof rows;
  let test: typeof rows;
  let note: string;
  const holdout: RiskTrainingWindowDto['holdout'] = years.length >= 2 ? 'latest-year' : 'last-quarter';
  if (latest !== undefined && years.length >= 2) {
    train = rows.filter((r) => r.year < latest);
    test = rows.filter((r) => r.year === latest);
    note = `以 ${years.slice(0, -1).join('、')} 年的结果训练，留出最近一年（${String(latest)} 年）评估`;
  } else {
    const cut = Math.floor(rows.length * 0.75);
    train = rows.slice(0, cut);
    test = rows.slice(cut);
    note =
      `只有一年（${latest === undefined ? '—' : String(latest)} 年）的结果：按检查日期，前 75% 训练，` +
      `最后 25%（${test[0]?.on ?? '—'} 起）留出评估；这不是跨年度的检验，结果偏乐观`;
  }
  const trainRows = train.map((r) => r.row);
  const testRows = test.map((r) => r.row);
  const trainPositives = countPositives(trainRows);
  const testPositives = countPositives(testRows);
  if (
    trainPositives === 0 ||
    trainPositives === trainRows.length ||
    testPositives === 0 ||
    testPositives === testRows.length
  ) {
    return err({
      kind: 'not_enough_results',
      rows: rows.length,
      positives: countPositives(rows.map((r) => r.row)),
    });
  }
  const trained = trainRiskModel(trainRows);
  if (!trained.ok)
    return err({ kind: 'training_failed', message: describeRiskTrainingProblem(trained.error) });
  const model = trained.value;
  const evaluated = evaluateRiskModel(model, testRows);
  if (!evaluated.ok)
    return err({ kind: 'training_failed', message: describeRiskEvaluationProblem(evaluated.error) });
  const cuts = await suggestRegisterCuts(db, model, options.asOf);
  const bands = RISK_BANDS.map((band) => ({ band, rows: 0, positives: 0, rate: null as number | null }));
  for (const row of testRows) {
    const b = bands.find((x) => x.band === classifyRiskBand(scoreRiskModel(model, row), cuts));
    if (b === undefined) continue;
    b.rows++;
    b.positives += row.violation ?? 0;
  }
  for (const b of bands) b.rate = b.rows === 0 ? null : b.positives / b.rows;
  const window: RiskTrainingWindowDto = {
    holdout,
    years,
    trainRows: trainRows.length,
    trainPositives,
    trainFrom: train[0]?.on ?? '',
    trainTo: train[train.length - 1]?.on ?? '',
    testRows: testRows.length,
    testPositives,
    testFrom: test[0]?.on ?? '',
    testTo: test[test.length - 1]?.on ?? '',
    note,
  };
  return runResultTransaction(db, async (trx) => {
    // One training at a time: versions are consecutive.
    await sql`lock table risk_models in exclusive mode`.execute(trx);
    const previousModel = await loadRiskModel(trx);
    const previousRow =
      previousModel === null
        ? undefined
        : await trx
            .selectFrom('risk_models')
            .select(['version', 'evaluation'])
            .where('id', '=', previousModel.id)
            .executeTakeFirst();
    const previousAuc = (previousRow?.evaluation as { auc?: unknown } | undefined)?.auc;
    const previous =
      previousRow !== undefined && typeof previousAuc === 'number'
        ? { version: previousRow.version, auc: previousAuc }
        : null;
    const e = evaluated.value;
    const evaluation: StoredRiskEvaluation = {
      rows: e.rows,
      positives: e.positives,
      baseRate: e.baseRate,
      auc: e.auc,
      classOnlyAuc: scoreByClassOnly(trainRows, testRows),
      liftTopDecile: e.liftTopDecile,
      topDecileRate: e.topDecileRate,
      brierScore: e.brierScore,
      logLoss: e.logLoss,
      calibration: e.calibration.map((c) => ({ ...c })),
      bands,
      previous,
      drift: previous !== null && previous.auc - e.auc > RISK_DRIFT_AUC_DROP,
    };
    const version = (previousModel?.version ?? 0) + 1;
    await trx
      .insertInto('risk_models')
      .values({
        version,
        trained_by: actor.userId,
        as_of: options.asOf,
        training_window: JSON.stringify(window),
        model: JSON.stringify(model),
        evaluation: JSON.stringify(evaluation),
        band_cuts: JSON.stringify(cuts),
      })
      .execute();
    await appendAudit(trx, actor, {
      action: 'risk.train',
      entity: 'risk_model',
      entityId: String(version),
      after: {
        asOf: options.asOf,
        holdout,
        trainRows: window.trainRows,
        testRows: window.testRows,
        auc: evaluation.auc,
        dataDigest: model.training.dataDigest,
      },
    });
    return ok({ version, window, evaluation });
  });
}
