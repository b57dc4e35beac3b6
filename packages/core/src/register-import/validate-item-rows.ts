/**
 * The rows of an item list (随机抽查事项清单, DOMAIN.md §2) → its entries. Real lists group matters under a department
 * and a category written once, in merged or blank cells below; a matter may run over several rows when one of its
 * cells (two legal bases) is split. So: department, 序号, category and 抽查领域 carry down over blank cells; a row
 * without a matter but with other text continues the entry above; a row with a matter starts a new entry.
 */
import type { ImportIssue } from './import-issue.ts';
import { normaliseItemType } from './parse-cell-values.ts';
import type { ColumnMapping } from './suggest-column-mapping.ts';
import { findDepartments, splitListCell } from './validate-inspector-row.ts';
import type { KnownDepartment } from './validate-inspector-row.ts';
import { headerOf, readField } from './validate-object-row.ts';

export interface ImportedItem {
  /** Spreadsheet row of the entry's first row. */
  readonly row: number;
  readonly sequence: string;
  /** The department as printed (编制单位名称, else 发起部门). */
  readonly department: string;
  /** The platform department it resolves to, or null (a province's list names province bodies). */
  readonly departmentId: number | null;
  readonly category: string;
  readonly matter: string;
  readonly objectScope: string;
  readonly itemType: '一般' | '重点' | null;
  readonly method: string;
  readonly inspectingBody: string;
  readonly legalBasis: string;
  /** Joint-list fields: 抽查领域, 发起部门, 配合部门. */
  readonly field: string;
  readonly initiator: string;
  readonly cooperators: readonly string[];
}

export interface ItemRowsContext {
  readonly departments: readonly KnownDepartment[];
  readonly regionCode: string | null;
}

export interface SourceRow {
  /** Spreadsheet row number (1-based). */
  readonly row: number;
  readonly cells: readonly string[];
  /**
   * Per column: the cell lies below the top of a vertically merged range and shows its master's text (readers that
   * know merges fill them in). A merged matter is one entry, not a repeat; a merged 检查对象 is shared by entries.
   */
  readonly continued?: readonly boolean[];
}

const CARRIED = ['department', 'sequence', 'category', 'field'] as const;
const TEXT_FIELDS = [
  'objectScope',
  'method',
  'inspectingBody',
  'legalBasis',
  'initiator',
  'cooperators',
  'itemTypeText',
] as const;
type TextField = (typeof TEXT_FIELDS)[number];
const FIELD_KEY: Record<TextField, string> = {
  objectScope: 'object',
  method: 'method',
  inspectingBody: 'inspectingBody',
  legalBasis: 'legalBasis',
  initiator: 'initiator',
  cooperators: 'cooperators',
  itemTypeText: 'itemType',
};

interface Draft {
  row: number;
  carried: Record<(typeof CARRIED)[number], string>;
  matter: string;
  texts: Record<TextField, string[]>;
}

function appendDistinct(list: string[], text: string): void {
  if (text !== '' && !list.includes(text)) list.push(text);
}

/**
 * Assembles and validates the entries of an item list. Errors: a row with text but no matter and no entry above to
 * continue. Warnings: an unknown 事项类别 (left empty), a department not in the platform's list (once per name), an
 * entry repeated within the file.
 */
