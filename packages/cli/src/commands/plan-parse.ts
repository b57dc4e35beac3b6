import type { Command } from 'commander';
import { parsePlanFormat, PLAN_FORMATS, readPlanFile } from './read-plan-file.ts';
import type { PlanParse } from '@ssj/core';

/** A human summary: tasks per region, then every warning with its source lines. */
function describeParse(file: string, parse: PlanParse): string {
  const perRegion = new Map<string, number>();
  for (const t of parse.tasks) perRegion.set(t.region, (perRegion.get(t.region) ?? 0) + 1);
  const lines = [
    `${file}: ${parse.tasks.length} tasks, ${parse.warnings.length} warnings`,
    ...[...perRegion].map(([region, n]) => `  ${region}\t${n}`),
    ...parse.warnings.map(
      (w) => `warning\t${w.seq === null ? '-' : `task ${w.seq}`}\tline ${w.lines.join(',')}\t${w.message}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * `ssj plan parse FILE [--format text] [--json]`: reads the published annual plan notice and prints its
 * tasks (`{"tasks": [...], "warnings": [...]}` with --json, a summary otherwise). Exit code 0 when the file was
 * parsed (warnings included), 1 when it cannot be read, 2 for an unsupported format.
 */
export function registerPlanParseCommand(plan: Command): void {
  plan
    .command('parse')
    .description('read the published joint plan notice (年度抽查计划) as it is; warns on every guess')
    .argument('<file>', 'the notice: text (a PDF flattened to lines), .xlsx, .xls or .docx')
    .option('--format <format>', `input format: ${PLAN_FORMATS.join(', ')} (default: detected)`)
    .option('--json', 'print {"tasks": [...], "warnings": [...]}')
    .action(async (file: string, options: { format?: string; json?: boolean }) => {
      const format = parsePlanFormat(options.format);
      if (format === null) {
        process.stderr.write(
          `ssj plan parse: unsupported format "${options.format ?? ''}" (supported: ${PLAN_FORMATS.join(', ')})\n`,
        );
        process.exitCode = 2;
        return;
      }
      const read = await readPlanFile(file, format);
      if (!read.ok) {
        process.stderr.write(`ssj plan parse: ${read.message}\n`);
        process.exitCode = read.exitCode;
        return;
      }
      const parse = read.parse;
      process.stdout.write(
        options.json === true
          ? `${JSON.stringify({ tasks: parse.tasks, warnings: parse.warnings }, null, 1)}\n`
          : describeParse(file, parse),
      );
      process.exitCode = 0;
    });
}
