/**
 * The files the office hands out: the December assessment report (.docx with the ranking annex, and .xlsx with the
 * scores, the records behind them and the rule set) and each department's annual summary data pack (工作总结数据,
 * .xlsx: its figures, its tasks, the months, every task result and its follow-up cases).
 */
import type { Kysely } from 'kysely';
import {
  ASSESSMENT_CRITERIA,
  ASSESSMENT_CRITERION_TITLES,
  PROGRESS_COUNT_KEYS,
  PROGRESS_COUNT_TITLES,
  composeAssessmentReport,
  computeNextDate,
  formatRate,
} from '@ssj/core';
import type { AssessmentDto } from '../../api-types.ts';
import type { Database } from '../../db/schema.ts';
import { loadOfficeNames } from './bulletin-store.ts';
import { renderOfficialDocx } from './official-docx.ts';
import { listProgressUnits } from './progress-drill.ts';
import { loadProgressReport } from './progress-report.ts';
import { buildProgressTable, buildUnitsTable } from './progress-tables.ts';
import { writeTablesXlsx, type XlsxTable } from './table-xlsx.ts';

/** The assessment report as .docx. */
export async function renderAssessmentDocx(
  db: Kysely<Database>,
  assessment: AssessmentDto,
  issuedOn: string,
): Promise<Uint8Array> {
  const names = await loadOfficeNames(db);
  const text = composeAssessmentReport({
    issuer: names.issuer,
    year: assessment.year,
    issuedOn,
    asOf: assessment.asOf,
    rules: { weights: assessment.rules.weights, completionDeadline: assessment.rules.completionDeadline },
    rows: assessment.rows.map((r) => ({
      name: r.departmentName,
      regionName: r.regionName,
      rank: r.rank,
      score: { assessed: r.total !== null, criteria: r.criteria, total: r.total },
    })),
  });
  return renderOfficialDocx({
    issuer: names.issuer,
    number: null,
    title: text.title,
    recipients: text.recipients,
    body: text.body,
    signature: text.issuer,
    dateText: text.dateText,
    tables: [{ ...text.table, widths: [3, 16, 6, 6, 6, 6, 6, 6, 4, 4] }],
  });
}

/** The assessment report as .xlsx: scores and ranks, the records behind them, the rule set. */
export async function renderAssessmentXlsx(
  assessment: AssessmentDto,
  exportedOn: string,
): Promise<Uint8Array> {
  const subtitle = `数据截至 ${assessment.asOf}（导出于 ${exportedOn}）`;
  const ordered = [...assessment.rows].sort(
    (a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER),
  );
  const scores: XlsxTable = {
    sheetName: '考评结果',
    title: `${String(assessment.year)}年度各部门双随机抽查工作考评结果`,
    subtitle,
    header: [
      '名次',
      '部门',
      '地区',
      ...assessment.criteria.map((c) => `${c.title}得分率`),
      ...assessment.criteria.map((c) => `${c.title}（${String(c.weight)}分）`),
      '总分',
      '等次',
    ],
    rows: ordered.map((r) => [
      r.rank,
      r.departmentName,
      r.regionName,
      ...ASSESSMENT_CRITERIA.map((c) => {
        const v = r.criteria[c];
        return v === null ? null : v / 100;
      }),
      ...assessment.criteria.map((c) => {
        const v = r.criteria[c.key];
        return v === null ? null : Math.round(v * c.weight) / 100;
      }),
      r.total,
      r.grade,
    ]),
    rateColumns: ASSESSMENT_CRITERIA.map((_, i) => 3 + i),
    highlight: ordered.map((r) => (r.total !== null && r.total < 60 ? 'red' : null)),
    widths: [6, 34, 12],
  };
  const records: XlsxTable = {
    sheetName: '考评数据',
    title: `${String(assessment.year)}年度考评依据（平台记录）`,
    subtitle,
    header: [
      '部门',
      '应检查',
      '期限前公示',
      '已公示',
      '按期公示',
      '任务数',
      '有结果任务',
      '事项数',
      '有结果事项',
      '后续处置案件',
      '已完结案件',
      '已录入',
      '一次通过审核',
    ],
    rows: ordered.map((r) => [
      r.departmentName,
      r.input.due,
      r.input.publishedByDeadline,
      r.input.published,
      r.input.publishedOnTime,
      r.input.tasks,
      r.input.tasksCovered,
      r.input.matters,
      r.input.mattersCovered,
      r.input.followUps,
      r.input.followUpsClosed,
      r.input.entered,
      r.input.enteredFirstPass,
    ]),
    widths: [34],
  };
  const rules: XlsxTable = {
    sheetName: '考评细则',
    title: `${String(assessment.year)}年度考评细则`,
    subtitle: assessment.rules.isDefault
      ? '默认细则'
      : `由 ${assessment.rules.updatedBy ?? '—'} 于 ${assessment.rules.updatedAt ?? ''} 设定`,
    header: ['考评项目', '分值'],
    rows: [
      ...ASSESSMENT_CRITERIA.map((c) => [ASSESSMENT_CRITERION_TITLES[c], assessment.rules.weights[c]]),
      ['完成期限', assessment.rules.completionDeadline],
    ],
    widths: [30, 14],
  };
  return writeTablesXlsx([scores, records, rules]);
}

