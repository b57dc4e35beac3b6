import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parsePlanText } from '../../../core/src/plan/index.ts';
import type { PlanParse } from '../../../core/src/plan/index.ts';

const FORMATS = ['text'] as const;

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
    .description('import the published joint plan notice (年度抽查计划) as it is; warns on every guess')
    .argument('<file>', 'the notice, as text (a PDF flattened to tab-separated lines)')
    .option('--format <format>', `input format: ${FORMATS.join(', ')} (xlsx, xls, docx to come)`, 'text')
    .option('--json', 'print {"tasks": [...], "warnings": [...]}')
    .action(async (file: string, options: { format: string; json?: boolean }) => {
      if (!(FORMATS as readonly string[]).includes(options.format)) {
        process.stderr.write(
          `ssj plan parse: unsupported format "${options.format}" (supported: ${FORMATS.join(', ')})\n`,
        );
        process.exitCode = 2;
        return;
      }
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        process.stderr.write(
          `ssj plan parse: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        process.exitCode = 1;
        return;
      }
      const parse = parsePlanText(text);
      process.stdout.write(
        options.json === true
          ? `${JSON.stringify({ tasks: parse.tasks, warnings: parse.warnings }, null, 1)}\n`
          : describeParse(file, parse),
      );
      process.exitCode = 0;
    });
}
