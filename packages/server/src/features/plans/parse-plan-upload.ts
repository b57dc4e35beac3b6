import { err, ok, parsePlanFile, detectPlanFormat, type PlanParse, type Result } from '@ssj/core';

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
  const parsed = await parsePlanFile(bytes, fileName, format ?? undefined);
  if (!parsed.ok) return err(parsed.error.message);
  if (parsed.value.tasks.length === 0) {
    return err(`文件“${fileName}”中没有找到计划附件表格（序号、抽查任务名称、抽查事项……）`);
  }
  return ok({ ...parsed.value, format: format ?? 'text' });
}
