import type { Kysely, Transaction } from 'kysely';
import type { ImportIssue } from '@ssj/core';
import type { Database } from '../../db/schema.ts';

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

  add(issue: ImportIssue): void {
    if (this.issues.length < MAX_LISTED_ISSUES) this.issues.push(issue);
    else this.unlisted += 1;
  }

  addRow(row: number, cellIssues: readonly Omit<ImportIssue, 'row'>[]): void {
    if (cellIssues.some((i) => i.severity === 'error')) this.errorRows += 1;
    for (const i of cellIssues) this.add({ row, ...i });
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
  db: Kysely<Database>,
  run: (trx: Transaction<Database>) => Promise<void>,
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
    await db.transaction().execute(run);
    stored = true;
  } catch (error) {
    if (!(error instanceof RollbackImport)) throw error;
  }
  return {
    imported: stored ? summary.imported() : 0,
    valid: summary.valid(),
    rows: summary.rows(),
    errorRows: summary.issues.errorRows,
    issues: [...summary.issues.issues].sort((a, b) => a.row - b.row),
    unlistedIssues: summary.issues.unlisted,
    stored,
    sha256: summary.reading.digest(),
    format: summary.reading.format,
  };
}
