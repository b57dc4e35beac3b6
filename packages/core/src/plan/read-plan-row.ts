/**
 * Reads one data row of the annex by content, not only by position: the flattened table loses and adds
 * cells (no 地市 cell, an extra empty cell, no 智慧监管 cell, a cell printed twice), so the ratio cell is
 * the anchor; cells before it are 地市 / 序号 / name / matters / scope, cells after it are told apart by
 * what they hold (risk text, months, department names).
 */
import { looksLikeRatio } from './parse-ratio.ts';
import { looksLikeWindow } from './parse-window.ts';
import { readRegionLabel } from './plan-regions.ts';
import type { PlanRow } from './plan-types.ts';
import type { ColumnKind, TableLayout } from './read-table-layout.ts';
import { tidyText } from './split-matters.ts';

export interface RowReading {
  readonly line: number;
  /** The 地市 cell as printed, or null when the row has none (shifted left). */
  readonly regionCell: string | null;
  readonly seqPrinted: string | null;
  /** True when the 序号 was printed at the start of the name cell (`36 对报废…`). */
  readonly seqInName: boolean;
  readonly name: string;
  readonly matters: string;
  readonly scope: string;
  readonly ratio: string;
  /** Further ratio-like cells (e.g. `不低于5%: 1次/年 | 3%: 1次/年`): not represented, warned. */
  readonly extraRatios: readonly string[];
  readonly risk: string;
  readonly windows: readonly string[];
  readonly departmentCells: readonly string[];
  /** Layout repairs made while reading (each one becomes a warning). */
  readonly issues: readonly string[];
}

const SEQ = /^\d{1,4}$/;
const SEQ_IN_NAME = /^(\d{1,4})\s+(\S.*)$/;
const MATTER_END = /(检查|抽查|监管|核查|检验|检测|审核|执法|情况)[。.；;]?$/;
const SCOPE_END = /(企业|单位|场所|机构|者|户|店|厂|项目|学校|园|馆|公司|市场|组织|站|点|院|所)$/;

export function looksLikeRisk(cell: string): boolean {
  return /风险|信用|智慧|分类结果/.test(cell) || cell.startsWith('根据');
}

/** Only `name` and one more cell: is that cell the matters or the scope? */
function isMatterText(text: string): boolean {
  if (MATTER_END.test(text)) return true;
  if (SCOPE_END.test(text)) return false;
  return /检查|抽查|监管|核查/.test(text);
}

type ContentKind = 'risk' | 'window' | 'department' | 'ratio';

function expectedKind(column: ColumnKind | undefined): ContentKind | 'other' {
  if (column === 'risk') return 'risk';
  if (column === 'window') return 'window';
  if (column === 'initiator' || column === 'cooperator') return 'department';
  if (column === 'ratio') return 'ratio';
  return 'other';
}

function contentKind(cell: string): ContentKind {
  if (looksLikeRatio(cell)) return 'ratio';
  if (looksLikeRisk(cell)) return 'risk';
  if (looksLikeWindow(cell)) return 'window';
  return 'department';
}

