/**
 * The departments (部门) of each region that take part in the joint plan, with the printed variants
 * the 2023 notice uses for them. The server seeds its departments table from {@link DEPARTMENTS}.
 *
 * A department is written once per region as a list of "stems": the name without the region prefix
 * (市场监管局, 市场局 …). The lookup accepts any of the region's printed prefixes before a stem
 * (阳城县 / 阳城 / 县 + 文旅局), and `full` aliases that do not follow that pattern (a city bureau's county
 * branch such as 市生态环境局阳城分局). Obvious misprints of the notice are aliases too, marked "misprint".
 *
 * Codes are `<region code>-<slug>` and stable: never reuse or rename a slug.
 * Where the notice does not reveal whether two printed names are one body (陵川 卫健局 / 卫体局,
 * 沁水 卫健委 / 卫体局 / 体育局), they stay separate departments.
 */
import { PLAN_REGIONS } from './plan-regions.ts';
import type { PlanRegion } from './plan-regions.ts';

export interface Department {
  /** `<region code>-<slug>`, e.g. 140522-amr. */
  readonly code: string;
  readonly regionCode: string;
  /** The plan label of the region (晋城市本级, 阳城县 …). */
  readonly region: string;
  readonly slug: string;
  /** Canonical name, unique across the list. */
  readonly name: string;
  /** The name as the notice usually prints it. */
  readonly shortName: string;
  /** Printed variants (with the region's prefixes), misprints included. */
  readonly aliases: readonly string[];
}

interface DepartmentSource {
  readonly slug: string;
  /** Names without the region prefix; the first one gives the canonical name unless `name` is set. */
  readonly stems: readonly string[];
  readonly name?: string;
  /** Printed forms that are not `prefix + stem`. */
  readonly full?: readonly string[];
  /** The usual printed name when it is not generic prefix + second stem. */
  readonly short?: string;
}

/** Department kinds shared by several regions (slug → stems). */
const AMR = ['市场监督管理局', '市场监管局', '市场局', '市场监督局', '市场监管分局', '市场监管总局'];
const CULTURE = ['文化和旅游局', '文旅局'];
const HRSS = ['人力资源和社会保障局', '人社局'];
const HOUSING = ['住房和城乡建设局', '住建局'];
const TRANSPORT = ['交通运输局', '交通局'];
const EMERGENCY = ['应急管理局', '应急局'];
const AGRI = ['农业农村局'];
const STATS = ['统计局'];
const POLICE = ['公安局'];
const EDU = ['教育局'];
const CIVIL = ['民政局'];
const METEO = ['气象局'];
const WATER = ['水务局'];
const ENERGY = ['能源局'];
const FORESTRY = ['林业局'];
const TOBACCO = ['烟草专卖局', '烟草局'];
const DRC = ['发展和改革局', '发改局'];
const MIIT = ['工业和信息化局', '工信局'];
const COUNTY_FIRE = ['消防救援大队', '消防大队', '消防队'];
const NATURAL_RESOURCES = ['自然资源局'];
const PROPAGANDA = ['委宣传部', '宣传部'];

function ecoBranch(county: string): DepartmentSource {
  return {
    slug: 'eco',
    stems: ['生态环境分局'],
    name: `晋城市生态环境局${county}分局`,
    short: `市生态环境局${county}分局`,
    full: [`晋城市生态环境局${county}分局`, `市生态环境局${county}分局`, `生态环境局${county}分局`],
  };
}

