/**
 * Import of the object register 检查对象名录库 from a spreadsheet or CSV export (issue "The registers from real
 * Excel files"). Rows are read, validated and inserted in chunks inside ONE transaction: all or nothing by default (any
 * error row → nothing stored), or the valid rows only with `skipInvalid`. A canonical id already in the register is an
 * error row: an import adds objects, it never silently overwrites one (updates are a separate, audited operation).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { normaliseScopeText, validateObjectRow } from '@ssj/core';
import type { ImportedObject } from '@ssj/core';
import type { AuditActor } from '../../audit/audit-log.ts';
import { appendAudit } from '../../audit/audit-log.ts';
import type { Database } from '../../db/schema.ts';
import { formatToday, IssueList, RollbackImport, commitImport } from './import-types.ts';
import type { ImportOptions, ImportResult } from './import-types.ts';
import { checkDefaultRegion, isBlankRow, openRegisterFile } from './open-register-file.ts';
import type { ImportSource } from './read-sheet-rows.ts';

/** Objects validated before a duplicate check and insert: one round trip per chunk. */
const CHUNK = 2000;

interface PendingObject {
  readonly row: number;
  readonly object: ImportedObject;
}

/**
 * Insert imported objects in the caller's transaction (one jsonb_to_recordset statement per call, like the demo
 * loader's insertRegisterObjects, which needs a full RegisterObject: imports may lack a risk class or a date).
 * A risk class from the file is also recorded in the sealed history, dated the first of `today`'s month.
 */
export async function insertImportedObjects(
  trx: Transaction<Database>,
  objects: readonly ImportedObject[],
  source: string,
  today: string,
): Promise<void> {
  if (objects.length === 0) return;
  const rows = objects.map((o) => ({
    canonical_id: o.id,
    uscc: o.uscc,
    reg_no: o.regNo,
    name: o.name,
    name_key: normaliseScopeText(o.name),
    kind: o.kind,
    category_codes: o.categoryCodes,
    region_code: o.regionCode,
    address: o.address,
    business_scope: o.businessScope,
    registered_capital: o.registeredCapital,
    established_on: o.establishedOn,
    status: o.status,
    legal_representative: o.legalRepresentative,
    risk_class: o.riskClass,
  }));
  const inserted = await sql<{ id: number; canonical_id: string; risk_class: string | null }>`
    insert into objects (canonical_id, uscc, reg_no, name, name_key, kind, category_codes, region_code, address,
      business_scope, registered_capital, established_on, status, legal_representative, risk_class, source)
    select r.canonical_id, r.uscc, r.reg_no, r.name, r.name_key, r.kind, r.category_codes, r.region_code, r.address,
      r.business_scope, r.registered_capital, r.established_on, r.status, r.legal_representative, r.risk_class,
      ${source}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(canonical_id text, uscc text, reg_no text,
      name text, name_key text, kind text, category_codes jsonb, region_code text, address text,
      business_scope text, registered_capital double precision, established_on text, status text,
      legal_representative text, risk_class text)
    returning id, canonical_id, risk_class`.execute(trx);
  const history = inserted.rows
    .filter((r) => r.risk_class !== null)
    .map((r) => ({ object_id: r.id, class: r.risk_class, on: `${today.slice(0, 7)}-01` }));
  if (history.length > 0) {
    await sql`
      insert into object_risk_history (object_id, class, "on", source)
      select r.object_id, r.class, r."on", ${source}
      from jsonb_to_recordset(${JSON.stringify(history)}::jsonb) as r(object_id integer, class text, "on" text)`.execute(
      trx,
    );
  }
}

/** Canonical ids of `ids` already in the register. */
async function findExistingIds(trx: Transaction<Database>, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await trx
    .selectFrom('objects')
    .select('canonical_id')
    .where('canonical_id', '=', sql<string>`any(${sql.val([...ids])}::text[])`)
    .execute();
  return new Set(rows.map((r) => r.canonical_id));
}

