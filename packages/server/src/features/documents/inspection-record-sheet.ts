/**
 * 随机抽查检查情况记录表: the sheet the team fills in at the door and both sides sign. It carries the object's
 * details, the task batches served, a checklist per matter with every result code of the national disclosure system
 * (DOMAIN.md §5, multi-select: ☐ to tick), the methods, the date, the findings, the inspectors' signatures with their
 * 执法证 numbers and the object's representative's opinion and signature. When results have been entered the sheet
 * comes filled in (ticked codes, method, date, findings), so the printed copy matches what is reviewed.
 */
import type { Paragraph, Table } from 'docx';
import { INSPECTION_METHODS, RESULT_CODES } from '@ssj/core';
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
import type { InspectionDocumentData } from './inspection-document-data.ts';
import { formatDocumentNumber } from './inspection-notice.ts';

const TICKED = '☑';
const EMPTY = '☐';

function section(text: string): Paragraph {
  return para(text, { font: HEI, size: SIZE.si, before: 200, after: 80, keepNext: true });
}

function objectTable(data: InspectionDocumentData): Table {
  const { inspection } = data;
  const o = inspection.object;
  const label = (text: string) => cell(text, { shade: true });
  const inspected =
    inspection.inspectedOn === null ? '　　　年　　月　　日' : formatChineseDate(inspection.inspectedOn);
  const tasks = inspection.tasks.map(
    (t) => `${t.code} ${t.name}（第${String(t.batch)}批，${t.departmentName}）`,
  );
  return table(
    [2000, 2700, 1700, 2445],
    [
      [label('检查对象名称'), cell(inspection.objectName, { span: 3 })],
      [label('统一社会信用代码'), cell(o.uscc ?? ''), label('注册号'), cell(o.regNo ?? '')],
      [label('住所（经营场所）'), cell(inspection.address, { span: 3 })],
      [label('法定代表人（负责人）'), cell(o.legalRepresentative), label('登记状态'), cell(o.status)],
      [label('检查实施部门'), cell(inspection.responsibleDepartmentName, { span: 3 })],
      [label('抽查任务'), cell(tasks.join('\n'), { span: 3 })],
      [
        label('检查期限'),
        cell(`${inspection.windowFrom} 至 ${inspection.windowTo}`),
        label('公示期限'),
        cell(inspection.deadline),
      ],
      [label('检查日期'), cell(inspected, { span: 3 })],
      [
        label('检查方式'),
        cell(INSPECTION_METHODS.map((m) => `${inspection.method === m ? TICKED : EMPTY}${m}`).join('　'), {
          span: 3,
        }),
      ],
    ],
  );
}

function checklistTable(data: InspectionDocumentData): Table {
  const { inspection } = data;
  const header = ['序号', '任务编号', '检查事项', '检查结果（可多选，勾选代码）', '说明'].map((h) =>
    cell(h, { bold: true, align: 'center', shade: true, size: SIZE.wu }),
  );
  const rows = [header];
  let n = 0;
  for (const task of inspection.tasks) {
    for (const matter of task.matters) {
      n += 1;
      const result = inspection.results.find((r) => r.taskId === task.taskId && r.matter === matter);
      const codes = new Set(result?.codes ?? []);
      const boxes = RESULT_CODES.map((c) => `${codes.has(c.code) ? TICKED : EMPTY}${c.code}`).join(' ');
      const names = RESULT_CODES.filter((c) => codes.has(c.code)).map((c) => `${c.code} ${c.name}`);
      const note = [
        ...(result?.recognisedResultId != null ? ['采信其他部门结果'] : []),
        ...(result === undefined || result.note === '' ? [] : [result.note]),
      ];
      rows.push([
        cell(String(n), { align: 'center', size: SIZE.wu }),
        cell(task.code, { size: SIZE.wu }),
        cell(matter, { size: SIZE.wu }),
        cell(
          [
            para(boxes, { size: SIZE.wu, align: 'left' }),
            ...(names.length > 0
              ? [para(`结果：${names.join('；')}`, { size: SIZE.wu, align: 'left' })]
              : []),
          ],
          { size: SIZE.wu },
        ),
        cell(note.join('\n'), { size: SIZE.wu }),
      ]);
    }
  }
  return table([600, 1300, 2300, 3200, 1445], rows, { headerRows: 1 });
}

function legend(): Paragraph {
  return para(
    [
      run('检查结果代码：', { size: SIZE.wu, font: HEI }),
      run(RESULT_CODES.map((c) => `${c.code} ${c.name}`).join('；') + '。', { size: SIZE.wu }),
    ],
    { size: SIZE.wu, before: 60 },
  );
}

function findingsTable(data: InspectionDocumentData): Table {
  const findings = data.inspection.findings.trim();
  const lines = findings === '' ? ['', '', '', ''] : findings.split('\n');
  return table([8845], [[cell(lines.join('\n'))]]);
}

function signatureTable(data: InspectionDocumentData): Table {
  const rows = [
    ['姓名', '所在部门', '执法证号', '签名'].map((h) =>
      cell(h, { bold: true, align: 'center', shade: true }),
    ),
  ];
  for (const m of data.inspection.team) {
    rows.push([
      cell(m.name),
      cell(m.departmentName),
      cell(data.certificates.get(m.inspectorId) ?? ''),
      cell(''),
    ]);
  }
  return table([1500, 3000, 2300, 2045], rows, { headerRows: 1 });
}

function objectOpinionTable(): Table {
  return table(
    [8845],
    [
      [
        cell(
          [
            para(
              '对以上检查情况：' +
                EMPTY +
                '无异议　' +
                EMPTY +
                '有异议（异议内容：　　　　　　　　　　　　　　　　）',
              {
                size: SIZE.xiaosi,
                after: 240,
              },
            ),
            para('检查对象代表（签名）：　　　　　　　职务：　　　　　　　日期：　　　年　　月　　日', {
              size: SIZE.xiaosi,
            }),
            para('（拒绝签名的，由检查人员注明情况）', { size: SIZE.wu }),
          ],
          {},
        ),
      ],
    ],
  );
}

/** The 随机抽查检查情况记录表 of an inspection as .docx bytes (filled in with any results entered). */
export async function buildRecordSheet(data: InspectionDocumentData): Promise<Uint8Array> {
  const { inspection } = data;
  const children = [
    para('随机抽查检查情况记录表', { font: SONG, size: SIZE.er, bold: true, align: 'center', after: 120 }),
    para(`编号：${formatDocumentNumber(inspection.year, inspection.id)}`, {
      size: SIZE.xiaosi,
      align: 'right',
      after: 120,
    }),
    section('一、检查对象和任务'),
    objectTable(data),
    section('二、检查事项和结果'),
    checklistTable(data),
    legend(),
    section('三、检查情况（发现的问题及处理）'),
    findingsTable(data),
    section('四、检查人员'),
    signatureTable(data),
    section('五、检查对象意见'),
    objectOpinionTable(),
  ];
  return packDocument(
    makeDocument(
      {
        title: `随机抽查检查情况记录表 ${inspection.objectName}`,
        subject: inspection.tasks.map((t) => t.code).join(' '),
      },
      children,
    ),
  );
}
