/**
 * Reading the annex from spreadsheets: columns found by header text in any order, a two-row header under a
 * title, merged cells (a task's name over its lines, a department or a window over several tasks), .xls as
 * well as .xlsx, and every failure as a value (garbage, empty, too large, not a plan).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { normaliseDepartment } from '../plan/normalise-department.ts';
import type { PlanLine, PlanTask } from '../plan/plan-types.ts';
import { readPlanSpreadsheet } from './read-plan-spreadsheet.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const realdata = `${repoRoot}../shared/realdata/`;

type Cell = string | number | null;

/** Columns deliberately out of the notice's order, with 部门 over 配合 / 发起 and a 抽查检查模式 column. */
const ROWS: Cell[][] = [
  ['晋城市2023年度部门联合双随机抽查工作计划', null, null, null, null, null, null, null, null, null, null],
  [
    '序号',
    '抽查检查模式',
    '抽查任务名称',
    '抽查比例及频次',
    '抽查对象范围',
    '抽查事项',
    '部门',
    null,
    '抽查检查起止时间',
    '智慧监管(信用风险)分类要求',
    '地区',
  ],
  [null, null, null, null, null, null, '配合', '发起', null, null, null],
  [
    1,
    '市抽市查',
    '对特种设备生产单位的双随机抽查',
    '不低于20%；不少于4户；1次/年（约6家）',
    '特种设备生产单位',
    '1、许可条件检查；2、制造质量检查',
    '市应急局、市消防救援支队',
    '市市场监管局',
    '3月-12月',
    '是',
    '晋城市本级',
  ],
  [null, null, null, '20%', '气瓶充装单位', '气瓶充装单位检查', null, null, null, null, null],
  [
    2,
    '市抽县查',
    '对医疗机构的联合抽查',
    '5%；1次/年',
    '医疗机构',
    '医疗机构依法执业情况检查',
    '市卫健委',
    null,
    null,
    '否',
    null,
  ],
  [
    3,
    null,
    '对燃气经营企业的抽查',
    '不超过10%',
    '燃气经营企业',
    null,
    '区住建局',
    null,
    '全年',
    null,
    '城区',
  ],
  ['注：各县（市、区）参照执行。', null, null, null, null, null, null, null, null, null, null],
];
const MERGES = [
  'A1:K1',
  'A2:A3',
  'B2:B3',
  'C2:C3',
  'D2:D3',
  'E2:E3',
  'F2:F3',
  'G2:H2',
  'I2:I3',
  'J2:J3',
  'K2:K3',
  'A4:A5',
  'B4:B5',
  'C4:C5',
  'G4:G5',
  'H4:H6',
  'I4:I6',
  'J4:J5',
  'K4:K6',
  'A8:K8',
];

function canonical(names: readonly string[], region: string): string[] {
  return [...new Set(names.map((n) => normaliseDepartment(n, region).canonical).filter((c) => c !== null))];
}

function line(partial: Partial<PlanLine>): PlanLine {
  return {
    matters: [],
    scope: null,
    ratio: null,
    timesPerYear: null,
    minCount: null,
    approxCount: null,
    window: null,
    ...partial,
  };
}

function task(input: Omit<PlanTask, 'initiatorDepartments' | 'cooperatorDepartments'>): PlanTask {
  return {
    ...input,
    initiatorDepartments: canonical(input.initiators, input.region),
    cooperatorDepartments: canonical(input.cooperators, input.region),
  };
}

