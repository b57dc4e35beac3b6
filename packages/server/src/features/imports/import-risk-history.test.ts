import ExcelJS from 'exceljs';
import { makeOrgCode, makeUscc } from '@ssj/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../audit/audit-log.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import { createTestDatabase } from '../../testing/test-database.ts';
import { prepareDatabase } from '../../start-server.ts';
import { importObjects } from './import-objects.ts';
import { importRiskHistory } from './import-risk-history.ts';

let database: DatabaseHandle;
const chengqu = (i: number): string => makeUscc('92140502' + makeOrgCode(`MR${String(i).padStart(6, '0')}`));
const yangcheng = makeUscc('91140522' + makeOrgCode('MR900001'));
const unknown = makeUscc('91140525' + makeOrgCode('MR999999'));

beforeAll(async () => {
  database = await createTestDatabase();
  await prepareDatabase(database, { demo: false });
  const lines = [
    '名称,统一社会信用代码',
    `城区甲店,${chengqu(1)}`,
    `城区乙店,${chengqu(2)}`,
    `阳城丙厂,${yangcheng}`,
  ];
  const objects = await importObjects(database.db, SYSTEM_ACTOR, {
    fileName: 'objects.csv',
    bytes: Buffer.from(lines.join('\n')),
  });
  expect(objects.imported).toBe(3);
});
afterAll(async () => {
  await database.close();
});

const csv = (lines: readonly string[]): { fileName: string; bytes: Uint8Array } => ({
  fileName: 'risk.csv',
  bytes: Buffer.from(lines.join('\r\n')),
});

async function classOf(id: string): Promise<string | null> {
  const o = await database.db
    .selectFrom('objects')
    .select('risk_class')
    .where('canonical_id', '=', id)
    .executeTakeFirstOrThrow();
  return o.risk_class;
}

async function historyOf(id: string): Promise<{ class: string; on: string }[]> {
  return database.db
    .selectFrom('object_risk_history as h')
    .innerJoin('objects as o', 'o.id', 'h.object_id')
    .select(['h.class', 'h.on'])
    .where('o.canonical_id', '=', id)
    .orderBy('h.on')
    .execute();
}

