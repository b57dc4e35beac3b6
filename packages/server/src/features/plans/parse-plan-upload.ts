import { err, ok, parsePlanText, type PlanParse, type Result } from '@ssj/core';

export type UploadFormat = 'text' | 'xlsx' | 'xls' | 'docx';

/**
 * Parse an uploaded plan file. Nothing is stored: the caller shows the preview.
 * Interim: the text notice only; spreadsheets and Word files come with core plan-files.
 */
export function parsePlanUpload(
  bytes: Uint8Array,
  fileName: string,
): Promise<Result<PlanParse & { format: UploadFormat }, string>> {
  if (bytes.length === 0) return Promise.resolve(err(`文件“${fileName}”是空的`));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return Promise.resolve(err(`文件“${fileName}”不是 UTF-8 文本，也不是可识别的 Excel 或 Word 文件`));
  }
  const parsed = parsePlanText(text);
  if (parsed.tasks.length === 0) {
    return Promise.resolve(err(`文件“${fileName}”中没有找到计划附件表格（序号、抽查任务名称、抽查事项……）`));
  }
  return Promise.resolve(ok({ ...parsed, format: 'text' as const }));
}
