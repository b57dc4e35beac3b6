import { describe, expect, it } from 'vitest';
import { parsePlanText, readPlanTextRows } from './parse-plan-text.ts';
import { readPlanRow } from './read-plan-row.ts';
import { readTableLayout } from './read-table-layout.ts';

const R = '根据企业信用风险分类结果,对低风险、一般风险、较高风险、高风险企业分别增加抽查比例、频次';
const HEADER = [
  '地市',
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

function notice(...rows: string[][]): string {
  return ['附件:', '', HEADER.join('\t'), ...rows.map((r) => r.join('\t'))].join('\n');
}

const layout = readTableLayout({ line: 1, cells: HEADER });

describe('readPlanRow', () => {
  if (!layout) throw new Error('header not read');

  it('reads a well-formed row by position', () => {
    const r = readPlanRow(
      {
        line: 2,
        cells: [
          '阳城(2)',
          '1',
          '甲任务',
          '甲检查',
          '全县甲',
          '20% 1次/年',
          R,
          '3月-11月',
          '县文旅局',
          '县公安局',
        ],
      },
      layout,
    );
    expect(r).toMatchObject({
      regionCell: '阳城(2)',
      seqPrinted: '1',
      name: '甲任务',
      matters: '甲检查',
      scope: '全县甲',
    });
    expect(r).toMatchObject({
      ratio: '20% 1次/年',
      risk: R,
      windows: ['3月-11月'],
      departmentCells: ['县文旅局', '县公安局'],
    });
    expect(r.issues).toEqual([]);
  });

  it('reads a row shifted left (no 地市 cell)', () => {
    const r = readPlanRow(
      {
        line: 2,
        cells: ['108', '乙任务', '乙检查', '全县乙', '5%; 1次/年', '', '7月—9月', '县文旅局', '县公安局', ''],
      },
      layout,
    );
    expect(r).toMatchObject({ regionCell: null, seqPrinted: '108', name: '乙任务', scope: '全县乙' });
    expect(r.departmentCells).toEqual(['县文旅局', '县公安局']);
    expect(r.issues.join()).toMatch(/地市 cell missing/);
  });

  it('assigns cells after the ratio by content when the 智慧监管 cell is missing', () => {
    const r = readPlanRow(
      {
        line: 2,
        cells: [
          '',
          '97',
          '丙任务',
          '丙检查',
          '全县丙',
          '20%; 2次/年',
          '7月-9月',
          '县市场监管局',
          '县住建局',
          '',
        ],
      },
      layout,
    );
    expect(r).toMatchObject({
      risk: '',
      windows: ['7月-9月'],
      departmentCells: ['县市场监管局', '县住建局'],
    });
    expect(r.issues.join()).toMatch(/assigned by content/);
  });

  it('drops a department printed twice when it pushes the cells right', () => {
    const r = readPlanRow(
      {
        line: 2,
        cells: [
          '',
          '248',
          '丁任务',
          '丁检查',
          '全县丁',
          '0.5%；1次/年',
          '',
          '县市场局',
          '县市场局',
          '县人社局',
        ],
      },
      layout,
    );
    expect(r.departmentCells).toEqual(['县市场局', '县人社局']);
  });

  it('keeps a name equal to its matter', () => {
    const r = readPlanRow(
      {
        line: 2,
        cells: [
          '',
          '23',
          '戊检查',
          '戊检查',
          '市区戊',
          '20% 1次/年',
          R,
          '3月-12月',
          '市交通运输局',
          '市税务局',
        ],
      },
      layout,
    );
    expect(r).toMatchObject({ name: '戊检查', matters: '戊检查', scope: '市区戊' });
  });
});

describe('assemblePlan (synthetic notice)', () => {
  const text = notice(
    [
      '阳城(4)',
      '1',
      '甲任务',
      '1、甲检查 2、乙检查',
      '全县甲',
      '20% 1次/年',
      R,
      '3月-11月',
      '县文旅局',
      '县公安局',
    ],
    // a sub-row with blank scope and window: merged cells
    ['', '', '', '丙检查', '', '不低于10% 1次/年', '', '', '', ''],
    // a task without a name but with its own departments
    ['', '', '', '丁检查', '全县丁', '5% 2次/年', '', '4月-6月', '县教育局', '县市场监管局'],
    // a task split across a page break: repeated seq and name
    [
      '',
      '3',
      '戊任务',
      '戊检查 己检查',
      '全县戊 全县己',
      '5% 1次/年 5% 1次/年',
      R,
      '3月-11月 3月-11月',
      '县农业农村局',
      '县市场监管分局',
    ],
  ).concat(
    '\n\n附件:\n',
    HEADER.join('\t'),
    '\n',
    [
      '阳',
      '3',
      '戊任务',
      '庚检查',
      '全县庚',
      '5% 1次/年',
      R,
      '1月-12月',
      '县农业农村局',
      '县市场监管局',
    ].join('\t'),
    '\n',
    [
      '城(4)',
      '5',
      '辛任务',
      '辛检查',
      '全县辛',
      '100%；1次/年',
      R,
      '2月-12月',
      '县宇宙局',
      '县市场监管局',
    ].join('\t'),
  );
  const parse = parsePlanText(text);

  it('reads 4 tasks in one region', () => {
    expect(parse.tasks.map((t) => [t.seq, t.seqPrinted, t.region, t.name])).toEqual([
      [1, '1', '阳城县', '甲任务'],
      [2, null, '阳城县', null],
      [3, '3', '阳城县', '戊任务'],
      [4, '5', '阳城县', '辛任务'],
    ]);
  });

  it('fills a sub-row from the line above and warns', () => {
    const t1 = parse.tasks[0];
    expect(t1?.lines).toHaveLength(2);
    expect(t1?.lines[0]?.matters).toEqual(['甲检查', '乙检查']);
    expect(t1?.lines[1]).toMatchObject({
      matters: ['丙检查'],
      scope: '全县甲',
      window: { fromMonth: 3, toMonth: 11 },
    });
    expect(t1?.lines[1]?.ratio).toEqual({ percent: 10, bound: 'atLeast' });
    expect(
      parse.warnings
        .filter((w) => w.seq === 1)
        .map((w) => w.message)
        .join(),
    ).toMatch(/merged cell/);
  });

  it('joins a split task and splits a flattened row into lines', () => {
    const t3 = parse.tasks[2];
    expect(t3?.lines.map((l) => [l.matters[0], l.scope, l.window?.toMonth])).toEqual([
      ['戊检查', '全县戊', 11],
      ['己检查', '全县己', 11],
      ['庚检查', '全县庚', 12],
    ]);
    expect(t3?.cooperators).toEqual(['县市场监管分局']);
    expect(t3?.cooperatorDepartments).toEqual(['阳城县市场监督管理局']);
    expect(parse.warnings.some((w) => w.seq === 3 && /joined/.test(w.message))).toBe(true);
  });

  it('warns on an inferred task, a wrong 序号 and an unknown department', () => {
    const messages = (seq: number): string =>
      parse.warnings
        .filter((w) => w.seq === seq)
        .map((w) => w.message)
        .join(' | ');
    expect(messages(2)).toMatch(/counted as a task/);
    expect(messages(4)).toMatch(/printed 序号 5 differs/);
    expect(messages(4)).toMatch(/unknown department "县宇宙局"/);
    expect(parse.tasks[3]?.initiatorDepartments).toEqual([]);
  });

  it('reads an empty text as no tasks', () => {
    expect(parsePlanText('')).toEqual({ tasks: [], warnings: [] });
    expect(readPlanTextRows('a\tb\r\nc')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['c'] },
    ]);
  });
});
