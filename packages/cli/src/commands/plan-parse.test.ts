import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { registerPlanParseCommand } from './plan-parse.ts';
import { runCommand, type CommandOutput } from '../testing/run-command.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const seedPath = `${repoRoot}../shared/seed/000_bcb4b9be9ee0f30f.txt`;

function run(...args: string[]): Promise<CommandOutput> {
  return runCommand(
    (program) => {
      registerPlanParseCommand(program.command('plan'));
    },
    ['plan', 'parse', ...args],
  );
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('ssj plan parse', () => {
  it.skipIf(!existsSync(seedPath))('prints {"tasks", "warnings"} with --json', async () => {
    const { out, code } = await run(seedPath, '--format', 'text', '--json');
    const parsed = JSON.parse(out) as {
      tasks: { seq: number; initiatorDepartments: unknown }[];
      warnings: unknown[];
    };
    expect(code).toBe(0);
    expect(parsed.tasks).toHaveLength(350);
    expect(parsed.tasks[0]).toHaveProperty('initiatorDepartments');
    expect(parsed.warnings.length).toBeGreaterThan(0);
  });

  it.skipIf(!existsSync(seedPath))('prints a summary without --json', async () => {
    const { out } = await run(seedPath);
    expect(out).toMatch(/350 tasks/);
    expect(out).toMatch(/晋城市本级\t58/);
  });

  it('fails on an unreadable file and on an unsupported format', async () => {
    expect((await run(`${repoRoot}no-such-notice.txt`)).code).toBe(1);
    const pdf = await run('plan.pdf', '--format', 'pdf');
    expect(pdf.code).toBe(2);
    expect(pdf.err).toMatch(/unsupported format/);
  });
});
