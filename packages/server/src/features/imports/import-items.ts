/**
 * Import of the item list 随机抽查事项清单 (DOMAIN.md §2) into `items`. Item lists are small (300–1,500 entries for a
 * city), so the file is read whole with merged cells resolved: a group's department and category carry down over
 * merged or blank cells, and a matter split over several rows (two legal bases) stays one entry. An entry already in
 * the list (same department, category, matter and object) is an error row. All or nothing by default.
 */
import type { Kysely, Transaction } from 'kysely';
import { validateItemRows } from '@ssj/core';
import type { ImportedItem, SourceRow } from '@ssj/core';
import type { AuditActor } from '../../audit/audit-log.ts';
import { appendAudit } from '../../audit/audit-log.ts';
import type { Database } from '../../db/schema.ts';
import { listKnownDepartments } from './import-inspectors.ts';
import { refused } from './import-objects.ts';
import { IssueList, RollbackImport, commitImport } from './import-types.ts';
import type { ImportOptions, ImportResult } from './import-types.ts';
import { checkDefaultRegion, isBlankRow, openRegisterFile } from './open-register-file.ts';
import type { ImportSource } from './read-sheet-rows.ts';

const BATCH = 500;

/** Imports an item list file; audited once per committed import. `defaultRegion` is the list's region, if any. */
export async function importItems(
  db: Kysely<Database>,
  actor: AuditActor,
  source: ImportSource,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const regionProblem = checkDefaultRegion(options.defaultRegion);
  if (regionProblem !== null) return refused(source, [regionProblem]);
  const opened = await openRegisterFile(source, 'items', { mapping: options.mapping, fillMerges: true });
  if (!opened.ok) return refused(source, opened.issues, opened.reading.format);
  const { reading, mapping, dataRows } = opened.value;
  const rows: SourceRow[] = [];
  for await (const r of dataRows) {
    rows.push(
      r.continued === undefined
        ? { row: r.row, cells: r.cells }
        : { row: r.row, cells: r.cells, continued: r.continued },
    );
  }
  const regionCode = options.defaultRegion ?? null;
  const issues = new IssueList();
  let items: readonly ImportedItem[] = [];
  let valid = 0;
  let imported = 0;
  const allOrNothing = options.skipInvalid !== true;

  const run = async (trx: Transaction<Database>): Promise<void> => {
    const checked = validateItemRows(rows, mapping, {
      departments: await listKnownDepartments(trx),
      regionCode,
    });
    items = checked.items;
    const errorRows = new Set<number>();
    for (const i of checked.issues) {
      issues.add(i);
      if (i.severity === 'error') errorRows.add(i.row);
    }
    const existing = await trx
      .selectFrom('items')
      .select(['department_name', 'category', 'matter', 'object_scope'])
      .execute();
    const keyOf = (department: string, category: string, matter: string, object: string): string =>
      [department, category, matter, object].join('\u0000');
    const known = new Set(
      existing.map((e) => keyOf(e.department_name, e.category, e.matter, e.object_scope)),
    );
    const fresh: ImportedItem[] = [];
    const inFile = new Set<string>();
    for (const item of items) {
      const key = keyOf(item.department, item.category, item.matter, item.objectScope);
      if (known.has(key)) {
        errorRows.add(item.row);
        issues.add({
          row: item.row,
          column: mapping['matter']?.header ?? '抽查事项',
          severity: 'error',
          value: item.matter,
          message: '事项清单中已有这一事项（部门、类别、事项和检查对象都相同）：导入只新增事项',
        });
      } else if (!inFile.has(key)) {
        inFile.add(key);
        fresh.push(item);
      }
    }
    issues.errorRows = errorRows.size;
    valid = fresh.length;
    options.onProgress?.({ rows: rows.length, bytes: reading.bytesRead(), totalBytes: source.size ?? null });
    if (options.dryRun === true || (allOrNothing && issues.errorRows > 0)) throw new RollbackImport();
    for (let start = 0; start < fresh.length; start += BATCH) {
      await trx
        .insertInto('items')
        .values(
          fresh.slice(start, start + BATCH).map((i) => ({
            department_name: i.department,
            department_id: i.departmentId,
            region_code: regionCode,
            sequence: i.sequence,
            category: i.category,
            matter: i.matter,
            object_scope: i.objectScope,
            item_type: i.itemType,
            method: i.method,
            inspecting_body: i.inspectingBody,
            legal_basis: i.legalBasis,
            field: i.field,
            initiator: i.initiator,
            cooperators: JSON.stringify(i.cooperators),
            source: `import:${source.fileName}`,
            source_row: i.row,
          })),
        )
        .execute();
    }
    imported = fresh.length;
    await appendAudit(trx, actor, {
      action: 'items.import',
      entity: 'items',
      entityId: reading.digest(),
      after: {
        fileName: source.fileName,
        sha256: reading.digest(),
        format: reading.format,
        rows: rows.length,
        imported,
        errorRows: issues.errorRows,
        regionCode,
      },
    });
  };

  return commitImport(() => db.transaction().execute(run), {
    imported: () => imported,
    valid: () => valid,
    rows: () => rows.filter((r) => !isBlankRow(r.cells)).length,
    issues,
    reading,
  });
}
