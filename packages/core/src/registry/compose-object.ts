/**
 * Composes one object of the demo register from its cell and its own random stream: a valid USCC with the region's
 * division code (or a 15-digit 注册号 for some old 个体工商户, or P-/F- ids for projects and facilities), a real-looking
 * but fictitious name and address, dates, status, licences, flags and a credit-risk history.
 */
import { assert } from '../result.ts';
import { computeMod1110CheckDigit, makeOrgCode, makeUscc, USCC_CHARSET } from '../uscc/index.ts';
import { findCategory } from './categories.ts';
import type { ObjectCategory } from './categories.ts';
import { addMonths, pickDate, toDayNumber, fromDayNumber } from './demo-dates.ts';
import type { RegisterCell } from './demo-layout.ts';
import type { IndexPermutation } from './index-permutation.ts';
import {
  ASSOCIATION_FIELDS,
  CHINESE_ORDINALS,
  GIVEN_CHARS,
  REGION_PLACES,
  SURNAMES,
  TRADE_CHARS,
  VILLAGE_HEADS,
  VILLAGE_TAILS,
} from './name-lists.ts';
import type { RegionPlaces } from './name-lists.ts';
import type { SeededRandom } from './seeded-random.ts';
import type {
  Licence,
  ObjectKind,
  ObjectStatus,
  RegisterFlag,
  RegisterObject,
  RiskClass,
  RiskClassChange,
} from './register-types.ts';

/** Everything an object needs beyond its own random stream; built once per register. */
export interface ComposeContext {
  /** 注册 reference date: nothing is established, and history has no entry, on or after it. */
  readonly asOf: string;
  /** Positions → 6 USCC characters (new-style bodies M + letter + 6). */
  readonly newBodies: IndexPermutation;
  /** Positions → 8 digits (old organisation-code bodies). */
  readonly oldBodies: IndexPermutation;
  /** Positions → 8 digits (注册号 sequence numbers). */
  readonly registrationNumbers: IndexPermutation;
  /** The permutation of name choices of a cell (unique names within a cell up to its name space). */
  namesOf(cell: RegisterCell, size: number): IndexPermutation;
}

const RISK_CLASSES: readonly RiskClass[] = ['A', 'B', 'C', 'D'];
const RISK_WEIGHTS: readonly number[] = [50, 38, 10, 2];
/** Date the new-style codes (GB 32100-2015) replaced registration numbers and organisation codes. */
const USCC_START = '2015-10-01';
const CAPITALS: readonly number[] = [
  3, 5, 10, 20, 30, 50, 100, 200, 300, 500, 800, 1000, 2000, 3000, 5000, 10000, 20000, 50000,
];
const CAPITAL_WEIGHTS: readonly number[] = [3, 6, 12, 8, 6, 14, 16, 8, 5, 7, 2, 3, 2, 1.5, 1.5, 1, 0.4, 0.2];
const COOPERATIVE_CAPITALS: readonly number[] = [10, 20, 30, 50, 100, 200, 300, 500];
/** Capital scale of fields with heavy assets (coal, power, chemicals, real estate). */
const CAPITAL_SCALE: Readonly<Record<string, number>> = { 能源: 20, 安全生产: 3, 住房城乡建设: 3 };

function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) assert(false, `index ${index} out of range`);
  return item;
}

export function findPlaces(regionCode: string): RegionPlaces {
  const places = REGION_PLACES.find((p) => p.code === regionCode);
  assert(places !== undefined, `no places for region ${regionCode}`);
  return places;
}

export function composePersonName(random: SeededRandom): string {
  const given = random.chance(0.7)
    ? random.pick(GIVEN_CHARS) + random.pick(GIVEN_CHARS)
    : random.pick(GIVEN_CHARS);
  return random.pick(SURNAMES) + given;
}

function composeVillage(random: SeededRandom): string {
  return random.pick(VILLAGE_HEADS) + random.pick(VILLAGE_TAILS) + '村';
}

