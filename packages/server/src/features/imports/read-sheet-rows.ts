/**
 * Reads the rows of a register file: CSV (streamed, UTF-8 or GB18030), .xlsx (streamed with ExcelJS's reader, so a
 * million-row sheet is never held in memory; or loaded whole when merged cells must be resolved) and legacy .xls
 * (SheetJS, whole: the format holds at most 65,536 rows). Every byte goes through SHA-256 for the audit record.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { createCsvParser } from '@ssj/core';
import { readXlsWorkbook } from './read-xls-workbook.ts';

export type ImportFormat = 'csv' | 'xlsx' | 'xls';

/** The file to import: its name (shown in reports and the audit record) and its bytes, whole or as a stream. */
export interface ImportSource {
  readonly fileName: string;
  readonly bytes?: Uint8Array;
  readonly stream?: AsyncIterable<Uint8Array>;
  /** Overrides detection by name and content. */
  readonly format?: ImportFormat;
  /** Size in bytes when known, for progress. */
  readonly size?: number;
}

export interface SheetRow {
  /** The row number a spreadsheet shows (1-based). */
  readonly row: number;
  readonly cells: readonly string[];
  /** Per column: below the top of a vertically merged range (only when merges are resolved). */
  readonly continued?: readonly boolean[];
}

export interface SheetReading {
  readonly format: ImportFormat;
  /** The rows in file order, in batches (a CSV's batch is what one chunk of bytes completed). Read one of the two. */
  readonly batches: AsyncIterable<readonly SheetRow[]>;
  readonly rows: AsyncIterable<SheetRow>;
  /** SHA-256 hex of the whole file; complete once `rows` has been read to the end. */
  digest(): string;
  bytesRead(): number;
}

const ZIP_MAGIC = [0x50, 0x4b];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** The format by content first (a zip is .xlsx, an OLE file is .xls), then by name; CSV otherwise. */
export function detectImportFormat(fileName: string, head: Uint8Array): ImportFormat {
  if (startsWith(head, ZIP_MAGIC)) return 'xlsx';
  if (startsWith(head, OLE_MAGIC)) return 'xls';
  const lower = fileName.toLowerCase();
  // An .xls that is neither zip nor OLE is usually an HTML table saved by a web system: SheetJS reads it.
  if (lower.endsWith('.xls') || lower.endsWith('.xlsx') || lower.endsWith('.html') || lower.endsWith('.htm'))
    return 'xls';
  return 'csv';
}

/** Cell text of a value as ExcelJS or SheetJS gives it: numbers in full (String), dates as YYYY-MM-DD. */
export function formatCellValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return '';
  if ('richText' in value && Array.isArray(value.richText)) {
    return value.richText
      .map((run: unknown) =>
        typeof run === 'object' && run !== null && 'text' in run ? String(run.text) : '',
      )
      .join('');
  }
  if ('result' in value) return formatCellValue(value.result);
  if ('text' in value) return formatCellValue(value.text);
  if ('error' in value) return '';
  return '';
}

interface ByteTap {
  readonly chunks: AsyncIterable<Uint8Array>;
  readonly head: Uint8Array;
  digest(): string;
  bytesRead(): number;
}

/** Hashes and counts the bytes as they pass; reads the first chunk ahead to tell the format. */
async function tapBytes(source: ImportSource): Promise<ByteTap> {
  const hash = createHash('sha256');
  let count = 0;
  let digest: string | null = null;
  const input: AsyncIterable<Uint8Array> =
    source.stream ??
    (async function* single() {
      await Promise.resolve();
      if (source.bytes !== undefined) yield source.bytes;
    })();
  const iterator = input[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head: Uint8Array = first.done === true ? new Uint8Array(0) : toBytes(first.value);
  async function* chunks(): AsyncGenerator<Uint8Array> {
    if (first.done === true) return;
    count += head.length;
    hash.update(head);
    yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done === true) return;
      const bytes = toBytes(next.value);
      count += bytes.length;
      hash.update(bytes);
      yield bytes;
    }
  }
  return {
    chunks: chunks(),
    head,
    digest: () => (digest ??= hash.digest('hex')),
    bytesRead: () => count,
  };
}

