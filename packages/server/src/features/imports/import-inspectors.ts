/**
 * Import of the inspector register 执法检查人员名录库 (DOMAIN.md §2, §3): departments by name or alias against the
 * `departments` table, 执法证 numbers and expiry dates. Same transaction rules as the object import: all or nothing by
 * default; a certificate number or code already in the register is an error row.
 */
import type { Kysely, Transaction } from 'kysely';
import { validateInspectorRow } from '@ssj/core';
import type { ImportedInspector, KnownDepartment } from '@ssj/core';
import type { AuditActor } from '../../audit/audit-log.ts';
import { appendAudit } from '../../audit/audit-log.ts';
import { analyzeRegisterAfterImport } from '../../db/register-statistics.ts';
import type { Database } from '../../db/schema.ts';
import { refused } from './import-objects.ts';
import { formatToday, IssueList, RollbackImport, commitImport } from './import-types.ts';
import type { ImportOptions, ImportResult } from './import-types.ts';
import { checkDefaultRegion, isBlankRow, openRegisterFile } from './open-register-file.ts';
import type { ImportSource } from './read-sheet-rows.ts';

const CHUNK = 500;

/** The platform's departments, as the row validator matches them. */
export async function listKnownDepartments(
  db: Kysely<Database> | Transaction<Database>,
): Promise<KnownDepartment[]> {
  const rows = await db
    .selectFrom('departments')
    .select(['id', 'code', 'name', 'short_name', 'aliases', 'region_code'])
    .execute();
  return rows.map((d) => ({
    id: d.id,
    code: d.code,
    name: d.name,
    shortName: d.short_name,
    aliases: d.aliases,
    regionCode: d.region_code,
  }));
}

/** Imports an inspector register file; audited once per committed import. */
export async function importInspectors(
  db: Kysely<Database>,
  actor: AuditActor,
  source: ImportSource,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const regionProblem = checkDefaultRegion(options.defaultRegion);
  if (regionProblem !== null) return refused(source, [regionProblem]);
  const opened = await openRegisterFile(source, 'inspectors', {
    mapping: options.mapping,
    fillMerges: false,
  });
  if (!opened.ok) return refused(source, opened.issues, opened.reading.format);
  const { reading, mapping, dataRows } = opened.value;
  const issues = new IssueList();
  const seen = new Map<string, number>();
  const allOrNothing = options.skipInvalid !== true;
  let rows = 0;
  let valid = 0;
  let imported = 0;

  const run = async (trx: Transaction<Database>): Promise<void> => {
    const context = {
      departments: await listKnownDepartments(trx),
      seen,
      today: options.today ?? formatToday(),
      defaultRegionCode: options.defaultRegion ?? null,
    };
    let pending: { row: number; inspector: ImportedInspector }[] = [];
    const flush = async (): Promise<void> => {
      const batch = pending;
      pending = [];
      if (batch.length === 0) return;
      const existing = await trx
        .selectFrom('inspectors')
        .select(['code', 'certificate_no'])
        .where((eb) =>
          eb.or([
            eb(
              'code',
              'in',
              batch.map((p) => p.inspector.code),
            ),
            eb(
              'certificate_no',
              'in',
              batch.map((p) => p.inspector.certificateNo),
            ),
          ]),
        )
        .execute();
      const codes = new Set(existing.map((e) => e.code));
      const certificates = new Set(existing.map((e) => e.certificate_no));
      const fresh: ImportedInspector[] = [];
      for (const p of batch) {
        if (codes.has(p.inspector.code) || certificates.has(p.inspector.certificateNo)) {
          issues.addRow(p.row, [
            {
              column: mapping['certificateNo']?.header ?? '执法证号',
              severity: 'error',
              value: p.inspector.certificateNo,
              message: `执法检查人员名录库中已有执法证号（或人员编号）${p.inspector.certificateNo}：导入只新增人员，不覆盖已有人员`,
            },
          ]);
        } else fresh.push(p.inspector);
      }
      valid += fresh.length;
      if (options.dryRun !== true && !(allOrNothing && issues.errorRows > 0) && fresh.length > 0) {
        await trx
          .insertInto('inspectors')
          .values(
            fresh.map((p) => ({
              code: p.code,
              name: p.name,
              department_id: p.departmentId,
              region_code: p.regionCode,
              certificate_no: p.certificateNo,
              certificate_expires_on: p.certificateExpiresOn,
              second_certificate: null,
              specialties: JSON.stringify(p.specialties),
              status: p.status,
              beat: p.beat,
              source: `import:${source.fileName}`,
            })),
          )
          .execute();
        imported += fresh.length;
      }
      options.onProgress?.({ rows, bytes: reading.bytesRead(), totalBytes: source.size ?? null });
    };
    for await (const { row, cells } of dataRows) {
      if (isBlankRow(cells)) continue;
      rows += 1;
      const checked = validateInspectorRow(cells, mapping, context);
      issues.addRow(row, checked.issues);
      if (checked.value !== undefined) {
        seen.set(`certificateNo:${checked.value.certificateNo}`, row);
        seen.set(`code:${checked.value.code}`, row);
        pending.push({ row, inspector: checked.value });
        if (pending.length >= CHUNK) await flush();
      }
    }
    await flush();
    if (options.dryRun === true || (allOrNothing && issues.errorRows > 0)) throw new RollbackImport();
    await appendAudit(trx, actor, {
      action: 'inspectors.import',
      entity: 'inspectors',
      entityId: reading.digest(),
      after: {
        fileName: source.fileName,
        sha256: reading.digest(),
        format: reading.format,
        rows,
        imported,
        errorRows: issues.errorRows,
        skipInvalid: options.skipInvalid === true,
      },
    });
  };

  const result = await commitImport(() => db.transaction().execute(run), {
    imported: () => imported,
    valid: () => valid,
    rows: () => rows,
    issues,
    reading,
  });
  if (result.stored && result.imported > 0) await analyzeRegisterAfterImport(db);
  return result;
}
