/**
 * Suggests the population (抽查对象范围 → frame) of a plan line: which regions, which object categories, which
 * filters. A suggestion, not a decision: the department confirms it before the frame is frozen (DOMAIN.md §4.1), and
 * `confidence: 'low'` with its `reasons` says where a person must look.
 */
import { CITY_REGION_CODE, REGIONS } from '../region/regions.ts';
import { findCategory } from './categories.ts';
import type { ObjectCategory } from './categories.ts';
import { findCategoryMatches, findPlaceMatches, normaliseScopeText } from './find-keywords.ts';
import type { CategoryMatch } from './find-keywords.ts';
import type { ObjectKind, ObjectStatus, RegisterFlag } from './register-types.ts';

export interface PopulationFilters {
  /** Only these kinds (null: every kind the categories apply to). */
  readonly kinds: readonly ObjectKind[] | null;
  /** 登记状态 kept in the frame; 存续 by default. */
  readonly statuses: readonly ObjectStatus[];
  /** 注册资本 at least this many 万元 (注册资本1000万以上的企业). */
  readonly minRegisteredCapital: number | null;
  /** The object must hold this licence (依法取得燃气经营许可证的 …). */
  readonly licence: string | null;
  /** Every flag listed must be set (规模以上 → above-scale, 重点监管 → key-unit). */
  readonly flags: readonly RegisterFlag[];
}

export interface PopulationRule {
  /** GB/T 2260 codes of the regions whose objects are in the population. */
  readonly regionCodes: readonly string[];
  /** An object is in the population when it belongs to any of these categories (and passes the filters). */
  readonly categoryCodes: readonly string[];
  readonly filters: PopulationFilters;
  /** True when the scope names its objects (a named project or facility) instead of describing a population. */
  readonly explicit: boolean;
  /** The named objects of an explicit rule (normalised names). */
  readonly explicitNames: readonly string[];
  readonly confidence: 'high' | 'low';
  /** Why: one line per decision, for the person who confirms the rule. */
  readonly reasons: readonly string[];
}

const ALL_REGION_CODES = REGIONS.map((r) => r.code);

/** Words that carry no population information once places, categories and filters are taken out. */
const FILLER =
  /全县|全市|全区|本辖区|辖区内|辖区|县域内|县域|范围内|范围|本市|晋城市|各类|所有|全部|的|和|及|等|、|,|企业|单位|经营者|从业|主体|相关|各|内/g;

const ABOVE_SCALE_WORDS = ['规模以上', '规上', '限上', '限额以上', '有资质'];
const KEY_UNIT_WORDS = ['重点监管', '重点单位', '重点企业', '列入年度监督检查计划', '重点'];
const VAGUE_WORDS = ['抽取到的', '上级'];

function isSpecific(category: ObjectCategory): boolean {
  return category.membership.by !== 'kind';
}

/** Categories of a set of matches: specific ones when there are any, else the broad (by-kind) ones. */
function chooseCategories(matches: readonly CategoryMatch[]): string[] {
  const codes = [...new Set(matches.map((m) => m.categoryCode))];
  const specific = codes.filter((c) => {
    const category = findCategory(c);
    return category !== undefined && isSpecific(category);
  });
  return specific.length > 0 ? specific : codes;
}

function describeMatches(
  matches: readonly CategoryMatch[],
  codes: readonly string[],
  where: string,
): string[] {
  return codes.map((code) => {
    const words = [...new Set(matches.filter((m) => m.categoryCode === code).map((m) => m.keyword))];
    return `category ${code} (${findCategory(code)?.name ?? code}) from ${words.join('/')} in ${where}`;
  });
}

/** Whether two category sets are related: shared codes, or one's tags (学校 → 学校食堂) or union members cover the other. */
function areRelated(a: readonly string[], b: readonly string[]): boolean {
  const expand = (codes: readonly string[]): Set<string> => {
    const out = new Set(codes);
    for (const code of codes) {
      const category = findCategory(code);
      if (category === undefined) continue;
      for (const tag of category.also) out.add(tag.code);
      for (const related of category.related) out.add(related);
      if (category.membership.by === 'union') for (const member of category.membership.of) out.add(member);
    }
    return out;
  };
  const ea = expand(a);
  const eb = expand(b);
  return [...ea].some((c) => eb.has(c));
}

