/**
 * The body of a Word document (`word/document.xml`) as a {@link PlanGrid}: every table row is a grid row
 * (`w:gridSpan` → horizontal merge, `w:vMerge` restart/continue → vertical merge, `w:gridBefore` → leading
 * empty columns), every non-empty paragraph outside a table is a one-cell row (titles, region headings such
 * as `晋城市本级 (58)`). Paragraphs inside a cell are joined with a space; a nested table's text goes into the
 * cell that holds it. A small, careful walk over the tags: no DTDs, no entities beyond the XML five and
 * character references, deleted text (`w:delText`), field codes and alternate-content fallbacks skipped.
 */
import type { GridRange, PlanGrid } from './plan-grid.ts';

interface Tag {
  readonly name: string;
  readonly closing: boolean;
  readonly selfClosing: boolean;
  readonly attributes: string;
}

const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<[?!][\s\S]*?>|<(\/?)([A-Za-z_][\w.:-]*)([^>]*?)(\/?)>|([^<]+)/g;

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (whole, body: string) => {
    switch (body) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default: {
        const code = body.startsWith('#x') ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
        return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
    }
  });
}

function readAttribute(attributes: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(
    attributes,
  );
  return m === null ? undefined : decodeEntities(m[1] ?? m[2] ?? '');
}

interface CellDraft {
  paragraphs: string[];
  paragraph: string;
  span: number;
  vMerge: 'restart' | 'continue' | null;
}

interface RowDraft {
  cells: CellDraft[];
  gridBefore: number;
}

/** Text-bearing elements whose content is not the document's text. */
const SKIPPED = new Set(['w:delText', 'w:instrText', 'mc:Fallback', 'w:del', 'w:moveFrom']);

/** Converts `word/document.xml` to a grid. */
export function readDocxGrid(xml: string): PlanGrid {
  const cells: string[][] = [];
  const merges: GridRange[] = [];
  /** Open vertical merges of the current top-level table, by start column. */
  let open = new Map<number, GridRange>();
  let tableDepth = 0;
  let row: RowDraft | undefined;
  let cell: CellDraft | undefined;
  let bodyParagraph: string | undefined;
  let inText = false;
  let skipDepth = 0;

  const closeMerges = (): void => {
    for (const range of open.values()) {
      if (range.bottom > range.top || range.right > range.left) merges.push(range);
    }
    open = new Map();
  };
  const append = (text: string): void => {
    if (cell) cell.paragraph += text;
    else if (bodyParagraph !== undefined) bodyParagraph += text;
  };
  const endParagraph = (): void => {
    if (cell) {
      const text = cell.paragraph.replace(/\s+/g, ' ').trim();
      if (text !== '') cell.paragraphs.push(text);
      cell.paragraph = '';
    }
  };
  const finishRow = (draft: RowDraft): void => {
    const r = cells.length;
    const texts: string[] = Array.from({ length: draft.gridBefore }, () => '');
    for (const c of draft.cells) {
      const column = texts.length;
      const text = c.paragraphs.join(' ');
      texts.push(c.vMerge === 'continue' ? '' : text);
      for (let k = 1; k < c.span; k++) texts.push('');
      const right = column + c.span - 1;
      if (c.vMerge === 'continue') {
        const range = open.get(column);
        if (range) {
          open.set(column, { ...range, bottom: r });
          continue;
        }
      }
      const previous = open.get(column);
      if (previous) {
        if (previous.bottom > previous.top || previous.right > previous.left) merges.push(previous);
        open.delete(column);
      }
      if (c.vMerge !== null) open.set(column, { top: r, left: column, bottom: r, right });
      else if (right > column) merges.push({ top: r, left: column, bottom: r, right });
    }
    // Columns this row does not reach end their vertical merges.
    for (const [column, range] of open) {
      if (range.bottom < r) {
        if (range.bottom > range.top || range.right > range.left) merges.push(range);
        open.delete(column);
      }
    }
    cells.push(texts);
  };

  for (const m of xml.matchAll(TOKEN)) {
    const [whole, cdata, closing, name, attributes, selfClosing, text] = m;
    if (text !== undefined || cdata !== undefined) {
      if (inText && skipDepth === 0) append(cdata ?? decodeEntities(text ?? ''));
      continue;
    }
    if (name === undefined) continue;
    const tag: Tag = {
      name,
      closing: closing === '/',
      selfClosing: selfClosing === '/' || whole.endsWith('/>'),
      attributes: attributes ?? '',
    };
    if (SKIPPED.has(tag.name)) {
      if (tag.selfClosing) continue;
      skipDepth += tag.closing ? -1 : 1;
      if (skipDepth < 0) skipDepth = 0;
      continue;
    }
    if (skipDepth > 0) continue;

    switch (tag.name) {
      case 'w:t':
        inText = !tag.closing && !tag.selfClosing;
        break;
      case 'w:tab':
      case 'w:br':
      case 'w:cr':
        if (!tag.closing) append(' ');
        break;
      case 'w:p':
        if (tag.closing || tag.selfClosing) {
          if (tableDepth === 0 && bodyParagraph !== undefined) {
            const t = bodyParagraph.replace(/\s+/g, ' ').trim();
            if (t !== '') cells.push([t]);
            bodyParagraph = undefined;
          } else endParagraph();
        } else if (tableDepth === 0) bodyParagraph = '';
        break;
      case 'w:tbl':
        if (tag.closing) {
          tableDepth--;
          if (tableDepth === 0) closeMerges();
        } else if (!tag.selfClosing) tableDepth++;
        break;
      case 'w:tr':
        if (tableDepth !== 1) break;
        if (tag.closing) {
          if (row) finishRow(row);
          row = undefined;
        } else if (!tag.selfClosing) row = { cells: [], gridBefore: 0 };
        break;
      case 'w:gridBefore':
        if (tableDepth === 1 && row && cell === undefined) {
          row.gridBefore = Math.max(
            0,
            Math.min(60, Number(readAttribute(tag.attributes, 'w:val') ?? 0) || 0),
          );
        }
        break;
      case 'w:tc':
        if (tableDepth !== 1) break;
        if (tag.closing) {
          if (cell) {
            endParagraph();
            row?.cells.push(cell);
          }
          cell = undefined;
        } else if (!tag.selfClosing) cell = { paragraphs: [], paragraph: '', span: 1, vMerge: null };
        break;
      case 'w:gridSpan':
        if (tableDepth === 1 && cell) {
          cell.span = Math.max(1, Math.min(60, Number(readAttribute(tag.attributes, 'w:val') ?? 1) || 1));
        }
        break;
      case 'w:vMerge':
        if (tableDepth === 1 && cell) {
          cell.vMerge = readAttribute(tag.attributes, 'w:val') === 'restart' ? 'restart' : 'continue';
        }
        break;
      default:
        break;
    }
  }
  closeMerges();
  return { name: 'document', addressing: 'table', cells, merges };
}
