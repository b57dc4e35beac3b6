/**
 * The annual plan annex as a Word document (.docx): the tables of `word/document.xml`, with the paragraphs
 * between them (region headings), read like a sheet (see read-plan-grid.ts).
 */
import JSZip from 'jszip';
import type { PlanParse } from '../plan/plan-types.ts';
import { err } from '../result.ts';
import type { Result } from '../result.ts';
import { checkPlanFileSize, MAX_PLAN_FILE_BYTES } from './plan-file-error.ts';
import type { PlanFileError } from './plan-file-error.ts';
import { readDocxGrid } from './read-docx-grid.ts';
import { readPlanGrids } from './read-plan-grid.ts';

const DOCUMENT = 'word/document.xml';
/** Uncompressed limit of the document part (a zip bomb stops here). */
const MAX_DOCUMENT_BYTES = 5 * MAX_PLAN_FILE_BYTES;

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Declared uncompressed size of a zip entry, when JSZip exposes it. */
function readDeclaredSize(entry: JSZip.JSZipObject): number | undefined {
  const data: unknown = (entry as unknown as { _data?: unknown })._data;
  if (typeof data === 'object' && data !== null && 'uncompressedSize' in data) {
    return typeof data.uncompressedSize === 'number' ? data.uncompressedSize : undefined;
  }
  return undefined;
}

/**
 * Reads the annex from a .docx. Errors: `too_large` (> 20 MB, before parsing), `empty`, `corrupt` (not a zip,
 * or no `word/document.xml`: not a Word document), `no_header`, `no_tasks`.
 */
export async function readPlanDocx(
  bytes: Uint8Array,
  fileName: string,
): Promise<Result<PlanParse, PlanFileError>> {
  const sizeError = checkPlanFileSize(bytes, fileName);
  if (sizeError) return err(sizeError);
  let xml: string;
  try {
    const zip = await JSZip.loadAsync(bytes);
    const entry = zip.file(DOCUMENT);
    if (entry === null) {
      const isSheet = zip.file('xl/workbook.xml') !== null;
      return err({
        kind: 'corrupt',
        message: isSheet
          ? `文件「${fileName}」是 Excel 表格，不是 Word 文档`
          : `文件「${fileName}」不是 Word (.docx) 文档（压缩包里没有 ${DOCUMENT}）`,
      });
    }
    const declared = readDeclaredSize(entry);
    if (declared !== undefined && declared > MAX_DOCUMENT_BYTES) {
      return err({
        kind: 'too_large',
        message: `文件「${fileName}」的正文解压后超过 ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB，不像是年度计划`,
      });
    }
    xml = await entry.async('string');
  } catch (error) {
    return err({
      kind: 'corrupt',
      message: `文件「${fileName}」无法作为 Word (.docx) 文档读取，可能已损坏（${describeError(error)}）`,
    });
  }
  const grid = readDocxGrid(xml);
  if (grid.cells.length === 0) {
    return err({ kind: 'empty', message: `文件「${fileName}」没有任何文字或表格` });
  }
  return readPlanGrids([grid], fileName);
}
