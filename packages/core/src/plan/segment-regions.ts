/**
 * Regions of the annex. The 地市 column is a merged cell flattened into floating characters (`城` on one row,
 * `区 (34)` five rows below, `泽 州 (48)`, a stray `沁水` two tasks early, a misprinted `(68)`), so it only
 * serves to read the region headers: the regions in order, each with the number of tasks it declares.
 * Tasks are then segmented by those counts; the labels only check the result.
 */
import { findPlanRegion, PLAN_REGIONS, readRegionLabel } from './plan-regions.ts';
import type { PlanRegion } from './plan-regions.ts';
import type { PlanWarning } from './plan-types.ts';

export interface LabelOccurrence {
  readonly line: number;
  /** Index of the table page (each repeated header starts one). */
  readonly page: number;
  readonly cell: string;
}

export interface RegionSegment {
  readonly region: PlanRegion;
  /** Number of tasks, by the majority of the region's declarations. */
  readonly count: number;
  /** Lines of the declarations (labels with a count). */
  readonly lines: readonly number[];
}

export interface RegionReading {
  readonly segments: readonly RegionSegment[];
  /** The region a label line points at, when it can be told (a fragment such as 城 cannot). */
  readonly hints: ReadonlyMap<number, PlanRegion>;
  readonly warnings: readonly PlanWarning[];
}

/** A single-character fragment names a region when exactly one region's printed form starts or ends with it. */
function resolveFragment(fragment: string): PlanRegion | undefined {
  if (fragment === '') return undefined;
  const matches = PLAN_REGIONS.filter((r) =>
    [r.label, ...r.printedForms].some((f) => f.startsWith(fragment) || f.endsWith(fragment)),
  );
  return matches.length === 1 ? matches[0] : undefined;
}

/** Resolves the text accumulated on a page (`阳阳城`, `城区`, `泽`): longest matching suffix, then fragment. */
export function resolveRegionText(accumulated: string, own: string): PlanRegion | undefined {
  for (let start = 0; start <= accumulated.length - 2; start++) {
    const found = findPlanRegion(accumulated.slice(start));
    if (found) return found;
  }
  return resolveFragment(own) ?? (own.length === 1 ? undefined : resolveFragment(own.slice(-1)));
}

interface Declaration {
  readonly region: PlanRegion | undefined;
  readonly text: string;
  readonly count: number;
  readonly line: number;
}

export function readRegions(labels: readonly LabelOccurrence[]): RegionReading {
  const warnings: PlanWarning[] = [];
  const hints = new Map<number, PlanRegion>();
  const declarations: Declaration[] = [];
  let page = -1;
  let pending = '';
  for (const occurrence of labels) {
    if (occurrence.page !== page) {
      page = occurrence.page;
      pending = '';
    }
    const label = readRegionLabel(occurrence.cell);
    if (label === null || (label.text === '' && label.count === null)) continue;
    pending += label.text;
    const region = label.text === '' ? undefined : resolveRegionText(pending, label.text);
    if (region) hints.set(occurrence.line, region);
    if (label.count !== null) {
      declarations.push({ region, text: pending, count: label.count, line: occurrence.line });
      pending = '';
    }
  }

  // Declarations whose text cannot be told (城(51)) take the region declared elsewhere with that count.
  const resolved = declarations.map((d) => {
    if (d.region) return d;
    const sameCount = [
      ...new Set(declarations.filter((o) => o.region && o.count === d.count).map((o) => o.region)),
    ];
    const only = sameCount.length === 1 ? sameCount[0] : undefined;
    if (only) hints.set(d.line, only);
    else
      warnings.push({
        seq: null,
        lines: [d.line],
        message: `region label "${d.text} (${d.count})" not recognised`,
      });
    return { ...d, region: only };
  });

  const order: PlanRegion[] = [];
  for (const d of resolved) if (d.region && !order.includes(d.region)) order.push(d.region);
  const segments = order.map((region): RegionSegment => {
    const own = resolved.filter((d) => d.region === region);
    const votes = new Map<number, number>();
    for (const d of own) votes.set(d.count, (votes.get(d.count) ?? 0) + 1);
    let count = own[0]?.count ?? 0;
    for (const [c, v] of votes) if (v > (votes.get(count) ?? 0)) count = c;
    for (const d of own) {
      if (d.count !== count) {
        warnings.push({
          seq: null,
          lines: [d.line],
          message: `region header "${d.text} (${d.count})" disagrees with the other headers of ${region.label} (${count}): ${count} used`,
        });
      }
    }
    return { region, count, lines: own.map((d) => d.line) };
  });
  // A region declared out of order (after another region began) is suspicious.
  for (let i = 1; i < resolved.length; i++) {
    const previous = resolved[i - 1]?.region;
    const current = resolved[i]?.region;
    if (previous && current && previous !== current && order.indexOf(current) < order.indexOf(previous)) {
      warnings.push({
        seq: null,
        lines: [resolved[i]?.line ?? 0],
        message: `region header of ${current.label} printed after ${previous.label} began`,
      });
    }
  }
  return { segments, hints, warnings };
}

/** Region of each of `taskCount` tasks by the declared counts; warns when the counts do not add up. */
export function assignRegions(
  taskCount: number,
  segments: readonly RegionSegment[],
): { regions: (PlanRegion | undefined)[]; warnings: PlanWarning[] } {
  const warnings: PlanWarning[] = [];
  const regions: (PlanRegion | undefined)[] = [];
  for (const s of segments) for (let i = 0; i < s.count; i++) regions.push(s.region);
  const declared = regions.length;
  if (declared !== taskCount) {
    warnings.push({
      seq: null,
      lines: segments.flatMap((s) => s.lines),
      message: `region headers declare ${declared} tasks (${segments
        .map((s) => `${s.region.label} ${s.count}`)
        .join(', ')}) but ${taskCount} were read: regions at the end are ${
        declared > taskCount ? 'short' : 'extended'
      }`,
    });
  }
  const last = segments[segments.length - 1]?.region;
  while (regions.length < taskCount) regions.push(last);
  regions.length = taskCount;
  return { regions, warnings };
}