/** One department's annual summary data pack (.xlsx). */
export async function renderDepartmentSummaryXlsx(
  db: Kysely<Database>,
  year: number,
  asOf: string,
  departmentId: number,
  assessment: AssessmentDto,
  exportedOn: string,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const when = { year, asOf, today: computeNextDate(asOf) };
  const scope = { regionCode: null, departmentId };
  const report = await loadProgressReport(db, when, scope);
  const name = report.scope.departmentName ?? String(departmentId);
  const row = assessment.rows.find((r) => r.departmentId === departmentId);
  const t = report.totals;
  const overview: XlsxTable = {
    sheetName: '概况',
    title: `${name}${String(year)}年度双随机抽查工作总结数据`,
    subtitle: `数据截至 ${asOf}（导出于 ${exportedOn}），来源：双随机抽查监管平台`,
    header: ['项目', '数值'],
    rows: [
      ...PROGRESS_COUNT_KEYS.map((k) => [`${PROGRESS_COUNT_TITLES[k]}（户次）`, t.counts[k]]),
      ['完成率（已公示/应检查）', formatRate(t.completionRate)],
      ['完结率（完结/已公示）', formatRate(t.closureRate)],
      ['计划任务数', row?.input.tasks ?? 0],
      ['有公示结果的任务数', row?.input.tasksCovered ?? 0],
      ['抽查事项数', row?.input.matters ?? 0],
      ['有公示结果的事项数', row?.input.mattersCovered ?? 0],
      ['考评总分', row?.total ?? '—'],
      ['考评名次', row?.rank ?? '—'],
      ['考评等次', row?.grade ?? '—'],
    ],
    widths: [30, 16],
  };
  const units = await listProgressUnits(db, when, scope, { metric: 'due', offset: 0, limit: 100_000 });
  const followUps = await db
    .selectFrom('follow_ups as f')
    .innerJoin('inspections as i', 'i.id', 'f.inspection_id')
    .innerJoin('objects as o', 'o.id', 'f.object_id')
    .innerJoin('tasks as t', 't.id', 'f.task_id')
    .select([
      't.code',
      'o.name',
      'o.canonical_id',
      'f.type',
      'f.state',
      'f.closed_on',
      'f.outcome',
      'i.published_on',
    ])
    .where('f.responsible_department_id', '=', departmentId)
    .where('i.year', '=', year)
    .orderBy('t.code')
    .orderBy('f.id')
    .execute();
  const cases: XlsxTable = {
    sheetName: '后续处置',
    title: `${name}${String(year)}年度后续处置案件`,
    subtitle: `共 ${String(followUps.length)} 件`,
    header: [
      '任务编号',
      '检查对象',
      '统一社会信用代码/编号',
      '结果公示日期',
      '处置方式',
      '状态',
      '完结日期',
      '处置结果',
    ],
    rows: followUps.map((f) => [
      f.code,
      f.name,
      f.canonical_id,
      f.published_on,
      f.type,
      f.state === 'closed' ? '已完结' : '未完结',
      f.closed_on,
      f.outcome,
    ]),
    widths: [14, 36, 22, 12, 18, 8, 12, 40],
  };
  const bytes = await writeTablesXlsx([
    overview,
    buildProgressTable(report, 'tasks', exportedOn),
    buildProgressTable(report, 'months', exportedOn),
    buildUnitsTable(units, `${name}${String(year)}年度检查明细`, exportedOn),
    cases,
  ]);
  return { fileName: `${name}-${String(year)}年度双随机抽查工作总结数据.xlsx`, bytes };
}
