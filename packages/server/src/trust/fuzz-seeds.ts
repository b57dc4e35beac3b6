/**
 * The files the fuzzers start from. Real material from the workspace's shared folder (`../shared/realdata`,
 * `../shared/seed`, referenced by path, never copied; absent → those seeds are skipped) and the repository's own
 * copy of the 2023 notice, plus files generated here in every format an importer reads, so each importer has a
 * well-formed seed even without the shared folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import JSZip from 'jszip';
import { DEPARTMENTS, makeOrgCode, makeUscc, parsePlanText, writePlanXlsx } from '@ssj/core';
import { GARBAGE_CELLS } from './fuzz-kit.ts';
import { DEMO_PLAN_NOTICE } from '../demo/demo-plan.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
/** The workspace's shared folder, beside the repository. */
export const SHARED_DIR = path.resolve(repoRoot, '../shared');

export interface SeedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** A file under ../shared, or null when the folder (or the file) is absent. */
export function readSharedFile(relative: string): SeedFile | null {
  const file = path.join(SHARED_DIR, relative);
  return fs.existsSync(file) ? { name: path.basename(file), bytes: fs.readFileSync(file) } : null;
}

function sheetBytes(rows: readonly (readonly unknown[])[], bookType: 'xlsx' | 'biff8'): Uint8Array {
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows.map((r) => [...r])), 'Sheet1');
  return new Uint8Array(XLSX.write(workbook, { type: 'buffer', bookType }) as Buffer);
}

export function csvBytes(rows: readonly (readonly string[])[]): Uint8Array {
  const quote = (cell: string): string => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return Buffer.from(rows.map((r) => r.map(quote).join(',')).join('\n'), 'utf8');
}

// ---- plan notices ----------------------------------------------------------------------------------------------

/**
 * The notice as text: the first `lines` lines of the repository's own copy and of the shared seed notice when present
 * (the city's own tasks: storing a draft of all 350 tasks takes a second, which a bounded fuzzer spends better on
 * more cases), and the whole notice.
 */
export function listPlanTextSeeds(lines = 100): { short: SeedFile[]; whole: SeedFile } {
  const whole = { name: path.basename(DEMO_PLAN_NOTICE), bytes: fs.readFileSync(DEMO_PLAN_NOTICE) };
  const shared = readSharedFile('seed/000_bcb4b9be9ee0f30f.txt');
  const cut = (seed: SeedFile): SeedFile => ({
    name: seed.name.replace(/\.txt$/, '-head.txt'),
    bytes: Buffer.from(Buffer.from(seed.bytes).toString('utf8').split('\n').slice(0, lines).join('\n')),
  });
  return { short: shared === null ? [cut(whole)] : [cut(whole), cut(shared)], whole };
}

/** The first `taskCount` tasks of the 2023 notice as a real-looking annex .xlsx (title, header, merges). */
export async function buildPlanXlsxSeed(taskCount: number): Promise<SeedFile> {
  const parsed = parsePlanText(fs.readFileSync(DEMO_PLAN_NOTICE, 'utf8'));
  const bytes = await writePlanXlsx(parsed.tasks.slice(0, taskCount), {
    year: 2023,
    title: '晋城市2023年度部门联合双随机抽查工作计划',
  });
  return { name: 'plan-annex.xlsx', bytes };
}

/** The same annex saved as a legacy .xls (BIFF8), merges kept. */
export function convertToXls(xlsx: SeedFile): SeedFile {
  const workbook = XLSX.read(xlsx.bytes, { type: 'buffer' });
  return {
    name: xlsx.name.replace(/\.xlsx$/, '.xls'),
    bytes: new Uint8Array(XLSX.write(workbook, { type: 'buffer', bookType: 'biff8' }) as Buffer),
  };
}

