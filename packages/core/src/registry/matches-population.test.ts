import { describe, expect, it } from 'vitest';
import { compilePopulationRule, isInCategory, matchesPopulation } from './matches-population.ts';
import type { RegisterObject } from './register-types.ts';
import { suggestPopulationRule } from './suggest-population.ts';

const SHOP: RegisterObject = {
  id: '92140525MA0K1234X5',
  uscc: '92140525MA0K1234X5',
  regNo: null,
  name: '泽州县巴公镇鑫源烟酒店',
  kind: 'individual',
  categoryCodes: ['food-sales', 'tobacco-retail'],
  flags: [],
  regionCode: '140525',
  address: '泽州县巴公镇东沟村',
  businessScope: '卷烟零售；食品销售',
  registeredCapital: null,
  establishedOn: '2018-05-02',
  status: '存续',
  legalRepresentative: '王建国',
  licences: [{ name: '烟草专卖零售许可证', number: '140525000123', expiresOn: '2026-05-01' }],
  riskClass: 'A',
  riskClassHistory: [{ class: 'A', on: '2023-02-01' }],
};

describe('matchesPopulation', () => {
  it('matches by region, category, kind and status', () => {
    const rule = suggestPopulationRule('全县经营卷烟零售业务的企业、个体工商户', '140525', null, []);
    expect(matchesPopulation(SHOP, rule)).toBe(true);
    expect(matchesPopulation({ ...SHOP, regionCode: '140522' }, rule)).toBe(false);
    expect(matchesPopulation({ ...SHOP, status: '注销' }, rule)).toBe(false);
    expect(matchesPopulation({ ...SHOP, categoryCodes: ['food-sales'] }, rule)).toBe(false);
    expect(matchesPopulation({ ...SHOP, kind: 'cooperative' }, rule)).toBe(false);
  });

  it('reads broad categories by kind and union categories through their members', () => {
    expect(isInCategory(SHOP, 'street-shop')).toBe(true);
    expect(isInCategory(SHOP, 'annual-report')).toBe(false);
    // 用人单位 are the units on the labour inspectorate's register, not every family shop.
    expect(isInCategory(SHOP, 'employer')).toBe(false);
    expect(isInCategory({ ...SHOP, kind: 'enterprise' }, 'employer')).toBe(true);
    expect(isInCategory({ ...SHOP, kind: 'institution' }, 'employer')).toBe(true);
    expect(isInCategory(SHOP, 'tax-case')).toBe(false);
    expect(isInCategory({ ...SHOP, categoryCodes: ['wholesale', 'tax-case'] }, 'tax-case')).toBe(true);
    expect(isInCategory({ ...SHOP, categoryCodes: ['hotel'] }, 'special-trade')).toBe(true);
    expect(isInCategory(SHOP, 'special-trade')).toBe(false);
    expect(isInCategory(SHOP, 'no-such-category')).toBe(false);
  });

  it('applies capital, licence and flag filters', () => {
    const company: RegisterObject = {
      ...SHOP,
      kind: 'enterprise',
      registeredCapital: 500,
      categoryCodes: [],
    };
    const annual = compilePopulationRule(
      suggestPopulationRule('全县注册资本1000万以上的企业', '140525', '企业年度报告抽查', []),
    );
    expect(annual(company)).toBe(false);
    expect(annual({ ...company, registeredCapital: 1000 })).toBe(true);
    const special = compilePopulationRule(
      suggestPopulationRule('全县取得特种行业许可证的行业场所', '140525', null, []),
    );
    const hotel: RegisterObject = { ...SHOP, categoryCodes: ['hotel'], licences: [] };
    expect(special(hotel)).toBe(false);
    expect(
      special({ ...hotel, licences: [{ name: '特种行业许可证', number: '1', expiresOn: '2027-01-01' }] }),
    ).toBe(true);
    const key = compilePopulationRule(suggestPopulationRule('冶金工贸重点监管企业', '140500', null, []));
    const plant: RegisterObject = { ...company, categoryCodes: ['metallurgy-industrial'] };
    expect(key(plant)).toBe(false);
    expect(key({ ...plant, flags: ['key-unit'] })).toBe(true);
  });
});
