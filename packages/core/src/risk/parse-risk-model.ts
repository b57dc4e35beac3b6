/**
 * Reads a risk model back from JSON (a file, a database column): every field checked, so a scored row can never
 * meet a half-valid model. The value returned holds exactly the fields of {@link RiskModel}.
 */
import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import {
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
  RiskTrainingSummary,
} from './risk-types.ts';

export type RiskModelProblem =
  | { readonly kind: 'not-a-model' }
  | { readonly kind: 'unsupported-version'; readonly version: unknown }
  | { readonly kind: 'bad-field'; readonly path: string; readonly expected: string };

export function describeRiskModelProblem(problem: RiskModelProblem): string {
  switch (problem.kind) {
    case 'not-a-model':
      return `not a risk model (format "${RISK_MODEL_FORMAT}" expected)`;
    case 'unsupported-version':
      return `risk model version ${JSON.stringify(problem.version)} is not supported (this build reads version ${RISK_MODEL_VERSION})`;
    case 'bad-field':
      return `risk model field ${problem.path} must be ${problem.expected}`;
  }
}

/** Thrown only inside this module and turned into a Result at its boundary. */
class FieldError extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
  ) {
    super(`${path} must be ${expected}`);
  }
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readRecord(value: unknown, path: string): Json {
  if (!isRecord(value)) throw new FieldError(path, 'an object');
  return value;
}

function readArray(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new FieldError(path, 'an array');
  return value;
}

function readNumber(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new FieldError(path, 'a finite number');
  return value;
}

function readCount(value: unknown, path: string, min = 0): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min)
    throw new FieldError(path, `a whole number ≥ ${min}`);
  return value;
}

function readUnique<T extends string>(
  seen: Set<string>,
  value: unknown,
  allowed: readonly T[],
  path: string,
): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value) || seen.has(value))
    throw new FieldError(path, `one of ${allowed.join(', ')}, each at most once`);
  seen.add(value);
  return value as T;
}

function readCoefficientCount(value: unknown, path: string): { coefficient: number; count: number } {
  const record = readRecord(value, path);
  return {
    coefficient: readNumber(record.coefficient, `${path}.coefficient`),
    count: readCount(record.count, `${path}.count`),
  };
}

function readCategorical(value: unknown, path: string, seen: Set<string>): RiskCategoricalTerm {
  const record = readRecord(value, path);
  const feature = readUnique<RiskCategoricalFeature>(
    seen,
    record.feature,
    RISK_CATEGORICAL_FEATURES,
    `${path}.feature`,
  );
  const values = new Set<string | null>();
  const levels = readArray(record.levels, `${path}.levels`).map((item, i): RiskLevelTerm => {
    const levelPath = `${path}.levels[${i}]`;
    const level = readRecord(item, levelPath);
    const v = level.value;
    if ((v !== null && typeof v !== 'string') || values.has(v))
      throw new FieldError(`${levelPath}.value`, 'a string or null, each at most once');
    values.add(v);
    return {
      value: v,
      coefficient: readNumber(level.coefficient, `${levelPath}.coefficient`),
      count: readCount(level.count, `${levelPath}.count`),
    };
  });
  return { feature, levels, other: readCoefficientCount(record.other, `${path}.other`) };
}

function readNumeric(value: unknown, path: string, seen: Set<string>): RiskNumericTerm {
  const record = readRecord(value, path);
  const feature = readUnique<RiskNumericFeature>(
    seen,
    record.feature,
    RISK_NUMERIC_FEATURES,
    `${path}.feature`,
  );
  if (record.transform !== 'log1p' && record.transform !== 'identity')
    throw new FieldError(`${path}.transform`, '"log1p" or "identity"');
  const scale = readNumber(record.scale, `${path}.scale`);
  if (scale <= 0) throw new FieldError(`${path}.scale`, 'a number > 0');
  const low = readNumber(record.low, `${path}.low`);
  const high = readNumber(record.high, `${path}.high`);
  if (low > high) throw new FieldError(`${path}.high`, 'a number ≥ low');
  const typical = readRecord(record.typical, `${path}.typical`);
  const overall = typical.overall === null ? null : readNumber(typical.overall, `${path}.typical.overall`);
  const byCategory = readArray(typical.byCategory, `${path}.typical.byCategory`).map(
    (pair, i): readonly [string, number] => {
      const itemPath = `${path}.typical.byCategory[${i}]`;
      const items = readArray(pair, itemPath);
      if (items.length !== 2 || typeof items[0] !== 'string')
        throw new FieldError(itemPath, 'a [category, number] pair');
      return [items[0], readNumber(items[1], itemPath)];
    },
  );
  return {
    feature,
    transform: record.transform,
    center: readNumber(record.center, `${path}.center`),
    scale,
    low,
    high,
    impute: readNumber(record.impute, `${path}.impute`),
    coefficient: readNumber(record.coefficient, `${path}.coefficient`),
    mean: readNumber(record.mean, `${path}.mean`),
    missing: readCoefficientCount(record.missing, `${path}.missing`),
    typical: { overall, byCategory },
  };
}

function readTraining(value: unknown): RiskTrainingSummary {
  const record = readRecord(value, 'training');
  const l2 = readNumber(record.l2, 'training.l2');
  if (l2 <= 0) throw new FieldError('training.l2', 'a number > 0');
  if (typeof record.converged !== 'boolean') throw new FieldError('training.converged', 'true or false');
  if (typeof record.dataDigest !== 'string' || !/^[0-9a-f]{64}$/.test(record.dataDigest))
    throw new FieldError('training.dataDigest', 'a SHA-256 digest in lowercase hex');
  return {
    rows: readCount(record.rows, 'training.rows', 1),
    positives: readCount(record.positives, 'training.positives'),
    l2,
    minLevelCount: readCount(record.minLevelCount, 'training.minLevelCount', 1),
    maxLevels: readCount(record.maxLevels, 'training.maxLevels', 1),
    iterations: readCount(record.iterations, 'training.iterations'),
    converged: record.converged,
    deviance: readNumber(record.deviance, 'training.deviance'),
    dataDigest: record.dataDigest,
  };
}

/** Checks a parsed JSON value and returns it as a model. */
export function parseRiskModel(value: unknown): Result<RiskModel, RiskModelProblem> {
  if (!isRecord(value) || value.format !== RISK_MODEL_FORMAT) return err({ kind: 'not-a-model' });
  if (value.version !== RISK_MODEL_VERSION)
    return err({ kind: 'unsupported-version', version: value.version });
  try {
    if (value.method !== RISK_MODEL_METHOD) throw new FieldError('method', `"${RISK_MODEL_METHOD}"`);
    const seen = new Set<string>();
    const categorical = readArray(value.categorical, 'categorical').map((term, i) =>
      readCategorical(term, `categorical[${i}]`, seen),
    );
    const numeric = readArray(value.numeric, 'numeric').map((term, i) =>
      readNumeric(term, `numeric[${i}]`, seen),
    );
    return ok({
      format: RISK_MODEL_FORMAT,
      version: RISK_MODEL_VERSION,
      method: RISK_MODEL_METHOD,
      intercept: readNumber(value.intercept, 'intercept'),
      categorical,
      numeric,
      training: readTraining(value.training),
    });
  } catch (error) {
    if (error instanceof FieldError)
      return err({ kind: 'bad-field', path: error.path, expected: error.expected });
    throw error;
  }
}