const SOURCES: Readonly<Record<string, readonly DepartmentSource[]>> = {
  // 晋城市本级
  '140500': [
    // 市市场监管总局 is a misprint the notice repeats: there is no 总局 at city level.
    { slug: 'amr', stems: AMR },
    { slug: 'press', stems: ['新闻出版局'] },
    { slug: 'culture', stems: CULTURE },
    { slug: 'drc', stems: ['发展和改革委员会', '发改委', '发展改革委'] },
    { slug: 'stats', stems: STATS },
    { slug: 'edu', stems: EDU },
    { slug: 'police', stems: POLICE },
    { slug: 'health', stems: ['卫生健康委员会', '卫健委', '卫生健康委'] },
    { slug: 'civil', stems: CIVIL },
    { slug: 'sport', stems: ['体育局'] },
    { slug: 'hrss', stems: HRSS },
    { slug: 'fire', stems: ['消防救援支队', '消防支队'] },
    { slug: 'eco', stems: ['生态环境局'] },
    { slug: 'urban', stems: ['城市管理局', '城管局'] },
    { slug: 'commerce', stems: ['商务局'] },
    { slug: 'transport', stems: TRANSPORT },
    { slug: 'tax', stems: ['税务局'], name: '国家税务总局晋城市税务局', full: ['国家税务总局晋城市税务局'] },
    { slug: 'water', stems: WATER },
    { slug: 'agri', stems: AGRI },
    { slug: 'emergency', stems: EMERGENCY },
    { slug: 'meteo', stems: METEO },
    { slug: 'housing', stems: HOUSING },
    { slug: 'civil-defense', stems: ['人民防空办公室', '人防办'] },
    { slug: 'tobacco', stems: TOBACCO },
    { slug: 'post', stems: ['邮政管理局'] },
    { slug: 'nr', stems: ['规划和自然资源局', '自然资源局'] },
    { slug: 'landscape', stems: ['园林绿化服务中心'] },
    { slug: 'customs', stems: ['海关'], name: '晋城海关', short: '晋城海关' },
    { slug: 'energy', stems: ENERGY },
  ],
  // 城区
  '140502': [
    { slug: 'amr', stems: AMR },
    { slug: 'nr', stems: NATURAL_RESOURCES },
    { slug: 'housing', stems: HOUSING },
    { slug: 'hrss', stems: HRSS },
    { slug: 'fire', stems: COUNTY_FIRE },
    { slug: 'emergency', stems: EMERGENCY },
    { slug: 'tobacco', stems: TOBACCO },
    { slug: 'edu', stems: ['教育科技局', '教科局', '教育局'] },
    { slug: 'culture', stems: CULTURE },
    {
      slug: 'police',
      stems: ['公安分局', '公安局'],
      name: '晋城市公安局城区分局',
      short: '晋城市公安局城区分局',
      full: ['晋城市公安局城区分局', '市公安局城区分局', '公安局城区分局'],
    },
    { slug: 'health-sport', stems: ['卫生健康和体育局', '卫体局'] },
    { slug: 'stats', stems: STATS },
    { slug: 'commerce', stems: ['商务局'] },
    { slug: 'propaganda', stems: ['区委宣传部', ...PROPAGANDA], name: '晋城市城区区委宣传部' },
    { slug: 'agri', stems: AGRI },
    { slug: 'transport', stems: TRANSPORT },
  ],
  // 泽州县
  '140525': [
    { slug: 'amr', stems: AMR },
    { slug: 'propaganda', stems: PROPAGANDA },
    { slug: 'culture', stems: CULTURE },
    { slug: 'health', stems: ['卫生健康局', '卫健局', '卫健委'] },
    { slug: 'edu', stems: EDU },
    // 晋泽分局 is a misprint of 泽州分局.
    { ...ecoBranch('泽州'), full: [...(ecoBranch('泽州').full ?? []), '晋城市生态环境局晋泽分局'] },
    { slug: 'housing', stems: HOUSING },
    { slug: 'police', stems: POLICE },
    { slug: 'hrss', stems: HRSS },
    { slug: 'fire', stems: COUNTY_FIRE },
    { slug: 'transport', stems: TRANSPORT },
    // 县药监局 (printed once, beside 县市场监管局): kept as its own body, the notice does not say more.
    { slug: 'drugs', stems: ['药监局', '药品监督管理局'], name: '泽州县药监局' },
    { slug: 'agri', stems: AGRI },
    { slug: 'stats', stems: STATS },
    { slug: 'drc', stems: DRC },
    { slug: 'tobacco', stems: TOBACCO },
    { slug: 'forestry', stems: FORESTRY },
    { slug: 'emergency', stems: EMERGENCY },
    { slug: 'civil-defense', stems: ['人民防空办公室', '人防办'] },
    { slug: 'civil', stems: CIVIL },
  ],
  // 高平市
  '140581': [
    { slug: 'amr', stems: AMR },
    { slug: 'agri', stems: AGRI },
    { slug: 'edu', stems: EDU },
    {
      slug: 'health-sport',
      // 卫生健康委员会和体育局 / 卫生健康局和体育局 / 卫生健康委员会: one merged body in 高平.
      stems: [
        '卫生健康和体育局',
        '卫生健康委员会和体育局',
        '卫生健康局和体育局',
        '卫体局',
        '卫生健康委员会',
        '卫健委',
      ],
    },
    { slug: 'culture', stems: CULTURE },
    { slug: 'police', stems: POLICE },
    { slug: 'emergency', stems: EMERGENCY },
    { slug: 'hrss', stems: HRSS },
    ecoBranch('高平'),
    { slug: 'miit', stems: MIIT },
    { slug: 'transport', stems: TRANSPORT },
    { slug: 'fire', stems: COUNTY_FIRE },
    { slug: 'housing', stems: HOUSING },
    { slug: 'stats', stems: STATS },
    { slug: 'drc', stems: DRC },
    { slug: 'forestry', stems: FORESTRY },
    { slug: 'tobacco', stems: TOBACCO },
    { slug: 'meteo', stems: METEO },
    { slug: 'water', stems: WATER },
    { slug: 'urban', stems: ['城市管理局', '城管局'] },
    { slug: 'energy', stems: ENERGY },
    { slug: 'nr', stems: NATURAL_RESOURCES },
    { slug: 'civil', stems: CIVIL },
  ],
  // 阳城县
  '140522': [
    { slug: 'amr', stems: AMR },
    { slug: 'culture', stems: CULTURE },
    { slug: 'police', stems: POLICE },
    { slug: 'fire', stems: COUNTY_FIRE },
    { slug: 'transport', stems: TRANSPORT },
    { slug: 'health', stems: ['卫生健康局', '卫健局'] },
    { slug: 'propaganda', stems: PROPAGANDA },
    { slug: 'water', stems: WATER },
    { slug: 'emergency', stems: EMERGENCY },
    { slug: 'meteo', stems: METEO },
    { slug: 'edu', stems: EDU },
    // 县民政 (without 局) is printed once.
    { slug: 'civil', stems: [...CIVIL, '民政'] },
    { slug: 'agri', stems: AGRI },
    { slug: 'nr', stems: NATURAL_RESOURCES },
    { slug: 'energy', stems: ENERGY },
    { slug: 'housing', stems: HOUSING },
    { slug: 'hrss', stems: HRSS },
    // 县科技局 initiates the commerce tasks (预付卡, 汽车销售, 外商投资) in 阳城.
    { slug: 'sci', stems: ['科技局'] },
    ecoBranch('阳城'),
    { slug: 'drc', stems: DRC },
    { slug: 'forestry', stems: FORESTRY },
    { slug: 'tobacco', stems: TOBACCO },
    { slug: 'stats', stems: STATS },
  ],
  // 陵川县
  '140524': [
    { slug: 'amr', stems: AMR },
    { slug: 'housing', stems: ['住房和城乡建设管理局', '住房和城乡建设局', '住建局'] },
    { slug: 'agri', stems: AGRI },
    { slug: 'hrss', stems: HRSS },
    { slug: 'miit', stems: MIIT },
    { slug: 'stats', stems: STATS },
    { slug: 'tobacco', stems: TOBACCO },
    { slug: 'police', stems: POLICE },
    // 文化化和旅游局 is a misprint.
    { slug: 'culture', stems: [...CULTURE, '文化化和旅游局'] },
    { slug: 'fire', stems: COUNTY_FIRE },
    { slug: 'health', stems: ['卫生健康局', '卫健局'] },
    { slug: 'health-sport', stems: ['卫体局', '卫生健康和体育局'] },
    { slug: 'edu', stems: EDU },
    // 市生态环境局川分局 is a misprint of 陵川分局.
    { ...ecoBranch('陵川'), full: [...(ecoBranch('陵川').full ?? []), '市生态环境局川分局'] },
    { slug: 'drc', stems: DRC },
    { slug: 'transport', stems: TRANSPORT },
    { slug: 'meteo', stems: METEO },
    { slug: 'emergency', stems: EMERGENCY },
    { slug: 'propaganda', stems: PROPAGANDA },
    { slug: 'urban', stems: ['城管中心', '城市管理服务中心'] },
    { slug: 'healthcare-security', stems: ['医疗保障局', '医保局'] },
  ],
  // 沁水县
  '140521': [
    { slug: 'amr', stems: AMR },
    { slug: 'miit', stems: MIIT },
    { slug: 'edu', stems: EDU },
    { slug: 'culture', stems: CULTURE },
    { slug: 'police', stems: POLICE },
    { slug: 'agri', stems: AGRI },
    { slug: 'energy', stems: ENERGY },
    { slug: 'emergency', stems: EMERGENCY },
    { slug: 'nr', stems: NATURAL_RESOURCES },
    { slug: 'hrss', stems: HRSS },
    // 县发改局（人防办）: the civil-defence office is hosted by the 发改局.
    { slug: 'drc', stems: [...DRC, '发改局(人防办)', '人防办'] },
    { slug: 'stats', stems: STATS },
    { slug: 'housing', stems: HOUSING },
    { slug: 'water', stems: WATER },
    ecoBranch('沁水'),
    { slug: 'sport', stems: ['体育局'] },
    { slug: 'health', stems: ['卫生健康委员会', '卫健委', '卫健局'] },
    { slug: 'health-sport', stems: ['卫体局', '卫生健康和体育局'] },
    { slug: 'fire', stems: COUNTY_FIRE },
    { slug: 'transport', stems: TRANSPORT },
    // 县气象高 is a misprint.
    { slug: 'meteo', stems: [...METEO, '气象高'] },
    { slug: 'civil', stems: CIVIL },
    { slug: 'forestry', stems: FORESTRY },
    { slug: 'tobacco', stems: TOBACCO },
    { slug: 'finance', stems: ['财政局'] },
  ],
  // 晋城经济技术开发区
  '140571': [
    { slug: 'police', stems: POLICE },
    { slug: 'amr', stems: ['市场监管分局', '市场监督管理分局', '市场监管局', '市场局'] },
    { slug: 'fire', stems: COUNTY_FIRE },
  ],
};

