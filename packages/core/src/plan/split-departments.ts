/**
 * Splits a department cell into printed department names: `市市场监管局 市公安局`, `县公安局、县消防救援大队`,
 * `市生态环境局沁水分局/县市场监管局`, `市市场监管局 或市人社局`. A name broken by a line-wrap space
 * (`晋城市公安局 城区分局`, `晋城市城区市场 监管局`) is joined back, keeping the printed space.
 */
import { departmentKey, normaliseDepartment } from './normalise-department.ts';
import { tidyText } from './split-matters.ts';

export interface SplitDepartments {
  readonly names: readonly string[];
  readonly issues: readonly string[];
}

/** A department name ends like one; a fragment (晋城市城区市场) does not. */
const DEPARTMENT_END = /(局|委|办|队|部|中心|关|站|所|院|会|处|室|政|组|司|厅)(\(.*\))?$/;

function isKnownHere(name: string, region: string): boolean {
  const m = normaliseDepartment(name, region);
  return m.canonical !== null && m.warning === undefined;
}

export function splitDepartments(cell: string, region: string): SplitDepartments {
  const issues: string[] = [];
  const names: string[] = [];
  const groups = tidyText(cell)
    .split(/[、，,/／;；]+/)
    .map((g) => g.trim())
    .filter((g) => g !== '');
  for (const group of groups) {
    const tokens = group.split(' ').filter((t) => t !== '' && t !== '或');
    let current: string | undefined;
    for (const token of tokens) {
      if (current === undefined) {
        current = token;
        continue;
      }
      const joined = `${current} ${token}`;
      const joinedKnown = isKnownHere(joined, region);
      const bothKnown = isKnownHere(current, region) && isKnownHere(token, region);
      const fragment = !DEPARTMENT_END.test(departmentKey(current));
      if ((joinedKnown && !bothKnown) || (fragment && !/^或/.test(token))) {
        current = joined;
      } else {
        names.push(current);
        current = token;
      }
    }
    if (current !== undefined) names.push(current);
  }
  const cleaned = names.map((n) => {
    if (!/^或/.test(n)) return n;
    issues.push(`"${n}" is an either-or cooperator: 或 dropped`);
    return n.replace(/^或\s*/, '');
  });
  return { names: cleaned, issues };
}
