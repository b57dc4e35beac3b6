import { describe, expect, it } from 'vitest';
import { describeRiskModelProblem, parseRiskModel } from './parse-risk-model.ts';
import { synthesiseRiskRows } from './synthesise-risk-rows.ts';
import { trainRiskModel } from './train-risk-model.ts';

const trained = trainRiskModel(synthesiseRiskRows({ rows: 500, seed: 'parse-risk-model' }));
if (!trained.ok) throw new Error('training failed');
const json = JSON.parse(JSON.stringify(trained.value)) as Record<string, unknown>;

function describeParse(value: unknown): string {
  const result = parseRiskModel(value);
  return result.ok ? 'ok' : describeRiskModelProblem(result.error);
}

describe('parseRiskModel', () => {
  it('reads a trained model back and drops nothing', () => {
    const result = parseRiskModel(json);
    expect(result).toEqual({ ok: true, value: trained.value });
  });

  it('names the field that is wrong', () => {
    expect(describeParse(null)).toBe('not a risk model (format "ssj-risk-model" expected)');
    expect(describeParse({ ...json, version: 2 })).toBe(
      'risk model version 2 is not supported (this build reads version 1)',
    );
    expect(describeParse({ ...json, intercept: 'x' })).toBe(
      'risk model field intercept must be a finite number',
    );
    const numeric = json.numeric as Record<string, unknown>[];
    expect(describeParse({ ...json, numeric: [{ ...numeric[0], scale: 0 }] })).toBe(
      'risk model field numeric[0].scale must be a number > 0',
    );
    expect(describeParse({ ...json, numeric: [numeric[0], numeric[0]] })).toMatch(
      /^risk model field numeric\[1\]\.feature must be one of/,
    );
    const categorical = json.categorical as Record<string, unknown>[];
    const first = categorical[0] as { levels: Record<string, unknown>[] };
    expect(
      describeParse({
        ...json,
        categorical: [{ ...first, levels: [...first.levels, { value: 7, coefficient: 0, count: 1 }] }],
      }),
    ).toBe(
      `risk model field categorical[0].levels[${first.levels.length}].value must be a string or null, each at most once`,
    );
    expect(describeParse({ ...json, training: { ...(json.training as object), dataDigest: 'x' } })).toBe(
      'risk model field training.dataDigest must be a SHA-256 digest in lowercase hex',
    );
  });
});