function stripRestrictiveQualifiers(text: string, reasons: string[]): { text: string; stripped: boolean } {
  let stripped = false;
  const out = text.replace(/\((有[^()]*?的?)\)/g, (_all, inner: string) => {
    stripped = true;
    reasons.push(`qualifier (${inner}) is not a register attribute: check the frame by hand`);
    return '';
  });
  return { text: out, stripped };
}

function readCapital(text: string): number | null {
  const m = /注册资本(\d+(?:\.\d+)?)万元?以上/.exec(text) ?? /^(\d+(?:\.\d+)?)万元?(?:以上)?$/.exec(text);
  return m?.[1] === undefined ? null : Number(m[1]);
}

function readLicence(text: string): string | null {
  const m = /(?:取得|持有|持|已办理)([^、,的]*?(?:许可证|证书))/.exec(text);
  return m?.[1] ?? null;
}

function readKinds(text: string): ObjectKind[] | null {
  const individual = text.includes('个体工商户') || text.includes('个体户');
  const cooperative = text.includes('合作社');
  if (!individual && !cooperative) return null;
  const kinds: ObjectKind[] = [];
  if (text.includes('企业')) kinds.push('enterprise');
  if (individual) kinds.push('individual');
  if (cooperative) kinds.push('cooperative');
  return kinds;
}

function readFlags(text: string): RegisterFlag[] {
  const flags: RegisterFlag[] = [];
  if (ABOVE_SCALE_WORDS.some((w) => text.includes(w))) flags.push('above-scale');
  const withoutProtected = text.replace(/重点保护/g, '');
  if (KEY_UNIT_WORDS.some((w) => withoutProtected.includes(w))) flags.push('key-unit');
  return flags;
}

/** The names of an explicit scope (`市直管项目--郭壁供水工程 扩建工程`), or null when the scope describes a population. */
function readExplicitNames(text: string): string[] | null {
  const m = /(?:项目|工程|设施)(?:-{2,}|—+|–+|:)(.+)$/.exec(text);
  if (m?.[1] === undefined) return null;
  const names = m[1].split(/[、;]/).filter((n) => n.length >= 2);
  return names.length > 0 ? names : null;
}

/**
 * Suggests the population rule of one plan line.
 *
 * - Regions: place names in the scope (`阳城县互联网上网服务营业场所` → 阳城县; `城区、泽州、开发区`; 市直/市管 → the
 *   city level; 市区/主城区 → city level, 城区 and the zone); otherwise the task's region, where a city-level task means
 *   the whole city (every region).
 * - Categories: keywords of the scope; when the scope has none, of the task name (a scope that is only a place, such
 *   as `泽州县`, is completed from the name with high confidence), then of the matters (low confidence).
 * - Filters: status 存续; 注册资本N万以上; 个体工商户/合作社 named; a licence held (取得…许可证); 规上/限上 and 重点 flags.
 * - explicit: the scope names its objects after `项目--` (a named project); the frame is those objects.
 */
