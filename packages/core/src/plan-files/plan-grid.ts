/**
 * The format-neutral table every plan file reader produces before task assembly: a sheet (xlsx, xls) or the
 * tables and paragraphs of a Word document, as rows of cell texts plus the merged ranges.
 */

/** A merged range, 0-based and inclusive; the master cell is (top, left). */
export interface GridRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface PlanGrid {
  /** Sheet name, or `document` for a Word file. */
  readonly name: string;
  /** How cell positions are named in messages: `row 12, column H` (sheet) or `row 12, cell 8` (table). */
  readonly addressing: 'sheet' | 'table';
  /**
   * Cell texts; row i is source line i + 1 (the sheet row, or the n-th row/paragraph of a document).
   * Non-master cells of a merged range are ''.
   */
  readonly cells: readonly (readonly string[])[];
  readonly merges: readonly GridRange[];
}

/** Where a cell sits in its merged range, if it is in one. */
export interface MergedPosition {
  readonly range: GridRange;
  readonly isMaster: boolean;
  /** Below the first row of the range: a vertically merged continuation. */
  readonly isBelowTop: boolean;
  /** Right of the first column of the range: a horizontally merged continuation. */
  readonly isRightOfLeft: boolean;
}

export interface GridMergeIndex {
  positionOf(row: number, column: number): MergedPosition | undefined;
  /** The text shown in the cell: its own, or its range's master text. */
  shownText(row: number, column: number): string;
}

/** Indexes the merged cells of a grid (ranges overlapping earlier ones are ignored). */
export function indexGridMerges(grid: PlanGrid): GridMergeIndex {
  const byCell = new Map<string, GridRange>();
  const key = (row: number, column: number): string => `${row},${column}`;
  for (const range of grid.merges) {
    if (range.bottom < range.top || range.right < range.left) continue;
    if ((range.bottom - range.top + 1) * (range.right - range.left + 1) > 1_000_000) continue;
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) {
        if (!byCell.has(key(r, c))) byCell.set(key(r, c), range);
      }
    }
  }
  const textAt = (row: number, column: number): string => grid.cells[row]?.[column] ?? '';
  return {
    positionOf(row, column) {
      const range = byCell.get(key(row, column));
      if (range === undefined) return undefined;
      return {
        range,
        isMaster: row === range.top && column === range.left,
        isBelowTop: row > range.top,
        isRightOfLeft: column > range.left,
      };
    },
    shownText(row, column) {
      const range = byCell.get(key(row, column));
      return range === undefined ? textAt(row, column) : textAt(range.top, range.left);
    },
  };
}

/** Column letters of a sheet: 0 → A, 25 → Z, 26 → AA. */
export function formatColumnLetters(column: number): string {
  let n = column + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** `row 12, column H` or `row 12, cell 8` (1-based), for warnings. */
export function describeGridCell(grid: PlanGrid, row: number, column: number): string {
  return grid.addressing === 'sheet'
    ? `row ${row + 1}, column ${formatColumnLetters(column)}`
    : `row ${row + 1}, cell ${column + 1}`;
}
