/**
 * `ssj objects export --xlsx FILE`: the object register in the layout the importer reads back (same headers). Written
 * with ExcelJS's streaming writer, rows fetched in pages by id, so a register of a city never sits in memory. The
 * credit-risk class is sealed (DOMAIN.md §2: not published) and is not exported.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { OBJECT_KIND_NAMES } from '@ssj/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

const PAGE = 5000;

export const EXPORT_HEADERS = [
  '统一社会信用代码',
  '注册号',
  '名称',
  '类型',
  '登记状态',
  '法定代表人',
  '住所',
  '经营范围',
  '注册资本（万元）',
  '成立日期',
  '所属区域',
] as const;

/** Writes every object (of one region when given) to `output` as .xlsx; returns the number of objects written. */
export async function exportObjectsXlsx(
  db: Kysely<Database>,
  output: Writable,
  regionCode: string | null = null,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('检查对象名录库', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_HEADERS.map((header) => ({
    header,
    width: header === '经营范围' ? 40 : 20,
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let lastId = 0;
  let written = 0;
  for (;;) {
    let query = db.selectFrom('objects');
    if (regionCode !== null) query = query.where('region_code', '=', regionCode);
    const page = await query
      .select([
        'id',
        'uscc',
        'reg_no',
        'name',
        'kind',
        'status',
        'legal_representative',
        'address',
        'business_scope',
        'registered_capital',
        'established_on',
        'region_code',
      ])
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    if (page.length === 0) break;
    for (const o of page) {
      // Codes are written as text: a spreadsheet must not turn an 18-digit USCC into a number again.
      sheet
        .addRow([
          o.uscc ?? '',
          o.reg_no ?? '',
          o.name,
          OBJECT_KIND_NAMES[o.kind],
          o.status,
          o.legal_representative,
          o.address,
          o.business_scope,
          o.registered_capital ?? '',
          o.established_on ?? '',
          o.region_code,
        ])
        .commit();
    }
    written += page.length;
    lastId = page[page.length - 1]?.id ?? lastId;
  }
  sheet.commit();
  await workbook.commit();
  return written;
}
