/**
 * Published results as .xlsx for upload to the provincial and national disclosure systems (国家企业信用信息公示系统,
 * issue "Inspections, results and publication": export). One row per task a published visit served, in the column
 * layout documented in docs/EXPORT_LAYOUT.md (`RESULT_EXPORT_COLUMNS` is that layout; change both together).
 * Written with ExcelJS's streaming writer from pages fetched by key, so a year of a city never sits in memory as
 * cells. Only published (已公示) results; never sealed data (no risk class, no inspector, no evidence).
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql, type Kysely } from 'kysely';
import { CITY_REGION_CODE, findCategory, findResultCode, RESULT_CODES, type PopulationRule } from '@ssj/core';
import type { Database } from '../../db/schema.ts';

const PAGE = 2000;

/** More rows than this are refused: export by region or department instead (an Excel sheet holds 1,048,576). */
export const MAX_EXPORT_ROWS = 500_000;

export const RESULT_EXPORT_COLUMNS = [
  { header: '序号', width: 8 },
  { header: '检查对象名称', width: 36 },
  { header: '统一社会信用代码', width: 22 },
  { header: '注册号', width: 18 },
  { header: '行政区划代码', width: 12 },
  { header: '抽查任务编号', width: 14 },
  { header: '抽查任务名称', width: 36 },
  { header: '抽查批次', width: 8 },
  { header: '抽查类型', width: 10 },
  { header: '抽查事项', width: 40 },
  { header: '检查结果代码', width: 12 },
  { header: '检查结果', width: 30 },
  { header: '各事项检查结果', width: 50 },
  { header: '检查方式', width: 14 },
  { header: '检查日期', width: 12 },
  { header: '检查实施机关', width: 28 },
  { header: '配合部门', width: 28 },
  { header: '公示日期', width: 12 },
  { header: '公示期限', width: 12 },
  { header: '是否逾期公示', width: 12 },
  { header: '后续处置', width: 18 },
  { header: '处置状态', width: 10 },
  { header: '处置完结日期', width: 14 },
  { header: '处置结果', width: 40 },
] as const;

export interface ResultExportFilter {
  readonly year?: number | undefined;
  /** A county's code: its results; the city's code or undefined: every region. */
  readonly regionCode?: string | undefined;
  /** The implementing department (the task's initiating department). */
  readonly departmentId?: number | undefined;
}

export type ExportRowCount =
  { readonly ok: true; readonly rows: number } | { readonly ok: false; readonly rows: number };

function filtered(db: Kysely<Database>, filter: ResultExportFilter) {
  let q = db
    .selectFrom('inspection_tasks as it')
    .innerJoin('inspections as i', 'i.id', 'it.inspection_id')
    .where('i.status', '=', 'published');
  if (filter.year !== undefined) q = q.where('i.year', '=', filter.year);
  if (filter.regionCode !== undefined && filter.regionCode !== CITY_REGION_CODE) {
    q = q.where('i.region_code', '=', filter.regionCode);
  }
  if (filter.departmentId !== undefined) q = q.where('it.department_id', '=', filter.departmentId);
  return q;
}

/** How many rows an export with this filter has, and whether that is within {@link MAX_EXPORT_ROWS}. */
export async function countResultExportRows(
  db: Kysely<Database>,
  filter: ResultExportFilter,
): Promise<ExportRowCount> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = Number(row.n);
  return { ok: rows <= MAX_EXPORT_ROWS, rows };
}

/**
 * 抽查类型: 定向 when the task's population is defined by the kind of business (categories, a licence, register
 * flags, a capital threshold) or names its objects; 不定向 when it is every registered entity of the regions (at
 * most narrowed by entity kind and status). Empty when no line of the task has a population rule.
 */
export function classifyInspectionType(rules: readonly PopulationRule[]): '定向' | '不定向' | '' {
  if (rules.length === 0) return '';
  const directed = rules.some(
    (r) =>
      r.explicit ||
      r.filters.licence !== null ||
      r.filters.flags.length > 0 ||
      r.filters.minRegisteredCapital !== null ||
      r.categoryCodes.some((code) => findCategory(code)?.membership.by !== 'kind'),
  );
  return directed ? '定向' : '不定向';
}

/**
 * The task's result from its matters' results: the codes of every matter in the table's order, without
 * 1 未发现问题 when any matter has another result, and without F when a problem was found (core checkResultCodes).
 */
export function combineResultCodes(perMatter: readonly (readonly string[])[]): string[] {
  const all = new Set(perMatter.flat());
  if (all.size > 1) all.delete('1');
  if ([...all].some((c) => findResultCode(c)?.kind === 'problem')) all.delete('F');
  return RESULT_CODES.map((c) => c.code).filter((c) => all.has(c));
}

async function loadInspectionTypes(
  db: Kysely<Database>,
  taskIds: readonly number[],
): Promise<Map<number, string>> {
  const types = new Map<number, string>();
  if (taskIds.length === 0) return types;
  const rows = await db
    .selectFrom('task_lines as l')
    .innerJoin('task_line_populations as p', 'p.task_line_id', 'l.id')
    .select(['l.task_id', 'p.rule'])
    .where('l.task_id', 'in', taskIds)
    .execute();
  const byTask = new Map<number, PopulationRule[]>();
  for (const r of rows) byTask.set(r.task_id, [...(byTask.get(r.task_id) ?? []), r.rule]);
  for (const id of taskIds) types.set(id, classifyInspectionType(byTask.get(id) ?? []));
  return types;
}

