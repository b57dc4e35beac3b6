/**
 * Finds the annex header in a grid: one to three rows (a title row above does not count), merged cells read as
 * their master's text, the texts of stacked header rows joined per column (`部门` over `发起` → `部门发起`).
 */
import { looksLikeRatio } from '../plan/parse-ratio.ts';
import { looksLikeWindow } from '../plan/parse-window.ts';
import { classifyPlanHeader, MIN_PLAN_COLUMN_KINDS, REQUIRED_PLAN_COLUMNS } from './plan-columns.ts';
import type { PlanColumnKind } from './plan-columns.ts';
import type { GridMergeIndex, PlanGrid } from './plan-grid.ts';

export interface PlanHeader {
  /** First header row (0-based). */
  readonly row: number;
  /** Number of header rows (1..3). */
  readonly height: number;
  /** Kind of every grid column; a kind found twice keeps its first column, except those that join. */
  readonly columns: readonly PlanColumnKind[];
  /** The joined header text of every column. */
  readonly texts: readonly string[];
  /** Distinct kinds found (other and mode not counted). */
  readonly kindCount: number;
  /** True when the header has every required column and enough kinds to be the annex header. */
  readonly isPlan: boolean;
}

const MAX_HEADER_HEIGHT = 3;
const MAX_HEADER_TEXT = 40;
/** Several columns of these kinds are read together (two 配合部门 columns, a split 抽查事项). */
const JOINING_KINDS: ReadonlySet<PlanColumnKind> = new Set(['matters', 'scope', 'initiator', 'cooperator']);

function gridWidth(grid: PlanGrid, from: number, to: number): number {
  let width = 0;
  for (let r = from; r < to; r++) width = Math.max(width, grid.cells[r]?.length ?? 0);
  return width;
}

/** A row that may belong to a header: short texts, nothing that reads as a ratio, a window or a bare number. */
function isHeaderLike(grid: PlanGrid, row: number, allowBlank: boolean): boolean {
  const own = (grid.cells[row] ?? []).map((c) => c.trim()).filter((c) => c !== '');
  if (own.length === 0) return allowBlank;
  return own.every(
    (c) => c.length <= MAX_HEADER_TEXT && !looksLikeRatio(c) && !looksLikeWindow(c) && !/^\d+$/.test(c),
  );
}

function distinctShown(grid: PlanGrid, index: GridMergeIndex, row: number): number {
  const width = grid.cells[row]?.length ?? 0;
  const texts = new Set<string>();
  for (let c = 0; c < width; c++) {
    const t = index.shownText(row, c).replace(/\s+/g, '');
    if (t !== '') texts.add(t);
  }
  return texts.size;
}

function readHeader(grid: PlanGrid, index: GridMergeIndex, row: number, height: number): PlanHeader {
  const width = gridWidth(grid, row, row + height);
  const texts: string[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (let r = row; r < row + height; r++) {
      const t = index.shownText(r, c).replace(/\s+/g, '');
      if (t !== '' && !parts.includes(t)) parts.push(t);
    }
    texts.push(parts.join(''));
  }
  const seen = new Set<PlanColumnKind>();
  const columns = texts.map((text): PlanColumnKind => {
    const kind = classifyPlanHeader(text);
    if (kind === 'other' || kind === 'mode') return kind;
    if (seen.has(kind) && !JOINING_KINDS.has(kind)) return 'other';
    seen.add(kind);
    return kind;
  });
  const kindCount = seen.size;
  const isPlan = REQUIRED_PLAN_COLUMNS.every((k) => seen.has(k)) && kindCount >= MIN_PLAN_COLUMN_KINDS;
  return { row, height, columns, texts, kindCount, isPlan };
}

/**
 * The best header starting at `row`, or undefined when the row cannot start one (a title, a data row).
 * The height is at least the depth of header cells merged downwards; a taller reading wins only when it
 * finds more column kinds.
 */
export function readPlanHeaderAt(grid: PlanGrid, index: GridMergeIndex, row: number): PlanHeader | undefined {
  if (!isHeaderLike(grid, row, false) || distinctShown(grid, index, row) < 2) return undefined;
  let minHeight = 1;
  const width = grid.cells[row]?.length ?? 0;
  for (let c = 0; c < width; c++) {
    const position = index.positionOf(row, c);
    if (position && !position.isBelowTop) {
      minHeight = Math.max(minHeight, position.range.bottom - row + 1);
    }
  }
  if (minHeight > MAX_HEADER_HEIGHT) minHeight = 1;
  let best: PlanHeader | undefined;
  for (let height = 1; height <= MAX_HEADER_HEIGHT; height++) {
    if (row + height > grid.cells.length) break;
    if (height > minHeight && !isHeaderLike(grid, row + height - 1, false)) break;
    if (height < minHeight) continue;
    const header = readHeader(grid, index, row, height);
    if (best === undefined || header.kindCount > best.kindCount) best = header;
  }
  return best;
}
