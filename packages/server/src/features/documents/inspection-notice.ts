/**
 * 检查通知书: the notice handed to (or sent ahead to) the drawn object. It names the object, the task batches and
 * matters the visit serves with their legal basis where the item list gives one, the team with their 执法证 numbers
 * (≥ 2 inspectors showing valid certificates, 行政处罚法 Art. 42/55; the right to ask for recusal, Art. 43), the
 * window, the issuing department and the date, and leaves room for the object's signature of receipt.
 */
import type { Paragraph, Table } from 'docx';
import {
  cell,
  formatChineseDate,
  HEI,
  makeDocument,
  packDocument,
  para,
  run,
  SIZE,
  SONG,
  table,
} from './docx-kit.ts';
import { legalBasisKey, type InspectionDocumentData } from './inspection-document-data.ts';

/** The general legal basis of every joint random inspection (DOMAIN.md §1). */
export const GENERAL_BASIS =
  '《国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见》（国发〔2019〕5号）';

/** The document number printed on the notice and the record sheet: year and inspection id. */
export function formatDocumentNumber(year: number, id: number): string {
  return `${String(year)}-${String(id).padStart(6, '0')}`;
}

const BODY = { size: SIZE.san, line: 579 } as const;

function heading(text: string): Paragraph {
  return para(text, { ...BODY, font: HEI, indentChars: 2, keepNext: true, before: 120 });
}

function objectTable(data: InspectionDocumentData): Table {
  const { inspection } = data;
  const o = inspection.object;
  const rows = [
    [cell('名称', { shade: true }), cell(inspection.objectName)],
    [
      cell(o.uscc === null ? '注册号' : '统一社会信用代码', { shade: true }),
      cell(o.uscc ?? o.regNo ?? inspection.canonicalId),
    ],
    [cell('住所（经营场所）', { shade: true }), cell(inspection.address)],
    [cell('法定代表人（负责人）', { shade: true }), cell(o.legalRepresentative)],
  ];
  return table([2600, 6245], rows);
}

function taskTable(data: InspectionDocumentData): Table {
  const { inspection, legalBases } = data;
  const withBasis = inspection.tasks.some((t) =>
    t.matters.some((m) => legalBases.has(legalBasisKey(t.taskId, m))),
  );
  const header = [
    '序号',
    '抽查任务编号',
    '抽查任务名称',
    '检查事项',
    '实施部门',
    ...(withBasis ? ['检查依据'] : []),
  ];
  const rows = [header.map((h) => cell(h, { bold: true, align: 'center', shade: true }))];
  inspection.tasks.forEach((task, i) => {
    const basis = task.matters
      .map((m) => legalBases.get(legalBasisKey(task.taskId, m)))
      .filter((b): b is string => b !== undefined);
    rows.push([
      cell(String(i + 1), { align: 'center' }),
      cell(task.code),
      cell(`${task.name}（第${String(task.batch)}批）`),
      cell(task.matters.join('\n')),
      cell(task.departmentName),
      ...(withBasis ? [cell([...new Set(basis)].join('\n'), { size: SIZE.wu })] : []),
    ]);
  });
  return table(withBasis ? [600, 1500, 2200, 2300, 1800, 2000] : [700, 1600, 2600, 2600, 2000], rows, {
    headerRows: 1,
  });
}

function teamTable(data: InspectionDocumentData): Table {
  const rows = [
    ['序号', '姓名', '所在部门', '执法证号'].map((h) =>
      cell(h, { bold: true, align: 'center', shade: true }),
    ),
  ];
  data.inspection.team.forEach((m, i) => {
    rows.push([
      cell(String(i + 1), { align: 'center' }),
      cell(m.name),
      cell(m.departmentName),
      cell(data.certificates.get(m.inspectorId) ?? ''),
    ]);
  });
  return table([700, 1800, 3600, 2745], rows, { headerRows: 1 });
}

function receiptTable(): Table {
  return table(
    [1800, 2600, 1600, 2845],
    [
      [cell('签收人（签名）', { shade: true }), cell(''), cell('职务', { shade: true }), cell('')],
      [
        cell('联系电话', { shade: true }),
        cell(''),
        cell('签收日期', { shade: true }),
        cell('　　年　　月　　日'),
      ],
    ],
  );
}

/** The 检查通知书 of an inspection as .docx bytes. */
export async function buildInspectionNotice(data: InspectionDocumentData): Promise<Uint8Array> {
  const { inspection } = data;
  const department = inspection.responsibleDepartmentName;
  const window = `${formatChineseDate(inspection.windowFrom)}至${formatChineseDate(inspection.windowTo)}`;
  const children = [
    para(department, { font: SONG, size: SIZE.san, bold: true, align: 'center', after: 120 }),
    para('随机抽查检查通知书', { font: SONG, size: SIZE.er, bold: true, align: 'center', after: 120 }),
    para(`编号：${formatDocumentNumber(inspection.year, inspection.id)}`, {
      size: SIZE.xiaosi,
      align: 'right',
      after: 240,
    }),
    para(`${inspection.objectName}：`, { ...BODY }),
    para(
      `根据${GENERAL_BASIS}和${String(inspection.year)}年度部门联合“双随机、一公开”抽查计划，经公开随机抽取，` +
        `你单位被确定为下列抽查任务的检查对象。我单位将于${window}期间派出检查人员对你单位进行检查，现将有关事项通知如下：`,
      { ...BODY, indentChars: 2 },
    ),
    heading('一、检查对象'),
    objectTable(data),
    heading('二、抽查任务和检查事项'),
    taskTable(data),
    heading('三、检查人员'),
    teamTable(data),
    heading('四、检查时间'),
    para(`${window}，具体时间由检查人员与你单位联系确定。`, { ...BODY, indentChars: 2 }),
    heading('五、有关要求'),
    para(
      '请你单位如实提供与检查事项有关的证照、台账、票据等材料，并指定专人配合检查。检查人员不少于两人，并应当主动出示执法证件；' +
        '检查人员少于两人或者未出示执法证件的，你单位有权拒绝检查。你单位认为检查人员与你单位有直接利害关系的，可以申请回避。',
      { ...BODY, indentChars: 2 },
    ),
    para('检查结果将自本批次检查结束之日起20个工作日内，通过国家企业信用信息公示系统和本平台向社会公示。', {
      ...BODY,
      indentChars: 2,
    }),
    para(department, { ...BODY, align: 'right', before: 480 }),
    para(formatChineseDate(data.today), { ...BODY, align: 'right', after: 240 }),
    para('检查对象签收：', { ...BODY, font: HEI, keepNext: true }),
    receiptTable(),
    para([run('本通知书一式两份，检查对象与实施部门各执一份。', { size: SIZE.wu })], {
      size: SIZE.wu,
      before: 120,
    }),
  ];
  return packDocument(
    makeDocument(
      {
        title: `随机抽查检查通知书 ${inspection.objectName}`,
        subject: inspection.tasks.map((t) => t.code).join(' '),
      },
      children,
    ),
  );
}