/** The town's main street: 巴公镇 → 巴公大街. */
function nameTownStreet(town: string): string {
  return town.replace(/(街道|镇|乡|园区)$/, '') + '大街';
}

/** An address in `town` (urban regions: a street of the urban area). */
function composeAddress(random: SeededRandom, places: RegionPlaces, town: string): string {
  const number = `${random.nextInt(1, 1200)}号`;
  if (places.urban) {
    const prefix = places.code === '140500' ? '晋城市城区' : places.countyPrefix;
    return prefix + random.pick(places.streets) + number;
  }
  if (town === at(places.towns, 0)) return places.countyPrefix + town + random.pick(places.streets) + number;
  if (random.chance(0.6)) return places.countyPrefix + town + composeVillage(random);
  return places.countyPrefix + town + nameTownStreet(town) + number;
}

function defaultEndings(kind: ObjectKind): readonly string[] {
  switch (kind) {
    case 'enterprise':
      return ['有限公司'];
    case 'individual':
      return ['经营部'];
    case 'cooperative':
      return ['{county}{village}专业合作社'];
    case 'institution':
      return ['{county}{trade}服务中心'];
    case 'social-organisation':
      return ['{county}{trade}服务中心'];
    case 'project':
      return ['{county}{trade}建设项目'];
    case 'facility':
      return ['{county}{trade}设施'];
  }
}

function fillPattern(
  pattern: string,
  random: SeededRandom,
  places: RegionPlaces,
  trade: string,
  town: string,
): string {
  return pattern.replace(/\{(\w+)\}/g, (_all, key: string) => {
    switch (key) {
      case 'county':
        return places.countyPrefix;
      case 'city':
        return places.cityPrefix;
      case 'town':
        return town;
      case 'village':
        return composeVillage(random);
      case 'trade':
        return trade;
      case 'n':
        return random.pick(CHINESE_ORDINALS);
      case 'field':
        return random.pick(ASSOCIATION_FIELDS);
      default:
        return '';
    }
  });
}

function composeName(
  random: SeededRandom,
  context: ComposeContext,
  cell: RegisterCell,
  local: number,
  places: RegionPlaces,
  town: string,
): string {
  const endings = cell.category.nameEndings[cell.kind] ?? defaultEndings(cell.kind);
  const tradeCount = TRADE_CHARS.length;
  const size = tradeCount * tradeCount * endings.length;
  const choice = context.namesOf(cell, size).apply(local % size);
  const ending = at(endings, choice % endings.length);
  const pair = Math.floor(choice / endings.length);
  const trade = at(TRADE_CHARS, pair % tradeCount) + at(TRADE_CHARS, Math.floor(pair / tradeCount));
  if (ending.includes('{')) return fillPattern(ending, random, places, trade, town);
  switch (cell.kind) {
    case 'enterprise':
      return (random.chance(0.12) ? '山西' : places.cityPrefix) + trade + ending;
    case 'individual': {
      const where = !places.urban && random.chance(0.5) ? town : '';
      const name = random.chance(0.15) ? random.pick(SURNAMES) + random.pick(['记', '氏', '家']) : trade;
      return places.shopPrefix + where + name + ending;
    }
    default:
      return places.countyPrefix + trade + ending;
  }
}

function encodeBase31(value: number, width: number): string {
  let out = '';
  let v = value;
  for (let i = 0; i < width; i++) {
    out = USCC_CHARSET.charAt(v % 31) + out;
    v = Math.floor(v / 31);
  }
  return out;
}

/** Characters 1–2 of the USCC: 登记管理部门码 + 机构类别码 (GB 32100-2015 表1). */
function chooseUsccPrefix(kind: ObjectKind, category: ObjectCategory): string {
  switch (kind) {
    case 'enterprise':
      return '91';
    case 'individual':
      return '92';
    case 'cooperative':
      return '93';
    case 'institution':
      return '12';
    case 'social-organisation':
      return category.code === 'social-group' ? '51' : '52';
    case 'project':
    case 'facility':
      return '';
  }
}

