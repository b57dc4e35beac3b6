/**
 * The portable risk data file (issue #9): CSV with a header of
 * `id,kind,category,region,registered_capital,age_years,prior_inspections,prior_violations,complaints_12m,
 * abnormal_list,risk_class,violation` in any order. Empty cells (and NA, null, -) are missing values; a column left
 * out altogether is missing in every row (and reported). Anything that cannot be read is an error naming the row
 * and the column; nothing is guessed.
 */
import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { createCsvParser } from '../register-import/csv-parser.ts';
import type { CsvRecord } from '../register-import/csv-parser.ts';
import { normaliseRiskClass } from '../register-import/parse-cell-values.ts';
import { RISK_CSV_COLUMNS } from './risk-types.ts';
import type { RiskCsvColumn, RiskRow } from './risk-types.ts';

export interface RiskCsvOptions {
  /** `required` (training, evaluation): every row needs violation 0 or 1; `optional` (scoring): may be empty. */
  readonly label: 'required' | 'optional';
}

export interface RiskCsvTable {
  readonly rows: readonly RiskRow[];
  /** Feature columns the header lacks: missing in every row. */
  readonly absentColumns: readonly RiskCsvColumn[];
  /** Header cells that are not risk columns (ignored). */
  readonly ignoredColumns: readonly string[];
}

export type RiskCsvProblem =
  | { readonly kind: 'empty-file' }
  | { readonly kind: 'unterminated-quote' }
  | { readonly kind: 'missing-column'; readonly column: 'id' | 'violation' }
  | { readonly kind: 'duplicate-column'; readonly column: string }
  | { readonly kind: 'row-width'; readonly row: number; readonly cells: number; readonly expected: number }
  | {
      readonly kind: 'bad-value';
      readonly row: number;
      readonly column: RiskCsvColumn;
      readonly value: string;
      readonly expected: string;
    };

/** One line for a person: `row 7, column age_years: "abc" is not …`. The caller adds the file name. */
export function describeRiskCsvProblem(problem: RiskCsvProblem): string {
  switch (problem.kind) {
    case 'empty-file':
      return 'the file has no header line';
    case 'unterminated-quote':
      return 'the file ends inside a quoted field (a missing closing ")';
    case 'missing-column':
      return `row 1 (header): column ${problem.column} is missing (columns: ${RISK_CSV_COLUMNS.join(',')})`;
    case 'duplicate-column':
      return `row 1 (header): column ${problem.column} appears twice`;
    case 'row-width':
      return `row ${problem.row}: ${problem.cells} cells, but the header has ${problem.expected}`;
    case 'bad-value':
      return `row ${problem.row}, column ${problem.column}: ${JSON.stringify(problem.value)} is not ${problem.expected}`;
  }
}

