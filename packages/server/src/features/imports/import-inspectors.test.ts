import { DEPARTMENTS } from '@ssj/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../audit/audit-log.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import { createTestDatabase } from '../../testing/test-database.ts';
import { prepareDatabase } from '../../start-server.ts';
import { importInspectors } from './import-inspectors.ts';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  await prepareDatabase(database, { demo: false });
});
afterAll(async () => {
  await database.close();
});

const amr = DEPARTMENTS.find((d) => d.code === '140525-amr');
const csv = (lines: readonly string[]): Uint8Array =>
  Buffer.from(['姓名,单位,执法证号,有效期,地区,专业,状态', ...lines].join('\n'));

describe('importInspectors', () => {
  it('matches departments by name or alias, reads certificate dates, warns on an expired certificate', async () => {
    expect(amr).toBeDefined();
    const lines = [
      `张三,${amr?.name ?? ''},14052500001,2027-12-31,泽州,食品、特种设备,在岗`,
      `李四,${amr?.aliases[0] ?? ''},14052500002,46387,泽州县,,`,
      `王五,${amr?.name ?? ''},14052500003,2020年1月1日,,,休假`,
    ];
    const result = await importInspectors(
      database.db,
      SYSTEM_ACTOR,
      { fileName: 'inspectors.csv', bytes: csv(lines) },
      { today: '2026-11-27' },
    );
    expect(result.errorRows).toBe(0);
    expect(result.issues).toEqual([
      expect.objectContaining({ row: 4, column: '有效期', severity: 'warning' }),
    ]);
    expect(result.imported).toBe(3);
    const stored = await database.db.selectFrom('inspectors').selectAll().orderBy('code').execute();
    expect(stored.map((s) => [s.name, s.region_code, s.certificate_expires_on, s.status])).toEqual([
      ['张三', '140525', '2027-12-31', '在岗'],
      ['李四', '140525', '2026-12-31', '在岗'],
      ['王五', '140525', '2020-01-01', '休假'],
    ]);
    expect(stored[0]?.specialties).toEqual(['食品', '特种设备']);
  });

  it('refuses the whole file for an unknown department, a duplicate or a certificate already registered', async () => {
    const lines = [
      '赵六,不存在的局,14052500009,2027-12-31,泽州,,',
      `钱七,${amr?.name ?? ''},14052500010,2027-12-31,泽州,,`,
      `孙八,${amr?.name ?? ''},14052500010,2027-12-31,泽州,,`,
      `周九,${amr?.name ?? ''},14052500001,2027-12-31,泽州,,`,
    ];
    const result = await importInspectors(
      database.db,
      SYSTEM_ACTOR,
      { fileName: 'bad.csv', bytes: csv(lines) },
      { today: '2026-11-27' },
    );
    expect(result.issues.map((i) => [i.row, i.column, i.severity])).toEqual([
      [2, '单位', 'error'],
      [4, '执法证号', 'error'],
      [5, '执法证号', 'error'],
    ]);
    expect(result.stored).toBe(false);
    const count = await database.db
      .selectFrom('inspectors')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3);
  });
});
