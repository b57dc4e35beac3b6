import type { ExcelCorruption } from '../uscc/excel-corruption.ts';
import type { UsccProblem } from '../uscc/check-uscc.ts';
import type { RegistrationNumberProblem } from '../uscc/registration-number.ts';

/** A USCC problem in words a clerk can act on (GB 32100-2015). */
export function describeUsccProblemZh(problem: UsccProblem): string {
  switch (problem.kind) {
    case 'length':
      return `长度为 ${problem.length} 位，应为 18 位`;
    case 'bad-char':
      return `第 ${problem.position} 位字符「${problem.char}」不允许（代码不含 I、O、S、V、Z 和小写字母）`;
    case 'wrong-check-char':
      return `校验码错误：末位为「${problem.found}」，按 GB 32100 应为「${problem.expected}」，请核对是否抄错`;
    case 'unknown-authority':
      return `第 1 位登记管理部门代码「${problem.authorityCode}」不存在`;
    case 'unknown-type':
      return `第 2 位机构类别代码「${problem.typeCode}」不属于登记管理部门「${problem.authorityCode}」`;
    case 'bad-division':
      return `第 3–8 位「${problem.divisionCode}」不是有效的行政区划代码`;
    case 'bad-org-code-check':
      return `第 9–17 位组织机构代码 ${problem.orgCode} 未通过 GB 11714 校验（末位应为「${problem.expected}」）`;
  }
}

/** A 15-digit 注册号 problem (GSB 1-1999 / ISO 7064 MOD 11,10). */
export function describeRegistrationNumberProblemZh(problem: RegistrationNumberProblem): string {
  switch (problem.kind) {
    case 'length':
      return `长度为 ${problem.length} 位，应为 15 位数字`;
    case 'bad-char':
      return `第 ${problem.position} 位「${problem.char}」不是数字`;
    case 'wrong-check-digit':
      return `校验位错误：末位为 ${problem.found}，应为 ${problem.expected}`;
    case 'bad-division':
      return `前 6 位「${problem.divisionCode}」不是有效的行政区划代码`;
  }
}

/** A code a spreadsheet stored as a number (DOMAIN.md §8): the digits are gone, the row must be re-exported. */
export function describeExcelCorruptionZh(c: ExcelCorruption): string {
  switch (c.kind) {
    case 'scientific-notation':
      return '被表格软件存成了数字（科学计数法），后几位数字已丢失：请把该列设为“文本”格式后从原系统重新导出';
    case 'digits-lost':
      return `被表格软件存成了数字，第 15 位以后的数字已丢失（末尾 ${c.trailingZeros} 个 0）：请把该列设为“文本”格式后从原系统重新导出`;
    case 'float-suffix':
      return c.intact
        ? `被表格软件存成了数字（带“.0”后缀），数字 ${c.digits} 完整`
        : '被表格软件存成了数字（带“.0”后缀），第 15 位以后的数字已丢失：请把该列设为“文本”格式后从原系统重新导出';
  }
}
