/**
 * Training the risk model (issue #9): L2-regularised logistic regression over one-hot categoricals and
 * log-transformed, standardised numerics with missing-value indicators (docs/ARCHITECTURE.md, "The risk model",
 * says why this and not a library).
 *
 * Deterministic: the rows are put in a canonical order first, so the same rows, in any order, give the same
 * model, byte for byte, when serialised with JSON.stringify.
 */
import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { hashSha256Hex } from '../sampling/sha256.ts';
import {
  countRiskColumns,
  encodeRiskRow,
  standardiseRiskValue,
  transformRiskValue,
} from './encode-risk-row.ts';
import { fitLogisticRegression } from './fit-logistic-regression.ts';
import type { SparseDesign } from './fit-logistic-regression.ts';
import {
  readCategoricalFeature,
  readNumericFeature,
  RISK_CATEGORICAL_FEATURES,
  RISK_MODEL_FORMAT,
  RISK_MODEL_METHOD,
  RISK_MODEL_VERSION,
  RISK_NUMERIC_FEATURES,
} from './risk-types.ts';
import type {
  RiskCategoricalFeature,
  RiskCategoricalTerm,
  RiskLevelTerm,
  RiskModel,
  RiskNumericFeature,
  RiskNumericTerm,
  RiskRow,
} from './risk-types.ts';

export interface RiskTrainingOptions {
  /** L2 penalty λ on every coefficient but the intercept (default 1). */
  readonly l2?: number;
  /** A categorical level needs this many training rows to get its own coefficient (default 10). */
  readonly minLevelCount?: number;
  /** At most this many levels per categorical feature get their own coefficient (default 100). */
  readonly maxLevels?: number;
  /** Newton steps at most (default 100). */
  readonly maxIterations?: number;
}

export const DEFAULT_RISK_TRAINING_OPTIONS: Required<RiskTrainingOptions> = {
  l2: 1,
  minLevelCount: 10,
  maxLevels: 100,
  maxIterations: 100,
};

export type RiskTrainingProblem =
  | { readonly kind: 'no-rows' }
  | { readonly kind: 'unlabelled-row'; readonly index: number; readonly id: string }
  | { readonly kind: 'single-class'; readonly label: 0 | 1 }
  | { readonly kind: 'bad-option'; readonly option: keyof RiskTrainingOptions; readonly value: number };

export function describeRiskTrainingProblem(problem: RiskTrainingProblem): string {
  switch (problem.kind) {
    case 'no-rows':
      return 'no training rows';
    case 'unlabelled-row':
      return `row ${problem.index + 1} (id ${problem.id}) has no violation label (0 or 1)`;
    case 'single-class':
      return `every training row has violation ${problem.label}: a model needs rows of both outcomes`;
    case 'bad-option':
      return `${problem.option} must be ${problem.option === 'l2' ? 'a number > 0' : 'a whole number ≥ 1'}, not ${problem.value}`;
  }
}

