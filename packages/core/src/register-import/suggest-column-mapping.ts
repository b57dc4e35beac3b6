import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { IMPORT_FIELDS, normaliseHeaderText } from './register-fields.ts';
import type { FieldSpec, ImportFileKind } from './register-fields.ts';

/** Where a field's values are: a 0-based column, its header text as the file prints it, and how sure the match is. */
export interface MappedColumn {
  readonly column: number;
  /** The file's own header text (what issues and reports name). */
  readonly header: string;
  /** 1 for an exact header name, less for a header that merely contains one; 1 for a user's override. */
  readonly confidence: number;
}

/** Field key (register-fields.ts) → column. A field without a column is absent. */
export type ColumnMapping = Readonly<Partial<Record<string, MappedColumn>>>;

export interface MappingSuggestion {
  readonly mapping: ColumnMapping;
  /** Required fields no column was found for: the file cannot be imported without an override. */
  readonly missing: readonly string[];
  /** Sum of confidences, plus one per required field found: how well the header row fits the register. */
  readonly score: number;
}

const CJK = /[\u3400-\u9fff]/;

/**
 * How well one header text names a field: 1 for an alias exactly, 0.8 when it starts or ends with a Chinese alias
 * (企业名称（全称）), 0.6 when it contains one (headers of at most 20 characters); 0 otherwise. Pinyin codes (ZT, HY) only match exactly.
 */
export function scoreHeader(header: string, field: FieldSpec): number {
  const text = normaliseHeaderText(header);
  if (text === '') return 0;
  let best = 0;
  for (const alias of field.aliases) {
    const a = normaliseHeaderText(alias);
    if (text === a) return 1;
    // Containment only in short headers: a title line (…抽查事项清单) names no column.
    if (!CJK.test(a) || a.length < 2 || text.length > 20 || !text.includes(a)) continue;
    best = Math.max(best, text.startsWith(a) || text.endsWith(a) ? 0.8 : 0.6);
  }
  return best;
}

/**
 * Suggests which column holds which field of `kind`, from the header texts. Each column has one or more candidate
 * texts (a two-row header gives the lower text, the upper one, and both joined); the best candidate counts. Fields
 * and columns are paired greedily, best score first, so a column serves one field and a field takes one column.
 */
export function suggestColumnMapping(
  headers: readonly (string | readonly string[])[],
  kind: ImportFileKind,
): MappingSuggestion {
  const fields = IMPORT_FIELDS[kind];
  const pairs: { field: FieldSpec; fieldIndex: number; column: number; header: string; score: number }[] = [];
  headers.forEach((entry, column) => {
    const candidates = typeof entry === 'string' ? [entry] : entry;
    fields.forEach((field, fieldIndex) => {
      let best = 0;
      let bestText = '';
      for (const text of candidates) {
        const s = scoreHeader(text, field);
        if (s > best) {
          best = s;
          bestText = text;
        }
      }
      if (best > 0) pairs.push({ field, fieldIndex, column, header: bestText.trim(), score: best });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.column - b.column || a.fieldIndex - b.fieldIndex);
  const mapping: Record<string, MappedColumn> = {};
  const usedColumns = new Set<number>();
  for (const p of pairs) {
    if (mapping[p.field.key] !== undefined || usedColumns.has(p.column)) continue;
    mapping[p.field.key] = { column: p.column, header: p.header, confidence: p.score };
    usedColumns.add(p.column);
  }
  const missing = fields.filter((f) => f.required && mapping[f.key] === undefined).map((f) => f.key);
  const found = Object.values(mapping).reduce((sum, m) => sum + m.confidence, 0);
  const required = fields.filter((f) => f.required && mapping[f.key] !== undefined).length;
  return { mapping, missing, score: found + required };
}

export type MappingOverrideProblem =
  | { readonly kind: 'unknown-field'; readonly field: string }
  | { readonly kind: 'unknown-column'; readonly field: string; readonly column: string };

/** Column letters (A, AA) → 0-based index, or -1. */
function parseColumnLetters(text: string): number {
  if (!/^[A-Z]{1,3}$/.test(text)) return -1;
  let n = 0;
  for (const ch of text) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Applies a clerk's corrections to a suggested mapping. Each override names a field key and a column: the header
 * text as printed, a column letter (`C`), or a 1-based number (`3`); an empty value or `-` removes the field.
 * A header text wins over a column letter when both could apply (a column headed `ZT`).
 */
export function overrideColumnMapping(
  suggested: ColumnMapping,
  headers: readonly string[],
  kind: ImportFileKind,
  overrides: Readonly<Record<string, string>>,
): Result<ColumnMapping, MappingOverrideProblem> {
  const mapping = new Map<string, MappedColumn>();
  for (const [key, value] of Object.entries(suggested)) if (value !== undefined) mapping.set(key, value);
  const keys = new Set(IMPORT_FIELDS[kind].map((f) => f.key));
  for (const [field, target] of Object.entries(overrides)) {
    if (!keys.has(field)) return err({ kind: 'unknown-field', field });
    const wanted = target.trim();
    if (wanted === '' || wanted === '-') {
      mapping.delete(field);
      continue;
    }
    let column = headers.findIndex((h) => normaliseHeaderText(h) === normaliseHeaderText(wanted));
    if (column < 0 && /^[0-9]+$/.test(wanted)) column = Number(wanted) - 1;
    if (column < 0) column = parseColumnLetters(wanted.toUpperCase());
    if (column < 0 || column >= headers.length) return err({ kind: 'unknown-column', field, column: target });
    for (const [other, m] of [...mapping]) if (m.column === column) mapping.delete(other);
    mapping.set(field, { column, header: (headers[column] ?? '').trim(), confidence: 1 });
  }
  return ok(Object.fromEntries(mapping));
}