export function readPlanRow(row: PlanRow, layout: TableLayout): RowReading {
  const cells = row.cells.map(tidyText);
  const issues: string[] = [];
  const expectedRatio = layout.columns.indexOf('ratio');
  let ratioAt = cells.findIndex((c, i) => i >= 1 && looksLikeRatio(c));
  if (ratioAt < 0) {
    ratioAt = expectedRatio;
    issues.push('no ratio cell found: columns read by position');
  }
  const before = cells.slice(0, ratioAt);
  const after = cells.slice(ratioAt + 1);

  // 地市 and 序号.
  let k = 0;
  let regionCell: string | null = null;
  const hasRegionColumn = layout.columns[0] === 'region';
  const hasSeqColumn = layout.columns.includes('seq');
  if (hasRegionColumn) {
    const first = before[0];
    if (first !== undefined && (first === '' || readRegionLabel(first) !== null)) {
      regionCell = first;
      k = 1;
    } else {
      issues.push('地市 cell missing: row shifted one column left');
    }
  }
  let seqPrinted: string | null = null;
  const seqCell = before[k];
  if (seqCell !== undefined && SEQ.test(seqCell)) {
    seqPrinted = seqCell;
    k++;
  } else if (hasSeqColumn && seqCell === '' && before.length - k > 3) {
    k++;
  }
  const rest = before.slice(k);

  let seqInName = false;
  const named = SEQ_IN_NAME.exec(rest[0] ?? '');
  if (seqPrinted === null && named) {
    seqPrinted = named[1] ?? null;
    rest[0] = named[2] ?? '';
    seqInName = true;
  }

  // Name, matters, scope.
  // A cell printed twice pushes the others right; a name equal to its matter (a short row) is not that.
  const deduped: string[] = [];
  for (const c of rest) {
    if (rest.length > 3 && c !== '' && deduped.length > 1 && deduped[deduped.length - 1] === c) {
      issues.push(`"${c}" printed twice in adjacent columns: duplicate dropped`);
      continue;
    }
    deduped.push(c);
  }
  if (deduped.length > 3) {
    while (deduped.length > 3 && deduped[deduped.length - 1] === '') deduped.pop();
    while (deduped.length > 3 && deduped[0] === '') deduped.shift();
    issues.push('extra empty cell before the ratio: row shifted right');
  }
  let name = '';
  let matters = '';
  let scope = '';
  if (deduped.length >= 3) {
    name = deduped[0] ?? '';
    matters = deduped[1] ?? '';
    scope = deduped.slice(2).join(' ').trim();
    if (deduped.length > 3)
      issues.push('more cells than columns before the ratio: extra text joined to the scope');
  } else if (deduped.length === 2) {
    name = deduped[0] ?? '';
    const only = deduped[1] ?? '';
    if (isMatterText(only)) matters = only;
    else scope = only;
    issues.push(
      `only two cells before the ratio: "${only}" read as ${isMatterText(only) ? '抽查事项' : '抽查对象范围'}, the other left blank`,
    );
  } else if (deduped.length === 1) {
    name = deduped[0] ?? '';
    issues.push('no 抽查事项 or 抽查对象范围 cell before the ratio');
  }

  // After the ratio: by content.
  const ratio = cells[ratioAt] ?? '';
  const extraRatios: string[] = [];
  let risk = '';
  const windows: string[] = [];
  const departments: string[] = [];
  let shifted = false;
  for (const [j, cell] of after.entries()) {
    if (cell === '') continue;
    const kind = contentKind(cell);
    const expected = expectedKind(layout.columns[expectedRatio + 1 + j]);
    if (kind !== expected) shifted = true;
    if (kind === 'ratio') extraRatios.push(cell);
    else if (kind === 'risk') risk = risk === '' ? cell : `${risk} ${cell}`;
    else if (kind === 'window') windows.push(cell);
    else departments.push(cell);
  }
  if (shifted) {
    issues.push('cells after the ratio are not under their headers: assigned by content');
  } else if (ratioAt !== expectedRatio && issues.length === 0) {
    issues.push(
      `ratio in column ${ratioAt + 1}, header has it in column ${expectedRatio + 1}: cells assigned by content`,
    );
  }
  for (const extra of extraRatios) issues.push(`second ratio "${extra}" printed in the row: not represented`);

  const departmentCells: string[] = [];
  for (const d of departments) {
    if (departments.length >= 3 && departmentCells[departmentCells.length - 1] === d) {
      issues.push(`department "${d}" printed twice in adjacent columns: duplicate dropped`);
      continue;
    }
    departmentCells.push(d);
  }

  return {
    line: row.line,
    regionCell,
    seqPrinted,
    seqInName,
    name,
    matters,
    scope,
    ratio,
    extraRatios,
    risk,
    windows,
    departmentCells,
    issues,
  };
}
