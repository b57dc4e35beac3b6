import {
  detectHeader,
  findRegion,
  HEADER_SCAN_ROWS,
  listMappingGaps,
  overrideColumnMapping,
  IMPORT_FIELDS,
} from '@ssj/core';
import type { ColumnMapping, DetectedHeader, ImportFileKind, ImportIssue } from '@ssj/core';
import { flattenBatches, readSheetRows, UnreadableFileError } from './read-sheet-rows.ts';
import type { ImportSource, SheetReading, SheetRow } from './read-sheet-rows.ts';

/** A register file whose header has been found and mapped, ready to read its data rows. */
export interface OpenedRegister {
  readonly reading: SheetReading;
  readonly header: DetectedHeader;
  readonly mapping: ColumnMapping;
  /** Spreadsheet row of the (last) header row. */
  readonly headerRow: number;
  /** The data rows (blank ones included), one at a time or in batches: read one of the two. */
  readonly dataRows: AsyncIterable<SheetRow>;
  readonly dataBatches: AsyncIterable<readonly SheetRow[]>;
}

export type OpenRegisterResult =
  | { readonly ok: true; readonly value: OpenedRegister }
  | { readonly ok: false; readonly issues: readonly ImportIssue[]; readonly reading: SheetReading };

function fileIssue(row: number, message: string, column = ''): ImportIssue {
  return { row, column, severity: 'error', message, value: '' };
}

/** Checks an import's default region: one of the city's regions (the `regions` table holds nothing else). */
export function checkDefaultRegion(code: string | null | undefined): ImportIssue | null {
  if (code === null || code === undefined) return null;
  return findRegion(code) === undefined
    ? fileIssue(0, `--region ${code} 不是本市的区划代码（如 140500 晋城市、140525 泽州县、140571 开发区）`)
    : null;
}

/**
 * Reads the first rows of a register file, finds its header (one or two rows, below any title rows), maps its
 * columns (the suggestion, then the clerk's overrides) and hands back the data rows still to read. File-level
 * problems (no header, a required column missing, a bad override) come back as error issues.
 */
export async function openRegisterFile(
  source: ImportSource,
  kind: ImportFileKind,
  options: { readonly mapping?: Readonly<Record<string, string>> | undefined; readonly fillMerges: boolean },
): Promise<OpenRegisterResult> {
  const reading = await readSheetRows(source, { fillMerges: options.fillMerges });
  const iterator = reading.batches[Symbol.asyncIterator]();
  const head: SheetRow[] = [];
  try {
    while (head.length < HEADER_SCAN_ROWS) {
      const next = await iterator.next();
      if (next.done === true) break;
      head.push(...next.value);
    }
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    return { ok: false, reading, issues: [fileIssue(0, error.message)] };
  }
  const header = detectHeader(
    head.slice(0, HEADER_SCAN_ROWS).map((r) => r.cells),
    kind,
  );
  if (header === null) {
    const fields = IMPORT_FIELDS[kind].filter((f) => f.required).map((f) => f.label);
    return {
      ok: false,
      reading,
      issues: [fileIssue(1, `前 ${HEADER_SCAN_ROWS} 行中找不到表头（应有 ${fields.join('、')} 等列）`)],
    };
  }
  const headerRowEntry = head[header.headerStart + header.headerRowCount - 1];
  const headerRow = headerRowEntry?.row ?? 1;
  let mapping = header.suggestion.mapping;
  if (options.mapping !== undefined && Object.keys(options.mapping).length > 0) {
    const o = overrideColumnMapping(mapping, header.headers, kind, options.mapping);
    if (!o.ok) {
      const message =
        o.error.kind === 'unknown-field'
          ? `列映射中的字段“${o.error.field}”不存在（可用：${IMPORT_FIELDS[kind].map((f) => f.key).join(', ')}）`
          : `列映射 ${o.error.field}=${o.error.column}：文件中没有这一列`;
      return { ok: false, reading, issues: [fileIssue(headerRow, message)] };
    }
    mapping = o.value;
  }
  const gaps = listMappingGaps(mapping, kind);
  if (gaps.length > 0) return { ok: false, reading, issues: [fileIssue(headerRow, gaps.join(''))] };

  // The header is found among the first rows; whatever was read beyond it is data.
  const buffered = head.slice(header.dataStart);
  async function* dataBatches(): AsyncGenerator<readonly SheetRow[]> {
    if (buffered.length > 0) yield buffered;
    for (;;) {
      const next = await iterator.next();
      if (next.done === true) return;
      yield next.value;
    }
  }
  const batches = dataBatches();
  return {
    ok: true,
    value: { reading, header, mapping, headerRow, dataRows: flattenBatches(batches), dataBatches: batches },
  };
}

/** Whether a row holds nothing but blanks. */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}
