/**
 * One row of an object register file (检查对象名录库, DOMAIN.md §2) → the object to store, with the row's issues.
 * Identity first: the USCC (GB 32100, with its GB 11714 organisation-code check), else a valid 15-digit 注册号. A code
 * a spreadsheet stored as a number has lost digits for good: that row is an error, never accepted or matched to
 * another row by its damaged digits (DOMAIN.md §8).
 */
import { findCategoryMatches, normaliseScopeText } from '../registry/find-keywords.ts';
import type { ObjectKind, ObjectStatus, RiskClass } from '../registry/register-types.ts';
import { checkUscc, normalizeUscc } from '../uscc/check-uscc.ts';
import { detectExcelCorruption } from '../uscc/excel-corruption.ts';
import { checkRegistrationNumber } from '../uscc/registration-number.ts';
import {
  describeExcelCorruptionZh,
  describeRegistrationNumberProblemZh,
  describeUsccProblemZh,
} from './describe-code-problem.ts';
import { deriveObjectRegion } from './find-object-region.ts';
import type { RegionSource } from './find-object-region.ts';
import type { CellIssue } from './import-issue.ts';
import { parseCellDate } from './parse-cell-date.ts';
import {
  normaliseObjectStatus,
  normaliseRiskClass,
  parseCapital,
  rememberResults,
} from './parse-cell-values.ts';
import type { ColumnMapping } from './suggest-column-mapping.ts';

/** An object as an import stores it: what the file says, nothing invented (no risk class when the file has none). */
export interface ImportedObject {
  /** Canonical id (DOMAIN.md §4.1): the USCC, else the 15-digit 注册号. */
  readonly id: string;
  readonly uscc: string | null;
  readonly regNo: string | null;
  readonly name: string;
  readonly kind: ObjectKind;
  readonly categoryCodes: readonly string[];
  readonly regionCode: string;
  readonly regionSource: RegionSource;
  readonly address: string;
  readonly businessScope: string;
  /** 万元. */
  readonly registeredCapital: number | null;
  readonly establishedOn: string | null;
  readonly status: ObjectStatus;
  readonly legalRepresentative: string;
  readonly riskClass: RiskClass | null;
}

export interface ObjectRowContext {
  /**
   * Canonical ids of earlier valid rows of the file → their spreadsheet row numbers. Omit it when the caller finds
   * duplicates itself (the server does, in the database, so memory stays flat): the result's `identity` and
   * `duplicateAt` say where {@link describeDuplicateObject}'s issue goes.
   */
  readonly seen?: ReadonlyMap<string, number>;
  /** Region for rows nothing else places in the city (`--region`), or null to refuse them. */
  readonly defaultRegionCode: string | null;
}

export interface RowValidation<T> {
  /** Present when the row has no error. */
  readonly value?: T;
  readonly issues: readonly CellIssue[];
}

/** The identity of an object row: its canonical id, and whether that is a USCC (else a 15-digit 注册号). */
export interface ObjectIdentity {
  readonly id: string;
  readonly isUscc: boolean;
}

export interface ObjectRowValidation extends RowValidation<ImportedObject> {
  /** The row's canonical id when it has a readable one, even if the row has other errors. */
  readonly identity: ObjectIdentity | null;
  /** Index in `issues` where a duplicate-row issue belongs (the issues of the columns checked before it). */
  readonly duplicateAt: number;
}

/** The trimmed text of a mapped field's cell, '' when unmapped or empty. */
export function readField(cells: readonly string[], mapping: ColumnMapping, key: string): string {
  const m = mapping[key];
  if (m === undefined) return '';
  return (cells[m.column] ?? '').trim();
}

/** The header naming a field's column, else a fallback label. */
export function headerOf(mapping: ColumnMapping, key: string, fallback: string): string {
  return mapping[key]?.header ?? fallback;
}

/** Kind from a 企业类型 text; null for an empty one. Remembered per text (an export repeats a few dozen). */
const readKindText = rememberResults((typeText: string): ObjectKind | null => {
  const t = typeText.normalize('NFKC');
  if (t === '') return null;
  if (t.includes('个体')) return 'individual';
  if (t.includes('合作社')) return 'cooperative';
  if (/事业单位(?!营业)/.test(t)) return 'institution';
  if (/社会团体|民办非企业|基金会|社会服务机构/.test(t)) return 'social-organisation';
  return 'enterprise';
});