function pickEstablishedOn(random: SeededRandom, kind: ObjectKind, asOf: string, first: boolean): string {
  const last = fromDayNumber(toDayNumber(asOf) - 1);
  const year = Number(asOf.slice(0, 4));
  if (kind === 'project') return pickDate(random, `${year - 3}-03-01`, last);
  if (first) return pickDate(random, '2005-01-01', '2014-12-31');
  const span = kind === 'individual' ? 25 : 38;
  const back = Math.floor(span * random.nextFloat() ** 1.7);
  const from = `${year - back}-01-01`;
  const to = year - back === year ? last : `${year - back}-12-31`;
  return pickDate(random, from, to);
}

function pickStatus(random: SeededRandom, kind: ObjectKind, first: boolean): ObjectStatus {
  if (first) return '存续';
  const market = kind === 'enterprise' || kind === 'individual' || kind === 'cooperative';
  const x = random.nextFloat();
  if (market) return x < 0.92 ? '存续' : x < 0.97 ? '注销' : '吊销';
  return x < 0.99 ? '存续' : '注销';
}

function pickCapital(
  random: SeededRandom,
  kind: ObjectKind,
  category: ObjectCategory,
  first: boolean,
): number | null {
  if (kind === 'cooperative') return random.pick(COOPERATIVE_CAPITALS);
  if (kind !== 'enterprise') return null;
  const scale = CAPITAL_SCALE[category.group] ?? 1;
  if (first) return random.pick([1000, 2000, 3000, 5000]) * scale;
  return random.pickWeighted(CAPITALS, CAPITAL_WEIGHTS) * scale;
}

function composeLicenceNumber(
  random: SeededRandom,
  name: string,
  division: string,
  kind: ObjectKind,
  year: string,
): string {
  const digits = (n: number): string => String(random.nextInt(0, 10 ** n - 1)).padStart(n, '0');
  switch (name) {
    case '食品经营许可证':
      return `JY${kind === 'individual' ? '2' : '1'}${division}${digits(7)}`;
    case '食品生产许可证':
      return `SC${digits(3)}${division}${digits(5)}`;
    case '烟草专卖零售许可证':
      return `${division}${digits(6)}`;
    case '药品经营许可证':
      return `晋CB${digits(7)}`;
    default:
      return `${division}${year}${digits(5)}`;
  }
}

function composeLicences(
  random: SeededRandom,
  codes: readonly string[],
  division: string,
  kind: ObjectKind,
  asOf: string,
  first: boolean,
): Licence[] {
  const names: string[] = [];
  for (const code of codes) {
    for (const name of findCategory(code)?.licences ?? []) if (!names.includes(name)) names.push(name);
  }
  const year = Number(asOf.slice(0, 4));
  const licences: Licence[] = [];
  for (const name of names) {
    if (!first && !random.chance(0.96)) continue;
    const expired = !first && random.chance(0.07);
    const expiresOn = expired
      ? pickDate(random, `${year - 2}-01-01`, fromDayNumber(toDayNumber(asOf) - 1))
      : pickDate(random, first ? `${year + 2}-01-01` : asOf, `${year + 5}-12-31`);
    const issued = String(Number(expiresOn.slice(0, 4)) - 5);
    licences.push({ name, number: composeLicenceNumber(random, name, division, kind, issued), expiresOn });
  }
  return licences;
}

/**
 * 1–4 monthly classifications (each a change from the one before), none before the month after establishment and
 * none after the reference month; the last one is the current class.
 */
