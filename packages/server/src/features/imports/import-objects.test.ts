import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import {
  checkRegistrationNumber,
  checkUscc,
  detectExcelCorruption,
  makeOrgCode,
  makeUscc,
  suggestColumnMapping,
  validateObjectRow,
} from '@ssj/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../audit/audit-log.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import { createTestDatabase } from '../../testing/test-database.ts';
import { prepareDatabase } from '../../start-server.ts';
import { importObjects } from './import-objects.ts';

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

async function countObjects(): Promise<number> {
  const r = await database.db
    .selectFrom('objects')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

const cellText = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** What the real file holds, classified independently of the importer (row = spreadsheet row). */
function classifyRealRows() {
  const workbook = XLSX.read(readFileSync(realFile));
  const sheet = workbook.Sheets[workbook.SheetNames[0] ?? ''];
  if (sheet === undefined) throw new Error('no sheet');
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null });
  const out = {
    corrupted: [] as number[],
    uscc: [] as number[],
    regOnly: new Map<number, string>(),
    unidentifiable: [] as number[],
    nameless: [] as number[],
  };
  rows.slice(1).forEach((r, i) => {
    const row = i + 2;
    const u = cellText(r[2]);
    const g = cellText(r[1]);
    if (u !== '' && detectExcelCorruption(u) !== null) out.corrupted.push(row);
    else if (typeof r[0] !== 'string' || r[0].trim() === '') out.nameless.push(row);
    else if (u !== '' && checkUscc(u).ok) out.uscc.push(row);
    else if (u === '' && checkRegistrationNumber(g).ok) out.regOnly.set(row, g);
    else out.unidentifiable.push(row);
  });
  return out;
}

describe.skipIf(!existsSync(realFile))(
  'importObjects: the real market-entity export (market-entities-2021.xls)',
  () => {
    const source = () => ({ fileName: 'market-entities-2021.xls', bytes: readFileSync(realFile) });

    it('flags every corrupted USCC on its spreadsheet row, no valid row, and stores nothing (all or nothing)', async () => {
      const truth = classifyRealRows();
      const result = await importObjects(database.db, SYSTEM_ACTOR, source(), { defaultRegion: '140525' });
      const errorRows = new Set(result.issues.filter((i) => i.severity === 'error').map((i) => i.row));
      const corruptedFlagged = truth.corrupted.filter((row) =>
        result.issues.some(
          (i) =>
            i.row === row &&
            i.severity === 'error' &&
            i.column === 'TYXYDM' &&
            i.message.includes('重新导出'),
        ),
      );
      console.info('market-entities-2021.xls', {
        rows: result.rows,
        valid: result.valid,
        errorRows: result.errorRows,
        corrupted: truth.corrupted.length,
        corruptedFlagged: corruptedFlagged.length,
        validUscc: truth.uscc.length,
        registrationNumberOnly: truth.regOnly.size,
        unidentifiable: truth.unidentifiable.length,
        nameless: truth.nameless.length,
      });
      expect(result.rows).toBe(651);
      expect(truth.corrupted.length).toBe(83);
      expect(corruptedFlagged).toEqual(truth.corrupted);
      for (const row of [...truth.uscc, ...truth.regOnly.keys()]) expect(errorRows.has(row)).toBe(false);
      expect([...errorRows].sort((a, b) => a - b)).toEqual(
        [...truth.corrupted, ...truth.unidentifiable, ...truth.nameless].sort((a, b) => a - b),
      );
      expect(result.valid).toBe(truth.uscc.length + truth.regOnly.size);
      expect(result.stored).toBe(false);
      expect(result.imported).toBe(0);
      expect(await countObjects()).toBe(0);
    });

    it('without --region, every row is refused as outside the city (the file is from 海南 万宁, 469006)', async () => {
      const result = await importObjects(database.db, SYSTEM_ACTOR, source(), { dryRun: true });
      const outside = new Set(
        result.issues.filter((i) => i.message.includes('不属于本市辖区')).map((i) => i.row),
      );
      const truth = classifyRealRows();
      for (const row of [...truth.uscc, ...truth.regOnly.keys()]) expect(outside.has(row)).toBe(true);
      expect(result.valid).toBe(0);
    });

    it('--dry-run stores nothing even when the valid rows would be stored', async () => {
      const result = await importObjects(database.db, SYSTEM_ACTOR, source(), {
        defaultRegion: '140525',
        skipInvalid: true,
        dryRun: true,
      });
      expect(result.valid).toBe(classifyRealRows().uscc.length + classifyRealRows().regOnly.size);
      expect(result.stored).toBe(false);
      expect(await countObjects()).toBe(0);
    });

    it('with --skip-invalid stores the valid rows, a 注册号-only row identified by its 注册号, audited once', async () => {
      const truth = classifyRealRows();
      const result = await importObjects(database.db, SYSTEM_ACTOR, source(), {
        defaultRegion: '140525',
        skipInvalid: true,
      });
      expect(result.stored).toBe(true);
      expect(result.imported).toBe(truth.uscc.length + truth.regOnly.size);
      expect(await countObjects()).toBe(result.imported);
      const [row, regNo] = [...truth.regOnly][0] ?? [0, ''];
      const stored = await database.db
        .selectFrom('objects')
        .selectAll()
        .where('canonical_id', '=', regNo)
        .executeTakeFirstOrThrow();
      expect(stored).toMatchObject({
        uscc: null,
        reg_no: regNo,
        region_code: '140525',
        status: '存续',
        kind: 'individual',
      });
      expect(stored.established_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row).toBeGreaterThan(1);
      const audit = await database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'objects.import')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]?.entity_id).toBe(result.sha256);

      // Importing the same file again: every valid row is now a duplicate of the register.
      const again = await importObjects(database.db, SYSTEM_ACTOR, source(), {
        defaultRegion: '140525',
        dryRun: true,
      });
      expect(again.issues.filter((i) => i.message.includes('已有')).length).toBe(result.imported);
    });
  },
);

