import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../registry/seeded-random.ts';
import { parseRiskModel } from './parse-risk-model.ts';
import type { RiskFeatures, RiskModel, RiskRow } from './risk-types.ts';
import { computeRiskLogit, scoreRiskModel } from './score-risk-model.ts';
import { synthesiseRiskRows } from './synthesise-risk-rows.ts';
import { trainRiskModel } from './train-risk-model.ts';

const training = synthesiseRiskRows({ rows: 3000, seed: 'train-risk-model' });

function train(rows: readonly RiskRow[], options = {}): RiskModel {
  const model = trainRiskModel(rows, options);
  if (!model.ok) throw new Error(JSON.stringify(model.error));
  return model.value;
}

const model = train(training);

function shuffle<T>(items: readonly T[], seed: string): T[] {
  const random = createSeededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.nextInt(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const emptyRow: RiskRow = {
  id: 'x',
  kind: null,
  category: null,
  region: null,
  registeredCapital: null,
  ageYears: null,
  priorInspections: null,
  priorViolations: null,
  complaints12m: null,
  abnormalList: null,
  riskClass: null,
  violation: null,
};

describe('trainRiskModel', () => {
  it('is deterministic: the same rows, in any order, give the same model bytes', () => {
    const again = train(training);
    expect(JSON.stringify(again)).toBe(JSON.stringify(model));
    const shuffled = train(shuffle(training, 'order'));
    expect(JSON.stringify(shuffled)).toBe(JSON.stringify(model));
    const renamed = train(training.map((row, i) => ({ ...row, id: `other-${i}` })));
    expect(JSON.stringify(renamed)).toBe(JSON.stringify(model));
  });

  it('changes with the data (and its digest says so)', () => {
    const flipped = training.map((row, i) =>
      i === 7 ? { ...row, violation: row.violation === 1 ? 0 : 1 } : row,
    );
    const other = train(flipped as RiskRow[]);
    expect(other.training.dataDigest).not.toBe(model.training.dataDigest);
    expect(other.intercept).not.toBe(model.intercept);
  });

  it('is a plain JSON value that parseRiskModel reads back exactly', () => {
    const text = JSON.stringify(model);
    const parsed = parseRiskModel(JSON.parse(text));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(JSON.stringify(parsed.value)).toBe(text);
      expect(scoreRiskModel(parsed.value, training[0] ?? emptyRow)).toBe(
        scoreRiskModel(model, training[0] ?? emptyRow),
      );
    }
    expect(model).toMatchObject({ format: 'ssj-risk-model', version: 1 });
    expect(model.training).toMatchObject({ rows: 3000, converged: true, l2: 1 });
  });

  it('learns the directions of the hidden rule', () => {
    const coefficient = (feature: string): number =>
      model.numeric.find((t) => t.feature === feature)?.coefficient ?? Number.NaN;
    expect(coefficient('prior_violations')).toBeGreaterThan(0.1);
    expect(coefficient('complaints_12m')).toBeGreaterThan(0.1);
    expect(coefficient('abnormal_list')).toBeGreaterThan(0.1);
    const category = model.categorical.find((t) => t.feature === 'category');
    const level = (value: string): number =>
      category?.levels.find((l) => l.value === value)?.coefficient ?? Number.NaN;
    expect(level('catering')).toBeGreaterThan(level('it-services'));
    const classes = model.categorical.find((t) => t.feature === 'risk_class');
    const classLevel = (value: string): number =>
      classes?.levels.find((l) => l.value === value)?.coefficient ?? Number.NaN;
    expect(classLevel('D')).toBeGreaterThan(classLevel('A'));
  });

  it('pools rare levels into "other" and keeps a level for missing values', () => {
    const rows = training.map((row, i) => (i < 3 ? { ...row, category: 'rare-trade' } : row));
    const pooled = train(rows);
    const category = pooled.categorical.find((t) => t.feature === 'category');
    expect(category?.levels.some((l) => l.value === 'rare-trade')).toBe(false);
    expect(category?.other.count).toBeGreaterThanOrEqual(3);
    expect(category?.levels.some((l) => l.value === null)).toBe(true); // synthetic data leaves ~3% empty
    const rare = { ...emptyRow, category: 'rare-trade' };
    const unseen = { ...emptyRow, category: 'never-seen-before' };
    expect(computeRiskLogit(pooled, rare)).toBe(computeRiskLogit(pooled, unseen));
  });

  it('scores any row, with unknown levels and missing or odd values, in [0, 1] without throwing', () => {
    const text = fc.option(fc.oneof(fc.string(), fc.constantFrom('catering', 'enterprise', '140525', 'D')), {
      nil: null,
    });
    const number = fc.option(fc.double(), { nil: null });
    fc.assert(
      fc.property(
        fc.record({
          kind: text,
          category: text,
          region: text,
          registeredCapital: number,
          ageYears: number,
          priorInspections: number,
          priorViolations: number,
          complaints12m: number,
          abnormalList: fc.option(fc.boolean(), { nil: null }),
          riskClass: fc.option(fc.constantFrom('A' as const, 'B' as const, 'C' as const, 'D' as const), {
            nil: null,
          }),
        }),
        (row: RiskFeatures) => {
          const score = scoreRiskModel(model, row);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(1);
          expect(Number.isNaN(score)).toBe(false);
        },
      ),
    );
  });

  it('ranks more violations and complaints as riskier, other things equal', () => {
    const base = { ...emptyRow, kind: 'enterprise', category: 'catering', riskClass: 'B' as const };
    const clean = scoreRiskModel(model, { ...base, priorViolations: 0, complaints12m: 0 });
    const dirty = scoreRiskModel(model, { ...base, priorViolations: 3, complaints12m: 4 });
    expect(dirty).toBeGreaterThan(clean);
  });

  it('refuses what it cannot train on', () => {
    expect(trainRiskModel([])).toEqual({ ok: false, error: { kind: 'no-rows' } });
    expect(trainRiskModel([{ ...emptyRow, violation: 1 }, emptyRow])).toEqual({
      ok: false,
      error: { kind: 'unlabelled-row', index: 1, id: 'x' },
    });
    expect(trainRiskModel([{ ...emptyRow, violation: 0 }])).toEqual({
      ok: false,
      error: { kind: 'single-class', label: 0 },
    });
    expect(trainRiskModel(training, { l2: 0 })).toMatchObject({ ok: false, error: { option: 'l2' } });
    expect(trainRiskModel(training, { minLevelCount: 1.5 })).toMatchObject({
      ok: false,
      error: { option: 'minLevelCount' },
    });
  });

  it('trains on tiny data and on data where a feature is always missing', () => {
    const tiny = [
      { ...emptyRow, id: 'a', violation: 1 as const, priorViolations: 2 },
      { ...emptyRow, id: 'b', violation: 0 as const, priorViolations: 0 },
    ];
    const small = train(tiny);
    expect(scoreRiskModel(small, tiny[0] ?? emptyRow)).toBeGreaterThan(
      scoreRiskModel(small, tiny[1] ?? emptyRow),
    );
    expect(Number.isFinite(scoreRiskModel(small, { ...emptyRow, registeredCapital: 1e12 }))).toBe(true);
  });
});
