import { describe, expect, it } from 'vitest';
import { findPlanRegion, readRegionLabel } from './plan-regions.ts';
import { assignRegions, readRegions, resolveRegionText } from './segment-regions.ts';

describe('readRegionLabel', () => {
  it.each([
    ['晋城市本级 (58)', '晋城市本级', 58],
    ['城 区 (34)', '城区', 34],
    ['沁水（62）', '沁水', 62],
    ['泽', '泽', null],
    ['', '', null],
  ] as const)('%j', (cell, text, count) => {
    expect(readRegionLabel(cell)).toEqual({ text, count });
  });
  it.each(['36 对报废机动车回收拆解企业的部门联合抽查', '108', '县市场监管局'])(
    '%j is not a label',
    (cell) => {
      expect(readRegionLabel(cell)).toBeNull();
    },
  );
});

describe('resolveRegionText', () => {
  it('reads whole names, the longest suffix and unambiguous fragments', () => {
    expect(resolveRegionText('城区', '区')?.label).toBe('城区');
    expect(resolveRegionText('阳阳城', '城')?.label).toBe('阳城县');
    expect(resolveRegionText('泽', '泽')?.label).toBe('泽州县');
    expect(resolveRegionText('川', '川')?.label).toBe('陵川县');
    expect(resolveRegionText('城', '城')).toBeUndefined();
    expect(resolveRegionText('区', '区')).toBeUndefined();
  });
});

describe('readRegions', () => {
  it('joins floating fragments, resolves by count and outvotes a misprinted count', () => {
    const reading = readRegions([
      { line: 1, page: 0, cell: '晋城市本级 (2)' },
      { line: 5, page: 1, cell: '晋城市本级 (9)' },
      { line: 6, page: 1, cell: '城' },
      { line: 8, page: 1, cell: '区 (1)' },
      { line: 10, page: 2, cell: '晋城市本级(2)' },
      { line: 11, page: 2, cell: '阳城(3)' },
      { line: 12, page: 2, cell: '城(3)' },
    ]);
    expect(reading.segments.map((s) => [s.region.label, s.count])).toEqual([
      ['晋城市本级', 2],
      ['城区', 1],
      ['阳城县', 3],
    ]);
    expect(reading.hints.get(12)?.label).toBe('阳城县');
    expect(reading.warnings.map((w) => w.lines)).toContainEqual([5]);
  });
});

describe('assignRegions', () => {
  const city = findPlanRegion('晋城市本级');
  const zone = findPlanRegion('开发区');
  if (!city || !zone) throw new Error('regions missing');
  const segments = [
    { region: city, count: 2, lines: [1] },
    { region: zone, count: 1, lines: [9] },
  ];

  it('segments by the declared counts', () => {
    const r = assignRegions(3, segments);
    expect(r.regions.map((x) => x?.label)).toEqual(['晋城市本级', '晋城市本级', '开发区']);
    expect(r.warnings).toEqual([]);
  });

  it('warns when the counts do not add up', () => {
    expect(assignRegions(4, segments).warnings[0]?.message).toMatch(/declare 3 tasks .* but 4/);
    expect(assignRegions(4, segments).regions).toHaveLength(4);
    expect(assignRegions(2, segments).regions).toHaveLength(2);
  });
});
