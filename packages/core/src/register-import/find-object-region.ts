/**
 * Which region of the city an imported register row belongs to. The platform only holds objects and inspectors of its
 * own regions (the `regions` table: 晋城市 and its counties, DOMAIN.md §1): a row nothing places in one of them is
 * refused ("不属于本市辖区") unless the importer gives a default region for the whole file.
 */
import { CITY_REGION_CODE, REGIONS } from '../region/regions.ts';

/** How a region was found, in the order tried. */
export type RegionSource = 'column' | 'uscc' | 'address' | 'reg-no' | 'default';

const REGION_WORDS: ReadonlyMap<string, string> = (() => {
  const words = new Map<string, string>();
  for (const r of REGIONS) {
    words.set(r.code, r.code);
    words.set(r.name, r.code);
    words.set(r.planName, r.code);
    const bare = r.name.replace(/(县|市|区)$/, '');
    if (bare.length >= 2) words.set(bare, r.code);
  }
  for (const w of ['市本级', '市直', '本级', '晋城', '晋城市本级']) words.set(w, CITY_REGION_CODE);
  for (const w of ['开发区', '经济技术开发区', '晋城开发区', '经开区']) words.set(w, '140571');
  return words;
})();

/** A region column's text (code, official name, the plan's printed name, 泽州 …) → region code, or null. */
export function matchRegionText(raw: string): string | null {
  if (raw === '') return null;
  const s = raw
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^山西省/, '');
  if (s === '') return null;
  const direct = REGION_WORDS.get(s);
  if (direct !== undefined) return direct;
  const inCity = s.startsWith('晋城市') ? REGION_WORDS.get(s.slice(3)) : undefined;
  return inCity ?? null;
}

/** A division code (USCC characters 3–8, 注册号 digits 1–6) that is one of the city's regions, or null. */
export function matchDivisionCode(divisionCode: string): string | null {
  return REGIONS.some((r) => r.code === divisionCode) ? divisionCode : null;
}

const COUNTY_IN_ADDRESS: readonly (readonly [RegExp, string])[] = [
  [/^(晋城市)?城区/, '140502'],
  [/^(晋城市)?(晋城)?(经济技术|经济)?开发区/, '140571'],
  [/^晋城市?经济技术开发区|晋城经济技术开发区/, '140571'],
  [/^(晋城市)?沁水|沁水县/, '140521'],
  [/^(晋城市)?阳城|阳城县/, '140522'],
  [/^(晋城市)?陵川|陵川县/, '140524'],
  [/^(晋城市)?泽州|泽州县/, '140525'],
  [/^(晋城市)?高平|高平市/, '140581'],
];

/**
 * The county an address names: 城区 and 开发区 only at the start (after 山西省晋城市), since 老城区 or 旅游开发区 occur in
 * any city; the other counties at the start or with their suffix anywhere (…沁水县嘉峰镇…). Null when none.
 */
export function findRegionInAddress(address: string): string | null {
  const s = address
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^山西省?/, '');
  for (const [pattern, code] of COUNTY_IN_ADDRESS) if (pattern.test(s)) return code;
  return null;
}

export interface RegionClues {
  readonly regionText: string;
  readonly usccDivision: string | null;
  readonly address: string;
  readonly regNoDivision: string | null;
  readonly defaultRegionCode: string | null;
}

/** The region of a row: the region column, else the USCC's division, else the address, else the 注册号, else the default. */
export function deriveObjectRegion(clues: RegionClues): { regionCode: string; source: RegionSource } | null {
  const fromColumn = matchRegionText(clues.regionText);
  if (fromColumn !== null) return { regionCode: fromColumn, source: 'column' };
  const fromUscc = clues.usccDivision === null ? null : matchDivisionCode(clues.usccDivision);
  if (fromUscc !== null) return { regionCode: fromUscc, source: 'uscc' };
  const fromAddress = findRegionInAddress(clues.address);
  if (fromAddress !== null) return { regionCode: fromAddress, source: 'address' };
  const fromRegNo = clues.regNoDivision === null ? null : matchDivisionCode(clues.regNoDivision);
  if (fromRegNo !== null) return { regionCode: fromRegNo, source: 'reg-no' };
  if (clues.defaultRegionCode !== null) return { regionCode: clues.defaultRegionCode, source: 'default' };
  return null;
}
