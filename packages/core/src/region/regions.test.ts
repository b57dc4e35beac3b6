import { describe, expect, it } from 'vitest';
import { CITY_REGION_CODE, findRegion, isRegionWithin, REGIONS } from './regions.ts';

describe('regions', () => {
  it('lists the city, its six counties and the development zone with GB/T 2260 codes', () => {
    expect(REGIONS).toHaveLength(8);
    expect(findRegion('140525')?.name).toBe('泽州县');
    expect(new Set(REGIONS.map((r) => r.code)).size).toBe(8);
    for (const r of REGIONS) expect(r.code).toMatch(/^1405\d\d$/);
  });

  it('lets the city see every region, and a county only itself', () => {
    for (const r of REGIONS) expect(isRegionWithin(CITY_REGION_CODE, r.code)).toBe(true);
    expect(isRegionWithin('140525', '140525')).toBe(true);
    expect(isRegionWithin('140525', '140522')).toBe(false);
    expect(isRegionWithin('140525', CITY_REGION_CODE)).toBe(false);
    expect(isRegionWithin('140525', '999999')).toBe(false);
  });
});