function composeRiskHistory(random: SeededRandom, establishedOn: string, asOf: string): RiskClassChange[] {
  const current = random.pickWeighted(RISK_CLASSES, RISK_WEIGHTS);
  const firstMonth = addMonths(establishedOn, 1);
  const monthsAvailable =
    (Number(asOf.slice(0, 4)) - Number(firstMonth.slice(0, 4))) * 12 +
    Number(asOf.slice(5, 7)) -
    Number(firstMonth.slice(5, 7));
  const span = Math.min(Math.max(monthsAvailable, 0), 36);
  const entries = Math.min(random.nextInt(1, 4), span + 1);
  const offsets = new Set<number>();
  offsets.add(random.nextInt(0, Math.min(span, 3)));
  while (offsets.size < entries) offsets.add(random.nextInt(0, span));
  const history: RiskClassChange[] = [];
  let cls = current;
  for (const back of [...offsets].sort((a, b) => a - b)) {
    history.unshift({ class: cls, on: addMonths(asOf, -back) });
    const index = RISK_CLASSES.indexOf(cls);
    const step = index === 0 ? 1 : index === 3 ? -1 : random.chance(0.5) ? 1 : -1;
    cls = at(RISK_CLASSES, index + step);
  }
  return history;
}

/** The object at register position `index`, which lies in `cell`. */
export function composeObject(
  random: SeededRandom,
  context: ComposeContext,
  cell: RegisterCell,
  index: number,
): RegisterObject {
  const local = index - cell.start;
  const first = local === 0;
  const { category, kind, regionCode } = cell;
  const places = findPlaces(regionCode);
  const establishedOn = pickEstablishedOn(random, kind, context.asOf, first);
  const status = pickStatus(random, kind, first);

  let uscc: string | null = null;
  let regNo: string | null = null;
  let id: string;
  if (kind === 'project' || kind === 'facility') {
    id = `${kind === 'project' ? 'P' : 'F'}-${regionCode}-${String(cell.firstSequence + local).padStart(4, '0')}`;
  } else {
    const isNew = establishedOn >= USCC_START;
    const isMarket = kind === 'enterprise' || kind === 'individual' || kind === 'cooperative';
    if (isMarket && !isNew) {
      const sequence = String(context.registrationNumbers.apply(index)).padStart(8, '0');
      regNo = regionCode + sequence + computeMod1110CheckDigit(regionCode + sequence);
    }
    const onlyRegNo = kind === 'individual' && !isNew && !first && random.chance(0.3);
    if (!onlyRegNo) {
      const letter = kind === 'institution' ? 'B' : kind === 'social-organisation' ? 'J' : 'A';
      const body =
        isNew || kind === 'individual'
          ? `M${letter}${encodeBase31(context.newBodies.apply(index), 6)}`
          : String(context.oldBodies.apply(index)).padStart(8, '0');
      uscc = makeUscc(chooseUsccPrefix(kind, category) + regionCode + makeOrgCode(body));
    }
    id = uscc ?? regNo ?? '';
  }

  const flags: RegisterFlag[] = [];
  if (kind === 'enterprise' && (first || random.chance(0.04))) flags.push('above-scale');
  if (
    kind !== 'project' &&
    kind !== 'facility' &&
    (first || random.chance(kind === 'individual' ? 0.02 : 0.08))
  ) {
    flags.push('key-unit');
  }
  const categoryCodes = [category.code];
  for (const tag of category.also) {
    if ((first || random.chance(tag.share)) && !categoryCodes.includes(tag.code))
      categoryCodes.push(tag.code);
  }
  if (flags.includes('above-scale')) categoryCodes.push('statistics-respondent');

  const town = random.pick(places.towns);
  const name = composeName(random, context, cell, local, places, town);
  const address = composeAddress(random, places, town);
  const registeredCapital = pickCapital(random, kind, category, first);
  const legalRepresentative = composePersonName(random);
  const licences = composeLicences(random, categoryCodes, regionCode, kind, context.asOf, first);
  const riskClassHistory = composeRiskHistory(random, establishedOn, context.asOf);
  return {
    id,
    uscc,
    regNo,
    name,
    kind,
    categoryCodes,
    flags,
    regionCode,
    address,
    businessScope: category.businessScope,
    registeredCapital,
    establishedOn,
    status,
    legalRepresentative,
    licences,
    riskClass: riskClassHistory[riskClassHistory.length - 1]?.class ?? 'A',
    riskClassHistory,
  };
}
