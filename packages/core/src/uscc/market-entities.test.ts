import * as XLSX from '@e965/xlsx';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkUscc } from './check-uscc.ts';
import { detectExcelCorruption } from './excel-corruption.ts';
import { checkRegistrationNumber } from './registration-number.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const file = `${repoRoot}../shared/realdata/market-entities-2021.xls`;

type Kind = 'empty' | 'valid-uscc' | 'corrupted' | 'registration-number' | 'other';

function classify(raw: string): Kind {
  if (raw.trim() === '') return 'empty';
  if (checkUscc(raw).ok) return 'valid-uscc';
  if (detectExcelCorruption(raw) !== null) return 'corrupted';
  if (checkRegistrationNumber(raw).ok) return 'registration-number';
  return 'other';
}

function count(values: readonly string[]): Record<Kind, number> {
  const counts: Record<Kind, number> = {
    empty: 0,
    'valid-uscc': 0,
    corrupted: 0,
    'registration-number': 0,
    other: 0,
  };
  for (const v of values) counts[classify(v)] += 1;
  return counts;
}

/**
 * The real county export (DOMAIN.md §8): column TYXYDM holds USCCs, some stored as numbers by Excel
 * (shown as 9.1469E+17, last three digits lost); column 注册号 holds the older registration numbers.
 */
type Loaded = {
  readonly sheet: XLSX.WorkSheet;
  readonly body: unknown[][];
  readonly uscIndex: number;
  readonly regIndex: number;
};

/** Reads the workbook (only when the file exists: a skipped suite's body still runs at collection). */
function load(): Loaded {
  const workbook = XLSX.read(readFileSync(file));
  const sheet = workbook.Sheets[workbook.SheetNames[0] ?? ''];
  if (sheet === undefined) throw new Error('no sheet');
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null });
  const header = rows[0] ?? [];
  return {
    sheet,
    body: rows.slice(1),
    uscIndex: header.indexOf('TYXYDM'),
    regIndex: header.indexOf('注册号'),
  };
}

describe.skipIf(!existsSync(file))('real market-entity export (market-entities-2021.xls)', () => {
  let data: Loaded;
  beforeAll(() => {
    data = load();
  });
  const cellText = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

  it('classifies every TYXYDM cell: valid USCC or caught as corrupted, nothing else', () => {
    const { body, uscIndex } = data;
    const counts = count(body.map((r) => cellText(r[uscIndex])));
    console.info('TYXYDM', counts);
    // Pinned: 651 rows; 83 codes were stored as numbers (all 18 digits ending in 000/0000).
    expect(counts).toEqual({
      empty: 299,
      'valid-uscc': 269,
      corrupted: 83,
      'registration-number': 0,
      other: 0,
    });
    expect(counts.empty + counts['valid-uscc'] + counts.corrupted).toBe(body.length);
  });

  it('catches the corrupted codes in the form Excel displays them, too', () => {
    const { sheet, uscIndex } = data;
    const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1');
    let numeric = 0;
    for (let r = range.s.r + 1; r <= range.e.r; r++) {
      const cell = sheet[XLSX.utils.encode_cell({ r, c: uscIndex })] as XLSX.CellObject | undefined;
      if (cell?.t !== 'n') continue;
      numeric += 1;
      expect(detectExcelCorruption(String(cell.w))).toMatchObject({ kind: 'scientific-notation' });
      expect(detectExcelCorruption(String(cell.v))).toMatchObject({ kind: 'digits-lost' });
      expect(detectExcelCorruption(BigInt(Number(cell.v)).toString())).not.toBeNull();
    }
    expect(numeric).toBeGreaterThan(0);
  });

  it('every string USCC in the file is valid (the detector accepts all of them)', () => {
    const { body, uscIndex } = data;
    const strings = body
      .map((r) => r[uscIndex])
      .filter((v): v is string => typeof v === 'string' && v !== '');
    for (const s of strings) {
      expect(checkUscc(s).ok).toBe(true);
      expect(detectExcelCorruption(s)).toBeNull();
    }
  });

  it('checks the 注册号 column with ISO 7064 MOD 11,10', () => {
    const { body, regIndex } = data;
    const values = body.map((r) => cellText(r[regIndex]));
    const counts = count(values);
    const fifteenDigits = values.filter((v) => /^[0-9]{15}$/.test(v));
    const failing = fifteenDigits.filter((v) => !checkRegistrationNumber(v).ok);
    console.info('注册号', counts, { fifteenDigits: fifteenDigits.length, failingCheck: failing.length });
    expect(failing).toEqual([]);
    // 616 valid 15-digit numbers; the 35 others are 12/13-digit older numbers, cooperative numbers
    // like 469006NA…X and foreign-investment licence numbers (企独琼总字第…号): not checkable.
    expect(counts).toEqual({
      empty: 0,
      'valid-uscc': 0,
      corrupted: 0,
      'registration-number': 616,
      other: 35,
    });
    expect(counts['registration-number']).toBe(fifteenDigits.length);
  });
});
