import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../audit/audit-log.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import { createTestDatabase } from '../../testing/test-database.ts';
import { prepareDatabase } from '../../start-server.ts';
import { importItems } from './import-items.ts';

const realdata = fileURLToPath(new URL('../../../../../../shared/realdata/', import.meta.url));
const hainan = `${realdata}hainan-item-list-2020.xlsx`;
const joint = `${realdata}hainan-joint-item-list-v2.xls`;

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  await prepareDatabase(database, { demo: false });
});
afterAll(async () => {
  await database.close();
});

/** Rows with their own (non-merged) matter text, counted independently with SheetJS. */
function countMatterCells(file: string, column: number, firstDataRow: number): number {
  const workbook = XLSX.read(readFileSync(file));
  const sheet = workbook.Sheets[workbook.SheetNames[0] ?? ''];
  if (sheet === undefined) throw new Error('no sheet');
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, {
    header: 1,
    raw: true,
    defval: null,
    blankrows: true,
  });
  return rows.slice(firstDataRow - 1).filter((r) => typeof r[column] === 'string' && r[column].trim() !== '')
    .length;
}

describe.skipIf(!existsSync(hainan))(
  'importItems: hainan-item-list-2020.xlsx (two-row header, merged groups)',
  () => {
    it('imports every matter, departments and categories carried down over merged cells', async () => {
      const expected = countMatterCells(hainan, 3, 4);
      const result = await importItems(database.db, SYSTEM_ACTOR, {
        fileName: 'hainan-item-list-2020.xlsx',
        bytes: readFileSync(hainan),
      });
      const items = await database.db.selectFrom('items').selectAll().orderBy('source_row').execute();
      const departments = [...new Set(items.map((i) => i.department_name))];
      console.info('hainan-item-list-2020.xlsx', {
        rows: result.rows,
        matterCells: expected,
        imported: result.imported,
        errors: result.errorRows,
        warnings: result.issues.filter((i) => i.severity === 'warning').length,
        departments: departments.length,
        types: Object.fromEntries(
          ['一般', '重点', null].map((t) => [String(t), items.filter((i) => i.item_type === t).length]),
        ),
      });
      expect(result.errorRows).toBe(0);
      expect(result.stored).toBe(true);
      expect(result.imported).toBe(expected);
      expect(items).toHaveLength(expected);
      expect(items.every((i) => i.department_name !== '' && i.category !== '' && i.matter !== '')).toBe(true);
      expect(items[0]).toMatchObject({
        department_name: '省教育厅',
        category: '中小学教育装备产品检查',
        object_scope: '中小学校',
        item_type: '一般',
        source_row: 4,
      });
      // Row 6–7: one matter (校服) with its two legal bases in two cells.
      const uniform = items.find((i) => i.source_row === 6);
      expect(uniform?.legal_basis.split('\n')).toHaveLength(2);
      expect(items.some((i) => i.source_row === 7)).toBe(false);
      expect(departments.length).toBeGreaterThan(5);
    });
  },
);

describe.skipIf(!existsSync(joint))(
  'importItems: hainan-joint-item-list-v2.xls (joint list, legacy .xls)',
  () => {
    it('imports the joint entries with field, initiator and cooperators; a re-import is refused', async () => {
      const expected = countMatterCells(joint, 2, 4);
      const result = await importItems(database.db, SYSTEM_ACTOR, {
        fileName: 'joint.xls',
        bytes: readFileSync(joint),
      });
      console.info('hainan-joint-item-list-v2.xls', {
        imported: result.imported,
        matterCells: expected,
        errors: result.errorRows,
      });
      expect(result).toMatchObject({ stored: true, errorRows: 0, imported: expected });
      const items = await database.db
        .selectFrom('items')
        .selectAll()
        .where('source', '=', 'import:joint.xls')
        .orderBy('source_row')
        .execute();
      expect(items[1]).toMatchObject({
        field: '工程咨询单位抽查',
        matter: '工程造价咨询企业的检查',
        object_scope: '工程咨询单位',
        initiator: '住房和城乡建设部门',
        department_name: '住房和城乡建设部门',
        cooperators: ['市场监管领域相关部门'],
      });
      const again = await importItems(database.db, SYSTEM_ACTOR, {
        fileName: 'joint.xls',
        bytes: readFileSync(joint),
      });
      expect(again.stored).toBe(false);
      expect(again.errorRows).toBe(expected);
    });
  },
);
