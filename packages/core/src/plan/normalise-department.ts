/** Maps a printed department name (as a task prints it) to its canonical department. */
import { DEPARTMENTS, listDepartmentFullAliases, listDepartmentStems } from './departments.ts';
import type { Department } from './departments.ts';
import { CITY_PLAN_REGION_CODE, findPlanRegion, PLAN_REGIONS } from './plan-regions.ts';

export interface DepartmentMatch {
  /** Canonical name ({@link Department.name}), or null when unknown. */
  readonly canonical: string | null;
  /** Department code, or null when unknown. */
  readonly code: string | null;
  /** Set when the match is a guess (a city body in a county task) or when nothing matched. */
  readonly warning?: string;
}

/** Lookup key: NFKC, no whitespace, no leading 或 (either-or cooperators), no trailing punctuation. */
export function departmentKey(printed: string): string {
  return printed
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^或/, '')
    .replace(/[。.,，;；、:：]+$/, '');
}

function buildIndex(): Map<string, Map<string, Department>> {
  const index = new Map<string, Map<string, Department>>();
  for (const region of PLAN_REGIONS) {
    const keys = new Map<string, Department>();
    const add = (key: string, d: Department): void => {
      const k = departmentKey(key);
      if (k !== '' && !keys.has(k)) keys.set(k, d);
    };
    const own = DEPARTMENTS.filter((d) => d.regionCode === region.code);
    for (const d of own) {
      add(d.name, d);
      for (const a of listDepartmentFullAliases(d.code)) add(a, d);
      for (const a of d.aliases) add(a, d);
    }
    for (const d of own) {
      for (const stem of listDepartmentStems(d.code)) {
        for (const prefix of region.departmentPrefixes) add(prefix + stem, d);
      }
    }
    // A bare stem (消防救援大队 without 县) last, so that prefixed forms win.
    for (const d of own) for (const stem of listDepartmentStems(d.code)) add(stem, d);
    index.set(region.code, keys);
  }
  return index;
}

const INDEX = buildIndex();

function lookup(regionCode: string, key: string): Department | undefined {
  return INDEX.get(regionCode)?.get(key);
}

/**
 * Normalises a printed department name for a task of `region` (a plan label such as 阳城县, a printed form
 * such as 阳城, or a region code). Unknown names give `canonical: null` and a warning.
 */
export function normaliseDepartment(printed: string, region: string): DepartmentMatch {
  const key = departmentKey(printed);
  const home = findPlanRegion(region);
  if (key === '') return { canonical: null, code: null, warning: 'empty department name' };
  if (home === undefined) {
    return { canonical: null, code: null, warning: `unknown region "${region}" for department "${printed}"` };
  }
  const found = lookup(home.code, key);
  if (found) return { canonical: found.name, code: found.code };

  // A city body named in a county task (市公安局 in a 城区 task): accept it, but say so.
  if (home.code !== CITY_PLAN_REGION_CODE) {
    const city = lookup(CITY_PLAN_REGION_CODE, key);
    if (city && /^(晋城市|市)/.test(key) && !/^晋城市城区/.test(key)) {
      return {
        canonical: city.name,
        code: city.code,
        warning: `"${printed}" is a city department in a ${home.label} task`,
      };
    }
  }
  const elsewhere = PLAN_REGIONS.filter((r) => r.code !== home.code)
    .map((r) => ({ region: r, d: lookup(r.code, key) }))
    .filter(
      (x) => x.d !== undefined && x.region.departmentPrefixes.some((p) => p.length > 1 && key.startsWith(p)),
    );
  const hint = elsewhere[0];
  const where = hint?.d === undefined ? '' : `; it names ${hint.d.name} of ${hint.region.label}`;
  return { canonical: null, code: null, warning: `unknown department "${printed}" in ${home.label}${where}` };
}
