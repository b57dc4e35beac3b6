import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitMatters } from './split-matters.ts';

describe('splitMatters', () => {
  it.each([
    [
      '1. 中小学教育装备产品(含信息技术装备、校服等)检查 2. 招生、办学情况的检查',
      ['中小学教育装备产品(含信息技术装备、校服等)检查', '招生、办学情况的检查'],
    ],
    ['1、工程结构是否完好; 2、防汛设施是否安全可靠。', ['工程结构是否完好', '防汛设施是否安全可靠。']],
    [
      '1.对未取得资质认定情况的检查2.回收情况的检查3.注销情况的检查',
      ['对未取得资质认定情况的检查', '回收情况的检查', '注销情况的检查'],
    ],
    [
      '1出口饲料企业核查； 2出境竹木草制品核查； 3出口保健食品生产企业核查。',
      ['出口饲料企业核查', '出境竹木草制品核查', '出口保健食品生产企业核查。'],
    ],
    ['(1)甲检查 (2)乙检查', ['甲检查', '乙检查']],
    ['①甲检查②乙检查', ['甲检查', '乙检查']],
    ['1、对林木种子的监督检查 2、对草种的监督检查', ['对林木种子的监督检查', '对草种的监督检查']],
  ])('%s', (cell, items) => {
    expect(splitMatters(cell)).toEqual(items);
  });

  it.each([
    '质量管理体系建立情况 质量检测工作开展情况',
    '燃气经营许可证取得情况的检查；燃气经营监督执法检查。',
    '全县注册资本1000万以上的企业年报检查',
    '对2023年度报告的检查',
  ])('keeps %s whole (no enumeration from 1)', (cell) => {
    expect(splitMatters(cell)).toEqual([cell]);
  });

  it('does not split on counts such as 2次', () => {
    expect(splitMatters('1、抽查 2次以上的检查')).toEqual(['抽查 2次以上的检查']);
  });

  it('gives [] for a blank cell and collapses whitespace', () => {
    expect(splitMatters('  ')).toEqual([]);
    expect(splitMatters(' 甲  乙 ')).toEqual(['甲 乙']);
  });

  it('recovers generated enumerations', () => {
    const item = fc.stringMatching(/^[对甲乙丙丁检查情况单位]{2,8}$/);
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 2, maxLength: 9 }),
        fc.constantFrom('.', '、', '．'),
        fc.constantFrom('', ' ', '；', '; '),
        (items, mark, sep) => {
          const cell = items.map((t, i) => `${i + 1}${mark}${t}`).join(sep);
          expect(splitMatters(cell)).toEqual(items);
        },
      ),
    );
  });
});
