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
  /** When the last byte was handed on (Date.now()), or null while there is more. */
  endedAt(): number | null;
  /** When the reader last took a chunk (Date.now()). */
  lastTakenAt(): number;
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
  let endedAt: number | null = null;
  let lastTakenAt = Date.now();
  async function* chunks(): AsyncGenerator<Uint8Array> {
    try {
      if (first.done === true) return;
      count += head.length;
      hash.update(head);
      lastTakenAt = Date.now();
      yield head;
      for (;;) {
        const next = await iterator.next();
        if (next.done === true) return;
        const bytes = toBytes(next.value);
        lastTakenAt = Date.now();
        count += bytes.length;
        hash.update(bytes);
        yield bytes;
      }
    } finally {
      endedAt = Date.now();
    }
  }
  return {
    chunks: chunks(),
    head,
    digest: () => (digest ??= hash.digest('hex')),
    bytesRead: () => count,
    endedAt: () => endedAt,
    lastTakenAt: () => lastTakenAt,
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

/** BIFF8 holds at most 256 columns: a cell beyond is damage. */
const XLS_MAX_COLUMNS = 256;
/** Cells a sheet may make the reader walk: every row an .xls can hold (65,536) × 64 columns. More is damage. */
const XLS_CELL_BUDGET = 65_536 * 64;

/**
 * Where each row's cells end (its last column; merged continuations included when merges are resolved), measured
 * from the cells present — not from the range the sheet declares: a damaged file can declare, or scatter a few cells
 * over, millions of positions (fuzzing found A1:AVLS652 around 9,401 cells, and a stray cell far to the right: each
 * took a minute or more to walk). Throws when the rows still add up to more than {@link XLS_CELL_BUDGET} cells.
 */
function measureXlsRows(
  sheet: XLSX.WorkSheet,
  merges: readonly XLSX.Range[],
): { lastRow: number; widths: Map<number, number> } {
  const widths = new Map<number, number>();
  let lastRow = -1;
  for (const key of Object.keys(sheet)) {
    if (key.startsWith('!')) continue;
    const at = XLSX.utils.decode_cell(key);
    if (at.c >= XLS_MAX_COLUMNS) continue;
    widths.set(at.r, Math.max(widths.get(at.r) ?? 0, at.c + 1));
    lastRow = Math.max(lastRow, at.r);
  }
  for (const m of merges) {
    for (let r = m.s.r; r <= Math.min(m.e.r, lastRow); r++) {
      widths.set(r, Math.max(widths.get(r) ?? 0, Math.min(m.e.c, XLS_MAX_COLUMNS - 1) + 1));
    }
  }
  let cells = 0;
  for (const width of widths.values()) cells += width;
  if (cells > XLS_CELL_BUDGET) {
    throw new Error(`the sheet spreads over ${String(cells)} cells, more than any register (damaged)`);
  }
  return { lastRow, widths };
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
  const first = XLSX.utils.decode_range(sheet['!ref']).s.r;
  const merges = fillMerges ? (sheet['!merges'] ?? []) : [];
  const { lastRow, widths } = measureXlsRows(sheet, merges);
  const masterOf = new Map<string, { r: number; c: number }>();
  for (const m of merges) {
    for (let r = m.s.r; r <= Math.min(m.e.r, lastRow); r++)
      for (let c = m.s.c; c < Math.min(m.e.c + 1, widths.get(r) ?? 0); c++) masterOf.set(`${r},${c}`, m.s);
  }
  const textAt = (r: number, c: number): string => {
    const cell = sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
    return cell === undefined ? '' : formatCellValue(cell.v);
  };
  for (let r = first; r <= lastRow; r++) {
    const cells: string[] = [];
    const continued: boolean[] = [];
    for (let c = 0; c < (widths.get(r) ?? 0); c++) {
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

/** NUL (which PostgreSQL cannot store in text) and a UTF-16 surrogate without its pair (not valid Unicode). */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** A quick test first (a million-row file): NUL or any surrogate, paired or not. */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const SUSPECT = /[\u0000\uD800-\uDFFF]/;

/**
 * A row whose cells PostgreSQL can store: NULs dropped, lone surrogates replaced by U+FFFD (fuzzing found the import
 * failing in the database on both).
 */
function cleanRow(row: SheetRow): SheetRow {
  return row.cells.some((c) => SUSPECT.test(c) && c.search(UNSTORABLE) >= 0)
    ? { ...row, cells: row.cells.map((c) => c.replace(UNSTORABLE, (m) => (m === '\u0000' ? '' : '\uFFFD'))) }
    : row;
}

/**
 * The reader's batches, cells cleaned of what PostgreSQL cannot store; a failure of the reader itself (not of the
 * code consuming the rows), or a reader that stalls, is an UnreadableFileError.
 */
async function* guardReading(
  batches: AsyncIterable<readonly SheetRow[]>,
  fileName: string,
  format: ImportFormat,
  input: Pick<ByteTap, 'endedAt' | 'lastTakenAt'>,
): AsyncGenerator<readonly SheetRow[]> {
  const iterator = batches[Symbol.asyncIterator]();
  let stalled = false;
  try {
    for (;;) {
      const next = await nextUnlessStalled(iterator, input);
      if (next === 'stalled') {
        stalled = true;
        throw new Error('读取停滞，未能读完文件');
      }
      if (next.done === true) return;
      yield next.value.map(cleanRow);
    }
  } catch (error) {
    throw new UnreadableFileError(fileName, format, error);
  } finally {
    // A stalled reader never answers return() either: leave it.
    if (!stalled) await iterator.return?.();
  }
}

/**
 * How long a reader may go without a row once every byte of the file has reached it. ExcelJS's streaming reader can
 * wait forever on a damaged .xlsx (fuzzing found one: a promise that never settles, so a request would hang and the
 * CLI exit without a word). More than the .xls reader's own limit (read-xls-workbook.ts), which reads after the end.
 */
const READER_STALL_MS = 20_000;
/** How long a reader may neither take bytes nor give rows before the end of the file (a whole-file load included). */
const READER_IDLE_MS = 120_000;

/**
 * The reader's next batch, or 'stalled' when it has given none for READER_STALL_MS after the file's end, or has
 * neither taken bytes nor given rows for READER_IDLE_MS.
 */
async function nextUnlessStalled(
  iterator: AsyncIterator<readonly SheetRow[]>,
  input: Pick<ByteTap, 'endedAt' | 'lastTakenAt'>,
): Promise<IteratorResult<readonly SheetRow[]> | 'stalled'> {
  const asked = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const stall = new Promise<'stalled'>((resolve) => {
    const check = (): void => {
      const ended = input.endedAt();
      const now = Date.now();
      const afterEnd = ended !== null && now - Math.max(asked, ended) >= READER_STALL_MS;
      const idle = now - Math.max(asked, input.lastTakenAt()) >= READER_IDLE_MS;
      if (afterEnd || idle) resolve('stalled');
      else timer = setTimeout(check, 1000);
    };
    timer = setTimeout(check, 1000);
  });
  try {
    return await Promise.race([iterator.next(), stall]);
  } finally {
    clearTimeout(timer);
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
  batches = guardReading(batches, source.fileName, format, tap);
  return {
    format,
    batches,
    rows: flattenBatches(batches),
    digest: () => tap.digest(),
    bytesRead: () => tap.bytesRead(),
  };
}
