/** The progress report's tables as spreadsheet tables (progress-report.ts → table-xlsx.ts). */
import { PROGRESS_COUNT_KEYS, PROGRESS_COUNT_TITLES } from '@ssj/core';
import type { ProgressReportDto, ProgressRowDto, ProgressUnitPageDto } from '../../api-types.ts';
import type { CellValue, XlsxTable } from './table-xlsx.ts';

export const PROGRESS_TABLES = ['departments', 'regions', 'tasks', 'months'] as const;
export type ProgressTableName = (typeof PROGRESS_TABLES)[number];

const STATUS_TEXT = { red: '红色预警', yellow: '黄色预警', green: '正常', none: '无任务' } as const;

const COUNT_HEADER = [
  ...PROGRESS_COUNT_KEYS.map((k) => PROGRESS_COUNT_TITLES[k]),
  '完成率',
  '完结率',
  '预警',
];

function countCells(row: ProgressRowDto): CellValue[] {
  return [
    ...PROGRESS_COUNT_KEYS.map((k) => row.counts[k]),
    row.completionRate,
    row.closureRate,
    STATUS_TEXT[row.status],
  ];
}

function rateColumns(offset: number): number[] {
  return [offset + PROGRESS_COUNT_KEYS.length, offset + PROGRESS_COUNT_KEYS.length + 1];
}

function scopeText(report: ProgressReportDto): string {
  return report.scope.departmentName ?? report.scope.regionName ?? '全市';
}

/** One table of the report. */
export function buildProgressTable(
  report: ProgressReportDto,
  name: ProgressTableName,
  exportedOn: string,
): XlsxTable {
  const subtitle = `统计截至 ${report.asOf}（导出于 ${exportedOn}）；单位：户次`;
  const base = `${String(report.year)}年${scopeText(report)}`;
  switch (name) {
    case 'departments':
      return {
        sheetName: '按部门',
        title: `${base}双随机抽查进度（按部门）`,
        subtitle,
        header: ['名次', '地区', '部门', ...COUNT_HEADER],
        rows: [
          ...report.departments.map((d) => [d.rank, d.regionName, d.departmentName, ...countCells(d)]),
          ['', '', '合计', ...countCells(report.totals)],
        ],
        rateColumns: rateColumns(3),
        highlight: [...report.departments.map((d) => highlightOf(d)), null],
        widths: [6, 14, 34],
      };
    case 'regions':
      return {
        sheetName: '按地区',
        title: `${base}双随机抽查进度（按地区）`,
        subtitle,
        header: ['地区', '部门数', ...COUNT_HEADER],
        rows: [
          ...report.regions.map((r) => [r.regionName, r.departments, ...countCells(r)]),
          ['合计', report.departments.length, ...countCells(report.totals)],
        ],
        rateColumns: rateColumns(2),
        highlight: [...report.regions.map((r) => highlightOf(r)), null],
        widths: [18, 8],
      };
    case 'tasks':
      return {
        sheetName: '按任务',
        title: `${base}双随机抽查进度（按任务）`,
        subtitle,
        header: ['任务编号', '任务名称', '发起部门', '地区', ...COUNT_HEADER],
        rows: report.tasks.map((t) => [
          t.taskCode,
          t.taskName,
          t.departmentName,
          t.regionName,
          ...countCells(t),
        ]),
        rateColumns: rateColumns(4),
        highlight: report.tasks.map((t) => highlightOf(t)),
        widths: [14, 40, 30, 12],
      };
    case 'months':
      return {
        sheetName: '按月份',
        title: `${base}双随机抽查进度（按月份）`,
        subtitle,
        header: [
          '月份',
          '批次结束',
          '当月公示',
          '当月逾期公示',
          '累计批次结束',
          '累计公示',
          '累计完成率',
          '应达进度',
        ],
        rows: report.months.map((m) => [
          m.month,
          m.windowEnding,
          m.published,
          m.late,
          m.cumulativeWindowEnded,
          m.cumulativePublished,
          m.cumulativeRate,
          m.expectedRate,
        ]),
        rateColumns: [6, 7],
        widths: [10, 10, 10, 12, 12, 10, 12, 10],
      };
  }
}

function highlightOf(row: ProgressRowDto): 'red' | 'yellow' | null {
  return row.status === 'red' ? 'red' : row.status === 'yellow' ? 'yellow' : null;
}

const STATE_TEXT = {
  draft: '未录入',
  submitted: '待审核',
  returned: '审核退回',
  published: '已公示',
} as const;

/** The units behind a number as a table. */
export function buildUnitsTable(page: ProgressUnitPageDto, title: string, exportedOn: string): XlsxTable {
  return {
    sheetName: '明细',
    title,
    subtitle: `统计截至 ${page.asOf}（导出于 ${exportedOn}）；共 ${String(page.total)} 户次`,
    header: [
      '任务编号',
      '批次',
      '检查对象',
      '统一社会信用代码/编号',
      '对象所在地',
      '部门',
      '状态',
      '公示期限',
      '公示日期',
    ],
    rows: page.units.map((u) => [
      u.taskCode,
      u.batch,
      u.objectName,
      u.canonicalId,
      u.objectRegionName,
      u.departmentName,
      u.status === null ? '未派发' : STATE_TEXT[u.status],
      u.deadline,
      u.publishedOn,
    ]),
    widths: [14, 6, 36, 22, 12, 30, 10, 12, 12],
  };
}
