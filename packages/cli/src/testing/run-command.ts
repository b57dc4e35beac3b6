import { Command } from 'commander';
import { vi } from 'vitest';

export interface CommandOutput {
  readonly out: string;
  readonly err: string;
  readonly code: number | string | undefined;
}

/**
 * Run one registered command in-process, the way `ssj ARGS` would, capturing stdout, stderr and the exit code it
 * sets (process.exitCode is reset afterwards). `register` adds the command to a fresh program.
 */
export async function runCommand(
  register: (program: Command) => void,
  args: readonly string[],
): Promise<CommandOutput> {
  const program = new Command('ssj').exitOverride();
  register(program);
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err += String(chunk);
    return true;
  });
  try {
    await program.parseAsync([...args], { from: 'user' });
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  const code = process.exitCode;
  process.exitCode = undefined;
  return { out, err, code };
}
