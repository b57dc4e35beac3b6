import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsvParser } from './csv-parser.ts';
import type { CsvRecord } from './csv-parser.ts';

function parseInChunks(text: string, sizes: readonly number[]): CsvRecord[] {
  const parser = createCsvParser();
  const out: CsvRecord[] = [];
  let at = 0;
  let k = 0;
  while (at < text.length) {
    const size = Math.max(1, sizes[k % Math.max(sizes.length, 1)] ?? text.length);
    out.push(...parser.push(text.slice(at, at + size)));
    at += size;
    k += 1;
  }
  out.push(...parser.end());
  return out;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) || cell === '' ? `"${cell.replace(/"/g, '""')}"` : cell;
}

describe('createCsvParser (RFC 4180)', () => {
  it('reads quoted fields with separators, quotes and line breaks, CRLF and LF, and drops a BOM', () => {
    const text = '\uFEFF名称,地址\r\n"甲,乙","他说""好""\n第二行"\nplain,\r\n';
    expect(parseInChunks(text, [1000])).toEqual([
      { row: 1, cells: ['名称', '地址'] },
      { row: 2, cells: ['甲,乙', '他说"好"\n第二行'] },
      { row: 3, cells: ['plain', ''] },
    ]);
  });

  it('reads a last record without a line break', () => {
    expect(parseInChunks('a,b\nc,d', [2])).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['c', 'd'] },
    ]);
  });

  it('reports a missing closing quote', () => {
    const p = createCsvParser();
    p.push('a,"b\nc');
    expect(p.end()).toEqual([{ row: 1, cells: ['a', 'b\nc'] }]);
    expect(p.unterminatedQuote).toBe(true);
  });

  it('property: any table written as CSV reads back the same, whatever the chunk sizes', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', '甲', ',', '"', '\n', '\r\n', ' ', '9'),
      maxLength: 6,
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 5 }),
        (table, sizes) => {
          const text = table.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
          const read = parseInChunks(text, sizes);
          expect(read.map((r) => r.cells)).toEqual(table);
          expect(read.map((r) => r.row)).toEqual(table.map((_, i) => i + 1));
        },
      ),
    );
  });
});
