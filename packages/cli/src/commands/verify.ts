import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { describeDiscrepancy, parseDrawRecord, parseStrataFile, verifyDrawRecord } from '@ssj/core';
import type { Discrepancy, RecordFormatError, VerificationReport } from '@ssj/core';

/** Exit codes of `ssj verify`: everything matches, a discrepancy, or an input that cannot be read. */
export const VERIFY_EXIT = { ok: 0, discrepancy: 1, unreadable: 2 } as const;

interface VerifyCommandOptions {
  readonly strata?: string;
  readonly json?: boolean;
}

type ReadOutcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** Reads and JSON-parses a file, then checks its shape with `parse`. */
function readDocument<T>(
  file: string,
  parse: (value: unknown) => { ok: true; value: T } | { ok: false; error: RecordFormatError },
): ReadOutcome<T> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error: unknown) {
    return {
      ok: false,
      message: `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error: unknown) {
    return {
      ok: false,
      message: `${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const parsed = parse(value);
  if (!parsed.ok) {
    const at = parsed.error.path === '' ? '' : `${parsed.error.path} `;
    return { ok: false, message: `${file}: ${at}${parsed.error.message}` };
  }
  return { ok: true, value: parsed.value };
}

/** The human report of a verified record: a few lines, then the notes. */
export function formatVerificationReport(report: VerificationReport): string {
  const lines = [
    `OK draw ${report.recordId}, task ${report.taskCode} batch ${report.batch}`,
    `  frame ${report.frameHash}: ${report.frameSize} ids, ${report.strataCount} strata`,
    `  ${report.targetCount} targets: tickets ${report.selection === 'verified' ? 'and selection verified' : 'verified'}`,
  ];
  if (report.inspectorTeams !== null) {
    lines.push(`  ${report.inspectorTeams} inspector teams: tickets, slots, order and workload cap verified`);
  }
  for (const note of report.notes) lines.push(`  note: ${note}`);
  return lines.join('\n') + '\n';
}

/** The human form of the first discrepancy. */
export function formatDiscrepancy(d: Discrepancy): string {
  return `DISCREPANCY ${describeDiscrepancy(d)}\n  expected: ${d.expected}\n  found:    ${d.found}\n`;
}

/**
 * `ssj verify RECORD.json [--strata FILE] [--json]` (DOMAIN.md §4.4, §4.5): recomputes a published draw record
 * (`ssj-draw-record-v1`, specified in core `draw/draw-record.ts`) and reports the first discrepancy. `--strata` takes
 * the auditor's sealed strata file, JSON `{ "salt": "…", "assignments": [{ "id": "…", "stratum": "S1" }, …] }`, and
 * then the per-stratum selection is checked too. `--json` prints one JSON object (`{"ok": true, …report}` or
 * `{"ok": false, field, id, expected, found, message}`), the same shape as `tools/verify.py --json`.
 * Exit code 0 when everything matches, 1 at a discrepancy, 2 when an input cannot be read.
 */
export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description('recompute a published draw record (seed, frame hash, tickets, selection, inspector teams)')
    .argument('<record>', 'the draw record, JSON (ssj-draw-record-v1)')
    .option(
      '--strata <file>',
      "the auditor's sealed strata file: JSON { salt, assignments: [{ id, stratum }] }",
    )
    .option('--json', 'print the result as one JSON object')
    .action((recordFile: string, options: VerifyCommandOptions) => {
      const asJson = options.json === true;
      const unreadable = (message: string): void => {
        if (asJson) process.stdout.write(JSON.stringify({ ok: false, unreadable: message }) + '\n');
        else process.stderr.write(`ssj verify: ${message}\n`);
        process.exitCode = VERIFY_EXIT.unreadable;
      };
      const record = readDocument(recordFile, parseDrawRecord);
      if (!record.ok) {
        unreadable(record.message);
        return;
      }
      const strata = options.strata === undefined ? undefined : readDocument(options.strata, parseStrataFile);
      if (strata !== undefined && !strata.ok) {
        unreadable(strata.message);
        return;
      }
      const result = verifyDrawRecord(record.value, strata?.value);
      if (result.ok) {
        process.stdout.write(
          asJson
            ? JSON.stringify({ ok: true, ...result.value }) + '\n'
            : formatVerificationReport(result.value),
        );
        process.exitCode = VERIFY_EXIT.ok;
      } else {
        process.stdout.write(
          asJson ? JSON.stringify({ ok: false, ...result.error }) + '\n' : formatDiscrepancy(result.error),
        );
        process.exitCode = VERIFY_EXIT.discrepancy;
      }
    });
}