const EXPECTED: PlanTask[] = [
  task({
    seq: 1,
    seqPrinted: '1',
    region: '晋城市本级',
    name: '对特种设备生产单位的双随机抽查',
    lines: [
      line({
        matters: ['许可条件检查', '制造质量检查'],
        scope: '特种设备生产单位',
        ratio: { percent: 20, bound: 'atLeast' },
        timesPerYear: 1,
        minCount: 4,
        approxCount: 6,
        window: { fromMonth: 3, toMonth: 12 },
      }),
      line({
        matters: ['气瓶充装单位检查'],
        scope: '气瓶充装单位',
        ratio: { percent: 20, bound: 'exact' },
        window: { fromMonth: 3, toMonth: 12 },
      }),
    ],
    riskBased: true,
    initiators: ['市市场监管局'],
    cooperators: ['市应急局', '市消防救援支队'],
  }),
  task({
    seq: 2,
    seqPrinted: '2',
    region: '晋城市本级',
    name: '对医疗机构的联合抽查',
    lines: [
      line({
        matters: ['医疗机构依法执业情况检查'],
        scope: '医疗机构',
        ratio: { percent: 5, bound: 'exact' },
        timesPerYear: 1,
        window: { fromMonth: 3, toMonth: 12 },
      }),
    ],
    riskBased: false,
    initiators: ['市市场监管局'],
    cooperators: ['市卫健委'],
  }),
  task({
    seq: 3,
    seqPrinted: '3',
    region: '城区',
    name: '对燃气经营企业的抽查',
    lines: [
      line({
        scope: '燃气经营企业',
        ratio: { percent: 10, bound: 'atMost' },
        window: { fromMonth: 1, toMonth: 12 },
      }),
    ],
    riskBased: false,
    initiators: [],
    cooperators: ['区住建局'],
  }),
];

async function buildXlsx(rows: readonly Cell[][], merges: readonly string[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('说明').getCell('A1').value = '本工作簿第二张表是计划';
  const sheet = workbook.addWorksheet('附件');
  rows.forEach((cells, r) => {
    cells.forEach((value, c) => {
      if (value !== null) sheet.getCell(r + 1, c + 1).value = value;
    });
  });
  for (const range of merges) sheet.mergeCells(range);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function buildXls(rows: readonly Cell[][], merges: readonly string[]): Uint8Array {
  const sheet = XLSX.utils.aoa_to_sheet(rows.map((r) => r.map((c) => c ?? undefined)));
  sheet['!merges'] = merges.map((m) => XLSX.utils.decode_range(m));
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, '附件');
  return new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'biff8' }) as ArrayBuffer);
}

/** Deterministic noise (a linear congruential generator), so a failure is reproducible. */
function makeGarbage(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    bytes[i] = x >>> 16;
  }
  return bytes;
}

