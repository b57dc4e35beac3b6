/**
 * The annual plan annex as a spreadsheet: .xlsx (ExcelJS) or legacy .xls (SheetJS). The first sheet with the
 * annex header is read; columns are told apart by their header text, merged cells are resolved per column
 * (see read-plan-grid.ts), and the rows go to the task assembly shared with the text notice.
 */
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import type { PlanParse } from '../plan/plan-types.ts';
import { err } from '../result.ts';
import type { Result } from '../result.ts';
import { detectPlanFormat } from './detect-plan-format.ts';
import { checkPlanFileSize } from './plan-file-error.ts';
import type { PlanFileError } from './plan-file-error.ts';
import type { GridRange, PlanGrid } from './plan-grid.ts';
import { readPlanGrids } from './read-plan-grid.ts';

/** Rows and columns read per sheet: far beyond any plan annex, small enough for a sheet padded with styles. */
const MAX_ROWS = 20_000;
const MAX_COLUMNS = 60;

interface DateLike {
  getUTCFullYear(): number;
  getUTCMonth(): number;
  getUTCDate(): number;
}

function isDateLike(value: object): value is DateLike {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function formatNumber(value: number, numFmt: string | undefined): string {
  if (numFmt?.includes('%') === true) return `${String(Math.round(value * 100 * 1e6) / 1e6)}%`;
  return String(value);
}

/** The text of an ExcelJS cell value (rich text, formula results and hyperlinks included). */
function formatCellValue(value: unknown, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value !== 'object') return '';
  if (isDateLike(value)) {
    return `${value.getUTCFullYear()}年${value.getUTCMonth() + 1}月${value.getUTCDate()}日`;
  }
  if ('richText' in value && Array.isArray(value.richText)) {
    return value.richText
      .map((run: unknown) =>
        typeof run === 'object' && run !== null && 'text' in run && typeof run.text === 'string'
          ? run.text
          : '',
      )
      .join('');
  }
  if ('formula' in value || 'sharedFormula' in value) {
    return 'result' in value ? formatCellValue(value.result, numFmt) : '';
  }
  if ('text' in value) return formatCellValue(value.text, numFmt);
  return '';
}

function trimEmptyRows(cells: string[][]): string[][] {
  let end = cells.length;
  while (end > 0 && (cells[end - 1] ?? []).every((c) => c.trim() === '')) end--;
  return cells.slice(0, end);
}

async function readXlsxGrids(bytes: Uint8Array): Promise<PlanGrid[]> {
  const workbook = new ExcelJS.Workbook();
  // JSZip (inside ExcelJS) takes any Uint8Array; the typing asks for a Node Buffer.
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook.worksheets.map((sheet): PlanGrid => {
    const rowCount = Math.min(sheet.rowCount, MAX_ROWS);
    const columnCount = Math.min(sheet.columnCount, MAX_COLUMNS);
    const cells: string[][] = [];
    const masters = new Map<string, { top: number; left: number; bottom: number; right: number }>();
    for (let r = 1; r <= rowCount; r++) {
      const row = sheet.getRow(r);
      const texts: string[] = [];
      for (let c = 1; c <= columnCount; c++) {
        const cell = row.getCell(c);
        if (cell.isMerged) {
          const master = cell.master;
          const key = `${master.row},${master.col}`;
          const range = masters.get(key) ?? {
            top: Number(master.row) - 1,
            left: Number(master.col) - 1,
            bottom: r - 1,
            right: c - 1,
          };
          range.bottom = Math.max(range.bottom, r - 1);
          range.right = Math.max(range.right, c - 1);
          masters.set(key, range);
          if (master.address !== cell.address) {
            texts.push('');
            continue;
          }
        }
        texts.push(formatCellValue(cell.value, cell.numFmt));
      }
      cells.push(texts);
    }
    const merges: GridRange[] = [...masters.values()];
    return { name: sheet.name, addressing: 'sheet', cells: trimEmptyRows(cells), merges };
  });
}

function readXlsGrids(bytes: Uint8Array): PlanGrid[] {
  const workbook = XLSX.read(bytes, { type: 'array', sheetRows: MAX_ROWS, cellHTML: false });
  return workbook.SheetNames.map((name): PlanGrid => {
    const sheet = workbook.Sheets[name];
    const ref = sheet?.['!ref'];
    if (sheet === undefined || ref === undefined) return { name, addressing: 'sheet', cells: [], merges: [] };
    const range = XLSX.utils.decode_range(ref);
    const merges: GridRange[] = (sheet['!merges'] ?? []).map((m) => ({
      top: m.s.r,
      left: m.s.c,
      bottom: m.e.r,
      right: m.e.c,
    }));
    const slaves = new Set<string>();
    for (const m of merges) {
      for (let r = m.top; r <= Math.min(m.bottom, MAX_ROWS); r++) {
        for (let c = m.left; c <= Math.min(m.right, MAX_COLUMNS); c++) {
          if (r !== m.top || c !== m.left) slaves.add(`${r},${c}`);
        }
      }
    }
    const cells: string[][] = [];
    const lastRow = Math.min(range.e.r, MAX_ROWS - 1);
    const lastColumn = Math.min(range.e.c, MAX_COLUMNS - 1);
    for (let r = 0; r <= lastRow; r++) {
      const texts: string[] = [];
      for (let c = 0; c <= lastColumn; c++) {
        const cell = sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
        if (cell === undefined || slaves.has(`${r},${c}`)) texts.push('');
        else if (cell.w !== undefined) texts.push(cell.w);
        else texts.push(cell.v === undefined ? '' : String(cell.v));
      }
      cells.push(texts);
    }
    return { name, addressing: 'sheet', cells: trimEmptyRows(cells), merges };
  });
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads the annex from a spreadsheet. `format` is what the caller believes (by the file name); the bytes
 * decide (an .xlsx named .xls still reads). Errors: `too_large` (> 20 MB, before parsing), `empty`,
 * `corrupt` (not a spreadsheet, or damaged), `no_header`, `no_tasks`.
 */
export async function readPlanSpreadsheet(
  bytes: Uint8Array,
  format: 'xlsx' | 'xls',
  fileName: string,
): Promise<Result<PlanParse, PlanFileError>> {
  const sizeError = checkPlanFileSize(bytes, fileName);
  if (sizeError) return err(sizeError);
  const actual = detectPlanFormat(bytes, fileName);
  const label = format === 'xlsx' ? 'Excel (.xlsx)' : 'Excel 97-2003 (.xls)';
  if (actual === 'docx') {
    return err({ kind: 'corrupt', message: `文件「${fileName}」是 Word 文档，不是 ${label} 表格` });
  }
  const isHtmlSheet = actual === 'text' && /^\s*</.test(new TextDecoder().decode(bytes.subarray(0, 256)));
  if (actual !== 'xlsx' && actual !== 'xls' && !isHtmlSheet) {
    return err({
      kind: 'corrupt',
      message: `文件「${fileName}」不是有效的 ${label} 文件（文件头不对：可能已损坏，或不是表格）`,
    });
  }
  let grids: PlanGrid[];
  try {
    grids = actual === 'xlsx' ? await readXlsxGrids(bytes) : readXlsGrids(bytes);
  } catch (error) {
    return err({
      kind: 'corrupt',
      message: `文件「${fileName}」无法作为 ${label} 读取，可能已损坏（${describeError(error)}）`,
    });
  }
  if (grids.every((g) => g.cells.length === 0)) {
    return err({ kind: 'empty', message: `文件「${fileName}」的工作表都是空的` });
  }
  return readPlanGrids(grids, fileName);
}
