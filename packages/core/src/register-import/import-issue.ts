/** What an import says about a cell or a row. Messages are for a clerk: zh-CN, naming what to fix. */
export type IssueSeverity = 'error' | 'warning';

/** A problem with one cell (or with the row, named by its most relevant column). */
export interface CellIssue {
  /** The file's own header text of the column. */
  readonly column: string;
  readonly severity: IssueSeverity;
  readonly message: string;
  /** The cell's original text, as read. */
  readonly value: string;
}

/** A problem at a row a spreadsheet shows (header = 1, so the first data row under a one-row header is 2). */
export interface ImportIssue extends CellIssue {
  readonly row: number;
}

/** Whether any issue is an error (an error row is never stored). */
export function hasErrorIssue(issues: readonly CellIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
