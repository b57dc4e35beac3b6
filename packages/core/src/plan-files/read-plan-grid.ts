/**
 * Grid → plan: finds the annex header, resolves merged cells, puts every data row's cells in the notice's column
 * order and hands the rows to {@link assemblePlan}, the task assembly every format shares.
 *
 * Merged cells (DOMAIN.md §1, the annex as departments fill it in): a task spread over several rows has its
 * 抽查任务名称 merged vertically, so a row under a merged name is a further line of the same task; its
 * 序号, 智慧监管 and department cells belong to the task (kept once), while merged 抽查事项 / 对象范围 / 比例 /
 * 起止时间 cells are shared by every line they span. A department or window merged across several tasks (each
 * with its own name) is carried to each of them.
 *
 * Regions come from a 地区 column or from region header rows (`晋城市本级 (58)` merged across the table).
 */
import { assemblePlan } from '../plan/assemble-plan.ts';
import { looksLikeRatio } from '../plan/parse-ratio.ts';
import { looksLikeWindow } from '../plan/parse-window.ts';
import { normaliseDepartment } from '../plan/normalise-department.ts';
import { findPlanRegion } from '../plan/plan-regions.ts';
import type { PlanParse, PlanRow, PlanTask, PlanWarning } from '../plan/plan-types.ts';
import { looksLikeRisk } from '../plan/read-plan-row.ts';
import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { readPlanHeaderAt } from './find-plan-header.ts';
import type { PlanHeader } from './find-plan-header.ts';
import { PLAN_COLUMN_ORDER, PLAN_COLUMN_TITLES, REQUIRED_PLAN_COLUMNS } from './plan-columns.ts';
import type { PlanColumnKind, PlanDataColumn } from './plan-columns.ts';
import type { PlanFileError } from './plan-file-error.ts';
import { describeGridCell, indexGridMerges } from './plan-grid.ts';
import type { GridMergeIndex, PlanGrid } from './plan-grid.ts';

/** A region header row or a 地区 cell: `晋城市本级 (58)`, `城区`, `某某县（12）`. */
export interface RegionHeading {
  readonly label: string;
  readonly count: number | null;
}

/** Reads a region heading; null when the text is not one. Known plan regions are named by their label. */
export function readRegionHeading(text: string): RegionHeading | null {
  const s = text.normalize('NFKC').replace(/\s+/g, '');
  const m = /^(.+?)(?:\((\d{1,4})\))?$/.exec(s);
  if (m === null) return null;
  const label = m[1] ?? '';
  const count = m[2] === undefined ? null : Number(m[2]);
  const known = findPlanRegion(label);
  if (known) return { label: known.label, count };
  if (label.length <= 20 && /(省|市|区|县|州|盟|旗|本级)$/.test(label) && !/[，。；:：、]/.test(label)) {
    return { label, count };
  }
  return null;
}

/** Kinds whose vertically merged cell is shared by every row it spans. */
const SHARED_KINDS: ReadonlySet<PlanColumnKind> = new Set([
  'region',
  'name',
  'matters',
  'scope',
  'ratio',
  'window',
]);
/** Kinds whose cells are joined when the header has several columns of them. */
const JOIN_SEPARATOR: Partial<Record<PlanColumnKind, string>> = {
  matters: ' ',
  scope: ' ',
  initiator: '、',
  cooperator: '、',
};
/** A 智慧监管 cell saying "no". */
const NEGATIVE_RISK = /^(否|无|不|不涉及|不适用|不要求|未要求|n|no|false|\/|-+|—+|－+)$/i;
/** What the 智慧监管 cell becomes: any text marks the task risk-based, and this one reads as risk text. */
const RISK_MARK = '信用风险分类';

interface DataRecord {
  readonly line: number;
  /** Under a merged 抽查任务名称: a further line of the task above. */
  readonly continuation: boolean;
  readonly cells: Readonly<Record<PlanDataColumn, string>>;
  readonly region: RegionHeading | null;
  /** A region heading row directly above declared this record's region with a count. */
  readonly declared: RegionHeading | null;
}

