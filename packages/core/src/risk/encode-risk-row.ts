/**
 * How a row becomes the model's columns. Column 0 is the intercept; then, per categorical feature, one column per
 * kept level and one for "other"; then, per numeric feature, the standardised value and the missing indicator.
 * Training and scoring use this one function, so they cannot disagree.
 */
import type { RiskCategoricalTerm, RiskFeatures, RiskModel, RiskNumericTerm } from './risk-types.ts';
import { readCategoricalFeature, readNumericFeature } from './risk-types.ts';

/** A row's non-zero columns, in increasing column order. */
export interface EncodedRiskRow {
  readonly indices: readonly number[];
  readonly values: readonly number[];
}

type ModelLayout = Pick<RiskModel, 'categorical' | 'numeric'>;

interface LevelLookup {
  /** Per categorical term: level value (null as the missing key) → column offset within the term. */
  readonly levels: readonly Map<string | null, number>[];
}

const lookups = new WeakMap<ModelLayout, LevelLookup>();

function findLookup(model: ModelLayout): LevelLookup {
  let lookup = lookups.get(model);
  if (lookup === undefined) {
    lookup = {
      levels: model.categorical.map((term) => new Map(term.levels.map((level, i) => [level.value, i]))),
    };
    lookups.set(model, lookup);
  }
  return lookup;
}

/** The transform of a numeric term applied to a raw value (negative sizes and counts count as 0). */
export function transformRiskValue(term: Pick<RiskNumericTerm, 'transform'>, raw: number): number {
  return term.transform === 'log1p' ? Math.log1p(Math.max(0, raw)) : raw;
}

/**
 * The standardised value of a numeric feature and whether it was missing: the raw value (or, when missing, the
 * imputed training median) transformed, clamped to the training range and standardised.
 */
export function standardiseRiskValue(
  term: RiskNumericTerm,
  raw: number | null,
): { readonly value: number; readonly missing: boolean } {
  const missing = raw === null;
  const transformed = transformRiskValue(term, raw ?? term.impute);
  const clamped = Math.min(term.high, Math.max(term.low, transformed));
  return { value: (clamped - term.center) / term.scale, missing };
}

/** The column offset, within a categorical term, of a row's level (`levels.length` is "other"). */
export function findRiskLevelColumn(model: ModelLayout, termIndex: number, value: string | null): number {
  const term = model.categorical[termIndex] as RiskCategoricalTerm;
  return findLookup(model).levels[termIndex]?.get(value) ?? term.levels.length;
}

/** Number of columns of the model's design, the intercept included. */
export function countRiskColumns(model: ModelLayout): number {
  let columns = 1;
  for (const term of model.categorical) columns += term.levels.length + 1;
  return columns + 2 * model.numeric.length;
}

/** Encodes one row. Unknown levels go to "other"; missing numbers are imputed and flagged; nothing throws. */
export function encodeRiskRow(model: ModelLayout, row: RiskFeatures): EncodedRiskRow {
  const indices: number[] = [0];
  const values: number[] = [1];
  let base = 1;
  model.categorical.forEach((term, t) => {
    indices.push(base + findRiskLevelColumn(model, t, readCategoricalFeature(row, term.feature)));
    values.push(1);
    base += term.levels.length + 1;
  });
  for (const term of model.numeric) {
    const { value, missing } = standardiseRiskValue(term, readNumericFeature(row, term.feature));
    if (value !== 0) {
      indices.push(base);
      values.push(value);
    }
    if (missing) {
      indices.push(base + 1);
      values.push(1);
    }
    base += 2;
  }
  return { indices, values };
}