describe('importObjects: generated CSV files', () => {
  const uscc = (i: number): string => makeUscc('92140502' + makeOrgCode(`MA${String(i).padStart(6, '0')}`));
  const csv = (lines: readonly string[]): Uint8Array =>
    Buffer.from(['名称,统一社会信用代码,登记状态,成立日期', ...lines].join('\r\n'));

  it('a CSV with one bad row stores nothing and names the row and column', async () => {
    const before = await countObjects();
    const lines = [
      `"甲, 店",${uscc(900001)},存续,2020-01-02`,
      `乙店,${uscc(900002).slice(0, 17)}X,存续,2020-01-02`,
      `丙店,${uscc(900003)},在营,43000`,
    ];
    const result = await importObjects(database.db, SYSTEM_ACTOR, { fileName: 'bad.csv', bytes: csv(lines) });
    expect(result.issues).toEqual([
      expect.objectContaining({ row: 3, column: '统一社会信用代码', severity: 'error' }),
    ]);
    expect(result.stored).toBe(false);
    expect(await countObjects()).toBe(before);
  });

  it('repeated ids within the file: the same issues, in the same order, as validating with the ids seen so far', async () => {
    const [x, y] = [uscc(910001), uscc(910002)];
    const lines = [
      `甲店,${x},存续,2020-01-01`,
      `乙店,${x},存续,不是日期`,
      `丙店,${y},神秘,2020-01-01`,
      `丁店,${y},存续,2020-01-01`,
      `戊店,${y},存续,2020-01-01`,
      `己店,${x},神秘,2020-01-01`,
    ];
    const result = await importObjects(database.db, SYSTEM_ACTOR, {
      fileName: 'dups.csv',
      bytes: csv(lines),
    });
    // The reference: core's validation given every earlier valid row's id.
    const { mapping } = suggestColumnMapping(['名称', '统一社会信用代码', '登记状态', '成立日期'], 'objects');
    const seen = new Map<string, number>();
    const expected = lines.flatMap((line, i) => {
      const checked = validateObjectRow(line.split(','), mapping, { seen, defaultRegionCode: null });
      if (checked.value !== undefined) seen.set(checked.value.id, i + 2);
      return checked.issues.map((issue) => ({ row: i + 2, ...issue }));
    });
    expect(expected.map((i) => [i.row, i.severity])).toEqual([
      [3, 'error'],
      [3, 'warning'],
      [4, 'error'],
      [6, 'error'],
      [7, 'error'],
      [7, 'error'],
    ]);
    expect(result.issues).toEqual(expected);
    expect(result).toMatchObject({ rows: 6, valid: 2, errorRows: 4, stored: false });
  });

  it('a file that breaks off while rows stream into COPY stores nothing, and the database stays usable', async () => {
    const before = await countObjects();
    async function* chunks(): AsyncGenerator<Uint8Array> {
      await Promise.resolve();
      yield Buffer.from('名称,统一社会信用代码\r\n');
      for (let start = 0; start < 6000; start += 1000) {
        const lines: string[] = [];
        for (let i = start; i < start + 1000; i++) lines.push(`断开测试店${i},${uscc(920000 + i)}\r\n`);
        yield Buffer.from(lines.join(''));
      }
      throw new Error('connection reset');
    }
    const result = await importObjects(database.db, SYSTEM_ACTOR, { fileName: 'cut.csv', stream: chunks() });
    expect(result.stored).toBe(false);
    expect(result.issues).toEqual([expect.objectContaining({ severity: 'error' })]);
    expect(result.issues[0]?.message).toContain('cut.csv');
    expect(await countObjects()).toBe(before);
    const again = await importObjects(database.db, SYSTEM_ACTOR, {
      fileName: 'ok.csv',
      bytes: csv([`断开后的店,${uscc(929999)},存续,2020-01-02`]),
    });
    expect(again).toMatchObject({ stored: true, imported: 1 });
  });

  it('a GB18030 CSV (as Excel saves it on a Chinese Windows) reads the same', async () => {
    const text = `名称,统一社会信用代码\r\n晋城甲店,${uscc(900010)}\r\n`;
    // 名称 / 统一社会信用代码 / 晋城甲店 in GB18030 (Node's TextEncoder only writes UTF-8).
    const gb = (hex: string): Buffer => Buffer.from(hex, 'hex');
    const bytes = Buffer.concat([
      gb('c3fbb3c6'), Buffer.from(','), gb('cdb3d2bbc9e7bbe1d0c5d3c3b4fac2eb'), Buffer.from('\r\n'),
      gb('bdfab3c7bcd7b5ea'), Buffer.from(`,${uscc(900010)}\r\n`),
    ]); // prettier-ignore
    expect(new TextDecoder('gb18030').decode(bytes)).toBe(text);
    const result = await importObjects(
      database.db,
      SYSTEM_ACTOR,
      { fileName: 'gbk.csv', bytes },
      { dryRun: true },
    );
    expect(result).toMatchObject({ valid: 1, errorRows: 0, rows: 1 });
  });

  it('a 50,000-row CSV streams in and is stored in one transaction (rows/s measured)', async () => {
    const before = await countObjects();
    const count = 50_000;
    async function* chunks(): AsyncGenerator<Uint8Array> {
      await Promise.resolve();
      yield Buffer.from('名称,统一社会信用代码,登记状态,成立日期,住所\r\n');
      for (let start = 0; start < count; start += 1000) {
        const lines: string[] = [];
        for (let i = start; i < start + 1000; i++)
          lines.push(`晋城测试商店${i},${uscc(i)},存续,${40000 + (i % 5000)},"城区某街${i}号"\r\n`);
        yield Buffer.from(lines.join(''));
      }
    }
    let progressCalls = 0;
    const t0 = performance.now();
    const result = await importObjects(
      database.db,
      SYSTEM_ACTOR,
      { fileName: 'big.csv', stream: chunks() },
      {
        onProgress: () => (progressCalls += 1),
      },
    );
    const seconds = (performance.now() - t0) / 1000;
    console.info(
      `50,000-row CSV: ${result.imported} rows in ${seconds.toFixed(1)} s = ${Math.round(result.imported / seconds)} rows/s`,
    );
    expect(result).toMatchObject({ imported: count, errorRows: 0, stored: true });
    expect(await countObjects()).toBe(before + count);
    expect(progressCalls).toBeGreaterThanOrEqual(count / 2000);
  });
});