function buildDepartments(region: PlanRegion, sources: readonly DepartmentSource[]): Department[] {
  const generic = region.departmentPrefixes[region.departmentPrefixes.length - 1] ?? '';
  return sources.map((s) => {
    const first = s.stems[0] ?? s.slug;
    const aliases = new Set<string>([...s.stems.map((stem) => generic + stem), ...(s.full ?? [])]);
    const name = s.name ?? region.namePrefix + first;
    aliases.delete(name);
    return {
      code: `${region.code}-${s.slug}`,
      regionCode: region.code,
      region: region.label,
      slug: s.slug,
      name,
      shortName: s.short ?? generic + (s.stems[1] ?? first),
      aliases: [...aliases],
    };
  });
}

/** Every department of every region, regions in notice order. */
export const DEPARTMENTS: readonly Department[] = PLAN_REGIONS.flatMap((region) =>
  buildDepartments(region, SOURCES[region.code] ?? []),
);

/** The stems of a department (for lookups with any of its region's prefixes). */
export function listDepartmentStems(code: string): readonly string[] {
  const [regionCode, ...rest] = code.split('-');
  const slug = rest.join('-');
  return SOURCES[regionCode ?? '']?.find((s) => s.slug === slug)?.stems ?? [];
}

/** The `full` aliases of a department (printed forms that are not prefix + stem). */
export function listDepartmentFullAliases(code: string): readonly string[] {
  const [regionCode, ...rest] = code.split('-');
  const slug = rest.join('-');
  const source = SOURCES[regionCode ?? '']?.find((s) => s.slug === slug);
  return [...(source?.full ?? []), ...(source?.name === undefined ? [] : [source.name])];
}
