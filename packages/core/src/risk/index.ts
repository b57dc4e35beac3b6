export type {
  RiskCategoricalFeature,
  RiskCategoricalTerm,
  RiskCsvColumn,
  RiskFeatureName,
  RiskFeatures,
  RiskLevelTerm,
  RiskModel,
  RiskNumericFeature,
  RiskNumericTerm,
  RiskRow,
  RiskTrainingSummary,
} from './risk-types.ts';
export {
  RISK_CATEGORICAL_FEATURES,
  RISK_CSV_COLUMNS,
  RISK_MODEL_FORMAT,
  RISK_MODEL_METHOD,
  RISK_MODEL_VERSION,
  RISK_NUMERIC_FEATURES,
} from './risk-types.ts';
export {
  DEFAULT_RISK_TRAINING_OPTIONS,
  describeRiskTrainingProblem,
  trainRiskModel,
} from './train-risk-model.ts';
export type { RiskTrainingOptions, RiskTrainingProblem } from './train-risk-model.ts';
export { computeRiskContributions, computeRiskLogit, scoreRiskModel } from './score-risk-model.ts';
export type { RiskContribution, RiskContributions } from './score-risk-model.ts';
export { explainRiskScore, RISK_FEATURE_NAMES } from './explain-risk-score.ts';
export type { RiskExplanation, RiskExplanationOptions, RiskFactor } from './explain-risk-score.ts';
export {
  computeAuc,
  describeRiskEvaluationProblem,
  evaluateRiskModel,
  evaluateRiskScores,
} from './evaluate-risk-model.ts';
export type {
  RiskCalibrationBin,
  RiskEvaluation,
  RiskEvaluationProblem,
  ScoredOutcome,
} from './evaluate-risk-model.ts';
export {
  checkRiskBandCuts,
  classifyRiskBand,
  DEFAULT_RISK_BAND_CUTS,
  RISK_BANDS,
  suggestRiskBandCuts,
} from './risk-band.ts';
export type { RiskBand, RiskBandCuts, RiskBandCutsProblem } from './risk-band.ts';
export { describeRiskModelProblem, parseRiskModel } from './parse-risk-model.ts';
export type { RiskModelProblem } from './parse-risk-model.ts';
export { describeRiskCsvProblem, formatRiskCsv, readRiskCsv } from './read-risk-csv.ts';
export type { RiskCsvOptions, RiskCsvProblem, RiskCsvTable } from './read-risk-csv.ts';
export { synthesiseRiskRows } from './synthesise-risk-rows.ts';
export type { SyntheticRiskOptions } from './synthesise-risk-rows.ts';
export {
  allocateTiltedBatch,
  DEFAULT_RISK_BAND_MULTIPLIERS,
  DEFAULT_RISK_CONTROL_SHARE,
  RISK_TILT_STRATA,
} from './allocate-tilted-batch.ts';
export type { TiltedBatch, TiltedBatchInput, TiltedBatchProblem } from './allocate-tilted-batch.ts';