describe('importObjects: the indexes and constraints of objects', () => {
  let own: DatabaseHandle;
  beforeAll(async () => {
    own = await createTestDatabase();
    await prepareDatabase(own, { demo: false });
  });
  afterAll(async () => {
    await own.close();
  });

  /** The definitions of every index and constraint on objects, and the oid of each index (new when rebuilt). */
  async function readCatalog() {
    const indexes = await sql<{ name: string; definition: string; oid: number }>`
      select c.relname as name, pg_get_indexdef(c.oid) as definition, c.oid::integer as oid
      from pg_index i join pg_class c on c.oid = i.indexrelid
      where i.indrelid = 'objects'::regclass order by c.relname`.execute(own.db);
    const constraints = await sql<{ name: string; definition: string }>`
      select conname as name, pg_get_constraintdef(oid) as definition
      from pg_constraint where conrelid = 'objects'::regclass order by conname`.execute(own.db);
    return {
      definitions: [
        ...indexes.rows.map((r) => `${r.name}: ${r.definition}`),
        ...constraints.rows.map((r) => `${r.name}: ${r.definition}`),
      ],
      oids: new Map(indexes.rows.map((r) => [r.name, r.oid])),
    };
  }

  const uscc = (i: number): string => makeUscc('92140502' + makeOrgCode(`MB${String(i).padStart(6, '0')}`));
  const csv = (from: number, count: number): Uint8Array =>
    Buffer.from(
      [
        '名称,统一社会信用代码,登记状态',
        ...Array.from({ length: count }, (_, k) => `索引测试店${from + k},${uscc(from + k)},存续`),
      ].join('\r\n'),
    );
  const insertRaw = (canonicalId: string, regionCode: string) =>
    sql`insert into objects (canonical_id, name, name_key, kind, region_code, status, source)
      values (${canonicalId}, '直接写入', '直接写入', 'enterprise', ${regionCode}, '存续', 'test')`.execute(
      own.db,
    );

  it('an import at least as large as the register rebuilds them as they were; a smaller one inserts into them', async () => {
    const before = await readCatalog();
    expect(before.definitions.join('\n')).toContain('objects_name_trgm_idx');

    const first = await importObjects(own.db, SYSTEM_ACTOR, { fileName: 'a.csv', bytes: csv(1, 40) });
    expect(first).toMatchObject({ imported: 40, stored: true });
    const rebuilt = await readCatalog();
    expect(rebuilt.definitions).toEqual(before.definitions);
    expect(rebuilt.oids.get('objects_uscc_idx')).not.toBe(before.oids.get('objects_uscc_idx'));
    expect(rebuilt.oids.get('objects_pkey')).toBe(before.oids.get('objects_pkey'));

    const second = await importObjects(own.db, SYSTEM_ACTOR, { fileName: 'b.csv', bytes: csv(41, 3) });
    expect(second).toMatchObject({ imported: 3, stored: true });
    const kept = await readCatalog();
    expect(kept.definitions).toEqual(before.definitions);
    expect(kept.oids).toEqual(rebuilt.oids);

    // The rebuilt constraints hold: a repeated canonical id and an unknown region are refused by the database.
    await expect(insertRaw(uscc(1), '140502')).rejects.toThrow(/objects_canonical_id_key/);
    await expect(insertRaw(uscc(999), '999999')).rejects.toThrow(/objects_region_code_fkey/);
    // The rebuilt indexes answer: by USCC, by name fragment (trigram), by name key.
    const found = await sql<{ n: number }>`
      select count(*)::integer as n from objects
      where uscc = ${uscc(7)} or name like ${'%测试店42'} or name_key = ${'索引测试店43'}`.execute(own.db);
    expect(found.rows[0]?.n).toBe(3);
  });

  it('a rebuilding import that fails leaves the indexes and the rows as they were', async () => {
    const before = await readCatalog();
    const count = await sql<{ n: number }>`select count(*)::integer as n from objects`.execute(own.db);
    // Registered ids in a file larger than the register: its indexes are dropped before those ids are found.
    const lines = csv(1, 200);
    const result = await importObjects(own.db, SYSTEM_ACTOR, { fileName: 'again.csv', bytes: lines });
    expect(result.stored).toBe(false);
    expect(result.errorRows).toBe(43);
    const after = await readCatalog();
    expect(after).toEqual(before);
    const still = await sql<{ n: number }>`select count(*)::integer as n from objects`.execute(own.db);
    expect(still.rows[0]?.n).toBe(count.rows[0]?.n);
  });

  it('codes compare and sort bytewise ("C"), as the draw and the object list expect of ASCII ids', async () => {
    const columns = await sql<{ column_name: string; collation_name: string | null }>`
      select column_name, collation_name from information_schema.columns
      where table_name = 'objects' and column_name in ('canonical_id', 'uscc', 'reg_no', 'name_key')
      order by column_name`.execute(own.db);
    expect(columns.rows.map((r) => [r.column_name, r.collation_name])).toEqual([
      ['canonical_id', 'C'],
      ['name_key', 'C'],
      ['reg_no', 'C'],
      ['uscc', 'C'],
    ]);
    const ordered = await sql<{ id: string }>`
      select canonical_id as id from objects order by canonical_id`.execute(own.db);
    const ids = ordered.rows.map((r) => r.id);
    expect(ids.length).toBeGreaterThan(40);
    expect(ids).toEqual([...ids].sort());
    // A value of the default collation (as a draw target's id) still compares with an object's.
    const joined = await sql<{ n: number }>`
      select count(*)::integer as n from objects o
      join (values (${uscc(5)}::text)) as v (id) on v.id = o.canonical_id`.execute(own.db);
    expect(joined.rows[0]?.n).toBe(1);
  });
});