/**
 * Imports an object register file. Returns what was read, stored and found; `row` in each issue is the row a
 * spreadsheet shows. Audited once per committed import (file name, SHA-256, counts).
 */
export async function importObjects(
  db: Kysely<Database>,
  actor: AuditActor,
  source: ImportSource,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const regionProblem = checkDefaultRegion(options.defaultRegion);
  if (regionProblem !== null) return refused(source, [regionProblem]);
  const opened = await openRegisterFile(source, 'objects', { mapping: options.mapping, fillMerges: false });
  if (!opened.ok) return refused(source, opened.issues, opened.reading.format);
  const { reading, mapping, dataRows } = opened.value;
  const today = options.today ?? formatToday();
  const sourceTag = `import:${source.fileName}`;
  const issues = new IssueList();
  const seen = new Map<string, number>();
  let rows = 0;
  let valid = 0;
  let imported = 0;
  const allOrNothing = options.skipInvalid !== true;
  const context = { seen, defaultRegionCode: options.defaultRegion ?? null };

  const run = async (trx: Transaction<Database>): Promise<void> => {
    let pending: PendingObject[] = [];
    const flush = async (): Promise<void> => {
      const batch = pending;
      pending = [];
      const existing = await findExistingIds(
        trx,
        batch.map((p) => p.object.id),
      );
      const fresh: ImportedObject[] = [];
      for (const p of batch) {
        if (existing.has(p.object.id)) {
          issues.addRow(p.row, [
            {
              column: mapping[p.object.uscc !== null ? 'uscc' : 'regNo']?.header ?? '统一社会信用代码',
              severity: 'error',
              value: p.object.id,
              message: `检查对象名录库中已有 ${p.object.id}：导入只新增对象，不覆盖已有对象`,
            },
          ]);
        } else fresh.push(p.object);
      }
      valid += fresh.length;
      // In all-or-nothing mode, once any row has failed nothing more is written: the transaction will roll back.
      if (options.dryRun !== true && !(allOrNothing && issues.errorRows > 0)) {
        await insertImportedObjects(trx, fresh, sourceTag, today);
        imported += fresh.length;
      }
      options.onProgress?.({ rows, bytes: reading.bytesRead(), totalBytes: source.size ?? null });
    };
    for await (const { row, cells } of dataRows) {
      if (isBlankRow(cells)) continue;
      rows += 1;
      const checked = validateObjectRow(cells, mapping, context);
      issues.addRow(row, checked.issues);
      if (checked.value !== undefined) {
        seen.set(checked.value.id, row);
        pending.push({ row, object: checked.value });
        if (pending.length >= CHUNK) await flush();
      }
    }
    await flush();
    const rollBack = options.dryRun === true || (allOrNothing && issues.errorRows > 0);
    if (rollBack) throw new RollbackImport();
    await appendAudit(trx, actor, {
      action: 'objects.import',
      entity: 'objects',
      entityId: reading.digest(),
      after: {
        fileName: source.fileName,
        sha256: reading.digest(),
        format: reading.format,
        rows,
        imported,
        errorRows: issues.errorRows,
        warnings: issues.issues.filter((i) => i.severity === 'warning').length,
        defaultRegion: options.defaultRegion ?? null,
        skipInvalid: options.skipInvalid === true,
      },
    });
  };

  return commitImport(db, run, {
    imported: () => imported,
    valid: () => valid,
    rows: () => rows,
    issues,
    reading,
  });
}

/** The result of a file refused before any row was read. */
export function refused(
  source: ImportSource,
  issues: readonly ImportResult['issues'][number][],
  format = 'unknown',
): ImportResult {
  return {
    imported: 0,
    valid: 0,
    rows: 0,
    errorRows: 0,
    issues,
    unlistedIssues: 0,
    stored: false,
    sha256: '',
    format: format === 'unknown' ? (source.format ?? 'unknown') : format,
  };
}
