/** One entry point for a plan file of any supported format: detects the format and dispatches. */
import { parsePlanText, readPlanTextRows } from '../plan/parse-plan-text.ts';
import type { PlanParse } from '../plan/plan-types.ts';
import { readTableLayout } from '../plan/read-table-layout.ts';
import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { decodePlanText, detectPlanFormat } from './detect-plan-format.ts';
import type { PlanFileFormat } from './detect-plan-format.ts';
import { checkPlanFileSize } from './plan-file-error.ts';
import type { PlanFileError } from './plan-file-error.ts';
import { readPlanDocx } from './read-plan-docx.ts';
import { readPlanSpreadsheet } from './read-plan-spreadsheet.ts';

/** The flattened notice as text: UTF-8, or GB18030 (with a warning saying so). */
export function readPlanTextFile(bytes: Uint8Array, fileName: string): Result<PlanParse, PlanFileError> {
  const sizeError = checkPlanFileSize(bytes, fileName);
  if (sizeError) return err(sizeError);
  const decoded = decodePlanText(bytes);
  if (decoded === null) {
    return err({
      kind: 'encoding',
      message: `文件「${fileName}」不是 UTF-8 或 GB18030 编码的文本（可能是二进制文件）：请另存为 UTF-8 文本，或直接上传 .xlsx / .docx`,
    });
  }
  if (decoded.text.trim() === '') {
    return err({ kind: 'empty', message: `文件「${fileName}」只有空白，没有内容` });
  }
  const parse = parsePlanText(decoded.text);
  if (parse.tasks.length === 0) {
    const hasHeader = readPlanTextRows(decoded.text).some((row) => readTableLayout(row) !== undefined);
    return err(
      hasHeader
        ? { kind: 'no_tasks', message: `文件「${fileName}」有计划表头，但没有读出任何抽查任务` }
        : {
            kind: 'no_header',
            message: `文件「${fileName}」中没有找到抽查计划的表头行（制表符分隔的 地市、序号、抽查任务名称、抽查事项、抽查对象范围、抽查比例及频次 …）`,
          },
    );
  }
  if (decoded.encoding === 'utf-8') return ok(parse);
  return ok({
    tasks: parse.tasks,
    warnings: [
      { seq: null, lines: [], message: `${fileName} is not UTF-8: decoded as GB18030` },
      ...parse.warnings,
    ],
  });
}

/**
 * Parses a plan file: the flattened notice (text), the annex as .xlsx / .xls, or as .docx. Without `format`
 * the bytes decide ({@link detectPlanFormat}). Errors are {@link PlanFileError} values, never exceptions.
 */
export async function parsePlanFile(
  bytes: Uint8Array,
  fileName: string,
  format?: PlanFileFormat,
): Promise<Result<PlanParse, PlanFileError>> {
  const sizeError = checkPlanFileSize(bytes, fileName);
  if (sizeError) return err(sizeError);
  const chosen = format ?? detectPlanFormat(bytes, fileName);
  switch (chosen) {
    case 'text':
      return readPlanTextFile(bytes, fileName);
    case 'xlsx':
    case 'xls':
      return readPlanSpreadsheet(bytes, chosen, fileName);
    case 'docx':
      return readPlanDocx(bytes, fileName);
    case null:
      return err({
        kind: 'unsupported',
        message: `无法识别文件「${fileName}」的格式：年度计划请上传 .xlsx、.xls、.docx 或 UTF-8 文本（旧版 .doc、PDF、图片需先另存为这些格式）`,
      });
  }
}