describe('readPlanSpreadsheet', () => {
  it('maps shuffled columns by header text and resolves merged cells per column (.xlsx)', async () => {
    const read = await readPlanSpreadsheet(await buildXlsx(ROWS, MERGES), 'xlsx', 'plan.xlsx');
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.tasks).toEqual(EXPECTED);
    const messages = read.value.warnings.map((w) => w.message);
    expect(messages.some((m) => m.includes('注：各县') && m.includes('not a table row'))).toBe(true);
    expect(messages.some((m) => m.includes('split across rows'))).toBe(false);
  });

  it('reads the same annex from a legacy .xls', async () => {
    const read = await readPlanSpreadsheet(buildXls(ROWS, MERGES), 'xls', 'plan.xls');
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.tasks).toEqual(EXPECTED);
  });

  it('reads a percentage stored as a number, and names the row and column of a cell it cannot use', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('计划');
    sheet.addRow([
      '序号',
      '抽查任务名称',
      '抽查事项',
      '抽查对象范围',
      '抽查比例及频次',
      '抽查检查起止时间',
      '发起部门',
      '配合部门',
    ]);
    sheet.addRow([
      1,
      '对学校食堂的抽查',
      '食品安全检查',
      '学校食堂',
      0.3,
      '第二季度',
      '市市场监管局',
      '市教育局',
    ]);
    sheet.getCell('E2').numFmt = '0%';
    const read = await readPlanSpreadsheet(
      new Uint8Array(await workbook.xlsx.writeBuffer()),
      'xlsx',
      'p.xlsx',
    );
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.tasks[0]?.lines[0]?.ratio).toEqual({ percent: 30, bound: 'exact' });
    expect(read.value.tasks[0]?.lines[0]?.window).toBeNull();
    expect(read.value.warnings.map((w) => w.message)).toContain(
      'row 2, column F (抽查检查起止时间): "第二季度" is not a month range (e.g. 3月-12月): 起止时间 ignored',
    );
  });

  it('takes regions from region heading rows when there is no 地区 column', async () => {
    const rows: Cell[][] = [
      [
        '序号',
        '抽查任务名称',
        '抽查事项',
        '抽查对象范围',
        '抽查比例及频次',
        '抽查检查起止时间',
        '发起部门',
        '配合部门',
      ],
      ['城区 (1)', null, null, null, null, null, null, null],
      [1, '对网吧的抽查', '经营情况检查', '网吧', '10%；1次/年', '3月-6月', '区文旅局', '区公安分局'],
      ['泽州县（2）', null, null, null, null, null, null, null],
      [
        1,
        '对加油站的抽查',
        '油品质量检查',
        '加油站',
        '不低于5%；1次/年',
        '4月-10月',
        '县市场监管局',
        '县应急局',
      ],
      [2, '对药店的抽查', '药品经营检查', '药店', '20%；2次/年', '3月-11月', '县市场监管局', ''],
    ];
    const read = await readPlanSpreadsheet(await buildXlsx(rows, ['A2:H2', 'A4:H4']), 'xlsx', 'regions.xlsx');
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.tasks.map((t) => [t.seq, t.region, t.name])).toEqual([
      [1, '城区', '对网吧的抽查'],
      [2, '泽州县', '对加油站的抽查'],
      [3, '泽州县', '对药店的抽查'],
    ]);
    expect(read.value.tasks[1]?.initiatorDepartments).toEqual(canonical(['县市场监管局'], '泽州县'));
  });

  it('reports garbage, an empty file, a 50 MB buffer and a header without tasks as errors', async () => {
    const kind = async (bytes: Uint8Array, format: 'xlsx' | 'xls', name: string): Promise<string> => {
      const read = await readPlanSpreadsheet(bytes, format, name);
      expect(read.ok).toBe(false);
      if (read.ok) return 'ok';
      expect(read.error.message).toContain(name);
      return read.error.kind;
    };
    expect(await kind(makeGarbage(4096, 7), 'xlsx', 'noise.xlsx')).toBe('corrupt');
    expect(await kind(makeGarbage(4096, 8), 'xls', 'noise.xls')).toBe('corrupt');
    const brokenZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...makeGarbage(2048, 9)]);
    expect(await kind(brokenZip, 'xlsx', 'broken.xlsx')).toBe('corrupt');
    expect(await kind(new Uint8Array(0), 'xlsx', 'empty.xlsx')).toBe('empty');
    expect(await kind(new Uint8Array(50 * 1024 * 1024), 'xlsx', 'huge.xlsx')).toBe('too_large');
    const docx = new JSZip();
    docx.file('word/document.xml', '<w:document/>');
    expect(await kind(await docx.generateAsync({ type: 'uint8array' }), 'xlsx', 'word.xlsx')).toBe('corrupt');
    expect(
      await kind(await buildXlsx(ROWS.slice(0, 3), MERGES.slice(0, 11)), 'xlsx', 'header-only.xlsx'),
    ).toBe('no_tasks');
  });

  describe.skipIf(!existsSync(realdata))('real Hainan files (item lists, not plans)', () => {
    it.each([
      ['hainan-item-list-2020.xlsx', 'xlsx'],
      ['hainan-joint-item-list-v2.xls', 'xls'],
      ['market-entities-2021.xls', 'xls'],
    ] as const)('%s: a clear "no plan header" error', async (file, format) => {
      const read = await readPlanSpreadsheet(readFileSync(`${realdata}${file}`), format, file);
      expect(read.ok).toBe(false);
      if (read.ok) return;
      expect(read.error.kind).toBe('no_header');
      expect(read.error.message).toContain(file);
      expect(read.error.message).toContain('抽查任务名称');
      expect(read.error.message).toContain('抽查比例及频次');
    });
  });
});