interface GridRows {
  readonly header: PlanHeader;
  readonly records: readonly DataRecord[];
  readonly warnings: readonly PlanWarning[];
}

function emptyCells(): Record<PlanDataColumn, string> {
  return {
    region: '',
    seq: '',
    name: '',
    matters: '',
    scope: '',
    ratio: '',
    risk: '',
    window: '',
    initiator: '',
    cooperator: '',
  };
}

function isDataColumn(kind: PlanColumnKind): kind is PlanDataColumn {
  return (PLAN_COLUMN_ORDER as readonly PlanColumnKind[]).includes(kind);
}

/**
 * A cell's text on one line. Control characters go and a lone surrogate becomes U+FFFD: a cell can carry them (a
 * NUL in a damaged .docx, a bell from a legacy system, half a character in a damaged .xls) and PostgreSQL stores
 * neither (fuzzing found both: the import failed in the database instead of reading the cell).
 */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000e-\u001f\u007f]/g;
/** A UTF-16 surrogate without its pair: not Unicode, and PostgreSQL refuses it in JSON. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function tidy(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '').replace(LONE_SURROGATE, '\uFFFD').replace(/\s+/g, ' ').trim();
}

/** The text a data cell contributes, merged cells resolved per column kind (see the file comment). */
function readCell(
  index: GridMergeIndex,
  row: number,
  column: number,
  kind: PlanDataColumn,
  continuation: boolean,
  own: string,
): string {
  const position = index.positionOf(row, column);
  if (position === undefined || position.isMaster) return own;
  if (position.isRightOfLeft || !position.isBelowTop) return '';
  if (SHARED_KINDS.has(kind) || !continuation) return index.shownText(row, column);
  return '';
}

/** Normalises the cells assembly reads by content, so that a cell is read under its own header. */
function checkCells(
  grid: PlanGrid,
  row: number,
  cells: Record<PlanDataColumn, string>,
  columnOf: Readonly<Partial<Record<PlanDataColumn, number>>>,
  warn: (message: string) => void,
): void {
  const where = (kind: PlanDataColumn): string =>
    `${describeGridCell(grid, row, columnOf[kind] ?? 0)} (${PLAN_COLUMN_TITLES[kind]})`;

  const seq = cells.seq
    .normalize('NFKC')
    .replace(/[.、]$/, '')
    .trim();
  if (seq !== '' && !/^\d{1,4}$/.test(seq)) {
    warn(`${where('seq')}: "${cells.seq}" is not a number: 序号 ignored`);
    cells.seq = '';
  } else cells.seq = seq;

  const risk = cells.risk.normalize('NFKC').trim();
  cells.risk = risk === '' || NEGATIVE_RISK.test(risk) ? '' : RISK_MARK;

  if (cells.window !== '' && !looksLikeWindow(cells.window)) {
    warn(`${where('window')}: "${cells.window}" is not a month range (e.g. 3月-12月): 起止时间 ignored`);
    cells.window = '';
  }
  for (const kind of ['name', 'matters', 'scope'] as const) {
    if (looksLikeRatio(cells[kind])) {
      warn(`${where(kind)}: "${cells[kind]}" reads like a 抽查比例及频次: the row may be misread`);
    }
  }
  for (const kind of ['initiator', 'cooperator'] as const) {
    const text = cells[kind];
    if (text !== '' && (looksLikeRatio(text) || looksLikeRisk(text) || looksLikeWindow(text))) {
      warn(`${where(kind)}: "${text}" does not read as a department name: the row may be misread`);
    }
  }
}

/** The single text of a row (every filled cell says the same), or undefined. */
function readSingleText(cells: readonly string[]): { text: string; column: number } | undefined {
  const filled = cells.map((t, column) => ({ text: tidy(t), column })).filter((x) => x.text !== '');
  const first = filled[0];
  if (first === undefined) return undefined;
  const key = first.text.replace(/\s+/g, '');
  return filled.every((x) => x.text.replace(/\s+/g, '') === key) ? first : undefined;
}