describe('importRiskHistory', () => {
  it('refuses the whole file when a row names an unknown object, a bad class or a bad date (row and column)', async () => {
    const result = await importRiskHistory(
      database.db,
      SYSTEM_ACTOR,
      csv([
        'USCC,class,date',
        `${chengqu(1)},A,2023-01-01`,
        `${unknown},B,2023-01-01`,
        `${chengqu(2)},E,2023-01-01`,
        `${chengqu(2)},B,2023-13-01`,
        `${chengqu(2)},B,2031-01-01`,
        `${chengqu(2).slice(0, 17)}0,B,2023-01-01`,
      ]),
      { today: '2026-11-27' },
    );
    expect(result.stored).toBe(false);
    expect(result.imported).toBe(0);
    expect(result.errorRows).toBe(5);
    expect(result.issues.map((i) => [i.row, i.column, i.severity])).toEqual([
      [3, 'USCC', 'error'],
      [4, 'class', 'error'],
      [5, 'date', 'error'],
      [6, 'date', 'error'],
      [7, 'USCC', 'error'],
    ]);
    expect(result.issues[0]?.message).toContain('检查对象名录库中没有');
    expect(result.issues[2]?.message).toContain('无法识别');
    expect(result.issues[3]?.message).toContain('晚于今天');
    expect(await historyOf(chengqu(1))).toEqual([]);
    expect(await classOf(chengqu(1))).toBeNull();
  });

  it('a dry run checks everything and stores nothing', async () => {
    const result = await importRiskHistory(
      database.db,
      SYSTEM_ACTOR,
      csv(['USCC,class,date', `${chengqu(1)},A,2023-01-01`]),
      { dryRun: true, today: '2026-11-27' },
    );
    expect(result).toMatchObject({ stored: false, imported: 0, valid: 1, errorRows: 0, issues: [] });
    expect(await historyOf(chengqu(1))).toEqual([]);
  });

  it('appends every row to the history and sets the current class to the latest one; audited once without classes', async () => {
    const result = await importRiskHistory(
      database.db,
      SYSTEM_ACTOR,
      csv([
        '统一社会信用代码,信用风险分类,分类日期',
        `${chengqu(1)},C,2023-03-01`,
        `${chengqu(1)},低风险,2023-01-01`,
        `${chengqu(2)},高风险,44986`, // Excel serial: 2023-03-01
      ]),
      { today: '2026-11-27' },
    );
    expect(result).toMatchObject({ stored: true, imported: 3, errorRows: 0, changedClasses: 2, issues: [] });
    expect(await historyOf(chengqu(1))).toEqual([
      { class: 'A', on: '2023-01-01' },
      { class: 'C', on: '2023-03-01' },
    ]);
    expect(await classOf(chengqu(1))).toBe('C');
    expect(await classOf(chengqu(2))).toBe('D');
    const audit = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'objects.import_risk')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.entity_id).toBe(result.sha256);
    expect(JSON.stringify(audit[0])).not.toMatch(/"class"|低风险|高风险/);
  });

  it('an older classification joins the history without changing the current class; a repeat is skipped, a contradiction refused', async () => {
    const older = await importRiskHistory(
      database.db,
      SYSTEM_ACTOR,
      csv(['USCC,class,date', `${chengqu(1)},B,2022-06-01`, `${chengqu(1)},C,2023-03-01`]),
      { today: '2026-11-27' },
    );
    expect(older).toMatchObject({ stored: true, imported: 1, changedClasses: 0, errorRows: 0 });
    expect(older.issues).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'date',
        severity: 'warning',
        message: expect.stringContaining('已导入过') as string,
      }),
    ]);
    expect(await classOf(chengqu(1))).toBe('C');
    expect((await historyOf(chengqu(1))).map((h) => h.on)).toEqual([
      '2022-06-01',
      '2023-01-01',
      '2023-03-01',
    ]);

    const contradiction = await importRiskHistory(
      database.db,
      SYSTEM_ACTOR,
      csv([
        'USCC,class,date',
        `${chengqu(2)},A,2023-03-01`,
        `${chengqu(1)},A,2024-01-01`,
        `${chengqu(1)},B,2024-01-01`,
      ]),
      { today: '2026-11-27' },
    );
    expect(contradiction.stored).toBe(false);
    expect(contradiction.issues.map((i) => [i.row, i.severity])).toEqual([
      [2, 'error'],
      [4, 'error'],
    ]);
    expect(contradiction.issues[1]?.message).toContain('与第 3 行矛盾');
    expect(await classOf(chengqu(2))).toBe('D');
  });

  it('with a region, only objects of that region may be classified', async () => {
    const result = await importRiskHistory(
      database.db,
      SYSTEM_ACTOR,
      csv(['USCC,class,date', `${yangcheng},B,2023-05-01`, `${chengqu(1)},B,2023-05-01`]),
      { today: '2026-11-27', onlyRegion: '140522' },
    );
    expect(result.stored).toBe(false);
    expect(result.issues).toEqual([
      expect.objectContaining({
        row: 3,
        severity: 'error',
        message: expect.stringContaining('不在本地区') as string,
      }),
    ]);
  });

  it('reads an .xlsx export whose dates are Excel dates', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('风险分类');
    sheet.addRow(['统一社会信用代码', '风险等级', '评定日期']);
    sheet.addRow([yangcheng, '较高风险', new Date(Date.UTC(2023, 5, 1))]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await importRiskHistory(
      database.db,
      SYSTEM_ACTOR,
      { fileName: 'risk.xlsx', bytes },
      { today: '2026-11-27' },
    );
    expect(result).toMatchObject({ stored: true, imported: 1, errorRows: 0, format: 'xlsx' });
    expect(await historyOf(yangcheng)).toEqual([{ class: 'C', on: '2023-06-01' }]);
    expect(await classOf(yangcheng)).toBe('C');
  });
});
