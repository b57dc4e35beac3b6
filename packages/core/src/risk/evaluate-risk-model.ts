/**
 * How good a risk score is on labelled rows (issue #9: "AUC, calibration curve, lift at the top decile"). Works on
 * any score, so the model can be compared with, say, the official class alone on the same rows.
 *
 * Ties are handled without looking at row order: AUC counts a tied positive–negative pair as one half, and a group
 * of tied scores that straddles a decile boundary is shared between the deciles in proportion (as if the ties were
 * broken at random, in expectation).
 */
import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { scoreRiskModel } from './score-risk-model.ts';
import type { RiskModel, RiskRow } from './risk-types.ts';

export interface ScoredOutcome {
  readonly score: number;
  readonly violation: 0 | 1;
}

export interface RiskCalibrationBin {
  /** 1 = the tenth of rows with the lowest scores … 10 = the highest. */
  readonly decile: number;
  /** Rows in the decile (a tenth of all; fractional when the count does not divide by 10). */
  readonly rows: number;
  readonly meanPredicted: number;
  readonly observedRate: number;
}

export interface RiskEvaluation {
  readonly rows: number;
  readonly positives: number;
  readonly baseRate: number;
  /** Area under the ROC curve: the chance that a random violator scores above a random compliant object. */
  readonly auc: number;
  /** Violation rate in the top decile of scores ÷ the base rate. */
  readonly liftTopDecile: number;
  readonly topDecileRate: number;
  /** Mean of (score − outcome)². */
  readonly brierScore: number;
  /** Mean of −log-likelihood per row (scores clamped to [1e-15, 1 − 1e-15]). */
  readonly logLoss: number;
  readonly calibration: readonly RiskCalibrationBin[];
}

export type RiskEvaluationProblem =
  | { readonly kind: 'no-labelled-rows' }
  | { readonly kind: 'single-class'; readonly label: 0 | 1 }
  | { readonly kind: 'bad-score'; readonly index: number; readonly score: number };

export function describeRiskEvaluationProblem(problem: RiskEvaluationProblem): string {
  switch (problem.kind) {
    case 'no-labelled-rows':
      return 'no row has a violation label (0 or 1)';
    case 'single-class':
      return `every labelled row has violation ${problem.label}: AUC and lift need rows of both outcomes`;
    case 'bad-score':
      return `score ${problem.score} of row ${problem.index + 1} is not a number`;
  }
}

interface TieGroup {
  readonly score: number;
  /** Position of the group's first row in ascending score order. */
  readonly start: number;
  readonly size: number;
  readonly positives: number;
}

function groupTies(outcomes: readonly ScoredOutcome[]): TieGroup[] {
  const sorted = [...outcomes].sort((a, b) => a.score - b.score);
  const groups: TieGroup[] = [];
  let i = 0;
  while (i < sorted.length) {
    const score = sorted[i]?.score ?? 0;
    let positives = 0;
    let j = i;
    while (j < sorted.length && sorted[j]?.score === score) {
      positives += sorted[j]?.violation ?? 0;
      j += 1;
    }
    groups.push({ score, start: i, size: j - i, positives });
    i = j;
  }
  return groups;
}

function computeAucFromGroups(groups: readonly TieGroup[], positives: number, negatives: number): number {
  let rankSum = 0;
  for (const g of groups) {
    const midRank = g.start + (g.size + 1) / 2;
    rankSum += g.positives * midRank;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** AUC (Mann–Whitney, ties count one half). Needs at least one row of each outcome; NaN otherwise. */
export function computeAuc(outcomes: readonly ScoredOutcome[]): number {
  let positives = 0;
  for (const o of outcomes) positives += o.violation;
  const negatives = outcomes.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return computeAucFromGroups(groupTies(outcomes), positives, negatives);
}

/** Evaluates scores against outcomes: AUC, lift at the top decile, the decile calibration table, Brier, log loss. */
export function evaluateRiskScores(
  outcomes: readonly ScoredOutcome[],
): Result<RiskEvaluation, RiskEvaluationProblem> {
  if (outcomes.length === 0) return err({ kind: 'no-labelled-rows' });
  let positives = 0;
  for (const [index, o] of outcomes.entries()) {
    if (!Number.isFinite(o.score)) return err({ kind: 'bad-score', index, score: o.score });
    positives += o.violation;
  }
  const n = outcomes.length;
  if (positives === 0 || positives === n)
    return err({ kind: 'single-class', label: positives === 0 ? 0 : 1 });
  const groups = groupTies(outcomes);
  // Sums over tie groups in score order, so the result does not depend on the order of the rows.
  let brier = 0;
  let logLoss = 0;
  for (const g of groups) {
    const p = Math.min(1 - 1e-15, Math.max(1e-15, g.score));
    const negatives = g.size - g.positives;
    brier += g.positives * (g.score - 1) ** 2 + negatives * g.score ** 2;
    logLoss -= g.positives * Math.log(p) + negatives * Math.log(1 - p);
  }
  const calibration: RiskCalibrationBin[] = [];
  for (let decile = 1; decile <= 10; decile++) {
    const from = ((decile - 1) * n) / 10;
    const to = (decile * n) / 10;
    let rows = 0;
    let predicted = 0;
    let observed = 0;
    for (const g of groups) {
      const overlap = Math.min(g.start + g.size, to) - Math.max(g.start, from);
      if (overlap <= 0) continue;
      rows += overlap;
      predicted += overlap * g.score;
      observed += (overlap * g.positives) / g.size;
    }
    if (rows > 0)
      calibration.push({ decile, rows, meanPredicted: predicted / rows, observedRate: observed / rows });
  }
  const baseRate = positives / n;
  const topDecileRate = calibration.find((bin) => bin.decile === 10)?.observedRate ?? 0;
  return ok({
    rows: n,
    positives,
    baseRate,
    auc: computeAucFromGroups(groups, positives, n - positives),
    liftTopDecile: topDecileRate / baseRate,
    topDecileRate,
    brierScore: brier / n,
    logLoss: logLoss / n,
    calibration,
  });
}

/** Scores the labelled rows (rows without a label are left out) and evaluates the scores. */
export function evaluateRiskModel(
  model: RiskModel,
  rows: readonly RiskRow[],
): Result<RiskEvaluation, RiskEvaluationProblem> {
  const outcomes: ScoredOutcome[] = [];
  for (const row of rows)
    if (row.violation !== null)
      outcomes.push({ score: scoreRiskModel(model, row), violation: row.violation });
  return evaluateRiskScores(outcomes);
}
