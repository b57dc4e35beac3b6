/**
 * The regions as the plan notice names them. Codes are GB/T 2260 (see ../region/regions.ts);
 * the development zone's 140571 is this project's own code, not a GB/T 2260 code.
 */

export interface PlanRegion {
  /** GB/T 2260 code (140571 for the development zone is not GB). */
  readonly code: string;
  /** The label a parsed task carries in `region` (晋城市本级, 城区, 泽州县 …). */
  readonly label: string;
  /** Forms the notice prints in the 地市 column and its headers, without the count. */
  readonly printedForms: readonly string[];
  /**
   * Prefixes departments of this region are printed with, longest first (阳城县文旅局, 阳城文旅局, 县文旅局).
   * The last one is the generic prefix (市, 区, 县 …).
   */
  readonly departmentPrefixes: readonly string[];
  /** Prefix of canonical department names (晋城市, 晋城市城区, 泽州县 …). */
  readonly namePrefix: string;
  readonly level: 'city' | 'county' | 'zone';
}

export const CITY_PLAN_REGION_CODE = '140500';
export const DEVELOPMENT_ZONE_CODE = '140571';

/** In the order of the 2023 notice. */
export const PLAN_REGIONS: readonly PlanRegion[] = [
  {
    code: '140500',
    label: '晋城市本级',
    printedForms: ['晋城市本级', '市本级', '晋城市', '本级'],
    departmentPrefixes: ['晋城市', '晋城', '市'],
    namePrefix: '晋城市',
    level: 'city',
  },
  {
    code: '140502',
    label: '城区',
    printedForms: ['城区', '晋城市城区'],
    departmentPrefixes: ['晋城市城区', '城区', '区'],
    namePrefix: '晋城市城区',
    level: 'county',
  },
  {
    code: '140525',
    label: '泽州县',
    printedForms: ['泽州', '泽州县'],
    departmentPrefixes: ['泽州县', '泽州', '县'],
    namePrefix: '泽州县',
    level: 'county',
  },
  {
    code: '140581',
    label: '高平市',
    printedForms: ['高平', '高平市'],
    departmentPrefixes: ['高平市', '高平'],
    namePrefix: '高平市',
    level: 'county',
  },
  {
    code: '140522',
    label: '阳城县',
    printedForms: ['阳城', '阳城县'],
    departmentPrefixes: ['阳城县', '阳城', '县'],
    namePrefix: '阳城县',
    level: 'county',
  },
  {
    code: '140524',
    label: '陵川县',
    printedForms: ['陵川', '陵川县'],
    departmentPrefixes: ['陵川县', '陵川', '县'],
    namePrefix: '陵川县',
    level: 'county',
  },
  {
    code: '140521',
    label: '沁水县',
    printedForms: ['沁水', '沁水县'],
    departmentPrefixes: ['沁水县', '沁水', '县'],
    namePrefix: '沁水县',
    level: 'county',
  },
  {
    code: DEVELOPMENT_ZONE_CODE,
    label: '开发区',
    printedForms: ['开发区', '经开区', '经济技术开发区', '晋城经济技术开发区'],
    departmentPrefixes: ['晋城经济技术开发区', '经济技术开发区', '经开区', '开发区'],
    namePrefix: '晋城经济技术开发区',
    level: 'zone',
  },
];

function squeeze(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** Finds a region by code, label or printed form (spaces and full-width forms ignored). */
export function findPlanRegion(codeOrName: string): PlanRegion | undefined {
  const key = squeeze(codeOrName);
  return PLAN_REGIONS.find((r) => r.code === key || r.label === key || r.printedForms.includes(key));
}

/** Every character of every printed region form: a region-column fragment uses only these. */
const REGION_CHARS = new Set([...PLAN_REGIONS.flatMap((r) => [...r.printedForms, r.label])].join(''));

/** A 地市 cell: a region name (possibly a fragment such as 城 or 州) with an optional declared count. */
export interface RegionLabel {
  /** Text without spaces and without the count. */
  readonly text: string;
  /** The declared number of tasks, e.g. 58 in `晋城市本级 (58)`. */
  readonly count: number | null;
}

/** Reads a 地市 cell; null when the cell is not a region label (e.g. a task name shifted into the column). */
export function readRegionLabel(cell: string): RegionLabel | null {
  const s = squeeze(cell);
  if (s === '') return { text: '', count: null };
  const m = /^(.*?)(?:\((\d+)\))?$/.exec(s);
  const text = m?.[1] ?? s;
  const count = m?.[2] === undefined ? null : Number(m[2]);
  if (text.length > 12 || !Array.from(text).every((c) => REGION_CHARS.has(c))) return null;
  if (text === '' && count === null) return null;
  return { text, count };
}
