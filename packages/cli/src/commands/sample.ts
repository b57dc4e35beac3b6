import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { describeSampleError, sampleTuples } from '@ssj/core';
import type { TicketTuple } from '@ssj/core';

/**
 * Python's `json.dumps` string encoding with its defaults (`ensure_ascii=True`): `"` `\` and the controls
 * \b \f \n \r \t get short escapes, every other character outside U+0020..U+007E becomes `\uxxxx` (lowercase hex;
 * astral characters as a surrogate pair).
 */
function formatPythonJsonString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ch = text[i] ?? '';
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || c > 0x7e) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

/**
 * The draw as Python prints `json.dumps(list(sampler(..., output='tuple')))`: one line,
 * `[["0.317685817", "cd-1", 1], ["0.832984519", "ef-3", 1]]` — separators `", "`, tuples as arrays, strings with
 * `ensure_ascii` escapes, generations as integers; `[]` when empty.
 */
export function formatSampleJson(tuples: readonly TicketTuple[]): string {
  const rows = tuples.map(
    ([ticket, id, generation]) =>
      `[${formatPythonJsonString(ticket)}, ${formatPythonJsonString(id)}, ${String(generation)}]`,
  );
  return `[${rows.join(', ')}]`;
}

/**
 * The ids of an ids file: one id per line, used verbatim (no trimming), except that a CRLF line end counts as LF
 * (as Python's text mode reads it), a UTF-8 byte-order mark at the start of the file is dropped, and blank lines
 * (empty or only whitespace) are ignored.
 */
export function parseIdsFile(text: string): string[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return body
    .split('\n')
    .map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line))
    .filter((line) => line.trim() !== '');
}

function parseCount(name: string, value: string | undefined): number | string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value)))
    return `${name} must be a whole number ≥ 0`;
  return Number(value);
}

interface SampleCommandOptions {
  readonly seed: string;
  readonly idsFile: string;
  readonly take?: string;
  readonly drop?: string;
  readonly withReplacement?: boolean;
  readonly digits?: string;
}

/**
 * `ssj sample --seed SEED --ids-file FILE [--take N] [--drop D] [--with-replacement] [--digits K]`: Rivest's
 * consistent sampler (DOMAIN.md §4.3), printing exactly what Python prints for
 * `json.dumps(list(consistent_sampler.sampler(ids, seed=SEED, with_replacement=…, drop=D, take=N, output='tuple',
 * digits=K)))`. The seed is used as typed (Python `str(seed)`). Without --take, a draw without replacement lists every
 * id (Python's default `take=inf`); with replacement --take is required, since that stream never ends.
 * Exit code 0 on success, 1 on bad input (message on stderr).
 */
export function registerSampleCommand(program: Command): void {
  program
    .command('sample')
    .description(
      "consistent-sampler draw (Rivest), printed as Python's json.dumps of [ticket, id, generation]",
    )
    .requiredOption('--seed <seed>', 'the public seed, used verbatim')
    .requiredOption('--ids-file <file>', 'ids, one per line (blank lines ignored)')
    .option(
      '--take <n>',
      'how many tickets to print after the drop (default: all ids; required with replacement)',
    )
    .option('--drop <d>', 'how many tickets of the stream to skip first', '0')
    .option('--with-replacement', 'sample with replacement (an id may come out again, generation + 1)')
    .option('--digits <k>', 'digits kept after any leading 9s of each ticket number', '9')
    .action((options: SampleCommandOptions) => {
      const fail = (message: string): void => {
        process.stderr.write(`ssj sample: ${message}\n`);
        process.exitCode = 1;
      };
      const take = parseCount('--take', options.take);
      const drop = parseCount('--drop', options.drop) ?? 0;
      const digits = parseCount('--digits', options.digits) ?? 9;
      const invalid = [take, drop, digits].find((value) => typeof value === 'string');
      if (typeof invalid === 'string' || typeof drop === 'string' || typeof digits === 'string') {
        fail(invalid ?? '');
        return;
      }
      const withReplacement = options.withReplacement === true;
      if (withReplacement && take === undefined) {
        fail('--with-replacement needs --take (a draw with replacement never ends)');
        return;
      }
      let text: string;
      try {
        text = readFileSync(options.idsFile, 'utf8');
      } catch (error: unknown) {
        fail(`cannot read ${options.idsFile}: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      const result = sampleTuples(parseIdsFile(text), options.seed, {
        withReplacement,
        drop,
        digits,
        ...(typeof take === 'number' ? { take } : {}),
      });
      if (!result.ok) {
        fail(describeSampleError(result.error));
        return;
      }
      process.stdout.write(formatSampleJson(result.value) + '\n');
      process.exitCode = 0;
    });
}
