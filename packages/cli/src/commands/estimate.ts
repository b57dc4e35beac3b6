import type { Command } from 'commander';
import { describeEstimateProblem, estimateStratifiedShare, parseEstimateInput } from '@ssj/core';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function fail(message: string): void {
  process.stderr.write(`ssj estimate: ${message}\n`);
  process.exitCode = 2;
}

/**
 * `ssj estimate [--json]`: reads `{"strata": [{"N": 1200, "outcomes": [0, 1, 0, …]}, …]}` on stdin and
 * prints the stratified estimate of the non-compliant share with its 95% interval (DOMAIN.md §5):
 * with `--json` as `{"p": …, "low": …, "high": …}`, otherwise as one human-readable line.
 * Bad input: a message on stderr and exit code 2.
 */
export function registerEstimateCommand(program: Command): void {
  program
    .command('estimate')
    .description(
      'estimate the non-compliant share (95% interval) from stratified outcomes read as JSON on stdin',
    )
    .option('--json', 'print {"p", "low", "high"} as JSON')
    .action(async (options: { json?: boolean }) => {
      const text = await readStdin();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        fail(`input is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
        return;
      }
      const input = parseEstimateInput(json);
      if (!input.ok) {
        fail(input.error);
        return;
      }
      const estimate = estimateStratifiedShare(input.value);
      if (!estimate.ok) {
        fail(describeEstimateProblem(estimate.error));
        return;
      }
      const { p, low, high } = estimate.value;
      if (options.json === true) {
        process.stdout.write(`${JSON.stringify({ p, low, high })}\n`);
      } else {
        const pct = (v: number): string => `${(v * 100).toFixed(2)}%`;
        process.stdout.write(`non-compliant share ${pct(p)} (95% interval ${pct(low)} – ${pct(high)})\n`);
      }
      process.exitCode = 0;
    });
}
