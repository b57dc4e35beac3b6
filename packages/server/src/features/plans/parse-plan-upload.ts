import {
  checkPlanFileSize,
  detectPlanFormat,
  err,
  ok,
  parsePlanFile,
  type PlanFileError,
  type PlanFileFormat,
  type PlanParse,
  type Result,
} from '@ssj/core';
import { readXlsWorkbook, XlsReadTimeout } from '../imports/read-xls-workbook.ts';

export type UploadFormat = 'text' | 'xlsx' | 'xls' | 'docx';

/**
 * Parse an uploaded plan file (the notice as text, .xlsx, .xls or .docx; core plan-files). Nothing is stored: the
 * caller shows the preview. Errors name the file (and the row and column where one cell is the problem).
 */
export async function parsePlanUpload(
  bytes: Uint8Array,
  fileName: string,
): Promise<Result<PlanParse & { format: UploadFormat }, string>> {
  const format = detectPlanFormat(bytes, fileName);
  const parsed = await parsePlanFileGuarded(bytes, fileName, format ?? undefined);
  if (!parsed.ok) return err(parsed.error.message);
  if (parsed.value.tasks.length === 0) {
    return err(`文件“${fileName}”中没有找到计划附件表格（序号、抽查任务名称、抽查事项……）`);
  }
  return ok({ ...parsed.value, format: format ?? 'text' });
}

/**
 * core parsePlanFile, with a legacy .xls first read in a worker thread under a time limit: SheetJS can loop forever
 * on a damaged file (imports/read-xls-workbook.ts), which in the server would freeze every request. A file that does
 * not finish in time is refused as corrupt, naming the file; any other outcome is core's.
 */
export async function parsePlanFileGuarded(
  bytes: Uint8Array,
  fileName: string,
  format?: PlanFileFormat,
): Promise<Result<PlanParse, PlanFileError>> {
  const chosen = format ?? detectPlanFormat(bytes, fileName);
  if (chosen === 'xls' && checkPlanFileSize(bytes, fileName) === undefined) {
    try {
      await readXlsWorkbook(bytes, { cellHTML: false });
    } catch (error) {
      if (error instanceof XlsReadTimeout) {
        return err({
          kind: 'corrupt',
          message: `文件「${fileName}」无法读取：不是有效的 .xls 工作簿，或文件已损坏（${error.message}）`,
        });
      }
      // Other failures: core reads the file again and says what is wrong in its own words.
    }
  }
  return parsePlanFile(bytes, fileName, format);
}