const MISSING = /^(|na|n\/a|nan|null|none|-|—)$/i;
const NUMBER = /^[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

type CellReading<T> = { readonly value: T } | { readonly expected: string };

function readAmount(cell: string): CellReading<number | null> {
  if (MISSING.test(cell)) return { value: null };
  if (!NUMBER.test(cell)) return { expected: 'a number ≥ 0' };
  const value = Number(cell);
  return Number.isFinite(value) ? { value } : { expected: 'a number ≥ 0' };
}

function readCount(cell: string): CellReading<number | null> {
  if (MISSING.test(cell)) return { value: null };
  const value = Number(cell);
  return NUMBER.test(cell) && Number.isSafeInteger(value) ? { value } : { expected: 'a whole number ≥ 0' };
}

function readFlag(cell: string): CellReading<boolean | null> {
  if (MISSING.test(cell)) return { value: null };
  if (/^(1|true|yes|y|是)$/i.test(cell)) return { value: true };
  if (/^(0|false|no|n|否)$/i.test(cell)) return { value: false };
  return { expected: '1 or 0 (是/否)' };
}

function readText(cell: string): string | null {
  return MISSING.test(cell) ? null : cell;
}

/** Reads a whole file's text. */
export function readRiskCsv(text: string, options: RiskCsvOptions): Result<RiskCsvTable, RiskCsvProblem> {
  const parser = createCsvParser();
  const records: CsvRecord[] = [...parser.push(text), ...parser.end()];
  if (parser.unterminatedQuote) return err({ kind: 'unterminated-quote' });
  const header = records[0];
  if (header === undefined) return err({ kind: 'empty-file' });

  const positions = new Map<RiskCsvColumn, number>();
  const ignoredColumns: string[] = [];
  const known = new Set<string>(RISK_CSV_COLUMNS);
  for (const [index, cell] of header.cells.entries()) {
    const name = cell.trim().toLowerCase();
    if (!known.has(name)) {
      if (name !== '') ignoredColumns.push(cell.trim());
      continue;
    }
    const column = name as RiskCsvColumn;
    if (positions.has(column)) return err({ kind: 'duplicate-column', column });
    positions.set(column, index);
  }
  if (!positions.has('id')) return err({ kind: 'missing-column', column: 'id' });
  if (options.label === 'required' && !positions.has('violation'))
    return err({ kind: 'missing-column', column: 'violation' });
  const absentColumns = RISK_CSV_COLUMNS.filter((c) => c !== 'violation' && !positions.has(c));

  const rows: RiskRow[] = [];
  for (const record of records.slice(1)) {
    if (record.cells.every((c) => c.trim() === '')) continue;
    if (record.cells.length !== header.cells.length)
      return err({
        kind: 'row-width',
        row: record.row,
        cells: record.cells.length,
        expected: header.cells.length,
      });
    const cell = (column: RiskCsvColumn): string => {
      const at = positions.get(column);
      return at === undefined ? '' : (record.cells[at] ?? '').trim();
    };
    const bad = (column: RiskCsvColumn, expected: string): Result<never, RiskCsvProblem> =>
      err({ kind: 'bad-value', row: record.row, column, value: cell(column), expected });

    const id = cell('id');
    if (id === '') return bad('id', 'an id (it is empty)');
    const numbers: Partial<Record<RiskCsvColumn, number | null>> = {};
    for (const column of ['registered_capital', 'age_years'] as const) {
      const reading = readAmount(cell(column));
      if ('expected' in reading) return bad(column, reading.expected);
      numbers[column] = reading.value;
    }
    for (const column of ['prior_inspections', 'prior_violations', 'complaints_12m'] as const) {
      const reading = readCount(cell(column));
      if ('expected' in reading) return bad(column, reading.expected);
      numbers[column] = reading.value;
    }
    const abnormal = readFlag(cell('abnormal_list'));
    if ('expected' in abnormal) return bad('abnormal_list', abnormal.expected);
    const classText = cell('risk_class');
    const riskClass = MISSING.test(classText) ? null : normaliseRiskClass(classText);
    if (riskClass === null && !MISSING.test(classText))
      return bad('risk_class', 'a credit-risk class A, B, C or D');
    const labelText = cell('violation');
    let violation: 0 | 1 | null;
    if (labelText === '0' || labelText === '1') violation = labelText === '1' ? 1 : 0;
    else if (options.label === 'optional' && MISSING.test(labelText)) violation = null;
    else return bad('violation', options.label === 'required' ? '0 or 1 (required here)' : '0, 1 or empty');

    rows.push({
      id,
      kind: readText(cell('kind')),
      category: readText(cell('category')),
      region: readText(cell('region')),
      registeredCapital: numbers.registered_capital ?? null,
      ageYears: numbers.age_years ?? null,
      priorInspections: numbers.prior_inspections ?? null,
      priorViolations: numbers.prior_violations ?? null,
      complaints12m: numbers.complaints_12m ?? null,
      abnormalList: abnormal.value,
      riskClass,
      violation,
    });
  }
  return ok({ rows, absentColumns, ignoredColumns });
}

function quoteCsvCell(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes rows as a risk data file (header line first, LF line ends, empty cells for missing values). */
export function formatRiskCsv(rows: readonly RiskRow[]): string {
  const lines = [RISK_CSV_COLUMNS.join(',')];
  const show = (value: string | number | boolean | null): string =>
    value === null ? '' : typeof value === 'boolean' ? (value ? '1' : '0') : quoteCsvCell(String(value));
  for (const row of rows)
    lines.push(
      [
        row.id,
        row.kind,
        row.category,
        row.region,
        row.registeredCapital,
        row.ageYears,
        row.priorInspections,
        row.priorViolations,
        row.complaints12m,
        row.abnormalList,
        row.riskClass,
        row.violation,
      ]
        .map(show)
        .join(','),
    );
  return lines.join('\n') + '\n';
}
