import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainRiskScore } from './explain-risk-score.ts';
import type { RiskModel, RiskRow } from './risk-types.ts';
import { scoreRiskModel } from './score-risk-model.ts';
import { synthesiseRiskRows } from './synthesise-risk-rows.ts';
import { trainRiskModel } from './train-risk-model.ts';

const rows = synthesiseRiskRows({ rows: 3000, seed: 'explain-risk-score' });
const trained = trainRiskModel(rows);
if (!trained.ok) throw new Error('training failed');
const model: RiskModel = trained.value;

const logit = (p: number): number => Math.log(p / (1 - p));

const risky: RiskRow = {
  id: 'r1',
  kind: 'individual',
  category: 'catering',
  region: '140525',
  registeredCapital: null,
  ageYears: 1,
  priorInspections: 3,
  priorViolations: 2,
  complaints12m: 4,
  abnormalList: true,
  riskClass: 'D',
  violation: null,
};

describe('explainRiskScore', () => {
  it('splits the logit exactly into the contributions of all features', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: rows.length - 1 }), (i) => {
        const row = rows[i] as RiskRow;
        const explanation = explainRiskScore(model, row, { top: 100 });
        expect(explanation.factors).toHaveLength(10);
        expect(explanation.score).toBeCloseTo(scoreRiskModel(model, row), 12);
        let sum = 0;
        for (const f of explanation.factors) sum += f.contribution;
        expect(sum).toBeCloseTo(logit(explanation.score) - logit(explanation.baselineScore), 9);
      }),
      { numRuns: 50 },
    );
  });

  it('names the top three reasons of a risky object in plain Chinese, largest first', () => {
    const explanation = explainRiskScore(model, risky);
    expect(explanation.score).toBeGreaterThan(0.5);
    expect(explanation.score).toBeGreaterThan(explanation.baselineScore);
    expect(explanation.factors).toHaveLength(3);
    const sizes = explanation.factors.map((f) => Math.abs(f.contribution));
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    for (const f of explanation.factors) expect(f.contribution).toBeGreaterThan(0);
    const all = explainRiskScore(model, risky, { top: 10 }).factors.map((f) => f.description);
    expect(all).toContain('近三年违法记录 2 次（高于同类）');
    expect(all).toContain('信用风险分类 D（高风险）');
    expect(all).toContain('列入经营异常名录');
    expect(all).toContain('近12个月投诉举报 4 件（多于同类）');
    expect(all).toContain('行业类别：餐饮服务（该类风险较高）');
    expect(all).toContain('所在区域：泽州县（该地区风险较高）');
    expect(all).toContain('未登记注册资本');
    expect(all.find((d) => d.startsWith('成立 1 年'))).toBe('成立 1 年（短于同类）');
  });

  it('describes missing values and unknown levels instead of failing', () => {
    const odd: RiskRow = {
      ...risky,
      kind: null,
      category: 'space-mining',
      region: '999999',
      ageYears: null,
      priorViolations: null,
      complaints12m: null,
      abnormalList: null,
      riskClass: null,
    };
    const descriptions = explainRiskScore(model, odd, { top: 10 }).factors.map((f) => f.description);
    expect(descriptions).toEqual(
      expect.arrayContaining([
        '对象类型未登记',
        '行业类别：space-mining（训练数据中少见，按其他类别估计）',
        '所在区域：999999（训练数据中少见，按其他类别估计）',
        '成立时间未知',
        '近三年违法记录缺失',
        '近12个月投诉举报情况缺失',
        '经营异常名录情况未知',
        '无信用风险分类',
      ]),
    );
    // Without a category of its own, a value is compared with all rows.
    expect(descriptions).toContain('近三年被检查 3 次（多于平均水平）');
  });

  it('can keep only the factors that raise the risk', () => {
    const lowRisk: RiskRow = {
      ...risky,
      category: 'it-services',
      priorViolations: 0,
      complaints12m: 0,
      abnormalList: false,
      riskClass: 'A',
      ageYears: 20,
    };
    const raising = explainRiskScore(model, lowRisk, { only: 'raising', top: 10 });
    for (const f of raising.factors) expect(f.contribution).toBeGreaterThan(0);
    const all = explainRiskScore(model, lowRisk, { top: 10 });
    expect(all.factors.some((f) => f.contribution < 0)).toBe(true);
    expect(all.factors.map((f) => f.description)).toContain('信用风险分类 A（低风险）');
  });
});
