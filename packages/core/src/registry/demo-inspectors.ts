/**
 * The demo inspector register (执法检查人员名录库): inspectors of every department of plan/departments.ts, spread by
 * department size. Every department has at least three active inspectors whose certificate is valid through the
 * plan year and beyond (the default team is 2 of the initiating department + 1 of each cooperating one, DOMAIN.md §4),
 * plus a few on leave, transferred, or with an expired certificate, as a real register has.
 */
import { DEPARTMENTS } from '../plan/index.ts';
import { composePersonName, findPlaces } from './compose-object.ts';
import { splitByLargestRemainder } from './demo-layout.ts';
import type { RegisterCell } from './demo-layout.ts';
import { fromDayNumber, pickDate, toDayNumber } from './demo-dates.ts';
import { createSeededRandom, deriveState, hashTextToState } from './seeded-random.ts';
import type { Inspector, InspectorCertificate, InspectorStatus, RegisterObject } from './register-types.ts';

/** Inspectors every department has; the first three are active and certified. */
const FLOOR_PER_DEPARTMENT = 4;
const GUARANTEED_PER_DEPARTMENT = 3;

/** Relative size of a department's inspection staff, by slug (市场监管 and 公安 largest). */
const SIZE_BY_SLUG: Readonly<Record<string, number>> = {
  amr: 12, police: 8, tax: 10, fire: 3, emergency: 3, transport: 4, culture: 3, health: 3, 'health-sport': 3,
  housing: 3, hrss: 2.5, edu: 2, agri: 3, eco: 3, tobacco: 3, nr: 2, urban: 3, drugs: 3,
}; // prettier-ignore

const SPECIALTIES_BY_SLUG: Readonly<Record<string, readonly string[]>> = {
  amr: [
    '食品安全',
    '特种设备',
    '计量',
    '广告监管',
    '价格监管',
    '企业年报',
    '产品质量',
    '药品医疗器械',
    '知识产权',
  ],
  police: ['治安管理', '特种行业', '危爆物品', '网络安全', '保安服务'],
  fire: ['消防监督', '火灾调查'],
  emergency: ['危险化学品', '冶金工贸', '非煤矿山', '安全生产'],
  transport: ['道路运输', '机动车维修', '驾驶培训', '危险货物运输'],
  culture: ['文化市场', '旅游市场', '出版物', '娱乐场所', '网吧'],
  health: ['公共场所卫生', '医疗监督', '学校卫生', '职业卫生'],
  'health-sport': ['公共场所卫生', '医疗监督', '体育市场'],
  housing: ['建筑市场', '房地产', '燃气', '物业', '人防工程'],
  hrss: ['劳动保障监察', '劳务派遣', '人力资源市场'],
  edu: ['学校安全', '民办教育', '校外培训'],
  agri: ['农药', '种子', '肥料', '兽药', '饲料', '畜禽屠宰'],
  eco: ['环境监测', '污染防治', '固体废物'],
  tobacco: ['卷烟零售', '涉烟物流', '电子烟'],
  tax: ['税务稽查', '发票管理'],
  energy: ['煤矿', '电力', '煤层气'],
  stats: ['统计执法'],
  meteo: ['防雷安全'],
};

const SECOND_CERTIFICATE_BY_SLUG: Readonly<Record<string, string>> = {
  police: '人民警察证',
  tax: '税务检查证',
  transport: '交通运输行政执法证',
  tobacco: '烟草专卖检查证',
  emergency: '安全生产监管执法证',
  culture: '文化市场综合执法证',
};

/** Departments whose inspectors usually work a beat (管辖片区). */
const BEAT_SLUGS: ReadonlySet<string> = new Set([
  'amr',
  'police',
  'fire',
  'tobacco',
  'culture',
  'health',
  'health-sport',
]);

/** The smallest inspector register the generator accepts. */
export function minimumInspectorCount(): number {
  return DEPARTMENTS.length * FLOOR_PER_DEPARTMENT;
}

export interface InspectorInput {
  readonly seed: string;
  readonly count: number;
  readonly asOf: string;
  readonly cells: readonly RegisterCell[];
  objectAt(index: number): RegisterObject;
}

