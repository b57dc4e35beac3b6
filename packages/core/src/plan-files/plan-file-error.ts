/**
 * Why a plan file could not be read at all. Problems inside a readable file (a cell that does not parse) are
 * warnings of the {@link PlanParse}, naming the row and column; only a file that yields no plan is an error.
 */
export type PlanFileErrorKind =
  /** Larger than {@link MAX_PLAN_FILE_BYTES}: rejected before parsing. */
  | 'too_large'
  /** Zero bytes, or only whitespace. */
  | 'empty'
  /** Not the format it claims to be, or damaged (garbage bytes, a broken zip). */
  | 'corrupt'
  /** A format the importer does not read (.doc, .pdf, an image …). */
  | 'unsupported'
  /** Text that is neither UTF-8 nor GB18030. */
  | 'encoding'
  /** Readable, but no sheet or table carries the annex header (e.g. an item list, not a plan). */
  | 'no_header'
  /** The header is there, but no task follows it. */
  | 'no_tasks';

export interface PlanFileError {
  readonly kind: PlanFileErrorKind;
  /** For people (zh-CN), naming the file and what to fix. */
  readonly message: string;
}

/** 20 MB: a plan annex of a few hundred tasks is well under 1 MB in any format. */
export const MAX_PLAN_FILE_BYTES = 20 * 1024 * 1024;

/** The size checks every reader makes before it parses anything; undefined when the size is acceptable. */
export function checkPlanFileSize(bytes: Uint8Array, fileName: string): PlanFileError | undefined {
  if (bytes.length === 0) return { kind: 'empty', message: `文件「${fileName}」是空的（0 字节）` };
  if (bytes.length > MAX_PLAN_FILE_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    return {
      kind: 'too_large',
      message: `文件「${fileName}」有 ${mb} MB，超过 ${MAX_PLAN_FILE_BYTES / 1024 / 1024} MB 的上限：年度计划附件不应这么大，请检查是否选错了文件`,
    };
  }
  return undefined;
}
