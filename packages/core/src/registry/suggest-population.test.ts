/**
 * Population suggestions on hand-picked scopes, and over every line of the seed notice (晋城 2023, 350 tasks).
 * The notice part skips cleanly when ../shared is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../plan/index.ts';
import { findPlanRegion } from '../plan/index.ts';
import { findCategory } from './categories.ts';
import { suggestPopulationRule } from './suggest-population.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const seedPath = `${repoRoot}../shared/seed/000_bcb4b9be9ee0f30f.txt`;

const ALL = ['140500', '140502', '140525', '140581', '140522', '140524', '140521', '140571'];

describe('suggestPopulationRule', () => {
  it('takes a county named in a city task scope', () => {
    const rule = suggestPopulationRule(
      '阳城县互联网上网服务营业场所',
      '140500',
      '对互联网上网服务营业场所经营活动的双随机抽查',
      [],
    );
    expect(rule.regionCodes).toEqual(['140522']);
    expect(rule.categoryCodes).toEqual(['internet-cafe']);
    expect(rule.confidence).toBe('high');
  });

  it('reads 全县 as the task region and a city task without place as the whole city', () => {
    expect(suggestPopulationRule('全县旅行社', '140525', null, []).regionCodes).toEqual(['140525']);
    expect(suggestPopulationRule('本市殡葬服务机构', '140500', null, []).regionCodes).toEqual(ALL);
    expect(suggestPopulationRule('市直中小学、普通高中', '140500', null, []).regionCodes).toEqual(['140500']);
    expect(
      suggestPopulationRule('城区、泽州、开发区', '140500', '对保安公司的监督抽查', []).regionCodes,
    ).toEqual(['140502', '140525', '140571']);
  });

  it('completes a scope that is only a place from the task name, with high confidence', () => {
    const rule = suggestPopulationRule('泽州县', '140500', '对报废机动车回收拆解企业的部门联合抽查', []);
    expect(rule.regionCodes).toEqual(['140525']);
    expect(rule.categoryCodes).toEqual(['vehicle-scrapping']);
    expect(rule.confidence).toBe('high');
  });

  it('prefers the most specific keyword', () => {
    expect(suggestPopulationRule('全县非煤矿山重点企业', '140522', null, []).categoryCodes).toEqual([
      'non-coal-mine',
    ]);
    expect(suggestPopulationRule('学校食堂', '140521', null, []).categoryCodes).toEqual(['school-canteen']);
    expect(
      suggestPopulationRule('数字、出版物、包装装潢和其他印刷品印刷单位', '140500', null, []).categoryCodes,
    ).toEqual(['printing']);
    expect(suggestPopulationRule('面向中小学生的校外教育培训机构', '140525', null, []).categoryCodes).toEqual(
      ['off-campus-training'],
    );
  });

  it('reads filters: capital, kinds, licence, flags', () => {
    const capital = suggestPopulationRule(
      '全县注册资本1000万以上的企业',
      '140525',
      '企业年度报告双随机联合抽查',
      [],
    );
    expect(capital.filters.minRegisteredCapital).toBe(1000);
    expect(capital.categoryCodes).toEqual(['annual-report']);
    expect(
      suggestPopulationRule('1000万', '140522', '企业年度报告抽查', []).filters.minRegisteredCapital,
    ).toBe(1000);
    const tobacco = suggestPopulationRule('全县经营卷烟零售业务的企业、个体工商户', '140525', null, []);
    expect(tobacco.filters.kinds).toEqual(['enterprise', 'individual']);
    const special = suggestPopulationRule('全县取得特种行业许可证的行业场所', '140522', null, []);
    expect(special.filters.licence).toBe('特种行业许可证');
    expect(special.categoryCodes).toEqual(['special-trade']);
    expect(suggestPopulationRule('阳城县规模以上工业企业', '140500', null, []).filters.flags).toEqual([
      'above-scale',
    ]);
    expect(suggestPopulationRule('冶金工贸重点监管企业', '140500', null, []).filters.flags).toEqual([
      'key-unit',
    ]);
    expect(
      suggestPopulationRule('国家重点保护陆生野生动物经营单位', '140502', null, []).filters.flags,
    ).toEqual([]);
  });

  it('strips a restrictive qualifier and lowers the confidence', () => {
    const rule = suggestPopulationRule(
      '本辖区依法取得燃气经营许可证的燃气经营企业(有特种设备的)',
      '140500',
      null,
      [],
    );
    expect(rule.categoryCodes).toEqual(['gas-supplier']);
    expect(rule.filters.licence).toBe('燃气经营许可证');
    expect(rule.confidence).toBe('low');
  });

  it('marks a named project explicit', () => {
    const rule = suggestPopulationRule(
      '市直管项目--郭壁供水工程 扩建工程',
      '140500',
      '水利建设工程质量监督抽查',
      [],
    );
    expect(rule.explicit).toBe(true);
    expect(rule.explicitNames).toEqual(['郭壁供水工程扩建工程']);
    expect(rule.regionCodes).toEqual(['140500']);
  });

  it("reads 涉嫌税收违法当事人 as the tax bureau's case sources, not every taxpayer", () => {
    const rule = suggestPopulationRule(
      '涉嫌税收违法当事人',
      '140500',
      '对涉嫌税收违法当事人的双随机抽查',
      [],
    );
    expect(rule.categoryCodes).toEqual(['tax-case']);
    expect(rule.regionCodes).toEqual(ALL);
    expect(suggestPopulationRule('全县纳税人', '140525', null, []).categoryCodes).toEqual(['taxpayer']);
  });

  it('narrows the general wording of the law (机关、团体、企业、事业单位) by the task name', () => {
    const campus = suggestPopulationRule(
      '机关、团体、企业、事业单位等',
      '140502',
      '2023年全区校园消防安全监督检查',
      [],
    );
    expect(campus.categoryCodes).toEqual(['school']);
    expect(campus.reasons.some((r) => r.includes('narrowed by the task name'))).toBe(true);
    expect(
      suggestPopulationRule('全县机关、团体、企业、事业单位', '140522', '消防监督检查', []).categoryCodes,
    ).toEqual(['fire-safety-unit']);
  });

  it('flags a scope that disagrees with its task name', () => {
    const rule = suggestPopulationRule('县域内农作物种子经营者', '140524', '对兽药经营单位的双随机抽查', []);
    expect(rule.categoryCodes).toEqual(['crop-seed']);
    expect(rule.confidence).toBe('low');
  });
});

describe.skipIf(!existsSync(seedPath))('suggestPopulationRule on every line of the seed notice', () => {
  const parse = parsePlanText(existsSync(seedPath) ? readFileSync(seedPath, 'utf8') : '');
  const lines = parse.tasks.flatMap((task) =>
    task.lines.map((line) => {
      const regionCode = findPlanRegion(task.region)?.code ?? '';
      return { task, line, rule: suggestPopulationRule(line.scope, regionCode, task.name, line.matters) };
    }),
  );

  it('gives every line at least one known category, or names its objects', () => {
    expect(parse.tasks).toHaveLength(350);
    const missing = lines.filter(({ rule }) => rule.categoryCodes.length === 0 && !rule.explicit);
    expect(missing.map(({ task, line }) => `${task.seq} ${line.scope ?? ''}`)).toEqual([]);
    for (const { rule } of lines)
      for (const code of rule.categoryCodes) expect(findCategory(code)).toBeDefined();
    for (const { rule } of lines) expect(rule.regionCodes.length).toBeGreaterThan(0);
  });

  it('reports the lines with low confidence', () => {
    const low = lines.filter(({ rule }) => rule.confidence === 'low');
    console.log(
      `population rules: ${lines.length} lines, ${low.length} with low confidence\n` +
        low
          .map(
            ({ task, line, rule }) =>
              `  ${task.seq} ${line.scope ?? ''} → ${rule.categoryCodes.join(',')}: ${rule.reasons.filter((r) => !r.startsWith('region') && !r.startsWith('category')).join('; ')}`,
          )
          .join('\n'),
    );
    expect(low.length).toBeLessThan(lines.length / 5);
  });
});
