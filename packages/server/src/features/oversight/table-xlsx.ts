/**
 * Any oversight table as an .xlsx (ExcelJS): a title row, a subtitle row ("截至 … / 导出于 …"), a bold header,
 * numbers as numbers, rates as percentages, red/yellow rows filled. One sheet per table; several tables make one
 * workbook (the assessment report, the department's annual data pack).
 */
import ExcelJS from 'exceljs';
import { assert } from '@ssj/core';

export type CellValue = string | number | null;

export interface XlsxTable {
  readonly sheetName: string;
  readonly title: string;
  readonly subtitle: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly CellValue[])[];
  /** Column indexes (0-based) holding rates in [0, 1], shown as percentages. */
  readonly rateColumns?: readonly number[];
  readonly highlight?: readonly ('red' | 'yellow' | null)[];
  readonly widths?: readonly number[];
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

const FILL = { red: 'FFFFCCCC', yellow: 'FFFFF2CC' } as const;

/** Sheet names: at most 31 characters, none of []:*?/\. */
function cleanSheetName(name: string, used: Set<string>): string {
  let base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28) || '表';
  let candidate = base;
  let n = 2;
  while (used.has(candidate)) {
    candidate = `${base.slice(0, 25)}(${String(n)})`;
    n++;
  }
  base = candidate;
  used.add(base);
  return base;
}

/** Writes the tables to one workbook. */
export async function writeTablesXlsx(
  tables: readonly XlsxTable[],
  creator = 'shuangsuiji',
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = creator;
  const used = new Set<string>();
  for (const table of tables) {
    const width = Math.max(1, table.header.length);
    const sheet = workbook.addWorksheet(cleanSheetName(table.sheetName, used), {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 3 }],
      pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    sheet.columns = table.header.map((h, i) => ({
      width: table.widths?.[i] ?? Math.min(40, Math.max(10, h.length * 2 + 4)),
    }));
    const title = sheet.getRow(1);
    title.getCell(1).value = table.title;
    title.getCell(1).font = { bold: true, size: 14 };
    title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
    title.height = 28;
    sheet.mergeCells(1, 1, 1, width);
    const subtitle = sheet.getRow(2);
    subtitle.getCell(1).value = table.subtitle;
    subtitle.getCell(1).alignment = { horizontal: 'right' };
    sheet.mergeCells(2, 1, 2, width);
    const header = sheet.getRow(3);
    table.header.forEach((h, i) => {
      const cell = header.getCell(i + 1);
      cell.value = h;
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
      cell.border = THIN;
    });
    const rates = new Set(table.rateColumns ?? []);
    table.rows.forEach((values, r) => {
      const row = sheet.getRow(4 + r);
      const colour = table.highlight?.[r] ?? null;
      values.forEach((value, c) => {
        const cell = row.getCell(c + 1);
        cell.value = value;
        cell.border = THIN;
        if (rates.has(c) && typeof value === 'number') cell.numFmt = '0.0%';
        if (colour !== null)
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[colour] } };
      });
    });
  }
  const buffer: unknown = await workbook.xlsx.writeBuffer();
  if (buffer instanceof Uint8Array) return buffer;
  assert(buffer instanceof ArrayBuffer, 'ExcelJS writeBuffer returns a Buffer or an ArrayBuffer');
  return new Uint8Array(buffer);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
