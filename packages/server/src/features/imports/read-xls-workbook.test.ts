import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { readSheetRows } from './read-sheet-rows.ts';
import { readXlsWorkbook, XlsReadTimeout } from './read-xls-workbook.ts';

/** Found by the plan fuzzer (FUZZ_SEED=99, SOAK=3): a mutated plan annex on which SheetJS 0.20.3 never returns. */
const FORMULA_LOOP = path.resolve(import.meta.dirname, '../../trust/corpus/xls-formula-token-loop.xls');

describe('readXlsWorkbook', () => {
  it('reads an .xls in a worker thread', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['名称', '地址'],
      ['甲', '乙'],
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'S');
    const bytes = XLSX.write(book, { type: 'buffer', bookType: 'biff8' }) as Buffer;
    const read = await readXlsWorkbook(bytes, {});
    const cell: XLSX.CellObject | undefined = read.Sheets['S']?.['A2'] as XLSX.CellObject | undefined;
    expect(cell?.v).toBe('甲');
  });

  it('stops a parse that never ends (an endless loop inside SheetJS) at the time limit', async () => {
    await expect(readXlsWorkbook(fs.readFileSync(FORMULA_LOOP), {}, 1500)).rejects.toBeInstanceOf(
      XlsReadTimeout,
    );
  });
});

describe('readSheetRows on an .xls that declares far more cells than it has', () => {
  it('reads the rows its cells span, not the range its dimension record claims', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['名称', '地址'],
      ['甲', '乙'],
    ]);
    // A fuzzed file declared A1:AVLS652 (21 million cells) around 9,401; BIFF8 writes this one as A1:IV652.
    sheet['!ref'] = 'A1:AVLS652';
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'S');
    const bytes = XLSX.write(book, { type: 'buffer', bookType: 'biff8' }) as Buffer;
    const reading = await readSheetRows({ fileName: 'wide.xls', bytes }, { fillMerges: true });
    const rows = [];
    for await (const row of reading.rows) rows.push(row);
    expect(rows.map((r) => r.cells)).toEqual([
      ['名称', '地址'],
      ['甲', '乙'],
    ]);
  });
});
