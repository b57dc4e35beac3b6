import { IMPORT_FIELDS, IMPORT_FILE_NAMES } from './register-fields.ts';
import type { ImportFileKind } from './register-fields.ts';
import type { ColumnMapping } from './suggest-column-mapping.ts';

/**
 * What a mapping lacks for a register to be importable, as messages for a clerk (empty when complete): every required
 * field, and for objects an identity column (统一社会信用代码 or 注册号).
 */
export function listMappingGaps(mapping: ColumnMapping, kind: ImportFileKind): string[] {
  const gaps: string[] = [];
  for (const f of IMPORT_FIELDS[kind]) {
    if (f.required && mapping[f.key] === undefined) {
      gaps.push(`找不到“${f.label}”列（可用的表头：${f.aliases.slice(0, 4).join('、')}）`);
    }
  }
  if (kind === 'objects' && mapping['uscc'] === undefined && mapping['regNo'] === undefined) {
    gaps.push('找不到“统一社会信用代码”或“注册号”列：无法确定检查对象的标识');
  }
  if (gaps.length > 0) gaps.unshift(`这不像是${IMPORT_FILE_NAMES[kind]}：`);
  return gaps;
}
