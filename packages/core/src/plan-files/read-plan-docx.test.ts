/**
 * The annex as Word tables: a .docx built here with jszip (title and region heading paragraphs, a table with
 * a header row, a header row repeated after a page break, vertical merges over a task's lines, a region row
 * spanning the table), read into tasks; and the failures (garbage, empty, not Word, not a plan).
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { normaliseDepartment } from '../plan/normalise-department.ts';
import type { PlanTask } from '../plan/plan-types.ts';
import { readDocxGrid } from './read-docx-grid.ts';
import { readPlanDocx } from './read-plan-docx.ts';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function paragraph(text: string): string {
  return `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
}

interface CellSpec {
  readonly text?: string | readonly string[];
  readonly span?: number;
  readonly vMerge?: 'restart' | 'continue';
}

function cell(spec: CellSpec | string): string {
  const s: CellSpec = typeof spec === 'string' ? { text: spec } : spec;
  const props = [
    s.span === undefined ? '' : `<w:gridSpan w:val="${s.span}"/>`,
    s.vMerge === undefined ? '' : s.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>',
  ].join('');
  const texts = s.text === undefined ? [''] : typeof s.text === 'string' ? [s.text] : s.text;
  return `<w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/>${props}</w:tcPr>${texts.map(paragraph).join('')}</w:tc>`;
}

function row(cells: readonly (CellSpec | string)[], header = false): string {
  return `<w:tr>${header ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${cells.map(cell).join('')}</w:tr>`;
}

function table(rows: readonly string[]): string {
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>${'<w:gridCol w:w="1000"/>'.repeat(9)}</w:tblGrid>${rows.join('')}</w:tbl>`;
}

function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

async function buildDocx(body: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', RELS);
  zip.file('word/document.xml', documentXml(body));
  return zip.generateAsync({ type: 'uint8array' });
}

const HEADER = [
  '序号',
  '抽查任务名称',
  '抽查事项',
  '抽查对象范围',
  '抽查比例及频次',
  '智慧监管(信用风险)分类要求',
  '抽查检查起止时间',
  '发起部门',
  '配合部门',
];

const BODY = [
  paragraph('附件'),
  paragraph('晋城市2023年度部门联合双随机抽查工作计划'),
  paragraph('晋城市本级 (2)'),
  table([
    row(HEADER, true),
    row([
      { text: '1', vMerge: 'restart' },
      { text: ['对特种设备生产单位', '的双随机抽查'], vMerge: 'restart' },
      '1. 许可条件检查 2. 制造质量检查',
      '特种设备生产单位',
      '不低于20%；1次/年',
      { text: '根据信用风险分类结果确定', vMerge: 'restart' },
      '3月-12月',
      { text: '市市场监管局', vMerge: 'restart' },
      { text: '市应急局、市消防救援支队', vMerge: 'restart' },
    ]),
    row([
      { vMerge: 'continue' },
      { vMerge: 'continue' },
      '气瓶充装单位检查',
      '气瓶充装单位',
      '100%；2次/年',
      { vMerge: 'continue' },
      '6月',
      { vMerge: 'continue' },
      { vMerge: 'continue' },
    ]),
    row(HEADER, true),
    row([
      '2',
      '对网吧&游艺厅的抽查',
      '经营情况检查',
      '网吧、游艺厅',
      '10%；1次/年',
      '',
      '3月-6月',
      '市文旅局',
      '市公安局',
    ]),
    row([{ text: '城区 (1)', span: 9 }]),
    row(['1', '对燃气经营企业的抽查', '', '燃气经营企业', '不超过10%', '', '全年', '区住建局', '']),
  ]),
  paragraph('抄送：各成员单位'),
].join('');

function canonical(names: readonly string[], region: string): string[] {
  return [...new Set(names.map((n) => normaliseDepartment(n, region).canonical).filter((c) => c !== null))];
}

describe('readDocxGrid', () => {
  it('turns tables into rows with merges, paragraphs into one-cell rows, and skips deleted text', () => {
    const xml = documentXml(
      [
        paragraph('标题 &amp; 说明'),
        '<w:p><w:r><w:delText>删掉的</w:delText></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>留下&#x4E00;</w:t></w:r></w:p>',
        table([
          row([
            { text: 'A', span: 2 },
            { text: 'B', vMerge: 'restart' },
          ]),
          row(['C', 'D', { vMerge: 'continue' }]),
          row(['E', { text: ['F1', 'F2'] }, { text: 'G' }]),
        ]),
      ].join(''),
    );
    const grid = readDocxGrid(xml);
    expect(grid.cells).toEqual([
      ['标题 &amp; 说明'],
      ['留下一'],
      ['A', '', 'B'],
      ['C', 'D', ''],
      ['E', 'F1 F2', 'G'],
    ]);
    expect(grid.merges).toEqual(
      expect.arrayContaining([
        { top: 2, left: 0, bottom: 2, right: 1 },
        { top: 2, left: 2, bottom: 3, right: 2 },
      ]),
    );
    expect(grid.merges).toHaveLength(2);
  });
});

describe('readPlanDocx', () => {
  it('reads the annex tables with merges, repeated headers and region headings', async () => {
    const read = await readPlanDocx(await buildDocx(BODY), 'plan.docx');
    if (!read.ok) throw new Error(read.error.message);
    const { tasks, warnings } = read.value;
    const expected: PlanTask[] = [
      {
        seq: 1,
        seqPrinted: '1',
        region: '晋城市本级',
        name: '对特种设备生产单位 的双随机抽查',
        lines: [
          {
            matters: ['许可条件检查', '制造质量检查'],
            scope: '特种设备生产单位',
            ratio: { percent: 20, bound: 'atLeast' },
            timesPerYear: 1,
            minCount: null,
            approxCount: null,
            window: { fromMonth: 3, toMonth: 12 },
          },
          {
            matters: ['气瓶充装单位检查'],
            scope: '气瓶充装单位',
            ratio: { percent: 100, bound: 'exact' },
            timesPerYear: 2,
            minCount: null,
            approxCount: null,
            window: { fromMonth: 6, toMonth: 6 },
          },
        ],
        riskBased: true,
        initiators: ['市市场监管局'],
        cooperators: ['市应急局', '市消防救援支队'],
        initiatorDepartments: canonical(['市市场监管局'], '晋城市本级'),
        cooperatorDepartments: canonical(['市应急局', '市消防救援支队'], '晋城市本级'),
      },
      {
        seq: 2,
        seqPrinted: '2',
        region: '晋城市本级',
        name: '对网吧&游艺厅的抽查',
        lines: [
          {
            matters: ['经营情况检查'],
            scope: '网吧、游艺厅',
            ratio: { percent: 10, bound: 'exact' },
            timesPerYear: 1,
            minCount: null,
            approxCount: null,
            window: { fromMonth: 3, toMonth: 6 },
          },
        ],
        riskBased: false,
        initiators: ['市文旅局'],
        cooperators: ['市公安局'],
        initiatorDepartments: canonical(['市文旅局'], '晋城市本级'),
        cooperatorDepartments: canonical(['市公安局'], '晋城市本级'),
      },
      {
        seq: 3,
        seqPrinted: '1',
        region: '城区',
        name: '对燃气经营企业的抽查',
        lines: [
          {
            matters: [],
            scope: '燃气经营企业',
            ratio: { percent: 10, bound: 'atMost' },
            timesPerYear: null,
            minCount: null,
            approxCount: null,
            window: { fromMonth: 1, toMonth: 12 },
          },
        ],
        riskBased: false,
        initiators: ['区住建局'],
        cooperators: [],
        initiatorDepartments: canonical(['区住建局'], '城区'),
        cooperatorDepartments: [],
      },
    ];
    expect(tasks).toEqual(expected);
    expect(warnings.some((w) => w.message.includes('split across rows'))).toBe(false);
  });

  it('says so when the document has no plan table', async () => {
    const read = await readPlanDocx(
      await buildDocx(
        paragraph('通知') + table([row(['序号', '抽查事项', '检查对象']), row(['1', '甲', '乙'])]),
      ),
      'notice.docx',
    );
    expect(read.ok ? 'ok' : read.error.kind).toBe('no_header');
    if (!read.ok) expect(read.error.message).toContain('notice.docx');
  });

  it('reports garbage, an empty file, a zip that is not Word and a 50 MB buffer as errors', async () => {
    const kind = async (bytes: Uint8Array): Promise<string> => {
      const read = await readPlanDocx(bytes, 'x.docx');
      return read.ok ? 'ok' : read.error.kind;
    };
    expect(await kind(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]))).toBe('corrupt');
    expect(await kind(new Uint8Array(0))).toBe('empty');
    expect(await kind(new Uint8Array(50 * 1024 * 1024))).toBe('too_large');
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    expect(await kind(await zip.generateAsync({ type: 'uint8array' }))).toBe('corrupt');
    expect(await kind(await buildDocx(''))).toBe('empty');
  });
});
