import type { Command } from 'commander';
import {
  checkRegistrationNumber,
  checkUscc,
  describeExcelCorruption,
  describeUsccProblem,
  detectExcelCorruption,
} from '@ssj/core';

/** Why `code` is not a valid USCC, or null when it is (GB 32100-2015; spreadsheet damage first). */
function explainUscc(code: string): string | null {
  const result = checkUscc(code);
  if (result.ok) return null;
  const corruption = detectExcelCorruption(code);
  if (corruption !== null) return describeExcelCorruption(corruption);
  if (checkRegistrationNumber(code).ok) return 'a 15-digit registration number (注册号), not a USCC';
  return describeUsccProblem(result.error);
}

/**
 * `ssj uscc check CODE...`: one line per code, `CODE<TAB>valid|invalid<TAB>ok|reason`;
 * exit code 0 only when every code is a valid USCC, 1 otherwise.
 */
export function registerUsccCommand(program: Command): void {
  const uscc = program
    .command('uscc')
    .description('unified social credit codes (统一社会信用代码, GB 32100-2015)');
  uscc
    .command('check')
    .description('validate codes; prints CODE<TAB>valid|invalid<TAB>reason, exits 0 only if all are valid')
    .argument('<codes...>', 'codes to check')
    .action((codes: string[]) => {
      let allValid = true;
      for (const code of codes) {
        const reason = explainUscc(code);
        if (reason !== null) allValid = false;
        process.stdout.write(`${code}\t${reason === null ? 'valid' : 'invalid'}\t${reason ?? 'ok'}\n`);
      }
      process.exitCode = allValid ? 0 : 1;
    });
}
