import * as XLSX from '@e965/xlsx';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listMappingGaps } from './check-mapping.ts';
import { detectHeader } from './detect-header.ts';
import { overrideColumnMapping, suggestColumnMapping } from './suggest-column-mapping.ts';

const realdata = fileURLToPath(new URL('../../../../../shared/realdata/', import.meta.url));

function readTopRows(file: string): string[][] {
  const workbook = XLSX.read(readFileSync(realdata + file));
  const sheet = workbook.Sheets[workbook.SheetNames[0] ?? ''];
  if (sheet === undefined) throw new Error('no sheet');
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, {
    header: 1,
    raw: true,
    defval: '',
    blankrows: true,
  });
  return rows
    .slice(0, 20)
    .map((r) => r.map((v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '')));
}

const columnsOf = (mapping: object): Record<string, number> =>
  Object.fromEntries(Object.entries(mapping).map(([k, v]) => [k, (v as { column: number }).column]));

describe('suggestColumnMapping', () => {
  it('recognises Chinese names and pinyin codes, exact matches first', () => {
    const s = suggestColumnMapping(
      ['企业名称', '注册号', 'TYXYDM', '企业类型名称', 'ZT', '法定代表人', '经营地址', 'CLRQ'],
      'objects',
    );
    expect(columnsOf(s.mapping)).toEqual({
      name: 0,
      regNo: 1,
      uscc: 2,
      type: 3,
      status: 4,
      legalRepresentative: 5,
      address: 6,
      establishedOn: 7,
    });
    expect(s.missing).toEqual([]);
  });

  it('lets a clerk override a column by header, letter or number, and refuses unknown ones', () => {
    const headers = ['单位', '代码', '登记日'];
    const s = suggestColumnMapping(headers, 'objects');
    expect(listMappingGaps(s.mapping, 'objects').length).toBeGreaterThan(0);
    const o = overrideColumnMapping(s.mapping, headers, 'objects', {
      name: '单位',
      uscc: 'B',
      establishedOn: '3',
    });
    expect(o.ok && columnsOf(o.value)).toEqual({ name: 0, uscc: 1, establishedOn: 2 });
    expect(o.ok && listMappingGaps(o.value, 'objects')).toEqual([]);
    expect(overrideColumnMapping(s.mapping, headers, 'objects', { colour: 'A' })).toMatchObject({
      ok: false,
    });
    expect(overrideColumnMapping(s.mapping, headers, 'objects', { name: 'Z' })).toMatchObject({ ok: false });
  });
});

describe.skipIf(!existsSync(realdata))('detectHeader on the real files', () => {
  it('market-entities-2021.xls: one header row of Chinese names and pinyin codes', () => {
    const rows = readTopRows('market-entities-2021.xls');
    console.info('market-entities-2021.xls header:', rows[0]);
    const h = detectHeader(rows, 'objects');
    expect(h?.headerStart).toBe(0);
    expect(h?.dataStart).toBe(1);
    expect(columnsOf(h?.suggestion.mapping ?? {})).toMatchObject({
      name: 0,
      regNo: 1,
      uscc: 2,
      type: 3,
      legalRepresentative: 6,
      address: 7,
      businessScope: 8,
      registeredCapital: 9,
      establishedOn: 10,
      status: 12,
    });
  });

  it('hainan-item-list-2020.xlsx: a title row, then a two-row header', () => {
    const rows = readTopRows('hainan-item-list-2020.xlsx');
    console.info('hainan-item-list-2020.xlsx header rows:', rows[1], rows[2]);
    const h = detectHeader(rows, 'items');
    expect(h).toMatchObject({ headerStart: 1, headerRowCount: 2, dataStart: 3 });
    expect(columnsOf(h?.suggestion.mapping ?? {})).toEqual({
      department: 0,
      sequence: 1,
      category: 2,
      matter: 3,
      object: 4,
      itemType: 5,
      method: 6,
      inspectingBody: 7,
      legalBasis: 8,
    });
    expect(h?.headers[3]).toBe('抽查事项');
  });

  it('hainan-joint-item-list-v2.xls: two title rows, then the joint header', () => {
    const rows = readTopRows('hainan-joint-item-list-v2.xls');
    console.info('hainan-joint-item-list-v2.xls header:', rows[2]);
    const h = detectHeader(rows, 'items');
    expect(h).toMatchObject({ headerStart: 2, headerRowCount: 1, dataStart: 3 });
    expect(columnsOf(h?.suggestion.mapping ?? {})).toEqual({
      sequence: 0,
      field: 1,
      matter: 2,
      object: 3,
      initiator: 4,
      cooperators: 5,
    });
  });
});
