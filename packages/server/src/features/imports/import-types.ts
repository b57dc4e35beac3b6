import type { ImportIssue } from '@ssj/core';
import { UnreadableFileError } from './read-sheet-rows.ts';

/** How far an import has got: data rows read, bytes read, and the file's size when known. */
export interface ImportProgress {
  readonly rows: number;
  readonly bytes: number;
  readonly totalBytes: number | null;
}

export interface ImportOptions {
  /** Field key → column (header text, letter or 1-based number), overriding the suggested mapping. */
  readonly mapping?: Readonly<Record<string, string>>;
  /** Validate everything, store nothing. */
  readonly dryRun?: boolean;
  /** Store the valid rows and report the rest. Default: all-or-nothing (any error row → nothing stored). */
  readonly skipInvalid?: boolean;
  /** Region (GB/T 2260 code of one of the city's regions) for rows nothing else places (`--region`). */
  readonly defaultRegion?: string | null;
  /** `YYYY-MM-DD`, for certificate expiry and the month of an imported risk class; default today (UTC). */
  readonly today?: string;
  readonly onProgress?: (progress: ImportProgress) => void;
}

/** What an import did. `imported` counts stored rows (0 after a dry run or a refused file). */
export interface ImportResult {
  readonly imported: number;
  /** Valid rows (what would be stored by a dry run). */
  readonly valid: number;
  /** Data rows read (blank rows excluded). */
  readonly rows: number;
  /** Rows with at least one error. */
  readonly errorRows: number;
  readonly issues: readonly ImportIssue[];
  /** Issues beyond the list's cap, counted but not listed. */
  readonly unlistedIssues: number;
  /** True when the rows were committed. */
  readonly stored: boolean;
  readonly sha256: string;
  readonly format: string;
}

/** Issues kept in memory per import; beyond it they are counted (a million bad rows must not exhaust memory). */
export const MAX_LISTED_ISSUES = 100_000;

/** Collects issues up to the cap and counts error rows. */
export class IssueList {
  readonly issues: ImportIssue[] = [];
  unlisted = 0;
  errorRows = 0;
  /** Issues found after their row was read (duplicates the database finds), with their place in the row. */
  private readonly late: { readonly at: number; readonly issue: ImportIssue }[] = [];

  add(issue: ImportIssue): void {
    if (this.issues.length + this.late.length < MAX_LISTED_ISSUES) this.issues.push(issue);
    else this.unlisted += 1;
  }

  addRow(row: number, cellIssues: readonly Omit<ImportIssue, 'row'>[]): void {
    if (cellIssues.some((i) => i.severity === 'error')) this.errorRows += 1;
    for (const i of cellIssues) this.add({ row, ...i });
  }

  /**
   * Adds an issue found after its row was read, to be listed as if the row's validation had put it at index `at`
   * of the row's issues (Infinity: after them). `rowHadError`: the row already counted as an error row.
   */
  addLate(at: number, issue: ImportIssue, rowHadError: boolean): void {
    if (issue.severity === 'error' && !rowHadError) this.errorRows += 1;
    if (this.issues.length + this.late.length < MAX_LISTED_ISSUES) this.late.push({ at, issue });
    else this.unlisted += 1;
  }

  /** Every listed issue by row; within a row in the order validation found them. */
  list(): ImportIssue[] {
    const main = [...this.issues].sort((a, b) => a.row - b.row);
    if (this.late.length === 0) return main;
    const late = [...this.late].sort((a, b) => a.issue.row - b.issue.row || a.at - b.at);
    const out: ImportIssue[] = [];
    let next = 0;
    const takeLateWhile = (belongsHere: (late: { at: number; issue: ImportIssue }) => boolean): void => {
      for (let l = late[next]; l !== undefined && belongsHere(l); l = late[++next]) out.push(l.issue);
    };
    let row = -1;
    let position = 0;
    for (const issue of main) {
      if (issue.row !== row) {
        takeLateWhile((l) => l.issue.row < issue.row);
        row = issue.row;
        position = 0;
      }
      takeLateWhile((l) => l.issue.row === row && l.at <= position);
      out.push(issue);
      position += 1;
    }
    takeLateWhile(() => true);
    return out;
  }
}

/** Thrown inside the import transaction to roll it back (dry run, or errors in all-or-nothing mode). */
export class RollbackImport extends Error {
  override readonly name = 'RollbackImport';
}

/** Today as YYYY-MM-DD (UTC). */
export function formatToday(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Run an import's transaction and summarise it: a RollbackImport thrown inside (dry run, or errors in
 * all-or-nothing mode) leaves nothing stored; any other error propagates (and also rolls back).
 */
export async function commitImport(
  transact: () => Promise<void>,
  summary: {
    readonly imported: () => number;
    readonly valid: () => number;
    readonly rows: () => number;
    readonly issues: IssueList;
    readonly reading: { digest: () => string; format: string };
  },
): Promise<ImportResult> {
  let stored = false;
  try {
    await transact();
    stored = true;
  } catch (error) {
    if (error instanceof UnreadableFileError) {
      // The file broke off while its rows were read: nothing is stored, and the issue says why.
      summary.issues.add({ row: 0, column: '', severity: 'error', value: '', message: error.message });
    } else if (!(error instanceof RollbackImport)) throw error;
  }
  return {
    imported: stored ? summary.imported() : 0,
    valid: summary.valid(),
    rows: summary.rows(),
    errorRows: summary.issues.errorRows,
    issues: summary.issues.list(),
    unlistedIssues: summary.issues.unlisted,
    stored,
    sha256: summary.reading.digest(),
    format: summary.reading.format,
  };
}
