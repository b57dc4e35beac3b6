/**
 * 抽查事项 cells list several matters with enumeration markers: `1. A 2. B`, `1、A; 2、B`, `1.A2.B`,
 * `1A； 2B`, `(1)A (2)B`, `①A②B`. Without markers 1, 2, … in order from the start, the cell is one matter
 * (clauses separated only by spaces or semicolons stay together: there is no telling them apart).
 */

/** Collapses whitespace runs to one space and trims. */
export function tidyText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const TRAILING_SEPARATORS = /[\s;；,，、]+$/;
const LEADING_SEPARATORS = /^[\s;；,，、]+/;

interface Marker {
  readonly at: number;
  readonly length: number;
}

/** Finds marker `k` at or after `from`; null when absent. */
function findMarker(text: string, k: number, from: number): Marker | null {
  const circled = CIRCLED[k - 1];
  const digits = String(k);
  for (let i = from; i < text.length; i++) {
    if (circled !== undefined && text[i] === circled) return { at: i, length: 1 };
    if (text[i] === '(' || text[i] === '（') {
      const m = new RegExp(`^[(（]\\s*${digits}\\s*[)）]`).exec(text.slice(i));
      if (m) return { at: i, length: m[0].length };
    }
    if (!text.startsWith(digits, i)) continue;
    const before = i === 0 ? '' : (text[i - 1] ?? '');
    if (/[\d.]/.test(before)) continue;
    const after = text[i + digits.length] ?? '';
    const next = text[i + digits.length + 1] ?? '';
    // `k.` `k、` `k)`: not followed by a digit (2.5%), anywhere (the previous item may end without a separator)
    if (/[.．、)）]/.test(after) && !/\d/.test(next)) return { at: i, length: digits.length + 1 };
    // `k` glued to the text: only at the start or after a separator, and not a count (2次, 3家)
    const separated = i === 0 || /[\s;；,，。:：]/.test(before);
    if (separated && /[\u4e00-\u9fff“"《]/.test(after) && !/[次家户个年月日号条项%]/.test(after)) {
      return { at: i, length: digits.length };
    }
  }
  return null;
}

/** Splits a matters cell into its enumerated items; [] for an empty cell. */
export function splitMatters(cell: string): string[] {
  const text = tidyText(cell);
  if (text === '') return [];
  const first = findMarker(text, 1, 0);
  if (first === null || first.at !== 0) return [text];
  const markers: Marker[] = [first];
  for (let k = 2; ; k++) {
    const previous = markers[markers.length - 1];
    if (previous === undefined) break;
    const next = findMarker(text, k, previous.at + previous.length + 1);
    if (next === null) break;
    markers.push(next);
  }
  if (markers.length < 2) {
    const only = tidy(text.slice(first.length));
    return only === '' ? [] : [only];
  }
  const items: string[] = [];
  markers.forEach((m, index) => {
    const end = markers[index + 1]?.at ?? text.length;
    const item = tidy(text.slice(m.at + m.length, end));
    if (item !== '') items.push(item);
  });
  return items;
}

function tidy(item: string): string {
  return item.replace(LEADING_SEPARATORS, '').replace(TRAILING_SEPARATORS, '').trim();
}