/** A region heading printed above the header (a paragraph before the table, a row under the title). */
function findHeadingAbove(grid: PlanGrid, header: PlanHeader): RegionHeading | null {
  let found: RegionHeading | null = null;
  for (let row = 0; row < header.row; row++) {
    const single = readSingleText(grid.cells[row] ?? []);
    const heading = single ? readRegionHeading(single.text) : null;
    if (heading) found = heading;
  }
  return found;
}

function readGridRows(grid: PlanGrid, index: GridMergeIndex, first: PlanHeader): GridRows {
  const warnings: PlanWarning[] = [];
  const records: DataRecord[] = [];
  let header = first;
  let current: RegionHeading | null = findHeadingAbove(grid, first);
  let headingPending = current !== null;

  for (let row = first.row + first.height; row < grid.cells.length; row++) {
    const line = row + 1;
    const own = (grid.cells[row] ?? []).map(tidy);
    const filled = own.map((t, c) => ({ t, c })).filter((x) => x.t !== '');
    if (filled.length === 0) continue;

    const again = readPlanHeaderAt(grid, index, row);
    if (again?.isPlan) {
      header = again;
      row += again.height - 1;
      continue;
    }

    const single = readSingleText(own);
    if (single) {
      const only = { t: single.text, c: single.column };
      const found = readRegionHeading(only.t);
      if (found) {
        current = found;
        headingPending = true;
        continue;
      }
      const kind = header.columns[only.c];
      const span = index.positionOf(row, only.c)?.range;
      const wide = span !== undefined && span.right - span.left >= 2;
      if (wide || kind === undefined || !['name', 'matters', 'scope', 'ratio', 'window'].includes(kind)) {
        if (records.length > 0) {
          warnings.push({
            seq: null,
            lines: [line],
            message: `row ${line}: "${only.t.slice(0, 40)}" is not a table row: ignored`,
          });
        }
        continue;
      }
    }
    if (filled.length >= 3 && filled.every((x) => /^\d{1,2}$/.test(x.t))) continue; // column numbers

    const nameColumn = header.columns.indexOf('name');
    const namePosition = index.positionOf(row, nameColumn);
    const continuation = namePosition !== undefined && namePosition.isBelowTop && !namePosition.isRightOfLeft;
    const cells = emptyCells();
    const columnOf: Partial<Record<PlanDataColumn, number>> = {};
    header.columns.forEach((kind, column) => {
      if (!isDataColumn(kind)) return;
      const text = tidy(readCell(index, row, column, kind, continuation, own[column] ?? ''));
      columnOf[kind] ??= column;
      if (text === '') return;
      const separator = JOIN_SEPARATOR[kind];
      cells[kind] =
        cells[kind] === '' || separator === undefined ? text : `${cells[kind]}${separator}${text}`;
    });
    checkCells(grid, row, cells, columnOf, (message) => {
      warnings.push({ seq: null, lines: [line], message });
    });

    let declared = headingPending ? current : null;
    if (cells.region !== '') {
      const fromColumn = readRegionHeading(cells.region);
      if (fromColumn) {
        if (fromColumn.count !== null) declared = fromColumn;
        current = fromColumn;
      } else {
        warnings.push({
          seq: null,
          lines: [line],
          message: `${describeGridCell(grid, row, columnOf.region ?? 0)} (${PLAN_COLUMN_TITLES.region}): "${cells.region}" is not a region name`,
        });
      }
    }
    headingPending = false;
    records.push({ line, continuation, cells, region: current, declared });
  }
  return { header, records, warnings };
}

function toPlanRow(record: DataRecord, withSeq: boolean, regionCell: string): PlanRow {
  const cells = PLAN_COLUMN_ORDER.filter((k) => withSeq || k !== 'seq').map((k) =>
    k === 'region' ? regionCell : record.cells[k],
  );
  return { line: record.line, cells };
}

interface RegionRun {
  readonly label: string;
  readonly records: DataRecord[];
  readonly count: number;
}

const JOINED_SPLIT_TASK = 'task split across rows (same 序号 and name): joined';

