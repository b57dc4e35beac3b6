/**
 * One row of a credit-risk class export (信用风险分类, DOMAIN.md §2: A 低风险 … D 高风险, recomputed monthly) → the
 * classification to append to an object's sealed history, with the row's issues. The object is named by its
 * canonical id: a USCC (GB 32100, with the GB 11714 check), or the 15-digit 注册号 of an object without one. Whether
 * the object is in the register is for the caller (the database) to say.
 */
import type { RiskClass } from '../registry/register-types.ts';
import { checkUscc, normalizeUscc } from '../uscc/check-uscc.ts';
import { detectExcelCorruption } from '../uscc/excel-corruption.ts';
import { checkRegistrationNumber } from '../uscc/registration-number.ts';
import { describeExcelCorruptionZh, describeUsccProblemZh } from './describe-code-problem.ts';
import type { CellIssue } from './import-issue.ts';
import { parseCellDate } from './parse-cell-date.ts';
import { normaliseRiskClass } from './parse-cell-values.ts';
import type { ColumnMapping } from './suggest-column-mapping.ts';
import { headerOf, readField } from './validate-object-row.ts';
import type { ObjectIdentity, RowValidation } from './validate-object-row.ts';

/** A classification as the import appends it. */
export interface ImportedRiskClass {
  /** The object's canonical id (DOMAIN.md §4.1). */
  readonly id: string;
  readonly isUscc: boolean;
  readonly riskClass: RiskClass;
  /** YYYY-MM-DD. */
  readonly on: string;
}

export interface RiskRowContext {
  /** YYYY-MM-DD: a classification cannot be dated later. */
  readonly today: string;
}

export interface RiskRowValidation extends RowValidation<ImportedRiskClass> {
  /** The row's object when its id is readable, even if the row has other errors. */
  readonly identity: ObjectIdentity | null;
}

function readRiskIdentity(raw: string, column: string, issues: CellIssue[]): ObjectIdentity | null {
  if (raw === '') {
    issues.push({
      column,
      severity: 'error',
      value: '',
      message: '统一社会信用代码为空：无法确定是哪个检查对象',
    });
    return null;
  }
  const damage = detectExcelCorruption(raw);
  if (damage !== null) {
    issues.push({
      column,
      severity: 'error',
      value: raw,
      message: `统一社会信用代码「${raw}」${describeExcelCorruptionZh(damage)}`,
    });
    return null;
  }
  const code = normalizeUscc(raw);
  if (/^[0-9]{15}$/.test(code) && checkRegistrationNumber(code).ok) return { id: code, isUscc: false };
  const checked = checkUscc(code);
  if (!checked.ok) {
    issues.push({
      column,
      severity: 'error',
      value: raw,
      message: `统一社会信用代码「${raw}」无效：${describeUsccProblemZh(checked.error)}`,
    });
    return null;
  }
  return { id: code, isUscc: true };
}

/**
 * Validates one data row of a risk-class export. Errors (nothing of the row is stored): an empty, damaged or invalid
 * code; a class other than A–D (or 低风险/一般风险/较高风险/高风险); no date, an unreadable one or one after `today`.
 */
export function validateRiskRow(
  cells: readonly string[],
  mapping: ColumnMapping,
  context: RiskRowContext,
): RiskRowValidation {
  const issues: CellIssue[] = [];
  const identity = readRiskIdentity(
    readField(cells, mapping, 'uscc'),
    headerOf(mapping, 'uscc', '统一社会信用代码'),
    issues,
  );

  const classColumn = headerOf(mapping, 'class', '信用风险分类');
  const classRaw = readField(cells, mapping, 'class');
  const riskClass = classRaw === '' ? null : normaliseRiskClass(classRaw);
  if (riskClass === null) {
    issues.push({
      column: classColumn,
      severity: 'error',
      value: classRaw,
      message:
        classRaw === ''
          ? '信用风险分类为空'
          : `信用风险分类「${classRaw}」无法识别：应为 A/B/C/D 或 低风险/一般风险/较高风险/高风险`,
    });
  }

  const dateColumn = headerOf(mapping, 'date', '分类日期');
  const dateRaw = readField(cells, mapping, 'date');
  let on: string | null = null;
  if (dateRaw === '') {
    issues.push({ column: dateColumn, severity: 'error', value: '', message: '分类日期为空' });
  } else {
    const parsed = parseCellDate(dateRaw);
    if (!parsed.ok) {
      issues.push({
        column: dateColumn,
        severity: 'error',
        value: dateRaw,
        message: `分类日期「${dateRaw}」无法识别：应为 2023-03-01 这样的日期或 Excel 日期`,
      });
    } else if (parsed.value > context.today) {
      issues.push({
        column: dateColumn,
        severity: 'error',
        value: dateRaw,
        message: `分类日期 ${parsed.value} 晚于今天（${context.today}）`,
      });
    } else on = parsed.value;
  }

  if (identity === null || riskClass === null || on === null) return { issues, identity };
  return { issues, identity, value: { id: identity.id, isUscc: identity.isUscc, riskClass, on } };
}
