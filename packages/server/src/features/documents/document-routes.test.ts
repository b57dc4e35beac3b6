import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InspectionDto, InspectionListDto } from '../../api-types.ts';
import { SYSTEM_ACTOR } from '../../audit/audit-log.ts';
import { createTestApp, logInAs, type LoggedIn, type TestApp } from '../../testing/test-app.ts';
import { freezeDrawSession } from '../draws/freeze-session.ts';
import { publishDrawSession } from '../draws/publish-session.ts';
import { enterSessionSeed } from '../draws/seed-session.ts';
import { dispatchPublishedDraws } from '../inspections/dispatch-inspections.ts';
import { RESULT_EXPORT_COLUMNS, writeResultExport } from './results-export.ts';

const PASSWORD = 'Demo2023ssj';
const run = promisify(execFile);

/** Text as it appears in WordprocessingML (the characters XML escapes). */
function asXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

async function readDocumentXml(bytes: Buffer): Promise<{ document: string; fonts: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const document = await zip.file('word/document.xml')?.async('string');
  const fonts = await zip.file('word/fontTable.xml')?.async('string');
  if (document === undefined || fonts === undefined) throw new Error('not a Word document');
  return { document, fonts };
}

async function findSoffice(): Promise<string | null> {
  for (const name of ['soffice', 'libreoffice']) {
    try {
      await run('which', [name]);
      return name;
    } catch {
      // not installed under this name
    }
  }
  return null;
}

