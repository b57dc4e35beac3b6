/**
 * The regions of 晋城市 with their GB/T 2260 administrative division codes (issue: foundation).
 * The development zone has no GB/T 2260 county code of its own; 140571 is this project's code for it
 * (the pattern other cities use for development zones, 71–79), documented in docs/ARCHITECTURE.md.
 */
export type RegionLevel = 'city' | 'county' | 'zone';

export interface Region {
  readonly code: string;
  /** The official name. */
  readonly name: string;
  /** The name the plan notice prints in its region column and headers (晋城市本级, 泽州, 开发区 …). */
  readonly planName: string;
  readonly level: RegionLevel;
  readonly parentCode: string | null;
}

export const CITY_REGION_CODE = '140500';

/** In the order the 2023 plan notice lists them. */
export const REGIONS: readonly Region[] = [
  { code: '140500', name: '晋城市', planName: '晋城市本级', level: 'city', parentCode: null },
  { code: '140502', name: '城区', planName: '城区', level: 'county', parentCode: '140500' },
  { code: '140525', name: '泽州县', planName: '泽州', level: 'county', parentCode: '140500' },
  { code: '140581', name: '高平市', planName: '高平', level: 'county', parentCode: '140500' },
  { code: '140522', name: '阳城县', planName: '阳城', level: 'county', parentCode: '140500' },
  { code: '140524', name: '陵川县', planName: '陵川', level: 'county', parentCode: '140500' },
  { code: '140521', name: '沁水县', planName: '沁水', level: 'county', parentCode: '140500' },
  { code: '140571', name: '晋城经济技术开发区', planName: '开发区', level: 'zone', parentCode: '140500' },
];

export function findRegion(code: string): Region | undefined {
  return REGIONS.find((r) => r.code === code);
}

/**
 * Jurisdiction (DOMAIN.md §6): a level sees its own region and its subordinates'.
 * True when a user whose home region is `viewer` may read data of region `target`.
 */
export function isRegionWithin(viewer: string, target: string): boolean {
  let current: string | null = target;
  while (current !== null) {
    if (current === viewer) return true;
    current = findRegion(current)?.parentCode ?? null;
  }
  return false;
}
