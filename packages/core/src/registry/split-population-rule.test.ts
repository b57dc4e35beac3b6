import { describe, expect, it } from 'vitest';
import { OBJECT_CATEGORIES } from './categories.ts';
import { collectNamedObjects, generateDemoRegister } from './demo-register.ts';
import { normaliseScopeText } from './find-keywords.ts';
import { compilePopulationRule } from './matches-population.ts';
import type { RegisterObject } from './register-types.ts';
import { splitPopulationRule } from './split-population-rule.ts';
import type { SplitPopulationRule } from './split-population-rule.ts';
import type { PopulationRule } from './suggest-population.ts';
import { suggestPopulationRule } from './suggest-population.ts';

/** Scopes as plans print them: categories by tag, by kind and by union, places, capital, licences, flags, named objects. */
const SCOPES: readonly [string, string][] = [
  ['全县餐饮服务单位', '140525'],
  ['全市人员密集场所', '140581'],
  ['全县各类用人单位（与劳动者建立劳动关系）', '140525'],
  ['涉嫌税收违法当事人', '140500'],
  ['城区、泽州、开发区加油站', '140500'],
  ['全县注册资本1000万以上的企业', '140525'],
  ['依法取得燃气经营许可证的燃气经营企业', '140522'],
  ['冶金工贸重点监管企业', '140500'],
  ['规模以上工业企业', '140500'],
  ['全县个体工商户和企业的食品销售者', '140524'],
  ['全市范围内各门店', '140581'],
  ['市直管项目--郭壁供水工程、张峰水库除险加固工程', '140500'],
];

/** Whether the split rule selects `object`, the way a frame computation over groups uses it. */
function selectsBySplit(split: SplitPopulationRule, object: RegisterObject): boolean {
  if (split.names !== null) {
    return (
      split.regionCodes.has(object.regionCode) &&
      split.statuses.has(object.status) &&
      split.names.has(normaliseScopeText(object.name))
    );
  }
  return (
    split.matchesGroup(object) &&
    (!split.hasObjectFilters ||
      split.matchesObject({
        registeredCapital: object.registeredCapital,
        licenceNames: object.licences.map((l) => l.name),
      }))
  );
}

describe('splitPopulationRule', () => {
  const rules: PopulationRule[] = SCOPES.map(([scope, region]) =>
    suggestPopulationRule(scope, region, null, []),
  );
  // Every category on its own, every status, and a kinds filter that excludes the category's main kind.
  const base = suggestPopulationRule('全市', '140500', null, []);
  for (const category of OBJECT_CATEGORIES) {
    rules.push({ ...base, categoryCodes: [category.code] });
    rules.push({
      ...base,
      regionCodes: ['140525', '140502'],
      categoryCodes: [category.code],
      filters: { ...base.filters, statuses: ['存续', '注销', '吊销'], kinds: ['individual', 'institution'] },
    });
  }
  rules.push({ ...base, regionCodes: [] }, { ...base, filters: { ...base.filters, statuses: [] } });
  const generated = generateDemoRegister({
    seed: 'split-population-rule',
    objectCount: 4000,
    namedObjects: collectNamedObjects(rules),
  });
  if (!generated.ok) throw new Error(JSON.stringify(generated.error));
  const objects = [...generated.value.iterateObjects()];

  it('selects exactly what compilePopulationRule selects, object by object', () => {
    let nonEmpty = 0;
    for (const rule of rules) {
      const expected = objects.filter(compilePopulationRule(rule)).map((o) => o.id);
      const split = splitPopulationRule(rule);
      const found = objects.filter((o) => selectsBySplit(split, o)).map((o) => o.id);
      expect(found, JSON.stringify(rule)).toEqual(expected);
      if (expected.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(rules.length / 2);
  });

  it('leaves single objects to the capital and licence filters only', () => {
    const capital = splitPopulationRule(
      suggestPopulationRule('全县注册资本1000万以上的企业', '140525', null, []),
    );
    expect(capital.hasObjectFilters).toBe(true);
    expect(capital.matchesObject({ registeredCapital: 1000, licenceNames: [] })).toBe(true);
    expect(capital.matchesObject({ registeredCapital: 999, licenceNames: [] })).toBe(false);
    expect(capital.matchesObject({ registeredCapital: null, licenceNames: [] })).toBe(false);
    const dining = splitPopulationRule(suggestPopulationRule('全县餐饮服务单位', '140525', null, []));
    expect(dining.hasObjectFilters).toBe(false);
    expect(dining.names).toBeNull();
  });
});