function toBytes(chunk: Uint8Array | string): Uint8Array {
  return typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts);
}

/**
 * CSV rows, decoded as UTF-8 (BOM or valid) or else GB18030 (what Excel saves on a Chinese Windows), in batches:
 * the records each chunk of bytes completed (one await per chunk, not per row: a million rows stream fast).
 */
async function* readCsvBatches(
  chunks: AsyncIterable<Uint8Array>,
  head: Uint8Array,
): AsyncGenerator<readonly SheetRow[]> {
  let encoding = 'utf-8';
  try {
    // stream: an incomplete character at the chunk's end is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    encoding = 'gb18030';
  }
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  let parser: ReturnType<typeof createCsvParser> | null = null;
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (parser === null) {
      const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
      const tabs = firstLine.split('\t').length;
      parser = createCsvParser(tabs > firstLine.split(',').length ? '\t' : ',');
    }
    const records = parser.push(text);
    if (records.length > 0) yield records;
  }
  parser ??= createCsvParser();
  const last = [...parser.push(decoder.decode()), ...parser.end()];
  if (last.length > 0) yield last;
}

/** Rows one at a time from batches. */
export async function* flattenBatches(batches: AsyncIterable<readonly SheetRow[]>): AsyncGenerator<SheetRow> {
  for await (const batch of batches) yield* batch;
}

/** Batches of up to `size` rows from rows read one at a time (the spreadsheet readers). */
async function* batchRows(rows: AsyncIterable<SheetRow>, size = 500): AsyncGenerator<readonly SheetRow[]> {
  let batch: SheetRow[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** The first worksheet of an .xlsx, streamed; later sheets are read through (for the hash) and ignored. */
async function* streamXlsxRows(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(chunks), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let sheetIndex = 0;
  for await (const worksheet of reader) {
    sheetIndex += 1;
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      if (sheetIndex > 1) continue;
      const values = row.values as unknown[];
      const cells: string[] = [];
      for (let c = 1; c < values.length; c++) cells.push(formatCellValue(values[c]));
      yield { row: row.number, cells };
    }
  }
}

/** The first worksheet of an .xlsx loaded whole, merged cells resolved to their master's text. */
async function* loadXlsxRows(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<SheetRow> {
  const workbook = new ExcelJS.Workbook();
  const bytes = await collect(chunks);
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) return;
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    const continued: boolean[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cells.push(formatCellValue(cell.isMerged ? cell.master.value : cell.value));
      continued.push(cell.isMerged && cell.master.row !== cell.row);
    }
    yield { row: r, cells, continued };
  }
}

/**
 * The range a sheet's cells actually span, within the one it declares: a damaged file can declare far more
 * (fuzzing found A1:AVLS652 — 21 million cells — around 9,401, which took minutes and gigabytes to walk).
 */
function usedRange(sheet: XLSX.WorkSheet, declared: XLSX.Range): XLSX.Range {
  let lastRow = -1;
  let lastColumn = -1;
  for (const key of Object.keys(sheet)) {
    if (key.startsWith('!')) continue;
    const at = XLSX.utils.decode_cell(key);
    if (at.r > lastRow) lastRow = at.r;
    if (at.c > lastColumn) lastColumn = at.c;
  }
  return { s: declared.s, e: { r: Math.min(declared.e.r, lastRow), c: Math.min(declared.e.c, lastColumn) } };
}

/**
 * The first sheet of a legacy .xls (or an HTML table), whole; merged cells resolved when asked. Parsed in a worker
 * thread with a time limit (read-xls-workbook.ts: SheetJS can loop forever on a damaged file).
 */