const FOLLOW_UP_STATES = { open: '未完结', closed: '已完结' } as const;

/** Writes the export workbook; returns its bytes and the number of result rows. */
export async function writeResultExport(
  db: Kysely<Database>,
  filter: ResultExportFilter,
  meta: { readonly generatedOn: string; readonly scope: string },
  pageSize: number = PAGE,
): Promise<{ bytes: Uint8Array; rows: number }> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    output.on('end', resolve);
    output.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'shuangsuiji';
  const sheet = workbook.addWorksheet('抽查检查结果', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = RESULT_EXPORT_COLUMNS.map((c) => ({
    header: c.header,
    width: c.width,
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();

  const types = new Map<number, string>();
  let last: { publishedOn: string; id: number; taskId: number } | null = null;
  let n = 0;
  for (;;) {
    let q = filtered(db, filter)
      .innerJoin('objects as o', 'o.id', 'i.object_id')
      .innerJoin('tasks as t', 't.id', 'it.task_id')
      .innerJoin('departments as d', 'd.id', 'it.department_id')
      .leftJoin('follow_ups as f', (join) =>
        join.onRef('f.inspection_id', '=', 'it.inspection_id').onRef('f.task_id', '=', 'it.task_id'),
      )
      .select((eb) => [
        'i.id',
        'it.task_id',
        'o.name as object_name',
        'o.uscc',
        'o.reg_no',
        'i.region_code',
        'it.task_code',
        't.name as task_name',
        't.cooperators',
        'it.batch',
        'd.name as department_name',
        'i.method',
        'i.inspected_on',
        'i.published_on',
        'it.deadline',
        'f.type as follow_up_type',
        'f.state as follow_up_state',
        'f.closed_on',
        'f.outcome',
        eb
          .selectFrom('inspection_results as x')
          .select(
            sql<
              { matter: string; codes: string[]; recognised: boolean }[]
            >`coalesce(jsonb_agg(jsonb_build_object(
              'matter', x.matter, 'codes', x.result_codes, 'recognised', x.recognised_result_id is not null)
              order by x.id), '[]'::jsonb)`.as('m'),
          )
          .whereRef('x.inspection_id', '=', 'it.inspection_id')
          .whereRef('x.task_id', '=', 'it.task_id')
          .as('matters'),
      ]);
    if (last !== null) {
      const after = last;
      q = q.where((eb) =>
        eb(
          eb.refTuple('i.published_on', 'i.id', 'it.task_id'),
          '>',
          eb.tuple(after.publishedOn, after.id, after.taskId),
        ),
      );
    }
    const page = await q
      .orderBy('i.published_on')
      .orderBy('i.id')
      .orderBy('it.task_id')
      .limit(pageSize)
      .execute();
    if (page.length === 0) break;
    const unknown = [...new Set(page.map((r) => r.task_id).filter((id) => !types.has(id)))];
    for (const [id, type] of await loadInspectionTypes(db, unknown)) types.set(id, type);
    for (const r of page) {
      n += 1;
      const matters = r.matters ?? [];
      const codes = combineResultCodes(matters.map((m) => m.codes));
      const published = r.published_on ?? '';
      const closed = r.follow_up_state === 'closed';
      sheet
        .addRow([
          n,
          r.object_name,
          r.uscc ?? '',
          r.reg_no ?? '',
          r.region_code,
          r.task_code,
          r.task_name,
          r.batch,
          types.get(r.task_id) ?? '',
          matters.map((m) => m.matter).join('；'),
          codes.join(','),
          codes.map((c) => findResultCode(c)?.name ?? c).join('；'),
          matters
            .map(
              (m) =>
                `${m.matter}：${m.codes.map((c) => findResultCode(c)?.name ?? c).join('、')}${m.recognised ? '（采信）' : ''}`,
            )
            .join('；'),
          r.method ?? '',
          r.inspected_on ?? '',
          r.department_name,
          r.cooperators.join('、'),
          published,
          r.deadline,
          published > r.deadline ? '是' : '否',
          r.follow_up_state === null ? '无需后续处置' : (r.follow_up_type ?? '待定'),
          r.follow_up_state === null ? '' : FOLLOW_UP_STATES[r.follow_up_state],
          closed ? (r.closed_on ?? '') : '',
          closed ? (r.outcome ?? '') : '',
        ])
        .commit();
    }
    const tail = page[page.length - 1];
    if (tail === undefined || page.length < pageSize) break;
    last = { publishedOn: tail.published_on ?? '', id: tail.id, taskId: tail.task_id };
  }
  sheet.commit();

  const about = workbook.addWorksheet('说明');
  about.columns = [
    { header: '项目', width: 20 },
    { header: '内容', width: 90 },
  ];
  about.getRow(1).font = { bold: true };
  about.getRow(1).commit();
  for (const [label, value] of [
    ['内容', '已公示的随机抽查检查结果，每行一个检查对象的一个抽查任务（联合检查按所服务的任务分行）'],
    ['范围', meta.scope],
    ['行数', String(n)],
    ['导出日期', meta.generatedOn],
    [
      '列说明',
      '见 docs/EXPORT_LAYOUT.md（检查结果代码与国家企业信用信息公示系统一致，多个代码以英文逗号分隔）',
    ],
  ]) {
    about.addRow([label, value]).commit();
  }
  about.commit();
  await workbook.commit();
  await finished;
  return { bytes: new Uint8Array(Buffer.concat(chunks)), rows: n };
}
