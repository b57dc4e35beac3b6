/**
 * Keyword spotting in plan texts (抽查对象范围, task names, matters): categories and place names.
 * A match inside a longer match is dropped (非煤矿山 hides 矿山, 学校食堂 hides 学校), so the most specific word wins.
 */
import { CITY_REGION_CODE } from '../region/regions.ts';
import { OBJECT_CATEGORIES } from './categories.ts';

/** NFKC (full-width brackets and letters become ASCII) without any whitespace. */
export function normaliseScopeText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

export interface KeywordMatch {
  readonly keyword: string;
  readonly start: number;
  readonly end: number;
}

export interface CategoryMatch extends KeywordMatch {
  readonly categoryCode: string;
}

/** Clause boundaries: a notBefore word only counts up to the next one. */
const CLAUSE_END = /[,，;；。]/;

function findOccurrences(text: string, keyword: string): number[] {
  const found: number[] = [];
  let at = text.indexOf(keyword);
  while (at >= 0) {
    found.push(at);
    at = text.indexOf(keyword, at + 1);
  }
  return found;
}

function dropContained<T extends KeywordMatch>(matches: readonly T[]): T[] {
  return matches.filter(
    (m) => !matches.some((o) => o.end - o.start > m.end - m.start && o.start <= m.start && o.end >= m.end),
  );
}

/** Every category keyword of `text` (already normalised), most specific matches only, in text order. */
export function findCategoryMatches(text: string): CategoryMatch[] {
  const matches: CategoryMatch[] = [];
  for (const category of OBJECT_CATEGORIES) {
    for (const keyword of category.keywords) {
      for (const start of findOccurrences(text, keyword)) {
        const end = start + keyword.length;
        const rest = text.slice(end);
        const clause = rest.slice(0, rest.search(CLAUSE_END) < 0 ? rest.length : rest.search(CLAUSE_END));
        if (category.notBefore.some((word) => clause.includes(word))) continue;
        matches.push({ categoryCode: category.code, keyword, start, end });
      }
    }
  }
  return dropContained(matches).sort(
    (a, b) => a.start - b.start || a.categoryCode.localeCompare(b.categoryCode),
  );
}

export interface PlaceMatch extends KeywordMatch {
  /** The regions the place names; empty for a word meaning "the task's own region" (全县, 本市 …). */
  readonly regionCodes: readonly string[];
}

const URBAN_CODES = [CITY_REGION_CODE, '140502', '140571'];

/** Place words, longest forms first; the region column of the plan prints the short forms (泽州, 高平 …). */
const PLACE_WORDS: readonly (readonly [string, readonly string[]])[] = [
  ['主城区', URBAN_CODES],
  ['市区', URBAN_CODES],
  ['市直', [CITY_REGION_CODE]],
  ['市管', [CITY_REGION_CODE]],
  ['市本级', [CITY_REGION_CODE]],
  ['晋城经济技术开发区', ['140571']],
  ['经济技术开发区', ['140571']],
  ['经开区', ['140571']],
  ['开发区', ['140571']],
  ['晋城市城区', ['140502']],
  ['城区', ['140502']],
  ['泽州县', ['140525']],
  ['高平市', ['140581']],
  ['阳城县', ['140522']],
  ['陵川县', ['140524']],
  ['沁水县', ['140521']],
  ['泽州', ['140525']],
  ['高平', ['140581']],
  ['阳城', ['140522']],
  ['陵川', ['140524']],
  ['沁水', ['140521']],
  ['晋城市', []],
  ['本市', []],
  ['全市', []],
  ['全县', []],
  ['全区', []],
  ['县域', []],
  ['本辖区', []],
  ['辖区', []],
];

/** Every place word of `text` (already normalised), most specific matches only, in text order. */
export function findPlaceMatches(text: string): PlaceMatch[] {
  const matches: PlaceMatch[] = [];
  for (const [keyword, regionCodes] of PLACE_WORDS) {
    for (const start of findOccurrences(text, keyword)) {
      matches.push({ keyword, start, end: start + keyword.length, regionCodes });
    }
  }
  return dropContained(matches).sort((a, b) => a.start - b.start);
}