/** Assembles the records; region runs are counted first so that assembly can segment them like the notice. */
function assembleRecords(
  records: readonly DataRecord[],
  withSeq: boolean,
  headerLine: number,
  warnings: PlanWarning[],
): PlanParse {
  const headerRow: PlanRow = {
    line: headerLine,
    cells: PLAN_COLUMN_ORDER.filter((k) => withSeq || k !== 'seq').map((k) => PLAN_COLUMN_TITLES[k]),
  };
  const runs: { label: string; records: DataRecord[] }[] = [];
  for (const record of records) {
    const label = record.region?.label ?? '';
    const last = runs[runs.length - 1];
    if (last?.label === label) last.records.push(record);
    else runs.push({ label, records: [record] });
  }
  const counted: RegionRun[] = runs.map((run) => ({
    ...run,
    count: assemblePlan([headerRow, ...run.records.map((r) => toPlanRow(r, withSeq, ''))]).tasks.length,
  }));

  const rows: PlanRow[] = [headerRow];
  const seen = new Set<string>();
  for (const run of counted) {
    const known = findPlanRegion(run.label);
    const first = run.records[0];
    if (first === undefined) continue;
    if (run.label !== '' && seen.has(run.label)) {
      warnings.push({
        seq: null,
        lines: [first.line],
        message: `region ${run.label} appears again after other regions: its tasks are kept where they are`,
      });
    }
    seen.add(run.label);
    const declared = first.declared;
    if (declared?.count != null && declared.count !== run.count) {
      warnings.push({
        seq: null,
        lines: [first.line],
        message: `region header "${declared.label} (${declared.count})" declares ${declared.count} tasks, ${run.count} were read: ${run.count} used`,
      });
    }
    run.records.forEach((record, i) => {
      const cell = i === 0 && known ? `${known.label} (${run.count})` : '';
      rows.push(toPlanRow(record, withSeq, cell));
    });
  }
  const parse = assemblePlan(rows);

  // Regions by the runs (the only source for regions the notice does not know).
  const total = counted.reduce((sum, run) => sum + run.count, 0);
  let tasks: PlanTask[] = [...parse.tasks];
  if (total === parse.tasks.length) {
    const labels = counted.flatMap((run) => Array.from({ length: run.count }, () => run.label));
    tasks = parse.tasks.map((task, i) => {
      const label = labels[i] ?? '';
      return label === '' || label === task.region ? task : { ...task, region: label };
    });
    for (const run of counted) {
      if (run.label !== '' && findPlanRegion(run.label) === undefined && run.records[0]) {
        warnings.push({
          seq: null,
          lines: [run.records[0].line],
          message: `region "${run.label}" is not one of the plan's regions: its departments are not identified`,
        });
      }
    }
  }
  const byLine = new Map(records.map((r) => [r.line, r]));
  const repartitioned = repartitionDepartments(tasks, parse.warnings, byLine);
  tasks = repartitioned.tasks;
  const kept = repartitioned.warnings.filter((w) => {
    const last = byLine.get(w.lines[w.lines.length - 1] ?? -1);
    return !(w.message === JOINED_SPLIT_TASK && last?.continuation === true);
  });
  const all = [...kept, ...warnings].sort((a, b) => (a.lines[0] ?? 0) - (b.lines[0] ?? 0));
  return { tasks, warnings: all };
}

/** Assembly's readings of a task whose departments were found in one cell (it cannot tell which column). */
const ONE_CELL_MESSAGES = [
  /^one department cell holds \d+ names and the other is blank/,
  /^only one department printed: read as 发起部门, no 配合部门$/,
];

/**
 * A sheet says which column a department cell is in, the flattened text does not: assembly reads a lone
 * department cell as 发起部门 first, the rest 配合部门. Puts the names back under the column that holds them
 * (several 发起部门 and no 配合部门, or only 配合部门) and drops assembly's guess warning.
 */
