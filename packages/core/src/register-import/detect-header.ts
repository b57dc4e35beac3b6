import type { ImportFileKind } from './register-fields.ts';
import { suggestColumnMapping } from './suggest-column-mapping.ts';
import type { MappingSuggestion } from './suggest-column-mapping.ts';

/** The header of a register file: where it is, what its columns are called, and the suggested mapping. */
export interface DetectedHeader {
  /** 0-based index, among the rows given, of the first header row. */
  readonly headerStart: number;
  /** 1, or 2 for a two-row header (抽查项目 over 抽查类别 | 抽查事项). */
  readonly headerRowCount: 1 | 2;
  /** 0-based index of the first data row. */
  readonly dataStart: number;
  /** Each column's header as issues name it: the text that matched a field, else the lowest non-empty text. */
  readonly headers: readonly string[];
  readonly suggestion: MappingSuggestion;
}

/** Rows searched for a header: title lines (附件1, the list's name) come first in real files. */
export const HEADER_SCAN_ROWS = 20;

function clean(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Candidate texts of each column when rows `top` and `bottom` form one header: the lower text, the upper text (or,
 * under a horizontally merged upper cell whose value sits in its first column only, the nearest upper text to the
 * left), and both joined.
 */
function combineRows(top: readonly string[], bottom: readonly string[]): string[][] {
  const width = Math.max(top.length, bottom.length);
  const out: string[][] = [];
  let carried = '';
  for (let c = 0; c < width; c++) {
    const t = clean(top[c]);
    const b = clean(bottom[c]);
    if (t !== '') carried = t;
    const upper = t !== '' ? t : b !== '' ? carried : '';
    out.push(
      [b, upper, upper !== '' && b !== '' && upper !== b ? `${upper}${b}` : ''].filter((s) => s !== ''),
    );
  }
  return out;
}

/** Whether a row could be the lower half of a header: short texts, none a number or a date (data rows have them). */
function looksLikeHeaderRow(row: readonly string[]): boolean {
  const texts = row.map(clean).filter((t) => t !== '');
  return texts.length > 0 && texts.every((t) => t.length <= 30 && !/^[0-9.,:/-]+$/.test(t));
}

function chooseHeaders(candidates: readonly (readonly string[])[], suggestion: MappingSuggestion): string[] {
  const byColumn = new Map<number, string>();
  for (const m of Object.values(suggestion.mapping)) if (m !== undefined) byColumn.set(m.column, m.header);
  return candidates.map((texts, c) => byColumn.get(c) ?? texts[0] ?? '');
}

/**
 * Finds the header of a register file among its first rows (DOMAIN.md §8: real lists open with title rows and may
 * have a two-row header with merged cells). Every row, and every pair of adjacent rows read as one header, is scored
 * by how well its texts name the register's fields; the best wins, a pair only when it scores higher than its upper
 * row alone. Returns null when no row names any field.
 */
export function detectHeader(
  rows: readonly (readonly string[])[],
  kind: ImportFileKind,
): DetectedHeader | null {
  let best: DetectedHeader | null = null;
  const scan = Math.min(rows.length, HEADER_SCAN_ROWS);
  for (let i = 0; i < scan; i++) {
    const row = rows[i] ?? [];
    const single = row.map((t) => [clean(t)]);
    const singleSuggestion = suggestColumnMapping(single, kind);
    if (singleSuggestion.score > 0 && (best === null || singleSuggestion.score > best.suggestion.score)) {
      best = {
        headerStart: i,
        headerRowCount: 1,
        dataStart: i + 1,
        headers: chooseHeaders(single, singleSuggestion),
        suggestion: singleSuggestion,
      };
    }
    const next = rows[i + 1];
    if (next === undefined || i + 1 >= scan || !looksLikeHeaderRow(next) || !looksLikeHeaderRow(row))
      continue;
    if (row.filter((t) => clean(t) !== '').length < 2) continue; // a title line over the header
    const pair = combineRows(row, next);
    const pairSuggestion = suggestColumnMapping(pair, kind);
    if (
      pairSuggestion.score > singleSuggestion.score &&
      (best === null || pairSuggestion.score > best.suggestion.score)
    ) {
      best = {
        headerStart: i,
        headerRowCount: 2,
        dataStart: i + 2,
        headers: chooseHeaders(pair, pairSuggestion),
        suggestion: pairSuggestion,
      };
    }
  }
  return best;
}
