/**
 * Exports of the inspector register and the item list in the layout their importers read back (the headers are the
 * fields' own labels, issue "The registers": exports in the same layout), and a helper that collects a streamed
 * .xlsx into bytes for a download.
 */
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { INSPECTOR_FIELDS, ITEM_FIELDS } from '@ssj/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

function openSheet(output: Writable, title: string, headers: readonly string[]) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((header) => ({ header, width: 22, style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  return { workbook, sheet };
}

/** 执法检查人员名录库 (of one region when given); returns the number of inspectors written. */
export async function exportInspectorsXlsx(
  db: Kysely<Database>,
  output: Writable,
  regionCode: string | null,
): Promise<number> {
  const { workbook, sheet } = openSheet(
    output,
    '执法检查人员名录库',
    INSPECTOR_FIELDS.map((f) => f.label),
  );
  let query = db
    .selectFrom('inspectors as p')
    .innerJoin('departments as d', 'd.id', 'p.department_id')
    .select([
      'p.code',
      'p.name',
      'd.name as department',
      'p.certificate_no',
      'p.certificate_expires_on',
      'p.region_code',
      'p.specialties',
      'p.status',
      'p.beat',
    ])
    .orderBy('p.id');
  if (regionCode !== null) query = query.where('p.region_code', '=', regionCode);
  const rows = await query.execute();
  for (const r of rows) {
    const byKey: Record<string, string> = {
      name: r.name,
      department: r.department,
      certificateNo: r.certificate_no,
      certificateExpiresOn: r.certificate_expires_on,
      region: r.region_code,
      specialties: r.specialties.join('、'),
      status: r.status,
      beat: r.beat ?? '',
      code: r.code,
    };
    sheet.addRow(INSPECTOR_FIELDS.map((f) => byKey[f.key] ?? '')).commit();
  }
  sheet.commit();
  await workbook.commit();
  return rows.length;
}

/** 随机抽查事项清单 (of one region when given, with the city's own list); returns the number of entries written. */
export async function exportItemsXlsx(
  db: Kysely<Database>,
  output: Writable,
  regionCode: string | null,
): Promise<number> {
  const { workbook, sheet } = openSheet(
    output,
    '随机抽查事项清单',
    ITEM_FIELDS.map((f) => f.label),
  );
  let query = db.selectFrom('items').selectAll().orderBy('id');
  if (regionCode !== null)
    query = query.where((eb) => eb.or([eb('region_code', '=', regionCode), eb('region_code', 'is', null)]));
  const rows = await query.execute();
  for (const r of rows) {
    const byKey: Record<string, string> = {
      department: r.department_name,
      sequence: r.sequence,
      category: r.category,
      matter: r.matter,
      object: r.object_scope,
      itemType: r.item_type === null ? '' : `${r.item_type}检查事项`,
      method: r.method,
      inspectingBody: r.inspecting_body,
      legalBasis: r.legal_basis,
      field: r.field,
      initiator: r.initiator,
      cooperators: r.cooperators.join('、'),
    };
    sheet.addRow(ITEM_FIELDS.map((f) => byKey[f.key] ?? '')).commit();
  }
  sheet.commit();
  await workbook.commit();
  return rows.length;
}

/** Runs a streaming writer into memory and returns the bytes (downloads of a city's register are a few MB). */
export async function collectBytes(write: (output: Writable) => Promise<unknown>): Promise<Uint8Array> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    output.on('end', resolve);
    output.on('error', reject);
  });
  await write(output);
  output.end();
  await ended;
  return Buffer.concat(chunks);
}