function pickStatus(x: number): InspectorStatus {
  return x < 0.94 ? '在岗' : x < 0.975 ? '休假' : '调离';
}

export function generateDemoInspectors(input: InspectorInput): Inspector[] {
  const { seed, count, asOf, cells } = input;
  const year = Number(asOf.slice(0, 4));
  const lastValidDay = fromDayNumber(toDayNumber(asOf) - 1);
  const base = hashTextToState(`ssj-demo-register|${seed}|inspectors`);
  const floors = DEPARTMENTS.length * FLOOR_PER_DEPARTMENT;
  const extra = splitByLargestRemainder(
    count - floors,
    DEPARTMENTS.map((d) => (SIZE_BY_SLUG[d.slug] ?? 1.5) * (d.regionCode === '140500' ? 1.4 : 1)),
  );
  const cellsByRegion = new Map<string, RegisterCell[]>();
  for (const cell of cells) {
    const list = cellsByRegion.get(cell.regionCode) ?? [];
    list.push(cell);
    cellsByRegion.set(cell.regionCode, list);
  }
  const numberByRegion = new Map<string, number>();
  const inspectors: Inspector[] = [];
  DEPARTMENTS.forEach((department, d) => {
    const size = FLOOR_PER_DEPARTMENT + (extra[d] ?? 0);
    const places = findPlaces(department.regionCode);
    for (let k = 0; k < size; k++) {
      const position = inspectors.length;
      const random = createSeededRandom(deriveState(base, position));
      const guaranteed = k < GUARANTEED_PER_DEPARTMENT;
      const status = guaranteed ? '在岗' : pickStatus(random.nextFloat());
      const expired = !guaranteed && random.chance(0.05);
      const certificateExpiresOn = expired
        ? pickDate(random, `${year - 2}-01-01`, lastValidDay)
        : pickDate(random, guaranteed ? `${year + 2}-01-01` : `${year + 1}-01-01`, `${year + 5}-12-31`);
      const serial =
        (numberByRegion.get(department.regionCode) ?? random.nextInt(100, 900)) + random.nextInt(1, 7);
      numberByRegion.set(department.regionCode, serial);
      const secondName = SECOND_CERTIFICATE_BY_SLUG[department.slug];
      const secondCertificate: InspectorCertificate | null =
        secondName !== undefined && random.chance(0.4)
          ? {
              name: secondName,
              number: `${department.regionCode.slice(0, 4)}${String(random.nextInt(0, 999999)).padStart(6, '0')}`,
              expiresOn: pickDate(random, `${year}-06-01`, `${year + 6}-12-31`),
            }
          : null;
      const pool = SPECIALTIES_BY_SLUG[department.slug] ?? ['综合执法'];
      const specialties = [
        ...new Set([random.pick(pool), ...(random.chance(0.5) ? [random.pick(pool)] : [])]),
      ];
      const beat =
        BEAT_SLUGS.has(department.slug) && department.regionCode !== '140500' && random.chance(0.7)
          ? random.pick(places.towns)
          : null;
      const conflicts: string[] = [];
      const regionCells = cellsByRegion.get(department.regionCode) ?? [];
      if (!guaranteed && regionCells.length > 0 && random.chance(0.02)) {
        const n = random.nextInt(1, 2);
        for (let c = 0; c < n; c++) {
          const cell = random.pick(regionCells);
          const id = input.objectAt(cell.start + random.nextInt(0, cell.count - 1)).id;
          if (!conflicts.includes(id)) conflicts.push(id);
        }
      }
      inspectors.push({
        id: `I-${department.code}-${String(k + 1).padStart(4, '0')}`,
        name: composePersonName(random),
        departmentCode: department.code,
        regionCode: department.regionCode,
        certificateNo: `${department.regionCode}${String(serial).padStart(5, '0')}`,
        certificateExpiresOn,
        secondCertificate,
        specialties,
        status,
        beat,
        conflicts,
      });
    }
  });
  return inspectors;
}