export function suggestPopulationRule(
  scopeText: string | null,
  regionCode: string,
  taskName: string | null,
  matters: readonly string[],
): PopulationRule {
  const reasons: string[] = [];
  let low = false;
  const raw = normaliseScopeText(scopeText ?? '');
  const { text, stripped } = stripRestrictiveQualifiers(raw, reasons);
  if (stripped) low = true;

  // Regions.
  const places = findPlaceMatches(text);
  const named = places.filter((p) => p.regionCodes.length > 0);
  const taskRegions = regionCode === CITY_REGION_CODE ? ALL_REGION_CODES : [regionCode];
  let regionCodes: string[];
  if (named.length > 0) {
    regionCodes = ALL_REGION_CODES.filter((c) => named.some((p) => p.regionCodes.includes(c)));
    reasons.push(
      `regions ${regionCodes.join(',')} from place ${named.map((p) => p.keyword).join('/')} in scope`,
    );
  } else {
    regionCodes = [...taskRegions];
    reasons.push(
      taskRegions.length > 1
        ? 'regions: the whole city (a city-level task with no place in its scope)'
        : `region ${regionCode}: the task's region`,
    );
  }

  // Filters.
  const minRegisteredCapital = readCapital(text);
  if (minRegisteredCapital !== null) reasons.push(`filter registered capital ≥ ${minRegisteredCapital} 万元`);
  const kinds = readKinds(text);
  if (kinds !== null) reasons.push(`filter kinds ${kinds.join(',')}`);
  const flags = readFlags(text);
  if (flags.length > 0) reasons.push(`filter flags ${flags.join(',')}`);
  let licence = readLicence(text);

  // Explicit objects.
  const explicitNames = readExplicitNames(text);

  // Categories: scope, then task name, then matters.
  const scopeMatches = findCategoryMatches(text);
  const nameText = normaliseScopeText(taskName ?? '');
  const nameMatches = findCategoryMatches(nameText);
  const nameCodes = chooseCategories(nameMatches);
  let categoryCodes = chooseCategories(scopeMatches);
  if (categoryCodes.length > 0) {
    reasons.push(...describeMatches(scopeMatches, categoryCodes, 'scope'));
    const specificName = nameCodes.filter((c) => findCategory(c)?.membership.by !== 'kind');
    const specificScope = categoryCodes.filter((c) => findCategory(c)?.membership.by !== 'kind');
    if (specificScope.length === 0 && specificName.length > 0) {
      // The scope prints the general wording of the law (机关、团体、企业、事业单位) and the task name says whom the
      // task is about (校园消防安全): the name's population is the frame.
      reasons.push(
        `scope names only a general population (${categoryCodes.join(',')}): narrowed by the task name`,
        ...describeMatches(nameMatches, specificName, 'task name'),
      );
      categoryCodes = specificName;
    } else if (
      specificName.length > 0 &&
      specificScope.length > 0 &&
      !areRelated(specificScope, specificName)
    ) {
      low = true;
      reasons.push(`scope and task name disagree (task name suggests ${specificName.join(',')})`);
    }
  } else {
    let rest = text;
    for (const p of places) rest = rest.replace(p.keyword, '');
    rest = rest
      .replace(/注册资本\d+(?:\.\d+)?万元?以上/, '')
      .replace(/^\d+(?:\.\d+)?万元?(?:以上)?$/, '')
      .replace(FILLER, '');
    const scopeIsOnlyPlace = rest === '';
    if (nameCodes.length > 0) {
      categoryCodes = nameCodes;
      reasons.push(...describeMatches(nameMatches, nameCodes, 'task name'));
      if (!scopeIsOnlyPlace) {
        low = true;
        reasons.push(`scope "${text}" names no known category: taken from the task name`);
      }
    } else {
      const matterMatches = findCategoryMatches(normaliseScopeText(matters.join(';')));
      categoryCodes = chooseCategories(matterMatches);
      low = true;
      if (categoryCodes.length > 0) reasons.push(...describeMatches(matterMatches, categoryCodes, 'matters'));
      else reasons.push('no category found in scope, task name or matters');
    }
  }

  if (licence !== null) {
    const wanted = licence;
    const holders = categoryCodes.filter((c) => {
      const category = findCategory(c);
      if (category === undefined) return false;
      const members = category.membership.by === 'union' ? category.membership.of : [c];
      return members.some((m) => findCategory(m)?.licences.includes(wanted) === true);
    });
    if (holders.length > 0) reasons.push(`filter licence ${licence}`);
    else {
      reasons.push(`licence ${licence} is not one the categories hold: filter dropped`);
      licence = null;
      low = true;
    }
  }
  if (VAGUE_WORDS.some((w) => text.includes(w))) {
    low = true;
    reasons.push('the scope refers to a list made elsewhere: confirm the frame');
  }
  if (explicitNames !== null) reasons.push(`explicit objects: ${explicitNames.join('、')}`);

  return {
    regionCodes,
    categoryCodes,
    filters: { kinds, statuses: ['存续'], minRegisteredCapital, licence, flags },
    explicit: explicitNames !== null,
    explicitNames: explicitNames ?? [],
    confidence: low || (categoryCodes.length === 0 && explicitNames === null) ? 'low' : 'high',
    reasons,
  };
}