/** The canonical text of a row's features and label (its id left out): the sort key and the digest input. */
function formatCanonicalRow(row: RiskRow): string {
  return JSON.stringify([
    ...RISK_CATEGORICAL_FEATURES.map((f) => readCategoricalFeature(row, f)),
    ...RISK_NUMERIC_FEATURES.map((f) => readNumericFeature(row, f)),
    row.violation,
  ]);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareLevelValues(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return compareText(a, b);
}

function roundTypical(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function buildCategoricalTerm(
  rows: readonly RiskRow[],
  feature: RiskCategoricalFeature,
  minLevelCount: number,
  maxLevels: number,
): RiskCategoricalTerm {
  const counts = new Map<string | null, number>();
  for (const row of rows) {
    const value = readCategoricalFeature(row, feature);
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || compareLevelValues(a[0], b[0]));
  const levels: RiskLevelTerm[] = [];
  let other = 0;
  for (const [value, count] of sorted) {
    if (count >= minLevelCount && levels.length < maxLevels) levels.push({ value, coefficient: 0, count });
    else other += count;
  }
  return { feature, levels, other: { coefficient: 0, count: other } };
}

function computeMedian(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function buildNumericTerm(
  rows: readonly RiskRow[],
  feature: RiskNumericFeature,
  categoryLevels: readonly (string | null)[],
  minLevelCount: number,
): RiskNumericTerm {
  const transform = feature === 'abnormal_list' ? 'identity' : 'log1p';
  const observed: number[] = [];
  const byCategory = new Map<string, { sum: number; count: number }>();
  let missing = 0;
  for (const row of rows) {
    const raw = readNumericFeature(row, feature);
    if (raw === null) {
      missing += 1;
      continue;
    }
    const value = Math.max(0, raw);
    observed.push(value);
    if (row.category !== null) {
      const entry = byCategory.get(row.category) ?? { sum: 0, count: 0 };
      entry.sum += value;
      entry.count += 1;
      byCategory.set(row.category, entry);
    }
  }
  let center = 0;
  let scale = 1;
  let low = 0;
  let high = 0;
  let impute = 0;
  let overall: number | null = null;
  if (observed.length > 0) {
    const transformed = observed.map((v) => transformRiskValue({ transform }, v));
    let sum = 0;
    for (const t of transformed) sum += t;
    center = sum / transformed.length;
    let squares = 0;
    for (const t of transformed) squares += (t - center) ** 2;
    const sd = Math.sqrt(squares / transformed.length);
    scale = sd > 1e-9 ? sd : 1;
    low = Infinity;
    high = -Infinity;
    for (const t of transformed) {
      low = Math.min(low, t);
      high = Math.max(high, t);
    }
    impute = computeMedian([...observed].sort((a, b) => a - b));
    let rawSum = 0;
    for (const v of observed) rawSum += v;
    overall = roundTypical(rawSum / observed.length);
  }
  const typicalByCategory: (readonly [string, number])[] = [];
  for (const level of [...categoryLevels].sort(compareLevelValues)) {
    if (level === null) continue;
    const entry = byCategory.get(level);
    if (entry !== undefined && entry.count >= minLevelCount)
      typicalByCategory.push([level, roundTypical(entry.sum / entry.count)]);
  }
  const partial: RiskNumericTerm = {
    feature,
    transform,
    center,
    scale,
    low,
    high,
    impute,
    coefficient: 0,
    mean: 0,
    missing: { coefficient: 0, count: missing },
    typical: { overall, byCategory: typicalByCategory },
  };
  let meanSum = 0;
  for (const row of rows) meanSum += standardiseRiskValue(partial, readNumericFeature(row, feature)).value;
  return { ...partial, mean: meanSum / rows.length };
}

function checkOptions(
  options: RiskTrainingOptions,
): Result<Required<RiskTrainingOptions>, RiskTrainingProblem> {
  const merged = { ...DEFAULT_RISK_TRAINING_OPTIONS, ...options };
  if (!(Number.isFinite(merged.l2) && merged.l2 > 0))
    return err({ kind: 'bad-option', option: 'l2', value: merged.l2 });
  for (const option of ['minLevelCount', 'maxLevels', 'maxIterations'] as const) {
    const value = merged[option];
    if (!(Number.isSafeInteger(value) && value >= 1)) return err({ kind: 'bad-option', option, value });
  }
  return ok(merged);
}

function buildDesign(model: RiskModel, rows: readonly RiskRow[]): SparseDesign {
  const encoded = rows.map((row) => encodeRiskRow(model, row));
  let total = 0;
  for (const e of encoded) total += e.indices.length;
  const rowStart = new Int32Array(rows.length + 1);
  const indices = new Int32Array(total);
  const values = new Float64Array(total);
  let at = 0;
  encoded.forEach((e, i) => {
    rowStart[i] = at;
    e.indices.forEach((column, k) => {
      indices[at] = column;
      values[at] = e.values[k] ?? 0;
      at += 1;
    });
  });
  rowStart[rows.length] = at;
  return { rowCount: rows.length, columnCount: countRiskColumns(model), rowStart, indices, values };
}

/** Puts the fitted coefficients (in the column layout of encode-risk-row.ts) into the model's terms. */
function fillCoefficients(model: RiskModel, coefficients: Float64Array): RiskModel {
  let base = 1;
  const categorical = model.categorical.map((term) => {
    const levels = term.levels.map((level, i) => ({ ...level, coefficient: coefficients[base + i] ?? 0 }));
    const other = { ...term.other, coefficient: coefficients[base + term.levels.length] ?? 0 };
    base += term.levels.length + 1;
    return { ...term, levels, other };
  });
  const numeric = model.numeric.map((term) => {
    const filled = {
      ...term,
      coefficient: coefficients[base] ?? 0,
      missing: { ...term.missing, coefficient: coefficients[base + 1] ?? 0 },
    };
    base += 2;
    return filled;
  });
  return { ...model, intercept: coefficients[0] ?? 0, categorical, numeric };
}

/**
 * Trains a model on labelled rows (every row needs `violation` 0 or 1, and both outcomes must occur).
 * Levels seen fewer than `minLevelCount` times are pooled into "other", as are levels a scored row brings that
 * training never saw; a level that never occurred in training gets coefficient 0 from the penalty.
 */
export function trainRiskModel(
  rows: readonly RiskRow[],
  options: RiskTrainingOptions = {},
): Result<RiskModel, RiskTrainingProblem> {
  const checked = checkOptions(options);
  if (!checked.ok) return checked;
  const settings = checked.value;
  if (rows.length === 0) return err({ kind: 'no-rows' });
  let positives = 0;
  for (const [index, row] of rows.entries()) {
    if (row.violation === null) return err({ kind: 'unlabelled-row', index, id: row.id });
    positives += row.violation;
  }
  if (positives === 0 || positives === rows.length)
    return err({ kind: 'single-class', label: positives === 0 ? 0 : 1 });

  const keyed = rows.map((row) => ({ row, key: formatCanonicalRow(row) }));
  keyed.sort((a, b) => compareText(a.key, b.key));
  const sorted = keyed.map((k) => k.row);
  const dataDigest = hashSha256Hex(keyed.map((k) => k.key).join('\n'));

  const categorical = RISK_CATEGORICAL_FEATURES.map((feature) =>
    buildCategoricalTerm(sorted, feature, settings.minLevelCount, settings.maxLevels),
  );
  const categoryLevels = (categorical.find((t) => t.feature === 'category')?.levels ?? []).map(
    (l) => l.value,
  );
  const numeric = RISK_NUMERIC_FEATURES.map((feature) =>
    buildNumericTerm(sorted, feature, categoryLevels, settings.minLevelCount),
  );
  const unfitted: RiskModel = {
    format: RISK_MODEL_FORMAT,
    version: RISK_MODEL_VERSION,
    method: RISK_MODEL_METHOD,
    intercept: 0,
    categorical,
    numeric,
    training: {
      rows: sorted.length,
      positives,
      l2: settings.l2,
      minLevelCount: settings.minLevelCount,
      maxLevels: settings.maxLevels,
      iterations: 0,
      converged: false,
      deviance: 0,
      dataDigest,
    },
  };
  const labels = Uint8Array.from(sorted, (row) => row.violation ?? 0);
  const fit = fitLogisticRegression(buildDesign(unfitted, sorted), labels, {
    l2: settings.l2,
    unpenalised: [0],
    maxIterations: settings.maxIterations,
    tolerance: 1e-9,
  });
  const model = fillCoefficients(unfitted, fit.coefficients);
  return ok({
    ...model,
    training: {
      ...model.training,
      iterations: fit.iterations,
      converged: fit.converged,
      deviance: fit.deviance,
    },
  });
}