export function validateItemRows(
  rows: readonly SourceRow[],
  mapping: ColumnMapping,
  context: ItemRowsContext,
): { readonly items: readonly ImportedItem[]; readonly issues: readonly ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const drafts: Draft[] = [];
  const carried: Record<(typeof CARRIED)[number], string> = {
    department: '',
    sequence: '',
    category: '',
    field: '',
  };
  let current: Draft | null = null;

  for (const { row, cells, continued } of rows) {
    const own = (key: string): string => readField(cells, mapping, key).replace(/\r\n?/g, '\n');
    const isContinued = (key: string): boolean => {
      const m = mapping[key];
      return m !== undefined && continued?.[m.column] === true;
    };
    if (cells.every((c) => c.trim() === '')) continue;
    const sequence = isContinued('sequence') ? '' : own('sequence');
    const startsGroup = sequence !== '' || (own('department') !== '' && !isContinued('department'));
    for (const key of CARRIED) {
      const text = own(key);
      if (text !== '') carried[key] = text;
      // A new 序号 opens a new group: its category and field are its own even when blank.
      else if (startsGroup && key !== 'department' && key !== 'sequence') carried[key] = '';
    }
    const matter = isContinued('matter') ? '' : own('matter');
    const texts = Object.fromEntries(TEXT_FIELDS.map((f) => [f, own(FIELD_KEY[f])])) as Record<
      TextField,
      string
    >;
    if (matter === '') {
      const hasText = TEXT_FIELDS.some((f) => texts[f] !== '');
      if (!hasText) continue;
      if (current === null) {
        issues.push({
          row,
          column: headerOf(mapping, 'matter', '抽查事项'),
          severity: 'error',
          value: '',
          message: '抽查事项为空，上方也没有可以接续的事项：请填写抽查事项',
        });
        continue;
      }
      for (const f of TEXT_FIELDS) appendDistinct(current.texts[f], texts[f]);
      continue;
    }
    current = {
      row,
      carried: { ...carried },
      matter,
      texts: Object.fromEntries(TEXT_FIELDS.map((f) => [f, texts[f] === '' ? [] : [texts[f]]])) as Record<
        TextField,
        string[]
      >,
    };
    drafts.push(current);
  }

  const items: ImportedItem[] = [];
  const warnedDepartments = new Set<string>();
  const seen = new Map<string, number>();
  for (const d of drafts) {
    const typeText = d.texts.itemTypeText.join('；');
    const itemType = typeText === '' ? null : normaliseItemType(typeText);
    if (typeText !== '' && itemType === null) {
      issues.push({
        row: d.row,
        column: headerOf(mapping, 'itemType', '事项类别'),
        severity: 'warning',
        value: typeText,
        message: `事项类别「${typeText}」无法识别（应为 一般检查事项 或 重点检查事项），已留空`,
      });
    }
    const initiator = d.texts.initiator.join('；');
    const department = d.carried.department !== '' ? d.carried.department : initiator;
    let departmentId: number | null = null;
    if (department !== '') {
      const hits = findDepartments(context.departments, department, context.regionCode);
      if (hits.length === 1 && hits[0] !== undefined) departmentId = hits[0].id;
      else if (!warnedDepartments.has(department)) {
        warnedDepartments.add(department);
        const key = d.carried.department !== '' ? 'department' : 'initiator';
        issues.push({
          row: d.row,
          column: headerOf(mapping, key, '部门'),
          severity: 'warning',
          value: department,
          message:
            hits.length === 0
              ? `部门「${department}」不在本平台部门库中：事项照原文保存，未关联到部门（同名的后续行不再提示）`
              : `部门「${department}」对应多个部门：事项照原文保存，未关联到部门（同名的后续行不再提示）`,
        });
      }
    }
    const objectScope = d.texts.objectScope.join('；');
    const key = [department, d.carried.category, d.matter, objectScope].join('\u0000');
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({
        row: d.row,
        column: headerOf(mapping, 'matter', '抽查事项'),
        severity: 'warning',
        value: d.matter,
        message: `与第 ${first} 行的事项相同（部门、类别、事项和检查对象都一样）`,
      });
    } else seen.set(key, d.row);
    items.push({
      row: d.row,
      sequence: d.carried.sequence,
      department,
      departmentId,
      category: d.carried.category,
      matter: d.matter,
      objectScope,
      itemType,
      method: d.texts.method.join('；'),
      inspectingBody: d.texts.inspectingBody.join('；'),
      legalBasis: d.texts.legalBasis.join('\n'),
      field: d.carried.field,
      initiator,
      cooperators: d.texts.cooperators.flatMap(splitListCell),
    });
  }
  issues.sort((a, b) => a.row - b.row);
  return { items, issues };
}
