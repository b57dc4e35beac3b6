import { describe, expect, it } from 'vitest';
import { findRegion } from '../region/index.ts';
import { DEPARTMENTS } from './departments.ts';
import { normaliseDepartment } from './normalise-department.ts';
import { PLAN_REGIONS } from './plan-regions.ts';

describe('DEPARTMENTS', () => {
  it('has unique codes and unique canonical names', () => {
    expect(new Set(DEPARTMENTS.map((d) => d.code)).size).toBe(DEPARTMENTS.length);
    expect(new Set(DEPARTMENTS.map((d) => d.name)).size).toBe(DEPARTMENTS.length);
  });

  it('codes are <region code>-<slug> of a known region', () => {
    for (const d of DEPARTMENTS) {
      expect(d.code).toBe(`${d.regionCode}-${d.slug}`);
      expect(PLAN_REGIONS.some((r) => r.code === d.regionCode && r.label === d.region)).toBe(true);
      expect(d.slug).toMatch(/^[a-z][a-z-]*$/);
    }
  });

  it('region codes agree with the region module (GB/T 2260; 140571 is ours)', () => {
    for (const r of PLAN_REGIONS) expect(findRegion(r.code)).toBeDefined();
  });

  it('every department normalises to itself from its name, short name and aliases', () => {
    for (const d of DEPARTMENTS) {
      for (const printed of [d.name, d.shortName, ...d.aliases]) {
        expect(normaliseDepartment(printed, d.region), `${printed} in ${d.region}`).toEqual({
          canonical: d.name,
          code: d.code,
        });
      }
    }
  });

  it('lists every region with a market-supervision body', () => {
    for (const r of PLAN_REGIONS) expect(DEPARTMENTS.some((d) => d.code === `${r.code}-amr`)).toBe(true);
  });
});

describe('normaliseDepartment', () => {
  it.each([
    ['市市场监管总局', '晋城市本级', '晋城市市场监督管理局'],
    ['市市场监管局', '晋城市本级', '晋城市市场监督管理局'],
    ['晋城市公安局', '晋城市本级', '晋城市公安局'],
    ['市税务局', '140500', '国家税务总局晋城市税务局'],
    ['县市场局', '陵川县', '陵川县市场监督管理局'],
    ['县市场监督局', '沁水县', '沁水县市场监督管理局'],
    ['县市场监管分局', '阳城县', '阳城县市场监督管理局'],
    ['县市场监管总局', '沁水县', '沁水县市场监督管理局'],
    ['阳城县市场监督管理局', '阳城', '阳城县市场监督管理局'],
    ['晋城市公安局 城区分局', '城区', '晋城市公安局城区分局'],
    ['晋城市城区市场 监管局', '城区', '晋城市城区市场监督管理局'],
    ['晋城市城区区委宣传部', '城区', '晋城市城区区委宣传部'],
    ['晋城市生态环境局晋泽分局', '泽州县', '晋城市生态环境局泽州分局'],
    ['县生态环境分局', '阳城县', '晋城市生态环境局阳城分局'],
    ['市生态环境局川分局', '陵川县', '晋城市生态环境局陵川分局'],
    ['县文化化和旅游局', '陵川县', '陵川县文化和旅游局'],
    ['县气象高', '沁水县', '沁水县气象局'],
    ['县发改局（人防办）', '沁水县', '沁水县发展和改革局'],
    ['消防救援大队', '沁水县', '沁水县消防救援大队'],
    ['高平城市管理局', '高平市', '高平市城市管理局'],
    ['高平市卫生健康委员会和体育局', '高平市', '高平市卫生健康和体育局'],
    ['开发区消防队', '开发区', '晋城经济技术开发区消防救援大队'],
    ['县民政', '阳城县', '阳城县民政局'],
    ['或市人社局', '晋城市本级', '晋城市人力资源和社会保障局'],
  ])('%s in %s → %s', (printed, region, canonical) => {
    const m = normaliseDepartment(printed, region);
    expect(m.canonical).toBe(canonical);
    expect(m.warning).toBeUndefined();
  });

  it('accepts a city body in a county task with a warning', () => {
    const m = normaliseDepartment('市公安局', '阳城县');
    expect(m.canonical).toBe('晋城市公安局');
    expect(m.warning).toMatch(/city department/);
  });

  it('says where an unknown name belongs when it names another region', () => {
    const m = normaliseDepartment('高平市林业局', '阳城县');
    expect(m.canonical).toBeNull();
    expect(m.warning).toMatch(/高平市/);
  });

  it('warns on unknown names and regions', () => {
    expect(normaliseDepartment('县宇宙管理局', '阳城县')).toMatchObject({ canonical: null, code: null });
    expect(normaliseDepartment('县宇宙管理局', '阳城县').warning).toMatch(/unknown department/);
    expect(normaliseDepartment('县公安局', '火星').warning).toMatch(/unknown region/);
    expect(normaliseDepartment(' ', '阳城县').warning).toMatch(/empty/);
  });
});
