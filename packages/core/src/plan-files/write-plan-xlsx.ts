/**
 * Writes the plan annex as an .xlsx the way a real annex looks: a title row, the header (frozen), a region
 * heading row per region (`晋城市本级 (58)`), one row per task line with the task's 序号, name, 智慧监管 and
 * departments merged vertically across its lines, and the 地区 column merged across the region.
 * {@link readPlanSpreadsheet} reads it back to the same tasks.
 */
import ExcelJS from 'exceljs';
import type { PlanTask } from '../plan/plan-types.ts';
import { assert } from '../result.ts';
import {
  formatPlanDepartments,
  formatPlanMatters,
  formatPlanRatio,
  formatPlanWindow,
} from './format-plan-cells.ts';
import { PLAN_COLUMN_ORDER, PLAN_COLUMN_TITLES } from './plan-columns.ts';
import type { PlanDataColumn } from './plan-columns.ts';

export interface PlanXlsxOptions {
  readonly year: number;
  /** The title row, e.g. `晋城市2023年度部门联合双随机抽查工作计划`. */
  readonly title: string;
}

/** What a risk-based task's 智慧监管(信用风险)分类要求 cell says. */
export const RISK_BASED_TEXT = '根据信用风险分类结果确定抽查比例和频次';

const WIDTHS: Readonly<Record<PlanDataColumn, number>> = {
  region: 10,
  seq: 6,
  name: 28,
  matters: 40,
  scope: 28,
  ratio: 22,
  risk: 18,
  window: 14,
  initiator: 18,
  cooperator: 28,
};

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function columnNumber(kind: PlanDataColumn): number {
  return PLAN_COLUMN_ORDER.indexOf(kind) + 1;
}

function writeSeq(seqPrinted: string | null): string | number {
  if (seqPrinted === null) return '';
  return /^[1-9]\d{0,8}$/.test(seqPrinted) ? Number(seqPrinted) : seqPrinted;
}

/** Runs of consecutive tasks of one region, in the given order. */
function listRegionRuns(tasks: readonly PlanTask[]): { region: string; tasks: PlanTask[] }[] {
  const runs: { region: string; tasks: PlanTask[] }[] = [];
  for (const task of tasks) {
    const last = runs[runs.length - 1];
    if (last?.region === task.region) last.tasks.push(task);
    else runs.push({ region: task.region, tasks: [task] });
  }
  return runs;
}

export async function writePlanXlsx(
  tasks: readonly PlanTask[],
  options: PlanXlsxOptions,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'shuangsuiji';
  workbook.title = options.title;
  workbook.subject = `${options.year}年度部门联合双随机抽查工作计划`;
  const width = PLAN_COLUMN_ORDER.length;
  const sheet = workbook.addWorksheet(`${options.year}年抽查计划`, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = PLAN_COLUMN_ORDER.map((kind) => ({ key: kind, width: WIDTHS[kind] }));
  sheet.pageSetup.printTitlesRow = '2:2';

  const title = sheet.getRow(1);
  title.getCell(1).value = options.title;
  title.getCell(1).font = { bold: true, size: 16 };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  title.height = 36;
  sheet.mergeCells(1, 1, 1, width);

  const header = sheet.getRow(2);
  PLAN_COLUMN_ORDER.forEach((kind, i) => {
    const cell = header.getCell(i + 1);
    cell.value = PLAN_COLUMN_TITLES[kind];
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
    cell.border = THIN;
  });
  header.height = 32;

  let rowNumber = 3;
  const dataAlignment: Partial<ExcelJS.Alignment> = { vertical: 'middle', wrapText: true };
  for (const run of listRegionRuns(tasks)) {
    if (run.region !== '') {
      const heading = sheet.getRow(rowNumber);
      heading.getCell(1).value = `${run.region} (${run.tasks.length})`;
      heading.getCell(1).font = { bold: true };
      heading.getCell(1).alignment = { vertical: 'middle' };
      sheet.mergeCells(rowNumber, 1, rowNumber, width);
      rowNumber++;
    }
    const regionTop = rowNumber;
    for (const task of run.tasks) {
      const top = rowNumber;
      const lines = task.lines.length === 0 ? [null] : task.lines;
      for (const line of lines) {
        const row = sheet.getRow(rowNumber);
        const set = (kind: PlanDataColumn, value: string | number): void => {
          const cell = row.getCell(columnNumber(kind));
          cell.value = value;
          cell.alignment =
            kind === 'seq' || kind === 'region' ? { ...dataAlignment, horizontal: 'center' } : dataAlignment;
          cell.border = THIN;
        };
        const first = rowNumber === top;
        set('region', rowNumber === regionTop ? task.region : '');
        set('seq', first ? writeSeq(task.seqPrinted) : '');
        set('name', first ? (task.name ?? '') : '');
        set('matters', line ? formatPlanMatters(line.matters) : '');
        set('scope', line?.scope ?? '');
        set('ratio', line ? formatPlanRatio(line) : '');
        set('risk', first && task.riskBased ? RISK_BASED_TEXT : '');
        set('window', line ? formatPlanWindow(line.window) : '');
        set('initiator', first ? formatPlanDepartments(task.initiators) : '');
        set('cooperator', first ? formatPlanDepartments(task.cooperators) : '');
        rowNumber++;
      }
      const bottom = rowNumber - 1;
      if (bottom > top) {
        for (const kind of ['seq', 'name', 'risk', 'initiator', 'cooperator'] as const) {
          sheet.mergeCells(top, columnNumber(kind), bottom, columnNumber(kind));
        }
      }
    }
    if (rowNumber - 1 > regionTop) sheet.mergeCells(regionTop, 1, rowNumber - 1, 1);
  }
  const buffer: unknown = await workbook.xlsx.writeBuffer();
  if (buffer instanceof Uint8Array) return buffer;
  assert(buffer instanceof ArrayBuffer, 'ExcelJS writeBuffer returns a Buffer or an ArrayBuffer');
  return new Uint8Array(buffer);
}