describe('printable documents and the disclosure export', () => {
  let t: TestApp;
  let inspector: LoggedIn;
  let reviewer: LoggedIn;
  let office: LoggedIn;
  let stranger: LoggedIn;
  let detail: InspectionDto;
  let certificates: string[] = [];

  const get = (who: LoggedIn, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken } });
  const send = (who: LoggedIn, method: 'PUT' | 'POST', url: string, payload: Record<string, unknown>) =>
    t.app.inject({ method, url, headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken }, payload });

  beforeAll(async () => {
    t = await createTestApp({ demoObjects: 3000 });
    t.clock.now = new Date('2023-07-10T02:00:00Z');
    const db = t.database.db;
    const department = await db
      .selectFrom('users')
      .select('department_id')
      .where('username', '=', 'zezhou-scjg')
      .executeTakeFirstOrThrow();
    const tasks = await db
      .selectFrom('tasks')
      .select(['code', 'initiator_department_ids'])
      .where('region_code', '=', '140525')
      .orderBy('seq')
      .execute();
    const codes = tasks
      .filter((x) => x.initiator_department_ids[0] === department.department_id)
      .map((x) => x.code)
      .slice(0, 2);
    const frozen = await freezeDrawSession(db, SYSTEM_ACTOR, {
      year: 2023,
      title: '文书测试',
      items: codes.map((taskCode) => ({ taskCode, batch: 1 })),
    });
    if (!frozen.ok) throw new Error(JSON.stringify(frozen.error));
    const seeded = await enterSessionSeed(db, SYSTEM_ACTOR, frozen.value.sessionId, {
      digits: '31415926535897932384626433',
      beacon: null,
      witnesses: ['王五', '赵六'],
    });
    if (!seeded.ok) throw new Error(JSON.stringify(seeded.error));
    const published = await publishDrawSession(db, SYSTEM_ACTOR, frozen.value.sessionId);
    if (!published.ok) throw new Error(JSON.stringify(published.error));
    await dispatchPublishedDraws(db, SYSTEM_ACTOR);
    inspector = await logInAs(t.app, 'inspector', PASSWORD);
    reviewer = await logInAs(t.app, 'zezhou-scjg', PASSWORD);
    office = await logInAs(t.app, 'office', PASSWORD);
    stranger = await logInAs(t.app, 'yangcheng-scjg', PASSWORD);
    const list = (await get(inspector, '/api/inspections?limit=5')).json<InspectionListDto>();
    const first = list.inspections[0];
    if (first === undefined) throw new Error('the demo inspector has no inspection');
    detail = (await get(inspector, `/api/inspections/${String(first.id)}`)).json<InspectionDto>();
    const rows = await db
      .selectFrom('inspectors')
      .select('certificate_no')
      .where(
        'id',
        'in',
        detail.team.map((m) => m.inspectorId),
      )
      .execute();
    certificates = rows.map((r) => r.certificate_no);
  });
  afterAll(async () => {
    await t.close();
  });

  it('makes the inspection notice with the object, its tasks and matters, the team and their 执法证 numbers', async () => {
    const res = await get(inspector, `/api/inspections/${String(detail.id)}/notice.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml.document');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('检查通知书'));
    const { document, fonts } = await readDocumentXml(res.rawPayload);
    expect(document).toContain(asXml(detail.objectName));
    expect(document).toContain(detail.object.uscc ?? detail.object.regNo ?? detail.canonicalId);
    expect(document).toContain(asXml(detail.address));
    for (const task of detail.tasks) {
      expect(document).toContain(task.code);
      for (const matter of task.matters) expect(document).toContain(asXml(matter));
    }
    expect(detail.team.length).toBeGreaterThanOrEqual(2);
    for (const member of detail.team) expect(document).toContain(member.name);
    for (const no of certificates) expect(document).toContain(no);
    expect(document).toContain(asXml(detail.responsibleDepartmentName));
    expect(document).toContain('2023年7月10日');
    expect(document).toContain('检查对象签收');
    // Chinese fonts with fallbacks, A4.
    expect(document).toContain('w:eastAsia="仿宋_GB2312"');
    expect(fonts).toContain('w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  it('answers 404 to a user who does not see the inspection, and for one that does not exist', async () => {
    expect((await get(stranger, `/api/inspections/${String(detail.id)}/notice.docx`)).statusCode).toBe(404);
    expect((await get(stranger, `/api/inspections/${String(detail.id)}/record-sheet.docx`)).statusCode).toBe(
      404,
    );
    expect((await get(office, '/api/inspections/999999/record-sheet.docx')).statusCode).toBe(404);
    expect((await get(office, `/api/inspections/${String(detail.id)}/notice.docx`)).statusCode).toBe(200);
  });

  it('makes an empty record sheet before results and a filled one after', async () => {
    const empty = await get(reviewer, `/api/inspections/${String(detail.id)}/record-sheet.docx`);
    expect(empty.statusCode).toBe(200);
    const before = (await readDocumentXml(empty.rawPayload)).document;
    expect(before).toContain('随机抽查检查情况记录表');
    expect(before).toContain(asXml(detail.objectName));
    for (const task of detail.tasks) expect(before).toContain(task.code);
    for (const member of detail.team) expect(before).toContain(member.name);
    expect(before).toContain('☐1 ☐A ☐E');
    expect(before).not.toContain('☑');

    const entries = detail.tasks.flatMap((task) =>
      task.matters.map((matter) => ({ taskId: task.taskId, matter })),
    );
    const saved = await send(inspector, 'POST', `/api/inspections/${String(detail.id)}/submit`, {
      method: '实地检查',
      inspectedOn: '2023-07-05',
      findings: '经营场所未公示营业执照，已责令改正',
      results: entries.map((e, i) => ({ ...e, codes: i === 0 ? ['A'] : ['1'] })),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const filled = await get(inspector, `/api/inspections/${String(detail.id)}/record-sheet.docx`);
    const after = (await readDocumentXml(filled.rawPayload)).document;
    expect(after).toContain('☑A');
    expect(after).toContain('结果：A 发现问题待后续处理');
    expect(after).toContain('☑实地检查');
    expect(after).toContain('2023年7月5日');
    expect(after).toContain('经营场所未公示营业执照，已责令改正');
  });

  it('exports published results as .xlsx in the documented layout', async () => {
    const approved = await send(reviewer, 'POST', `/api/inspections/${String(detail.id)}/review`, {
      action: 'approve',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const res = await get(office, '/api/results/export.xlsx?year=2023');
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('抽查检查结果');
    if (sheet === undefined) throw new Error('no result sheet');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(RESULT_EXPORT_COLUMNS.map((c) => c.header));
    expect(sheet.rowCount).toBe(1 + detail.tasks.length);
    const column = (name: string) => RESULT_EXPORT_COLUMNS.findIndex((c) => c.header === name) + 1;
    const rows = [...Array(detail.tasks.length).keys()].map((i) => sheet.getRow(i + 2));
    const first = rows.find((r) => r.getCell(column('检查结果代码')).text === 'A');
    if (first === undefined) throw new Error('no row with result A');
    expect(first.getCell(column('序号')).value).toBeTypeOf('number');
    expect(first.getCell(column('检查对象名称')).text).toBe(detail.objectName);
    expect(first.getCell(column('统一社会信用代码')).text).toBe(detail.object.uscc ?? '');
    expect(detail.tasks.map((x) => x.code)).toContain(first.getCell(column('抽查任务编号')).text);
    expect(['定向', '不定向']).toContain(first.getCell(column('抽查类型')).text);
    expect(first.getCell(column('检查结果')).text).toBe('发现问题待后续处理');
    expect(first.getCell(column('检查方式')).text).toBe('实地检查');
    expect(first.getCell(column('检查日期')).text).toBe('2023-07-05');
    expect(first.getCell(column('检查实施机关')).text).toBe(detail.tasks[0]?.departmentName);
    expect(first.getCell(column('公示日期')).text).toBe('2023-07-10');
    expect(first.getCell(column('是否逾期公示')).text).toBe('否');
    expect(first.getCell(column('后续处置')).text).toBe('待定');
    expect(first.getCell(column('处置状态')).text).toBe('未完结');
    expect(workbook.getWorksheet('说明')?.getRow(4).getCell(2).text).toBe(String(detail.tasks.length));

    // Fetched page by page (here one row a page), the rows are the same.
    const paged = await writeResultExport(
      t.database.db,
      { year: 2023 },
      { generatedOn: '2023-07-10', scope: 'x' },
      1,
    );
    expect(paged.rows).toBe(detail.tasks.length);
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(Buffer.from(paged.bytes) as unknown as ArrayBuffer);
    const texts = (w: ExcelJS.Workbook) =>
      w
        .getWorksheet('抽查检查结果')
        ?.getSheetValues()
        .map((r) => JSON.stringify(r));
    expect(texts(again)).toEqual(texts(workbook));
  });

  it('gives a department admin only its own department’s results', async () => {
    const own = await get(reviewer, '/api/results/export.xlsx?year=2023');
    expect(own.statusCode).toBe(200);
    const mine = new ExcelJS.Workbook();
    await mine.xlsx.load(own.rawPayload as unknown as ArrayBuffer);
    expect(mine.getWorksheet('抽查检查结果')?.rowCount).toBe(1 + detail.tasks.length);

    const other = await get(stranger, '/api/results/export.xlsx?year=2023');
    expect(other.statusCode).toBe(200);
    const none = new ExcelJS.Workbook();
    await none.xlsx.load(other.rawPayload as unknown as ArrayBuffer);
    expect(none.getWorksheet('抽查检查结果')?.rowCount).toBe(1);

    const department = await t.database.db
      .selectFrom('users')
      .select('department_id')
      .where('username', '=', 'zezhou-scjg')
      .executeTakeFirstOrThrow();
    const refused = await get(
      stranger,
      `/api/results/export.xlsx?department=${String(department.department_id)}`,
    );
    expect(refused.statusCode).toBe(403);
    expect((await get(inspector, '/api/results/export.xlsx')).statusCode).toBe(403);
  });

  it('renders in LibreOffice when it is installed', async (ctx) => {
    const soffice = await findSoffice();
    if (soffice === null) {
      ctx.skip();
      return;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssj-docx-'));
    try {
      for (const [name, url] of [
        ['notice', `/api/inspections/${String(detail.id)}/notice.docx`],
        ['record', `/api/inspections/${String(detail.id)}/record-sheet.docx`],
      ] as const) {
        fs.writeFileSync(path.join(dir, `${name}.docx`), (await get(office, url)).rawPayload);
        await run(
          soffice,
          ['--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, `${name}.docx`)],
          {
            timeout: 120_000,
          },
        );
        const pdf = fs.readFileSync(path.join(dir, `${name}.pdf`));
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
