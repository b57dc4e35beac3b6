/**
 * Stored risk models (issue #9): versioned and immutable (a trigger refuses changes), read back through core's
 * checked parser. The newest version is the one used for scores, reports and tilted draws.
 */
import type { Kysely, Transaction } from 'kysely';
import { DEFAULT_RISK_BAND_CUTS, parseRiskModel } from '@ssj/core';
import type { RiskBandCuts, RiskModel } from '@ssj/core';
import type { RiskModelSummaryDto, RiskModelsDto, RiskTrainingWindowDto } from '../../api-types.ts';
import type { Database } from '../../db/schema.ts';
import type { StoredRiskEvaluation } from './risk-training.ts';

export interface LoadedRiskModel {
  readonly id: number;
  readonly version: number;
  readonly trainedAt: Date;
  /** The day the training data was read as of. */
  readonly asOf: string;
  readonly model: RiskModel;
  readonly cuts: RiskBandCuts;
}

/** Models never change: parsed once per id. */
const parsed = new Map<number, RiskModel>();

function readCuts(value: unknown): RiskBandCuts {
  const v = value as Partial<RiskBandCuts> | null;
  return typeof v?.medium === 'number' && typeof v.high === 'number'
    ? { medium: v.medium, high: v.high }
    : DEFAULT_RISK_BAND_CUTS;
}

/** The newest model (or the given version), or null when none was trained. A stored model that fails to parse is a bug. */
export async function loadRiskModel(
  db: Kysely<Database> | Transaction<Database>,
  version?: number,
): Promise<LoadedRiskModel | null> {
  let query = db
    .selectFrom('risk_models')
    .select(['id', 'version', 'trained_at', 'as_of', 'model', 'band_cuts'])
    .orderBy('version', 'desc')
    .limit(1);
  if (version !== undefined) query = query.where('version', '=', version);
  const row = await query.executeTakeFirst();
  if (row === undefined) return null;
  let model = parsed.get(row.id);
  if (model === undefined) {
    const read = parseRiskModel(row.model);
    if (!read.ok) throw new Error(`stored risk model v${String(row.version)} is invalid: ${read.error.kind}`);
    model = read.value;
    parsed.set(row.id, model);
  }
  return {
    id: row.id,
    version: row.version,
    trainedAt: row.trained_at,
    asOf: row.as_of,
    model,
    cuts: readCuts(row.band_cuts),
  };
}

/** Every model, newest first, with its evaluation; a drift warning when the newest one's AUC dropped. */
export async function listRiskModels(db: Kysely<Database>): Promise<RiskModelsDto> {
  const rows = await db
    .selectFrom('risk_models as m')
    .leftJoin('users as u', 'u.id', 'm.trained_by')
    .select([
      'm.version',
      'm.trained_at',
      'm.as_of',
      'm.training_window',
      'm.evaluation',
      'm.band_cuts',
      'u.display_name',
    ])
    .orderBy('m.version', 'desc')
    .execute();
  const models: RiskModelSummaryDto[] = rows.map((r) => ({
    version: r.version,
    trainedAt: r.trained_at.toISOString(),
    trainedBy: r.display_name,
    asOf: r.as_of,
    window: r.training_window as RiskTrainingWindowDto,
    evaluation: r.evaluation as StoredRiskEvaluation,
    bandCuts: readCuts(r.band_cuts),
  }));
  const newest = models[0];
  const driftWarning =
    newest?.evaluation.drift === true && newest.evaluation.previous !== null
      ? `模型 v${String(newest.version)} 的 AUC ${newest.evaluation.auc.toFixed(3)} 比上一版 v${String(newest.evaluation.previous.version)} 的 ${newest.evaluation.previous.auc.toFixed(3)} 下降超过 0.05：数据可能已经漂移，请检查后再用于倾斜抽取`
      : null;
  return { models, driftWarning };
}
