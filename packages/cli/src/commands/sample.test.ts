import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { formatSampleJson, parseIdsFile, registerSampleCommand } from './sample.ts';
import { runCommand, type CommandOutput } from '../testing/run-command.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'ssj-sample-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  process.exitCode = undefined;
});

function writeIds(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text, 'utf8');
  return file;
}

function run(...args: string[]): Promise<CommandOutput> {
  return runCommand(
    (program) => {
      registerSampleCommand(program);
    },
    ['sample', ...args],
  );
}

describe('ssj sample', () => {
  it("prints Python's json.dumps of the tuple output (sampler docstring example)", async () => {
    const file = writeIds('docstring.txt', 'ab-1\nab-2\r\n\n  \ncd-1\nef-3\n');
    const { out, code } = await run('--seed', '314159', '--ids-file', file);
    expect(code).toBe(0);
    expect(out).toBe(
      '[["0.317685817", "cd-1", 1], ["0.832984519", "ef-3", 1], ["0.9098039269", "ab-1", 1], ["0.9231549043", "ab-2", 1]]\n',
    );
  });

  it('supports take, drop, digits and with-replacement (USAGE_EXAMPLES 7 and 5)', async () => {
    const ab = writeIds('ab.txt', 'a\nb\n');
    const { out } = await run(
      '--seed',
      '52',
      '--ids-file',
      ab,
      '--with-replacement',
      '--take',
      '3',
      '--digits',
      '2',
    );
    expect(out).toBe('[["0.19", "b", 1], ["0.25", "b", 2], ["0.36", "a", 1]]\n');
    const range = writeIds('range.txt', Array.from({ length: 100 }, (_, i) => String(i)).join('\n'));
    const dropped = await run('--seed', '41', '--ids-file', range, '--drop', '5', '--take', '5');
    expect((JSON.parse(dropped.out) as [string, string, number][]).map((t) => t[1])).toEqual([
      '42',
      '39',
      '20',
      '11',
      '67',
    ]);
  });

  it('fails cleanly on bad input', async () => {
    const ab = writeIds('ab2.txt', 'a\nb\n');
    expect((await run('--seed', '1', '--ids-file', ab, '--with-replacement')).code).toBe(1);
    expect((await run('--seed', '1', '--ids-file', ab, '--take', '-1')).code).toBe(1);
    expect((await run('--seed', '1', '--ids-file', ab, '--digits', 'x')).code).toBe(1);
    expect((await run('--seed', '1', '--ids-file', path.join(dir, 'missing.txt'))).code).toBe(1);
    const dup = writeIds('dup.txt', 'a\nb\na\n');
    const result = await run('--seed', '1', '--ids-file', dup);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/duplicate id/);
  });
});

describe('formatSampleJson / parseIdsFile', () => {
  it('escapes like json.dumps with ensure_ascii', () => {
    expect(formatSampleJson([])).toBe('[]');
    expect(formatSampleJson([['0.1', 'a"b\\c\n\u0001\u007f中😊', 2]])).toBe(
      '[["0.1", "a\\"b\\\\c\\n\\u0001\\u007f\\u4e2d\\ud83d\\ude0a", 2]]',
    );
  });

  it('reads one id per line verbatim, ignoring blank lines, CR of CRLF and a BOM', () => {
    expect(parseIdsFile('\uFEFF a \r\n\n\t\nb\r\nc')).toEqual([' a ', 'b', 'c']);
  });
});
