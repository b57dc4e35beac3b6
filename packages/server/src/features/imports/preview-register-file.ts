import { detectHeader, HEADER_SCAN_ROWS, IMPORT_FIELDS } from '@ssj/core';
import type { DetectedHeader, ImportFileKind } from '@ssj/core';
import { isBlankRow } from './open-register-file.ts';
import { readSheetRows } from './read-sheet-rows.ts';
import type { ImportSource, SheetRow } from './read-sheet-rows.ts';

/** Data rows a preview shows. */
export const PREVIEW_ROWS = 20;

export interface RegisterFilePreview {
  readonly format: string;
  readonly header: DetectedHeader;
  /** Spreadsheet row of the (last) header row. */
  readonly headerRow: number;
  readonly sampleRows: readonly SheetRow[];
}

/**
 * Reads only the head of a register file: its header (as the importer finds it), the suggested mapping and the
 * first data rows, so a clerk can check the mapping before anything is imported. Unlike the import, a required
 * field without a column is not a failure here: the clerk maps it. Null when no row names any field; an
 * UnreadableFileError (read-sheet-rows.ts, naming the file) when the file cannot be read at all.
 */
export async function previewRegisterFile(
  source: ImportSource,
  kind: ImportFileKind,
): Promise<RegisterFilePreview | null> {
  const reading = await readSheetRows(source, { fillMerges: kind === 'items' });
  const iterator = reading.rows[Symbol.asyncIterator]();
  const head: SheetRow[] = [];
  while (head.length < HEADER_SCAN_ROWS) {
    const next = await iterator.next();
    if (next.done === true) break;
    head.push(next.value);
  }
  const header = detectHeader(
    head.map((r) => r.cells),
    kind,
  );
  if (header === null) return null;
  const headerRow = head[header.headerStart + header.headerRowCount - 1]?.row ?? 1;
  const sampleRows = head.slice(header.dataStart).filter((r) => !isBlankRow(r.cells));
  while (sampleRows.length < PREVIEW_ROWS) {
    const next = await iterator.next();
    if (next.done === true) break;
    if (!isBlankRow(next.value.cells)) sampleRows.push(next.value);
  }
  await iterator.return?.();
  return { format: reading.format, header, headerRow, sampleRows: sampleRows.slice(0, PREVIEW_ROWS) };
}

/** The fields of a register a file's columns can be mapped to. */
export function listRegisterFields(
  kind: ImportFileKind,
): { key: string; label: string; required: boolean }[] {
  return IMPORT_FIELDS[kind].map((f) => ({ key: f.key, label: f.label, required: f.required }));
}