async function* loadXlsRows(
  chunks: AsyncIterable<Uint8Array>,
  fillMerges: boolean,
): AsyncGenerator<SheetRow> {
  const bytes = await collect(chunks);
  const workbook = await readXlsWorkbook(bytes, { cellDates: false, cellHTML: false });
  const sheet = workbook.Sheets[workbook.SheetNames[0] ?? ''];
  if (sheet?.['!ref'] === undefined) return;
  const range = usedRange(sheet, XLSX.utils.decode_range(sheet['!ref']));
  const masterOf = new Map<string, { r: number; c: number }>();
  if (fillMerges) {
    for (const m of sheet['!merges'] ?? []) {
      for (let r = m.s.r; r <= Math.min(m.e.r, range.e.r); r++)
        for (let c = m.s.c; c <= Math.min(m.e.c, range.e.c); c++) masterOf.set(`${r},${c}`, m.s);
    }
  }
  const textAt = (r: number, c: number): string => {
    const cell = sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
    return cell === undefined ? '' : formatCellValue(cell.v);
  };
  for (let r = range.s.r; r <= range.e.r; r++) {
    const cells: string[] = [];
    const continued: boolean[] = [];
    for (let c = 0; c <= range.e.c; c++) {
      const master = masterOf.get(`${r},${c}`);
      cells.push(master === undefined ? textAt(r, c) : textAt(master.r, master.c));
      continued.push(master !== undefined && master.r < r);
    }
    yield fillMerges ? { row: r + 1, cells, continued } : { row: r + 1, cells };
  }
}

const FORMAT_LABEL: Record<ImportFormat, string> = {
  csv: 'CSV 文本（UTF-8 或 GB18030）',
  xlsx: '.xlsx 工作簿',
  xls: '.xls 工作簿',
};

/**
 * A register file its reader cannot read to the end: not the format it claims, damaged (a broken zip, a cut-off
 * .xls), or text that is neither UTF-8 nor GB18030. Importers turn it into a file-level error naming the file, and
 * store nothing (fuzzing found these as exceptions thrown out of the importers).
 */
export class UnreadableFileError extends Error {
  override readonly name = 'UnreadableFileError';
  constructor(
    readonly fileName: string,
    format: ImportFormat,
    cause: unknown,
  ) {
    super(
      `文件「${fileName}」无法读取：不是有效的${FORMAT_LABEL[format]}，或文件已损坏（${cause instanceof Error ? cause.message : String(cause)}）`,
      { cause },
    );
  }
}

/** A row without NUL characters, which PostgreSQL cannot store in text (fuzzing found the import failing on one). */
function dropNul(row: SheetRow): SheetRow {
  return row.cells.some((c) => c.includes('\u0000'))
    ? { ...row, cells: row.cells.map((c) => c.replaceAll('\u0000', '')) }
    : row;
}

/**
 * The reader's batches, NULs dropped from the cells; a failure of the reader itself (not of the code consuming the
 * rows) is an UnreadableFileError.
 */
async function* guardReading(
  batches: AsyncIterable<readonly SheetRow[]>,
  fileName: string,
  format: ImportFormat,
): AsyncGenerator<readonly SheetRow[]> {
  try {
    for await (const batch of batches) yield batch.map(dropNul);
  } catch (error) {
    throw new UnreadableFileError(fileName, format, error);
  }
}

/**
 * Opens a register file for reading. `fillMerges` resolves merged cells (item lists: their groups are merged);
 * an .xlsx is then loaded whole instead of streamed. A file the reader cannot read fails, while its rows are read,
 * with an {@link UnreadableFileError}.
 */
export async function readSheetRows(
  source: ImportSource,
  options: { fillMerges: boolean },
): Promise<SheetReading> {
  const tap = await tapBytes(source);
  const format = source.format ?? detectImportFormat(source.fileName, tap.head);
  let batches: AsyncIterable<readonly SheetRow[]>;
  switch (format) {
    case 'csv':
      batches = readCsvBatches(tap.chunks, tap.head);
      break;
    case 'xlsx':
      batches = batchRows(options.fillMerges ? loadXlsxRows(tap.chunks) : streamXlsxRows(tap.chunks));
      break;
    case 'xls':
      batches = batchRows(loadXlsRows(tap.chunks, options.fillMerges));
      break;
  }
  batches = guardReading(batches, source.fileName, format);
  return {
    format,
    batches,
    rows: flattenBatches(batches),
    digest: () => tap.digest(),
    bytesRead: () => tap.bytesRead(),
  };
}