/** Kind from the 企业类型 text, else the USCC's authority and type (GB 32100 Appendix A), else the 注册号's 7th digit. */
function deriveKind(typeText: string, uscc: string | null, regNo: string | null): ObjectKind {
  const fromText = readKindText(typeText);
  if (fromText !== null) return fromText;
  if (uscc !== null) {
    const at = uscc.slice(0, 2);
    if (at === '92') return 'individual';
    if (at === '93' || at.startsWith('N')) return 'cooperative';
    if (at.startsWith('1')) return 'institution';
    if (at.startsWith('5')) return 'social-organisation';
    return 'enterprise';
  }
  // 注册号 (工商行政管理市场主体注册号编制规则): the 7th digit 6–9 marks an individual business.
  if (regNo !== null && /^[0-9]{6}[6-9]/.test(regNo)) return 'individual';
  return 'enterprise';
}

const PLAIN_CODE = /^[0-9A-Z]{18}$/;
const ALL_DIGITS = /^[0-9]+$/;

interface Identity {
  readonly id: string;
  readonly uscc: string | null;
  readonly regNo: string | null;
  readonly usccDivision: string | null;
  readonly regNoDivision: string | null;
}

/** Plain digits of a 注册号 cell: an intact `.0` float suffix is dropped (with a warning), other damage is an error. */
function readRegNo(raw: string, header: string, issues: CellIssue[]): string | null {
  if (raw === '') return null;
  const damage = detectExcelCorruption(raw);
  if (damage !== null) {
    if (damage.kind === 'float-suffix' && damage.intact) {
      issues.push({
        column: header,
        severity: 'warning',
        value: raw,
        message: `注册号${describeExcelCorruptionZh(damage)}，已按 ${damage.digits} 导入；请把该列设为“文本”格式`,
      });
      return damage.digits;
    }
    issues.push({
      column: header,
      severity: 'error',
      value: raw,
      message: `注册号「${raw}」${describeExcelCorruptionZh(damage)}`,
    });
    return null;
  }
  return raw.normalize('NFKC').replace(/\s+/g, '');
}

function readIdentity(
  cells: readonly string[],
  mapping: ColumnMapping,
  issues: CellIssue[],
): Identity | null {
  const usccHeader = headerOf(mapping, 'uscc', '统一社会信用代码');
  const regHeader = headerOf(mapping, 'regNo', '注册号');
  const usccRaw = readField(cells, mapping, 'uscc');
  const regRaw = readField(cells, mapping, 'regNo');

  if (usccRaw !== '') {
    // 18 letters and digits, not all digits: no spreadsheet damage is possible and nothing to normalise.
    const plain = usccRaw.length === 18 && PLAIN_CODE.test(usccRaw) && !ALL_DIGITS.test(usccRaw);
    const damage = plain ? null : detectExcelCorruption(usccRaw);
    if (damage !== null) {
      issues.push({
        column: usccHeader,
        severity: 'error',
        value: usccRaw,
        message: `统一社会信用代码「${usccRaw}」${describeExcelCorruptionZh(damage)}。该行不导入，也不按注册号合并`,
      });
      return null;
    }
    const code = plain ? usccRaw : normalizeUscc(usccRaw);
    const checked = checkUscc(code);
    if (!checked.ok) {
      issues.push({
        column: usccHeader,
        severity: 'error',
        value: usccRaw,
        message: `统一社会信用代码「${usccRaw}」无效：${describeUsccProblemZh(checked.error)}`,
      });
      return null;
    }
    const regNo = readRegNo(regRaw, regHeader, issues);
    if (regNo !== null && /^[0-9]{15}$/.test(regNo)) {
      const reg = checkRegistrationNumber(regNo);
      if (!reg.ok) {
        issues.push({
          column: regHeader,
          severity: 'warning',
          value: regRaw,
          message: `注册号「${regRaw}」${describeRegistrationNumberProblemZh(reg.error)}；对象以统一社会信用代码标识，注册号照原样保存`,
        });
      }
    }
    return { id: code, uscc: code, regNo, usccDivision: checked.value.divisionCode, regNoDivision: null };
  }

  if (regRaw === '') {
    issues.push({
      column: usccHeader,
      severity: 'error',
      value: '',
      message: '统一社会信用代码和注册号都为空：无法确定检查对象的标识，请补充统一社会信用代码',
    });
    return null;
  }
  const regNo = readRegNo(regRaw, regHeader, issues);
  if (regNo === null) return null;
  const reg = checkRegistrationNumber(regNo);
  if (!reg.ok) {
    issues.push({
      column: regHeader,
      severity: 'error',
      value: regRaw,
      message: `注册号「${regRaw}」不是有效的 15 位注册号（${describeRegistrationNumberProblemZh(reg.error)}），且没有统一社会信用代码：无法确定对象标识，请补充统一社会信用代码`,
    });
    return null;
  }
  return { id: regNo, uscc: null, regNo, usccDivision: null, regNoDivision: reg.value.divisionCode };
}

