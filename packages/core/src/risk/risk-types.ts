/**
 * The risk model (智慧监管, issue #9): what it reads per object, and the model itself as a plain JSON value.
 *
 * Features are named by their CSV column (`registered_capital`, …) everywhere a model or a file shows them, so a
 * model written by one tool is read by any other.
 */
import type { RiskClass } from '../registry/register-types.ts';

/** What the model knows about one object. `null` is a missing value; every field may be missing. */
export interface RiskFeatures {
  /** Object kind: a code of `OBJECT_KINDS` (enterprise, individual …) or any other text (an unknown level). */
  readonly kind: string | null;
  /** Main category: a code of `OBJECT_CATEGORIES` (catering …) or any other text. */
  readonly category: string | null;
  /** GB/T 2260 code of the region (140525 …) or any other text. */
  readonly region: string | null;
  /** 注册资本 in 万元 (≥ 0); missing for 个体工商户, institutions, projects, facilities. */
  readonly registeredCapital: number | null;
  /** Years since 成立日期 (≥ 0). */
  readonly ageYears: number | null;
  /** Inspections of the object in the last three years. */
  readonly priorInspections: number | null;
  /** Inspections in the last three years that found a violation. */
  readonly priorViolations: number | null;
  /** Complaints and leads (投诉举报) in the last 12 months. */
  readonly complaints12m: number | null;
  /** Listed in 经营异常名录 now. */
  readonly abnormalList: boolean | null;
  /** Official 信用风险分类 A 低 … D 高. */
  readonly riskClass: RiskClass | null;
}

/** One labelled (or, for scoring, unlabelled) row of a risk data file. */
export interface RiskRow extends RiskFeatures {
  readonly id: string;
  /** 1 when the inspection found a violation, 0 when it did not; null when unknown (scoring data). */
  readonly violation: 0 | 1 | null;
}

export type RiskCategoricalFeature = 'kind' | 'category' | 'region' | 'risk_class';
export type RiskNumericFeature =
  | 'registered_capital'
  | 'age_years'
  | 'prior_inspections'
  | 'prior_violations'
  | 'complaints_12m'
  | 'abnormal_list';
export type RiskFeatureName = RiskCategoricalFeature | RiskNumericFeature;

export const RISK_CATEGORICAL_FEATURES: readonly RiskCategoricalFeature[] = [
  'kind',
  'category',
  'region',
  'risk_class',
];
export const RISK_NUMERIC_FEATURES: readonly RiskNumericFeature[] = [
  'registered_capital',
  'age_years',
  'prior_inspections',
  'prior_violations',
  'complaints_12m',
  'abnormal_list',
];

/** The columns of a risk data file, in the order `ssj risk synth` writes them (a reader takes any order). */
export const RISK_CSV_COLUMNS = [
  'id',
  'kind',
  'category',
  'region',
  'registered_capital',
  'age_years',
  'prior_inspections',
  'prior_violations',
  'complaints_12m',
  'abnormal_list',
  'risk_class',
  'violation',
] as const;
export type RiskCsvColumn = (typeof RISK_CSV_COLUMNS)[number];

/** The value of a categorical feature of a row (null when missing). */
export function readCategoricalFeature(row: RiskFeatures, feature: RiskCategoricalFeature): string | null {
  switch (feature) {
    case 'kind':
      return row.kind;
    case 'category':
      return row.category;
    case 'region':
      return row.region;
    case 'risk_class':
      return row.riskClass;
  }
}

/** The value of a numeric feature of a row; null when missing or not a finite number. */
export function readNumericFeature(row: RiskFeatures, feature: RiskNumericFeature): number | null {
  let value: number | null;
  switch (feature) {
    case 'registered_capital':
      value = row.registeredCapital;
      break;
    case 'age_years':
      value = row.ageYears;
      break;
    case 'prior_inspections':
      value = row.priorInspections;
      break;
    case 'prior_violations':
      value = row.priorViolations;
      break;
    case 'complaints_12m':
      value = row.complaints12m;
      break;
    case 'abnormal_list':
      value = row.abnormalList === null ? null : row.abnormalList ? 1 : 0;
      break;
  }
  return value !== null && Number.isFinite(value) ? value : null;
}

export const RISK_MODEL_FORMAT = 'ssj-risk-model';
export const RISK_MODEL_VERSION = 1;
export const RISK_MODEL_METHOD = 'logistic-regression-l2-irls';

/** One level of a categorical feature: its coefficient and how often training rows had it. */
export interface RiskLevelTerm {
  /** The level; null is "missing" (a level of its own when training rows had it missing often enough). */
  readonly value: string | null;
  readonly coefficient: number;
  /** Training rows with this level. */
  readonly count: number;
}

/** A categorical feature, one-hot encoded (no reference level: the L2 penalty makes the fit unique). */
export interface RiskCategoricalTerm {
  readonly feature: RiskCategoricalFeature;
  /** Levels seen at least `minLevelCount` times in training, most frequent first (ties by value). */
  readonly levels: readonly RiskLevelTerm[];
  /** Rare levels of the training data pooled, and any level a row brings that training never saw. */
  readonly other: { readonly coefficient: number; readonly count: number };
}

/** A numeric feature: transformed, winsorised to the training range, standardised; missing → imputed + indicator. */
export interface RiskNumericTerm {
  readonly feature: RiskNumericFeature;
  /** `log1p` for sizes and counts (log(1 + x)), `identity` for 0/1 flags. */
  readonly transform: 'log1p' | 'identity';
  /** Mean and standard deviation of the transformed observed training values. */
  readonly center: number;
  readonly scale: number;
  /** Range of the transformed observed training values; values outside are clamped to it. */
  readonly low: number;
  readonly high: number;
  /** The raw value a missing one is replaced by: the median of the observed training values. */
  readonly impute: number;
  readonly coefficient: number;
  /** Mean of the standardised column over all training rows (the baseline of an explanation). */
  readonly mean: number;
  /** The missing-value indicator: its coefficient and how many training rows were missing. */
  readonly missing: { readonly coefficient: number; readonly count: number };
  /** Mean raw value of the observed training rows, overall and per category level (for "高于同类"). */
  readonly typical: {
    readonly overall: number | null;
    readonly byCategory: readonly (readonly [string, number])[];
  };
}

export interface RiskTrainingSummary {
  readonly rows: number;
  readonly positives: number;
  /** L2 penalty λ on every coefficient but the intercept. */
  readonly l2: number;
  readonly minLevelCount: number;
  readonly maxLevels: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** −2 × log-likelihood of the training rows at the fitted coefficients. */
  readonly deviance: number;
  /** SHA-256 of the training rows' features and labels (ids left out), one canonical line each, sorted. */
  readonly dataDigest: string;
}

/** A trained risk model: a plain JSON value (JSON.stringify / parseRiskModel round-trip it exactly). */
export interface RiskModel {
  readonly format: typeof RISK_MODEL_FORMAT;
  readonly version: typeof RISK_MODEL_VERSION;
  readonly method: typeof RISK_MODEL_METHOD;
  readonly intercept: number;
  readonly categorical: readonly RiskCategoricalTerm[];
  readonly numeric: readonly RiskNumericTerm[];
  readonly training: RiskTrainingSummary;
}
