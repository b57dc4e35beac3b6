import { createReadStream, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import {
  openDatabase,
  prepareDatabase,
  readConfig,
  selectDatabaseTarget,
  writeImportReport,
} from '@ssj/server';
import type { AuditActor, importObjects, ImportResult } from '@ssj/server';
import { createProgressReporter } from './progress.ts';

/** importObjects, importInspectors or importItems: they share one signature. */
export type RegisterImporter = typeof importObjects;

interface ImportCommandOptions {
  dryRun?: boolean;
  json?: boolean;
  report?: string;
  region?: string;
  skipInvalid?: boolean;
  map: string[];
}

/** Files above this size get a progress bar on stderr. */
const PROGRESS_FROM_BYTES = 1_000_000;
/** Issues printed in the human summary; all of them go to --json and --report. */
const PRINTED_ISSUES = 50;

function collectMap(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseMap(entries: readonly string[]): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const entry of entries) {
    const at = entry.indexOf('=');
    if (at <= 0) return `--map ${entry}: expected FIELD=COLUMN, e.g. --map uscc=TYXYDM`;
    out[entry.slice(0, at).trim()] = entry.slice(at + 1);
  }
  return out;
}

function printSummary(file: string, result: ImportResult, options: ImportCommandOptions): void {
  const warnings = result.issues.filter((i) => i.severity === 'warning').length;
  const outcome = result.stored
    ? `stored ${result.imported}`
    : options.dryRun === true
      ? `dry run: ${result.valid} would be stored, nothing stored`
      : result.errorRows > 0
        ? 'nothing stored (all or nothing: fix the errors, or use --skip-invalid)'
        : 'nothing stored';
  process.stdout.write(
    `${file}: ${result.rows} rows read, ${result.valid} valid, ${result.errorRows} with errors, ${warnings} warnings — ${outcome}\n`,
  );
  for (const issue of result.issues.slice(0, PRINTED_ISSUES)) {
    const label = issue.severity === 'error' ? '错误' : '警告';
    process.stdout.write(`  row ${issue.row}\t${issue.column}\t${label}\t${issue.message}\n`);
  }
  const more = result.issues.length - PRINTED_ISSUES + result.unlistedIssues;
  if (more > 0) process.stdout.write(`  … ${more} more (use --report FILE.xlsx or --json)\n`);
}

/** A subcommand other than `import` (`ssj objects import-risk`): its name and description, without --region. */
export interface ImportSubcommandVariant {
  readonly command: string;
  readonly description: string;
}

/**
 * Adds `import FILE` to a register command (`ssj objects|inspectors|items import`): reads a .xlsx, .xls or .csv,
 * prints the issues (`--json`: `{"imported": N, "issues": [{row, column, severity, message}]}`), writes the
 * rejected-rows report with --report. Exit code 0 when no row has an error, 1 otherwise; 2 for a usage error.
 * A `variant` adds the same command under another name (without --region), e.g. `import-risk`.
 */
export function addImportSubcommand(
  parent: Command,
  name: string,
  importer: RegisterImporter,
  variant?: ImportSubcommandVariant,
): void {
  const command = parent
    .command(variant?.command ?? 'import')
    .description(
      variant?.description ??
        `import the ${name} from a spreadsheet or CSV (all or nothing unless --skip-invalid)`,
    )
    .argument('<file>', '.xlsx, .xls or .csv (UTF-8 or GB18030)')
    .option('--dry-run', 'validate everything, store nothing')
    .option('--json', 'print {"imported", "issues"} as JSON')
    .option('--report <file.xlsx>', 'write the rejected-rows report (.xlsx) for a clerk');
  if (variant === undefined) {
    command.option('--region <code>', 'region code for rows nothing else places in the city (e.g. 140525)');
  }
  command
    .option(
      '--skip-invalid',
      'store the valid rows and report the rest (default: nothing stored if any row has an error)',
    )
    .option(
      '--map <field=column>',
      'override the column of a field (repeatable), e.g. --map uscc=TYXYDM',
      collectMap,
      [],
    )
    .action(async (file: string, options: ImportCommandOptions) => {
      const mapping = parseMap(options.map);
      if (typeof mapping === 'string') {
        process.stderr.write(`ssj ${name} ${command.name()}: ${mapping}\n`);
        process.exitCode = 2;
        return;
      }
      let size: number;
      try {
        size = statSync(file).size;
      } catch {
        process.stderr.write(`ssj ${name} ${command.name()}: cannot read ${file}\n`);
        process.exitCode = 2;
        return;
      }
      const database = await openDatabase(selectDatabaseTarget(readConfig()));
      const progress = size >= PROGRESS_FROM_BYTES ? createProgressReporter() : null;
      try {
        await prepareDatabase(database, { demo: false });
        const actor: AuditActor = { userId: null, role: 'cli', departmentId: null, requestId: null };
        const result = await importer(
          database.db,
          actor,
          { fileName: path.basename(file), stream: createReadStream(file), size },
          {
            mapping,
            dryRun: options.dryRun === true,
            skipInvalid: options.skipInvalid === true,
            defaultRegion: options.region ?? null,
            ...(progress === null
              ? {}
              : {
                  onProgress: (p) => {
                    progress.report(`导入 ${path.basename(file)} (bytes)`, p.bytes, size);
                  },
                }),
          },
        );
        progress?.stop();
        if (options.report !== undefined) {
          writeFileSync(options.report, await writeImportReport(result.issues, path.basename(file), result));
          if (options.json !== true) process.stdout.write(`report: ${options.report}\n`);
        }
        if (options.json === true) {
          const issues = result.issues.map((i) => ({
            row: i.row,
            column: i.column,
            severity: i.severity,
            message: i.message,
          }));
          process.stdout.write(`${JSON.stringify({ imported: result.imported, issues })}\n`);
        } else printSummary(file, result, options);
        process.exitCode = result.issues.some((i) => i.severity === 'error') ? 1 : 0;
      } finally {
        progress?.stop();
        await database.close();
      }
    });
}
