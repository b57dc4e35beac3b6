/**
 * Scoring with a trained risk model: the predicted probability that an inspection of the object finds a
 * violation, and the same prediction split into one additive part per feature (for explanations).
 */
import { findRiskLevelColumn, standardiseRiskValue } from './encode-risk-row.ts';
import { computeSigmoid } from './fit-logistic-regression.ts';
import { readCategoricalFeature, readNumericFeature } from './risk-types.ts';
import type { RiskFeatureName, RiskFeatures, RiskModel } from './risk-types.ts';

export interface RiskContribution {
  readonly feature: RiskFeatureName;
  /** This feature's part of the logit, relative to an average training row (> 0 raises the risk). */
  readonly contribution: number;
}

export interface RiskContributions {
  /** The logit of an average training row: intercept + Σ coefficient × training mean of its column. */
  readonly baselineLogit: number;
  /** One per feature, in the model's feature order; baselineLogit + Σ contribution = the row's logit. */
  readonly contributions: readonly RiskContribution[];
}

/**
 * Splits a row's logit into per-feature parts: Σ_columns of the feature coefficient × (value − training mean).
 * Unknown levels and missing values never throw (see encode-risk-row.ts).
 */
export function computeRiskContributions(model: RiskModel, row: RiskFeatures): RiskContributions {
  const rows = model.training.rows;
  let baselineLogit = model.intercept;
  const contributions: RiskContribution[] = [];
  model.categorical.forEach((term, t) => {
    let average = term.other.coefficient * (term.other.count / rows);
    for (const level of term.levels) average += level.coefficient * (level.count / rows);
    baselineLogit += average;
    const column = findRiskLevelColumn(model, t, readCategoricalFeature(row, term.feature));
    const coefficient = term.levels[column]?.coefficient ?? term.other.coefficient;
    contributions.push({ feature: term.feature, contribution: coefficient - average });
  });
  for (const term of model.numeric) {
    const missingShare = term.missing.count / rows;
    baselineLogit += term.coefficient * term.mean + term.missing.coefficient * missingShare;
    const { value, missing } = standardiseRiskValue(term, readNumericFeature(row, term.feature));
    contributions.push({
      feature: term.feature,
      contribution:
        term.coefficient * (value - term.mean) +
        term.missing.coefficient * ((missing ? 1 : 0) - missingShare),
    });
  }
  return { baselineLogit, contributions };
}

/** The row's logit, log(p / (1 − p)). */
export function computeRiskLogit(model: RiskModel, row: RiskFeatures): number {
  let logit = model.intercept;
  model.categorical.forEach((term, t) => {
    const column = findRiskLevelColumn(model, t, readCategoricalFeature(row, term.feature));
    logit += term.levels[column]?.coefficient ?? term.other.coefficient;
  });
  for (const term of model.numeric) {
    const { value, missing } = standardiseRiskValue(term, readNumericFeature(row, term.feature));
    logit += term.coefficient * value + (missing ? term.missing.coefficient : 0);
  }
  return logit;
}

/** The risk score of a row: the predicted probability of a violation, in [0, 1]; higher = riskier. */
export function scoreRiskModel(model: RiskModel, row: RiskFeatures): number {
  return computeSigmoid(computeRiskLogit(model, row));
}