/**
 * The error of a row whose canonical id an earlier valid row of the file (`firstRow`) already has: an object appears
 * once per file (the first occurrence is the one kept).
 */
export function describeDuplicateObject(
  mapping: ColumnMapping,
  identity: ObjectIdentity,
  firstRow: number,
): CellIssue {
  const what = identity.isUscc ? '统一社会信用代码' : '注册号';
  return {
    column: headerOf(mapping, identity.isUscc ? 'uscc' : 'regNo', what),
    severity: 'error',
    value: identity.id,
    message: `与第 ${firstRow} 行重复（同一${what} ${identity.id}）：同一对象只能出现一次`,
  };
}

/** Industry texts already matched → their category codes. A register repeats a few hundred texts a million times. */
const industryCategories = new Map<string, readonly string[]>();
const MAX_REMEMBERED_INDUSTRIES = 10_000;

/** The categories an industry (行业) cell names; remembered per text, since matching scans every keyword. */
function findIndustryCategories(industry: string): readonly string[] {
  if (industry === '') return [];
  const known = industryCategories.get(industry);
  if (known !== undefined) return known;
  const codes = [...new Set(findCategoryMatches(normaliseScopeText(industry)).map((m) => m.categoryCode))];
  if (industryCategories.size >= MAX_REMEMBERED_INDUSTRIES) industryCategories.clear();
  industryCategories.set(industry, codes);
  return codes;
}

/**
 * Validates one data row of an object register file. Errors (the row is not stored): no name; no identity, or a
 * damaged, invalid or duplicate one; an unknown 登记状态; no region of the city. Warnings (stored, but look): an
 * unreadable date, capital or risk class (left empty), an empty status (taken as 存续), a 注册号 beside a valid USCC
 * that fails its check.
 */
