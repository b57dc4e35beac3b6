import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../audit/audit-log.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import { createTestDatabase } from '../../testing/test-database.ts';
import { prepareDatabase } from '../../start-server.ts';
import { importObjects } from './import-objects.ts';
import { writeImportReport } from './write-import-report.ts';

const realFile = fileURLToPath(
  new URL('../../../../../../shared/realdata/market-entities-2021.xls', import.meta.url),
);

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  await prepareDatabase(database, { demo: false });
});
afterAll(async () => {
  await database.close();
});

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

describe('writeImportReport', () => {
  it('writes one row per issue with row, column, severity, message and the original value', async () => {
    const issues = [
      {
        row: 3,
        column: 'TYXYDM',
        severity: 'error' as const,
        message: '统一社会信用代码「914690062012665000」被表格软件存成了数字',
        value: '914690062012665000',
      },
      {
        row: 2,
        column: 'CLRQ',
        severity: 'warning' as const,
        message: '成立日期「不详」无法识别',
        value: '不详',
      },
    ];
    const workbook = await readBack(await writeImportReport(issues, 'x.csv'));
    const list = workbook.getWorksheet('问题清单');
    expect(list?.getRow(1).values).toEqual([undefined, '行号', '列', '级别', '问题与处理办法', '原值']);
    expect(list?.getRow(2).values).toEqual([
      undefined,
      2,
      'CLRQ',
      '警告',
      '成立日期「不详」无法识别',
      '不详',
    ]);
    expect(list?.getRow(3).getCell(5).value).toBe('914690062012665000');
    expect(workbook.getWorksheet('汇总')?.getRow(2).values).toEqual([undefined, '导入文件', 'x.csv']);
  });

  it.skipIf(!existsSync(realFile))('holds every issue of the real market-entity import', async () => {
    const result = await importObjects(
      database.db,
      SYSTEM_ACTOR,
      { fileName: 'market-entities-2021.xls', bytes: readFileSync(realFile) },
      { dryRun: true, defaultRegion: '140525' },
    );
    const bytes = await writeImportReport(result.issues, 'market-entities-2021.xls', result);
    const list = (await readBack(bytes)).getWorksheet('问题清单');
    const read: string[] = [];
    list?.eachRow((row, n) => {
      if (n > 1)
        read.push(
          JSON.stringify([
            row.getCell(1).value,
            row.getCell(2).value,
            row.getCell(4).value,
            row.getCell(5).value ?? '',
          ]),
        );
    });
    const expected = result.issues.map((i) => JSON.stringify([i.row, i.column, i.message, i.value]));
    console.info(`report: ${read.length} issue rows, ${bytes.length} bytes`);
    expect(read.sort()).toEqual(expected.sort());
    expect(read.length).toBe(result.issues.length);
  });
});
