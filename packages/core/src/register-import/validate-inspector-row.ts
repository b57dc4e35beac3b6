/**
 * One row of an inspector register file (执法检查人员名录库, DOMAIN.md §2): department by name or alias, the 执法证
 * with its expiry (DOMAIN.md §3: only a valid, unexpired certificate makes an inspector drawable).
 */
import type { InspectorStatus } from '../registry/register-types.ts';
import { matchRegionText } from './find-object-region.ts';
import type { CellIssue } from './import-issue.ts';
import { parseCellDate } from './parse-cell-date.ts';
import { normaliseInspectorStatus } from './parse-cell-values.ts';
import type { ColumnMapping } from './suggest-column-mapping.ts';
import { headerOf, readField } from './validate-object-row.ts';
import type { RowValidation } from './validate-object-row.ts';

/** A department of the platform (the `departments` table) as the matcher needs it. */
export interface KnownDepartment {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly shortName: string;
  readonly aliases: readonly string[];
  readonly regionCode: string;
}

export interface ImportedInspector {
  /** Stable code: the file's 人员编号, else the certificate number. */
  readonly code: string;
  readonly name: string;
  readonly departmentId: number;
  readonly regionCode: string;
  readonly certificateNo: string;
  readonly certificateExpiresOn: string;
  readonly specialties: readonly string[];
  readonly status: InspectorStatus;
  readonly beat: string | null;
}

export interface InspectorRowContext {
  readonly departments: readonly KnownDepartment[];
  /** Certificate numbers and codes of earlier rows → row numbers. */
  readonly seen: ReadonlyMap<string, number>;
  /** `YYYY-MM-DD`: a certificate expired before it gets a warning. */
  readonly today: string;
  readonly defaultRegionCode: string | null;
}

/** Department lookup key: NFKC, no whitespace. */
export function departmentLookupKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * The departments a printed name can mean: by code, canonical name, short name or alias; within `regionCode` when
 * given and that narrows it down.
 */
export function findDepartments(
  departments: readonly KnownDepartment[],
  printed: string,
  regionCode: string | null,
): KnownDepartment[] {
  const key = departmentLookupKey(printed);
  if (key === '') return [];
  const hits = departments.filter(
    (d) =>
      d.code === key ||
      departmentLookupKey(d.name) === key ||
      departmentLookupKey(d.shortName) === key ||
      d.aliases.some((a) => departmentLookupKey(a) === key),
  );
  if (regionCode === null || hits.length <= 1) return hits;
  const inRegion = hits.filter((d) => d.regionCode === regionCode);
  return inRegion.length > 0 ? inRegion : hits;
}

/** Splits a list cell (专业: 食品、药品；特种设备) into its entries. */
export function splitListCell(text: string): string[] {
  return text
    .split(/[、,，;；/|\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Validates one inspector row. Errors: no name, department unknown or ambiguous, no certificate number or a duplicate
 * one, an unreadable expiry date, an unknown region or status. Warning: the certificate has expired (stored: the draw
 * leaves the inspector out until the certificate is renewed).
 */
export function validateInspectorRow(
  cells: readonly string[],
  mapping: ColumnMapping,
  context: InspectorRowContext,
): RowValidation<ImportedInspector> {
  const issues: CellIssue[] = [];
  const error = (key: string, fallback: string, value: string, message: string): void => {
    issues.push({ column: headerOf(mapping, key, fallback), severity: 'error', value, message });
  };
  const name = readField(cells, mapping, 'name');
  if (name === '') error('name', '姓名', '', '姓名为空');

  const regionText = readField(cells, mapping, 'region');
  let regionCode: string | null = null;
  if (regionText !== '') {
    regionCode = matchRegionText(regionText);
    if (regionCode === null) error('region', '地区', regionText, `地区「${regionText}」不是本市的县区`);
  }

  const departmentText = readField(cells, mapping, 'department');
  let departmentId: number | null = null;
  if (departmentText === '') error('department', '部门', '', '部门为空');
  else {
    const hits = findDepartments(
      context.departments,
      departmentText,
      regionCode ?? context.defaultRegionCode,
    );
    if (hits.length === 0) {
      error(
        'department',
        '部门',
        departmentText,
        `部门「${departmentText}」不在部门库中：请写部门全称或计划中使用的简称`,
      );
    } else if (hits.length > 1) {
      error(
        'department',
        '部门',
        departmentText,
        `部门「${departmentText}」不唯一（${hits.map((d) => d.name).join('、')}）：请写全称，或填写地区`,
      );
    } else {
      const d = hits[0];
      if (d !== undefined) {
        departmentId = d.id;
        regionCode ??= d.regionCode;
      }
    }
  }

  const certificateNo = readField(cells, mapping, 'certificateNo').normalize('NFKC').replace(/\s+/g, '');
  if (certificateNo === '')
    error('certificateNo', '执法证号', '', '执法证号为空：没有执法证的人员不能参加检查');
  const code = readField(cells, mapping, 'code') || certificateNo;
  for (const [key, value] of [
    ['certificateNo', certificateNo],
    ['code', code],
  ] as const) {
    const first = value === '' ? undefined : context.seen.get(`${key}:${value}`);
    if (first !== undefined && (key === 'certificateNo' || mapping['code'] !== undefined)) {
      error(key, key === 'code' ? '人员编号' : '执法证号', value, `与第 ${first} 行重复（${value}）`);
    }
  }

  const expiryRaw = readField(cells, mapping, 'certificateExpiresOn');
  let expiresOn: string | null = null;
  if (expiryRaw === '') error('certificateExpiresOn', '有效期', '', '执法证有效期为空');
  else {
    const d = parseCellDate(expiryRaw.replace(/^.*[至到~～—-]\s*(?=[0-9]{4})/, ''));
    if (!d.ok)
      error(
        'certificateExpiresOn',
        '有效期',
        expiryRaw,
        `执法证有效期「${expiryRaw}」无法识别（应为 2026-12-31）`,
      );
    else {
      expiresOn = d.value;
      if (expiresOn < context.today) {
        issues.push({
          column: headerOf(mapping, 'certificateExpiresOn', '有效期'),
          severity: 'warning',
          value: expiryRaw,
          message: `执法证已于 ${expiresOn} 过期：换证前不会被抽中`,
        });
      }
    }
  }

  const statusRaw = readField(cells, mapping, 'status');
  const status = normaliseInspectorStatus(statusRaw);
  if (status === null)
    error('status', '状态', statusRaw, `状态「${statusRaw}」无法识别：应为 在岗、休假 或 调离`);

  regionCode ??= context.defaultRegionCode;
  if (
    issues.some((i) => i.severity === 'error') ||
    departmentId === null ||
    expiresOn === null ||
    status === null
  ) {
    return { issues };
  }
  if (regionCode === null) return { issues };
  const beat = readField(cells, mapping, 'beat');
  return {
    issues,
    value: {
      code,
      name,
      departmentId,
      regionCode,
      certificateNo,
      certificateExpiresOn: expiresOn,
      specialties: splitListCell(readField(cells, mapping, 'specialties')),
      status,
      beat: beat === '' ? null : beat,
    },
  };
}
