import { describe, expect, it } from 'vitest';
import { splitDepartments } from './split-departments.ts';

describe('splitDepartments', () => {
  it.each([
    ['市市场监管局 市公安局', '晋城市本级', ['市市场监管局', '市公安局']],
    ['县公安局、 县消防救援大队', '阳城县', ['县公安局', '县消防救援大队']],
    ['县教育局、县民政、县文旅局、县卫健局', '阳城县', ['县教育局', '县民政', '县文旅局', '县卫健局']],
    ['市生态环境局沁水分局/县市场监管局', '沁水县', ['市生态环境局沁水分局', '县市场监管局']],
    ['晋城市公安局 城区分局', '城区', ['晋城市公安局 城区分局']],
    ['晋城市城区市场 监管局', '城区', ['晋城市城区市场 监管局']],
    ['县发改局（人防办）', '沁水县', ['县发改局（人防办）']],
    ['', '阳城县', []],
  ])('%j in %s', (cell, region, names) => {
    expect(splitDepartments(cell, region).names).toEqual(names);
  });

  it('drops 或 from an either-or cooperator and says so', () => {
    const r = splitDepartments('市市场监管局 或市人社局', '晋城市本级');
    expect(r.names).toEqual(['市市场监管局', '市人社局']);
    expect(r.issues.join()).toMatch(/either-or/);
  });
});