export function validateObjectRow(
  cells: readonly string[],
  mapping: ColumnMapping,
  context: ObjectRowContext,
): ObjectRowValidation {
  const issues: CellIssue[] = [];
  const name = readField(cells, mapping, 'name').replace(/\s+/g, ' ');
  if (name === '') {
    issues.push({
      column: headerOf(mapping, 'name', '名称'),
      severity: 'error',
      value: '',
      message: '名称为空',
    });
  }
  const identity = readIdentity(cells, mapping, issues);
  const duplicateAt = issues.length;
  if (identity !== null) {
    const first = context.seen?.get(identity.id);
    if (first !== undefined) {
      issues.push(
        describeDuplicateObject(mapping, { id: identity.id, isUscc: identity.uscc !== null }, first),
      );
    }
  }

  const statusRaw = readField(cells, mapping, 'status');
  let status: ObjectStatus = '存续';
  if (statusRaw !== '') {
    const s = normaliseObjectStatus(statusRaw);
    if (s === null) {
      issues.push({
        column: headerOf(mapping, 'status', '登记状态'),
        severity: 'error',
        value: statusRaw,
        message: `登记状态「${statusRaw}」无法识别：应为 存续（在营、开业）、注销或吊销`,
      });
    } else status = s;
  } else if (mapping['status'] !== undefined) {
    issues.push({
      column: headerOf(mapping, 'status', '登记状态'),
      severity: 'warning',
      value: '',
      message: '登记状态为空，按“存续”导入',
    });
  }

  const address = readField(cells, mapping, 'address');
  const regionText = readField(cells, mapping, 'region');
  const region = deriveObjectRegion({
    regionText,
    usccDivision: identity?.usccDivision ?? null,
    address,
    regNoDivision: identity?.regNoDivision ?? null,
    defaultRegionCode: context.defaultRegionCode,
  });
  if (region === null && identity !== null) {
    const clue =
      regionText !== ''
        ? `所属区域「${regionText}」`
        : identity.usccDivision !== null
          ? `统一社会信用代码第 3–8 位 ${identity.usccDivision}`
          : identity.regNoDivision !== null
            ? `注册号前 6 位 ${identity.regNoDivision}`
            : '地址';
    const column =
      regionText !== ''
        ? headerOf(mapping, 'region', '所属区域')
        : headerOf(mapping, identity.uscc !== null ? 'uscc' : 'regNo', '统一社会信用代码');
    issues.push({
      column,
      severity: 'error',
      value: regionText !== '' ? regionText : identity.id,
      message: `不属于本市辖区：${clue}和地址都不是本市的县区。若整份文件属于某个县区，请用 --region 指定（如 --region 140525）`,
    });
  }

  let establishedOn: string | null = null;
  const dateRaw = readField(cells, mapping, 'establishedOn');
  if (dateRaw !== '') {
    const d = parseCellDate(dateRaw);
    if (d.ok) establishedOn = d.value;
    else {
      issues.push({
        column: headerOf(mapping, 'establishedOn', '成立日期'),
        severity: 'warning',
        value: dateRaw,
        message: `成立日期「${dateRaw}」无法识别（应为 2014-05-30 或 Excel 日期），已留空`,
      });
    }
  }

  let registeredCapital: number | null = null;
  const capitalRaw = readField(cells, mapping, 'registeredCapital');
  if (capitalRaw !== '') {
    const c = parseCapital(capitalRaw);
    if (c === null) {
      issues.push({
        column: headerOf(mapping, 'registeredCapital', '注册资本'),
        severity: 'warning',
        value: capitalRaw,
        message: `注册资本「${capitalRaw}」不是数字（万元），已留空`,
      });
    } else {
      registeredCapital = c.amount;
      if (c.currency !== null) {
        issues.push({
          column: headerOf(mapping, 'registeredCapital', '注册资本'),
          severity: 'warning',
          value: capitalRaw,
          message: `注册资本以${c.currency}计，按数额 ${c.amount} 保存（平台以万元人民币计）`,
        });
      }
    }
  }

  let riskClass: RiskClass | null = null;
  const riskRaw = readField(cells, mapping, 'riskClass');
  if (riskRaw !== '') {
    riskClass = normaliseRiskClass(riskRaw);
    if (riskClass === null) {
      issues.push({
        column: headerOf(mapping, 'riskClass', '信用风险分类'),
        severity: 'warning',
        value: riskRaw,
        message: `信用风险分类「${riskRaw}」无法识别（应为 A/B/C/D 或 低/一般/较高/高风险），已留空`,
      });
    }
  }

  const rowIdentity = identity === null ? null : { id: identity.id, isUscc: identity.uscc !== null };
  if (identity === null || region === null || issues.some((i) => i.severity === 'error'))
    return { issues, identity: rowIdentity, duplicateAt };
  return {
    issues,
    identity: rowIdentity,
    duplicateAt,
    value: {
      id: identity.id,
      uscc: identity.uscc,
      regNo: identity.regNo,
      name,
      kind: deriveKind(readField(cells, mapping, 'type'), identity.uscc, identity.regNo),
      categoryCodes: findIndustryCategories(readField(cells, mapping, 'industry')),
      regionCode: region.regionCode,
      regionSource: region.source,
      address,
      businessScope: readField(cells, mapping, 'businessScope'),
      registeredCapital,
      establishedOn,
      status,
      legalRepresentative: readField(cells, mapping, 'legalRepresentative'),
      riskClass,
    },
  };
}
