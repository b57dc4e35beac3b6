/**
 * The rejected-rows report of an import: an .xlsx a clerk can act on. Sheet 问题清单 lists one issue per row (the
 * source row number, the file's own column header, 错误/警告, what to fix, and the original cell value), errors first
 * within a row; sheet 汇总 gives the counts, the counts per column and per kind of problem, and what to do next.
 */
import ExcelJS from 'exceljs';
import type { ImportIssue } from '@ssj/core';

export interface ImportReportSummary {
  readonly rows?: number;
  readonly imported?: number;
  readonly stored?: boolean;
  readonly sha256?: string;
  readonly unlistedIssues?: number;
}

const SEVERITY_NAMES = { error: '错误', warning: '警告' } as const;

/** The kind of a message, for the summary: its text up to the first quoted value or colon. */
function kindOf(message: string): string {
  return (
    message
      .replace(/「[^」]*」/g, '「…」')
      .replace(/[0-9]+/g, 'N')
      .split(/[：:]/)[0] ?? message
  );
}

/** Writes the report workbook for `issues` of the file `fileName`. */
export async function writeImportReport(
  issues: readonly ImportIssue[],
  fileName: string,
  summary: ImportReportSummary = {},
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'shuangsuiji';
  const list = workbook.addWorksheet('问题清单', { views: [{ state: 'frozen', ySplit: 1 }] });
  list.columns = [
    { header: '行号', key: 'row', width: 8 },
    { header: '列', key: 'column', width: 20 },
    { header: '级别', key: 'severity', width: 8 },
    { header: '问题与处理办法', key: 'message', width: 80 },
    { header: '原值', key: 'value', width: 30 },
  ];
  list.getRow(1).font = { bold: true };
  const sorted = [...issues].sort(
    (a, b) => a.row - b.row || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
  for (const issue of sorted) {
    const row = list.addRow({
      row: issue.row,
      column: issue.column,
      severity: SEVERITY_NAMES[issue.severity],
      message: issue.message,
      // Kept as text so a long code is not turned into a number again.
      value: issue.value,
    });
    row.getCell('value').numFmt = '@';
    row.getCell('message').alignment = { wrapText: true, vertical: 'top' };
    if (issue.severity === 'error') {
      row.getCell('severity').font = { color: { argb: 'FFC00000' }, bold: true };
    }
  }
  list.autoFilter = { from: 'A1', to: 'E1' };

  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.length - errors.length;
  const errorRows = new Set(errors.map((i) => i.row)).size;
  const sheet = workbook.addWorksheet('汇总');
  sheet.columns = [
    { header: '项目', key: 'label', width: 36 },
    { header: '数值', key: 'value', width: 70 },
  ];
  sheet.getRow(1).font = { bold: true };
  const add = (label: string, value: string | number): void => {
    sheet.addRow({ label, value });
  };
  add('导入文件', fileName);
  if (summary.sha256 !== undefined && summary.sha256 !== '') add('文件 SHA-256', summary.sha256);
  if (summary.rows !== undefined) add('读取的数据行', summary.rows);
  if (summary.imported !== undefined) add('已导入', summary.imported);
  if (summary.stored !== undefined)
    add('结果', summary.stored ? '已保存' : '未保存（有错误时整份文件不导入，或为试导入）');
  add('有错误的行', errorRows);
  add('错误', errors.length);
  add('警告', warnings);
  if ((summary.unlistedIssues ?? 0) > 0) add('未列出的问题（超过上限）', summary.unlistedIssues ?? 0);
  add(
    '处理办法',
    '按“问题清单”逐行改正原文件（行号即原文件中的行号），再重新导入；警告不影响导入，但请核对。',
  );
  sheet.addRow({});
  sheet.addRow({ label: '按列统计', value: '错误 / 警告' }).font = { bold: true };
  const byColumn = new Map<string, { error: number; warning: number }>();
  for (const i of issues) {
    const c = byColumn.get(i.column) ?? { error: 0, warning: 0 };
    c[i.severity] += 1;
    byColumn.set(i.column, c);
  }
  for (const [column, c] of byColumn)
    add(column === '' ? '（整个文件）' : column, `${c.error} / ${c.warning}`);
  sheet.addRow({});
  sheet.addRow({ label: '按问题统计', value: '次数' }).font = { bold: true };
  const byKind = new Map<string, number>();
  for (const i of issues) byKind.set(kindOf(i.message), (byKind.get(kindOf(i.message)) ?? 0) + 1);
  for (const [kind, n] of [...byKind].sort((a, b) => b[1] - a[1])) add(kind, n);

  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
