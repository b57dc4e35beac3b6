/**
 * Why a row scores as it does, in plain Chinese for an inspector (issue #9: "each prediction explained by its top
 * factors"): the features whose parts of the logit (score-risk-model.ts) are largest, each with a sentence such as
 * 近三年违法记录 2 次（高于同类） or 信用风险分类 D（高风险）.
 */
import { findRegion } from '../region/regions.ts';
import { findCategory } from '../registry/categories.ts';
import { OBJECT_KIND_NAMES } from '../registry/register-types.ts';
import type { ObjectKind } from '../registry/register-types.ts';
import { computeSigmoid } from './fit-logistic-regression.ts';
import { computeRiskContributions } from './score-risk-model.ts';
import { readCategoricalFeature, readNumericFeature } from './risk-types.ts';
import type { RiskFeatureName, RiskFeatures, RiskModel, RiskNumericTerm } from './risk-types.ts';

export interface RiskFactor {
  readonly feature: RiskFeatureName;
  /** Part of the logit relative to an average training row: > 0 raises the risk, < 0 lowers it. */
  readonly contribution: number;
  /** One plain-Chinese phrase, e.g. 近三年违法记录 2 次（高于同类）. */
  readonly description: string;
}

export interface RiskExplanation {
  readonly score: number;
  /** The score of an average training row (the point contributions are measured from). */
  readonly baselineScore: number;
  readonly factors: readonly RiskFactor[];
}

export interface RiskExplanationOptions {
  /** How many factors (default 3). */
  readonly top?: number;
  /** `raising`: only factors that raise the risk; `all` (default): the largest in either direction. */
  readonly only?: 'raising' | 'all';
}

const RISK_CLASS_NAMES: Readonly<Record<string, string>> = {
  A: '低风险',
  B: '一般风险',
  C: '较高风险',
  D: '高风险',
};

/** Feature name in Chinese, for tables and reports. */
export const RISK_FEATURE_NAMES: Readonly<Record<RiskFeatureName, string>> = {
  kind: '对象类型',
  category: '行业类别',
  region: '所在区域',
  risk_class: '信用风险分类',
  registered_capital: '注册资本',
  age_years: '成立年限',
  prior_inspections: '近三年检查次数',
  prior_violations: '近三年违法记录',
  complaints_12m: '近12个月投诉举报',
  abnormal_list: '经营异常名录',
};

function isObjectKind(value: string): value is ObjectKind {
  return Object.hasOwn(OBJECT_KIND_NAMES, value);
}

function nameLevel(feature: RiskFeatureName, value: string): string {
  switch (feature) {
    case 'kind':
      return isObjectKind(value) ? OBJECT_KIND_NAMES[value] : value;
    case 'category':
      return (findCategory(value)?.name ?? value).replace(/（[^）]*）/g, '');
    case 'region':
      return findRegion(value)?.name ?? value;
    default:
      return value;
  }
}

function formatAmount(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** "高于同类" etc.: the row's raw value against the mean of its category (or of all training rows). */
function compareWithTypical(
  term: RiskNumericTerm,
  value: number,
  category: string | null,
  words: readonly [string, string],
): string {
  const own = term.typical.byCategory.find(([level]) => level === category);
  const typical = own?.[1] ?? term.typical.overall;
  if (typical === null) return '';
  const peers = own === undefined ? '平均水平' : '同类';
  if (value > typical * 1.1 + 1e-9) return `（${words[0]}${peers}）`;
  if (value < typical * 0.9 - 1e-9) return `（${words[1]}${peers}）`;
  return `（与${peers}相当）`;
}

function describeCategorical(
  model: RiskModel,
  feature: RiskFeatureName,
  value: string | null,
  contribution: number,
): string {
  const label = RISK_FEATURE_NAMES[feature];
  if (feature === 'risk_class') {
    if (value === null) return '无信用风险分类';
    const name = RISK_CLASS_NAMES[value];
    return name === undefined ? `信用风险分类 ${value}` : `信用风险分类 ${value}（${name}）`;
  }
  if (value === null) return `${label}未登记`;
  const known = model.categorical.find((t) => t.feature === feature)?.levels.some((l) => l.value === value);
  const where = feature === 'region' ? '该地区' : '该类';
  const suffix =
    known === true
      ? `（${where}风险${contribution >= 0 ? '较高' : '较低'}）`
      : '（训练数据中少见，按其他类别估计）';
  return `${label}：${nameLevel(feature, value)}${suffix}`;
}

function describeNumeric(term: RiskNumericTerm, row: RiskFeatures): string {
  const raw = readNumericFeature(row, term.feature);
  const category = row.category;
  switch (term.feature) {
    case 'registered_capital':
      return raw === null
        ? '未登记注册资本'
        : `注册资本 ${formatAmount(raw)} 万元${compareWithTypical(term, raw, category, ['高于', '低于'])}`;
    case 'age_years':
      return raw === null
        ? '成立时间未知'
        : `成立 ${formatAmount(raw)} 年${compareWithTypical(term, raw, category, ['长于', '短于'])}`;
    case 'prior_inspections':
      return raw === null
        ? '近三年检查记录缺失'
        : `近三年被检查 ${formatAmount(raw)} 次${compareWithTypical(term, raw, category, ['多于', '少于'])}`;
    case 'prior_violations':
      return raw === null
        ? '近三年违法记录缺失'
        : `近三年违法记录 ${formatAmount(raw)} 次${compareWithTypical(term, raw, category, ['高于', '低于'])}`;
    case 'complaints_12m':
      return raw === null
        ? '近12个月投诉举报情况缺失'
        : `近12个月投诉举报 ${formatAmount(raw)} 件${compareWithTypical(term, raw, category, ['多于', '少于'])}`;
    case 'abnormal_list':
      return raw === null ? '经营异常名录情况未知' : raw > 0 ? '列入经营异常名录' : '未列入经营异常名录';
  }
}

/**
 * The score, the baseline score and the top factors (largest |contribution| first; ties in feature order).
 * The contributions of all features add up to logit(score) − logit(baselineScore).
 */
export function explainRiskScore(
  model: RiskModel,
  row: RiskFeatures,
  options: RiskExplanationOptions = {},
): RiskExplanation {
  const top = options.top ?? 3;
  const { baselineLogit, contributions } = computeRiskContributions(model, row);
  let logit = baselineLogit;
  for (const c of contributions) logit += c.contribution;
  const factors = contributions
    .map((c, order) => ({ ...c, order }))
    .filter((c) => options.only !== 'raising' || c.contribution > 0)
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.order - b.order)
    .slice(0, Math.max(0, top))
    .map(({ feature, contribution }): RiskFactor => {
      const categorical = model.categorical.find((t) => t.feature === feature);
      const numeric = model.numeric.find((t) => t.feature === feature);
      const description =
        categorical !== undefined
          ? describeCategorical(
              model,
              feature,
              readCategoricalFeature(row, categorical.feature),
              contribution,
            )
          : numeric !== undefined
            ? describeNumeric(numeric, row)
            : RISK_FEATURE_NAMES[feature];
      return { feature, contribution, description };
    });
  return { score: computeSigmoid(logit), baselineScore: computeSigmoid(baselineLogit), factors };
}
