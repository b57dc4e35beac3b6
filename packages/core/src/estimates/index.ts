export { computeBetaQuantile, computeStudentTQuantile } from './beta-quantile.ts';
export { computeClopperPearson } from './clopper-pearson.ts';
export { computeIncompleteBeta, computeLogBeta, computeLogGamma } from './incomplete-beta.ts';
export { parseEstimateInput } from './parse-estimate-input.ts';
export {
  describeEstimateProblem,
  estimateStratifiedShare,
  estimateStratifiedShareFromCounts,
  summarizeStratum,
} from './stratified-estimate.ts';
export type {
  EstimateInput,
  EstimateProblem,
  StratifiedEstimate,
  StratumCounts,
  StratumOutcomes,
} from './stratified-estimate.ts';
