import { readFileSync } from 'node:fs';
import { readSheetRows } from '../features/imports/read-sheet-rows.ts';
const file = process.argv[2] ?? '';
const t = Date.now();
const reading = await readSheetRows({ fileName: file, bytes: readFileSync(file) }, { fillMerges: process.argv[3] === 'merge' });
let n = 0;
try {
  for await (const row of reading.rows) { n += 1; if (n % 1000 === 0) console.log('rows', n, row.cells.length, Date.now() - t); }
  console.log('done', n, Date.now() - t);
} catch (e) { console.log('threw', String(e).slice(0, 300), Date.now() - t); }