function repartitionDepartments(
  tasks: readonly PlanTask[],
  warnings: readonly PlanWarning[],
  byLine: ReadonlyMap<number, DataRecord>,
): { tasks: PlanTask[]; warnings: PlanWarning[] } {
  const fixed = [...tasks];
  const kept: PlanWarning[] = [];
  for (const warning of warnings) {
    const record = warning.lines.length === 1 ? byLine.get(warning.lines[0] ?? -1) : undefined;
    const index = (warning.seq ?? 0) - 1;
    const task = fixed[index];
    if (
      record === undefined ||
      task === undefined ||
      !ONE_CELL_MESSAGES.some((m) => m.test(warning.message))
    ) {
      kept.push(warning);
      continue;
    }
    const names = [...task.initiators, ...task.cooperators];
    const { initiator, cooperator } = record.cells;
    let initiators: string[];
    let cooperators: string[];
    if (cooperator === '' && initiator !== '') [initiators, cooperators] = [names, []];
    else if (initiator === '' && cooperator !== '') [initiators, cooperators] = [[], names];
    else {
      kept.push(warning);
      continue;
    }
    const canonical = (list: readonly string[]): string[] => {
      const out: string[] = [];
      for (const name of list) {
        const found = normaliseDepartment(name, task.region).canonical;
        if (found !== null && !out.includes(found)) out.push(found);
      }
      return out;
    };
    fixed[index] = {
      ...task,
      initiators,
      cooperators,
      initiatorDepartments: canonical(initiators),
      cooperatorDepartments: canonical(cooperators),
    };
    if (initiators.length === 0) {
      kept.push({ ...warning, message: 'no 发起部门 printed: only 配合部门' });
    }
  }
  return { tasks: fixed, warnings: kept };
}

function listExpectedHeaders(): string {
  return PLAN_COLUMN_ORDER.map((k) => PLAN_COLUMN_TITLES[k]).join('、');
}

/**
 * Reads the first grid that carries the annex header. Errors: `no_header` (naming the expected headers and
 * the closest row found), `no_tasks` (a header and nothing under it).
 */
export function readPlanGrids(
  grids: readonly PlanGrid[],
  fileName: string,
): Result<PlanParse, PlanFileError> {
  let closest: { grid: PlanGrid; header: PlanHeader } | undefined;
  for (const grid of grids) {
    const index = indexGridMerges(grid);
    for (let row = 0; row < grid.cells.length; row++) {
      const header = readPlanHeaderAt(grid, index, row);
      if (header === undefined) continue;
      if (!header.isPlan) {
        if (closest === undefined || header.kindCount > closest.header.kindCount) closest = { grid, header };
        continue;
      }
      const read = readGridRows(grid, index, header);
      const warnings = [...read.warnings];
      const withSeq = read.records.some((r) => r.cells.seq !== '') || header.columns.includes('seq');
      if (read.records.length === 0) {
        return err({
          kind: 'no_tasks',
          message: `文件「${fileName}」${where(grid, header.row)}有计划表头，但表头下没有任何抽查任务`,
        });
      }
      const parse = assembleRecords(read.records, withSeq, header.row + 1, warnings);
      if (parse.tasks.length === 0) {
        return err({
          kind: 'no_tasks',
          message: `文件「${fileName}」${where(grid, header.row)}有计划表头，但没有读出任何抽查任务`,
        });
      }
      return ok(parse);
    }
  }
  const required = REQUIRED_PLAN_COLUMNS.map((k) => PLAN_COLUMN_TITLES[k]).join('、');
  const near =
    closest === undefined
      ? ''
      : `；最接近的是${where(closest.grid, closest.header.row)}：${closest.header.texts.filter((t) => t !== '').join('、')}`;
  return err({
    kind: 'no_header',
    message: `文件「${fileName}」中没有找到抽查计划的表头（应有 ${listExpectedHeaders()} 等列，至少要有 ${required}）${near}。这可能是抽查事项清单或名录，而不是年度抽查计划`,
  });
}

function where(grid: PlanGrid, row: number): string {
  return grid.addressing === 'sheet' ? `工作表「${grid.name}」第 ${row + 1} 行` : `第 ${row + 1} 行`;
}