const DOCX_CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const DOCX_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The annex as a Word table, the way the notice's .docx prints it: the spreadsheet's cells with its merges as
 * `w:vMerge` (down a task's lines) and `w:gridSpan` (a region heading across the table).
 */
export async function convertToDocx(xlsx: SeedFile): Promise<SeedFile> {
  const workbook = XLSX.read(xlsx.bytes, { type: 'buffer' });
  const sheet = workbook.Sheets[workbook.SheetNames[0] ?? ''];
  if (sheet === undefined) throw new Error('no sheet');
  const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false, defval: '' });
  const merges = sheet['!merges'] ?? [];
  const width = Math.max(...rows.map((r) => r.length));
  const body: string[] = [];
  for (let r = 0; r < rows.length; r++) {
    const cells: string[] = [];
    for (let c = 0; c < width; c++) {
      const merge = merges.find((m) => r >= m.s.r && r <= m.e.r && c >= m.s.c && c <= m.e.c);
      if (merge !== undefined && c > merge.s.c) continue; // covered by the span of its first column
      const span = merge === undefined ? 1 : merge.e.c - merge.s.c + 1;
      const vertical = merge !== undefined && merge.e.r > merge.s.r;
      const props = [
        span > 1 ? `<w:gridSpan w:val="${String(span)}"/>` : '',
        vertical ? (r === merge.s.r ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>') : '',
      ].join('');
      const text = merge !== undefined && r > merge.s.r ? '' : (rows[r]?.[c] ?? '');
      cells.push(
        `<w:tc><w:tcPr>${props}</w:tcPr><w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p></w:tc>`,
      );
    }
    body.push(`<w:tr>${cells.join('')}</w:tr>`);
  }
  const grid = '<w:gridCol w:w="1000"/>'.repeat(width);
  const documentXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl><w:tblPr/><w:tblGrid>${grid}</w:tblGrid>${body.join('')}</w:tbl><w:sectPr/></w:body></w:document>`;
  const zip = new JSZip();
  zip.file('[Content_Types].xml', DOCX_CONTENT_TYPES);
  zip.file('_rels/.rels', DOCX_RELS);
  zip.file('word/document.xml', documentXml);
  return {
    name: xlsx.name.replace(/\.xlsx$/, '.docx'),
    bytes: await zip.generateAsync({ type: 'uint8array' }),
  };
}

// ---- registers -------------------------------------------------------------------------------------------------

/**
 * Objects in 泽州 with valid USCCs, in the columns a market-supervision export prints. `series` keeps sets apart:
 * the fuzzed files use one, the objects stored first for the risk-history import another.
 */
export function buildObjectRows(count: number, series = 'MA0F'): string[][] {
  const rows = [
    ['统一社会信用代码', '企业名称', '登记状态', '企业类型', '法定代表人', '住所', '成立日期', '注册资本'],
  ];
  for (let i = 0; i < count; i++) {
    const uscc = makeUscc('91140525' + makeOrgCode(`${series}${String(i).padStart(4, '0')}`));
    rows.push([
      uscc,
      `晋城市泽州县模糊测试${String(i)}有限公司`,
      i % 7 === 0 ? '注销' : '存续',
      '有限责任公司(自然人独资)',
      `张${String(i)}`,
      `山西省晋城市泽州县南村镇${String(i)}号`,
      `2019-0${String((i % 9) + 1)}-1${String(i % 10)}`,
      String(10 + i),
    ]);
  }
  return rows;
}

/** Inspectors of departments the platform knows, with 执法证 numbers and expiry dates. */
export function buildInspectorRows(count: number): string[][] {
  const departments = DEPARTMENTS.filter((d) => d.regionCode === '140525' || d.regionCode === '140500');
  const rows = [['姓名', '单位', '执法证号', '有效期', '地区', '专业', '状态']];
  for (let i = 0; i < count; i++) {
    const department = departments[i % departments.length];
    rows.push([
      `检查员${String(i)}`,
      department?.name ?? '泽州县市场监督管理局',
      `1405259${String(i).padStart(6, '0')}`,
      `2028-12-${String((i % 28) + 1).padStart(2, '0')}`,
      '泽州县',
      i % 2 === 0 ? '食品' : '特种设备',
      '在岗',
    ]);
  }
  return rows;
}

/** An item list 随机抽查事项清单 in its usual columns. */
export function buildItemRows(count: number): string[][] {
  const rows = [
    ['序号', '部门', '抽查类别', '抽查事项', '检查对象', '事项类别', '检查方式', '检查主体', '检查依据'],
  ];
  for (let i = 0; i < count; i++) {
    rows.push([
      String(i + 1),
      '泽州县市场监督管理局',
      '食品安全',
      `食品经营者经营条件检查${String(i)}`,
      '食品经营者',
      i % 3 === 0 ? '重点检查事项' : '一般检查事项',
      '现场检查',
      '泽州县市场监督管理局',
      '《中华人民共和国食品安全法》第一百一十条',
    ]);
  }
  return rows;
}

/** The objects a risk-history file classifies: store them (series MA0B) before fuzzing that import. */
export const RISK_OBJECTS_SERIES = 'MA0B';

/** A credit-risk classification export (`USCC,class,date`) of the objects of {@link RISK_OBJECTS_SERIES}. */
export function buildRiskRows(count: number): string[][] {
  const objects = buildObjectRows(count, RISK_OBJECTS_SERIES).slice(1);
  return [
    ['统一社会信用代码', '信用风险分类', '分类日期'],
    ...objects.map((o, i) => [o[0] ?? '', 'ABCD'[i % 4] ?? 'A', `2023-0${String((i % 9) + 1)}-01`]),
  ];
}

export type FuzzedImport = 'objects' | 'inspectors' | 'items' | 'risk-history';

function buildRows(kind: FuzzedImport, count: number): string[][] {
  switch (kind) {
    case 'objects':
      return buildObjectRows(count);
    case 'inspectors':
      return buildInspectorRows(count);
    case 'items':
      return buildItemRows(count);
    case 'risk-history':
      return buildRiskRows(count);
  }
}

/** The seeds of one import: generated CSV, .xlsx and .xls, plus real files from ../shared when present. */
export function listRegisterSeeds(kind: FuzzedImport): SeedFile[] {
  const rows = buildRows(kind, kind === 'objects' ? 40 : kind === 'items' ? 20 : 30);
  const seeds: SeedFile[] = [
    { name: `${kind}.csv`, bytes: csvBytes(rows) },
    { name: `${kind}.xlsx`, bytes: sheetBytes(rows, 'xlsx') },
    { name: `${kind}.xls`, bytes: sheetBytes(rows, 'biff8') },
  ];
  const real =
    kind === 'objects'
      ? ['realdata/market-entities-2021.xls']
      : kind === 'items'
        ? ['realdata/hainan-item-list-2020.xlsx', 'realdata/hainan-joint-item-list-v2.xls']
        : [];
  for (const file of real) {
    const seed = readSharedFile(file);
    if (seed !== null) seeds.push(seed);
  }
  return seeds;
}

/**
 * Every garbage cell in every column: one data row per (garbage value, column), the other cells valid. Imported
 * with --skip-invalid, whatever the validators let through reaches the database (a NUL in a name, a huge cell …).
 */
export function buildGarbageGrid(kind: FuzzedImport): SeedFile {
  const width = buildRows(kind, 1)[0]?.length ?? 0;
  const rows = buildRows(kind, GARBAGE_CELLS.length * width);
  GARBAGE_CELLS.forEach((garbage, g) => {
    for (let c = 0; c < width; c++) {
      const row = rows[1 + g * width + c];
      if (row !== undefined) row[c] = garbage;
    }
  });
  return { name: `${kind}-garbage-grid.csv`, bytes: csvBytes(rows) };
}
