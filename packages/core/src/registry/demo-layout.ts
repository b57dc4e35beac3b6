/**
 * How the demo register's objects are spread over categories, regions and kinds: one cell per (main category,
 * region, kind), laid out one after another. Every (category, region) pair holds at least one object of the
 * category's main kind, so every population rule over a category and a region has a non-empty frame; the rest is
 * shared out in proportion to the city counts of categories.ts (largest remainder).
 */
import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { CITY_REGION_CODE, REGIONS } from '../region/regions.ts';
import { OBJECT_CATEGORIES } from './categories.ts';
import type { ObjectCategory } from './categories.ts';
import type { ObjectKind } from './register-types.ts';

/** Usual spread of objects over the regions of 晋城 (泽州 and 城区 largest, the zone small). */
export const REGION_WEIGHTS: Readonly<Record<string, number>> = {
  '140500': 6, '140502': 23, '140525': 20, '140581': 16, '140522': 13, '140524': 7, '140521': 8, '140571': 5,
}; // prettier-ignore

/** Kinds registered by county-level authorities only (no 个体工商户 or cooperative at city level). */
const COUNTY_ONLY_KINDS: ReadonlySet<ObjectKind> = new Set(['individual', 'cooperative']);

export interface RegisterCell {
  readonly category: ObjectCategory;
  readonly regionCode: string;
  readonly kind: ObjectKind;
  /** Position of the cell's first object in the register. */
  readonly start: number;
  readonly count: number;
  /** For projects and facilities: the number of the cell's first object within its region and kind (1-based). */
  readonly firstSequence: number;
}

export type LayoutProblem = {
  readonly kind: 'too-few-objects';
  readonly requested: number;
  readonly minimum: number;
};

function isAllowed(kind: ObjectKind, regionCode: string): boolean {
  return !(regionCode === CITY_REGION_CODE && COUNTY_ONLY_KINDS.has(kind));
}

/** Splits `total` in proportion to `weights` by largest remainder (ties to the earlier entry). */
export function splitByLargestRemainder(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left--;
  }
  return counts;
}

/** The main categories (tagged, with a city count), in taxonomy order. */
export function listMainCategories(): readonly ObjectCategory[] {
  return OBJECT_CATEGORIES.filter((c) => c.membership.by === 'tag' && c.cityCount > 0);
}

/** The smallest register that still has one object per category and region. */
export function computeMinimumObjectCount(): number {
  return listMainCategories().length * REGIONS.length;
}

export function layOutRegister(objectCount: number): Result<readonly RegisterCell[], LayoutProblem> {
  const minimum = computeMinimumObjectCount();
  if (!Number.isInteger(objectCount) || objectCount < minimum) {
    return err({ kind: 'too-few-objects', requested: objectCount, minimum });
  }
  interface Draft {
    category: ObjectCategory;
    regionCode: string;
    kind: ObjectKind;
    floor: number;
    weight: number;
  }
  const drafts: Draft[] = [];
  for (const category of listMainCategories()) {
    const regionWeights = category.regionWeights ?? REGION_WEIGHTS;
    for (const region of REGIONS) {
      const mainKind = category.kinds.find((k) => isAllowed(k, region.code));
      for (const kind of category.kinds) {
        if (!isAllowed(kind, region.code)) continue;
        const allowedWeight = REGIONS.filter((r) => isAllowed(kind, r.code)).reduce(
          (sum, r) => sum + (regionWeights[r.code] ?? 0),
          0,
        );
        const share = (category.kindShares[kind] ?? 0) * ((regionWeights[region.code] ?? 0) / allowedWeight);
        drafts.push({
          category,
          regionCode: region.code,
          kind,
          floor: kind === mainKind ? 1 : 0,
          weight: category.cityCount * share,
        });
      }
    }
  }
  const floors = drafts.reduce((sum, d) => sum + d.floor, 0);
  const extra = splitByLargestRemainder(
    objectCount - floors,
    drafts.map((d) => d.weight),
  );
  const cells: RegisterCell[] = [];
  const sequences = new Map<string, number>();
  let start = 0;
  drafts.forEach((d, i) => {
    const count = d.floor + (extra[i] ?? 0);
    if (count === 0) return;
    const key = `${d.regionCode}/${d.kind}`;
    const firstSequence = (sequences.get(key) ?? 0) + 1;
    sequences.set(key, firstSequence - 1 + count);
    cells.push({ category: d.category, regionCode: d.regionCode, kind: d.kind, start, count, firstSequence });
    start += count;
  });
  return ok(cells);
}

/** The cell holding register position `index` (binary search over the cells' starts). */
export function findCell(cells: readonly RegisterCell[], index: number): RegisterCell | undefined {
  let lo = 0;
  let hi = cells.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const cell = cells[mid];
    if (cell === undefined) return undefined;
    if (index < cell.start) hi = mid - 1;
    else if (index >= cell.start + cell.count) lo = mid + 1;
    else return cell;
  }
  return undefined;
}
