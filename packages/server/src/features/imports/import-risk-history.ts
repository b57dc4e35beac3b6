/**
 * Import of the credit-risk class history (信用风险分类, DOMAIN.md §2; issue "The registers": "the credit-risk class
 * A–D with its history, importable from a `USCC,class,date` export"). Each row appends one classification to the
 * object's sealed history (`object_risk_history`), and each object touched gets as its current `risk_class` the
 * class of its latest classification. Rows stream into a staging table (COPY), the database checks them against the
 * register and the history, then one INSERT … SELECT appends them: all or nothing by default, audited once (counts
 * only: the classes are sealed and never go to the audit record or a public route).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { validateRiskRow } from '@ssj/core';
import type { ColumnMapping, ImportedRiskClass } from '@ssj/core';
import type { AuditActor } from '../../audit/audit-log.ts';
import { appendAudit } from '../../audit/audit-log.ts';
import type { Database } from '../../db/schema.ts';
import { formatCopyRow, transactWithBulkLoader } from './bulk-copy.ts';
import type { BulkLoader, CopyTarget } from './bulk-copy.ts';
import { refused } from './import-objects.ts';
import { formatToday, IssueList, RollbackImport, commitImport } from './import-types.ts';
import type { ImportOptions, ImportResult } from './import-types.ts';
import { isBlankRow, openRegisterFile } from './open-register-file.ts';
import type { ImportSource } from './read-sheet-rows.ts';

export interface RiskImportOptions extends Omit<ImportOptions, 'defaultRegion'> {
  /** Only objects of this region may be classified (a county user's own); null or absent: any region. */
  readonly onlyRegion?: string | null;
}

export interface RiskImportResult extends ImportResult {
  /** Objects whose current risk class changed (stored imports only). */
  readonly changedClasses: number;
}

const PROGRESS_EVERY = 2000;

const STAGING: CopyTarget = {
  table: 'ssj_import_risk',
  columns: ['source_row', 'canonical_id', 'is_uscc', 'class', 'on'],
};

interface StagedRisk {
  readonly source_row: number;
  readonly canonical_id: string;
  readonly is_uscc: boolean;
  readonly class: string;
  readonly on: string;
}

function formatStagedRow(row: number, r: ImportedRiskClass): string {
  return formatCopyRow([row, r.id, r.isUscc ? 't' : 'f', r.riskClass, r.on]);
}

/** The column an issue about the row's object names. */
function idColumn(mapping: ColumnMapping): string {
  return mapping['uscc']?.header ?? '统一社会信用代码';
}

/** Rows whose object is not in the register, or (with `onlyRegion`) not in that region: errors. */
async function reportUnknownObjects(
  trx: Transaction<Database>,
  issues: IssueList,
  mapping: ColumnMapping,
  onlyRegion: string | null,
  rejected: Set<number>,
): Promise<void> {
  const rows = await sql<StagedRisk & { region_name: string | null }>`
    select t.source_row, t.canonical_id, r.name as region_name
    from ssj_import_risk t
    left join objects o on o.canonical_id = t.canonical_id
    left join regions r on r.code = o.region_code
    where o.id is null or (${onlyRegion}::text is not null and o.region_code <> ${onlyRegion})
    order by t.source_row`.execute(trx);
  for (const r of rows.rows) {
    rejected.add(r.source_row);
    issues.addLate(
      Infinity,
      {
        row: r.source_row,
        column: idColumn(mapping),
        severity: 'error',
        value: r.canonical_id,
        message:
          r.region_name === null
            ? `检查对象名录库中没有 ${r.canonical_id}：请先导入该对象，或核对代码`
            : `${r.canonical_id} 属于${r.region_name}，不在本地区：只能导入本地区对象的信用风险分类`,
      },
      false,
    );
  }
}

/**
 * Rows giving an object a second classification on the same date: the same class again is skipped with a warning,
 * another class is an error. Both within the file (the first row counts) and against the stored history.
 */
async function reportRepeatedDates(
  trx: Transaction<Database>,
  issues: IssueList,
  mapping: ColumnMapping,
  rejected: Set<number>,
  skipped: Set<number>,
): Promise<void> {
  const repeated = await sql<StagedRisk>`
    select source_row, canonical_id, class, "on"
    from ssj_import_risk
    where (canonical_id, "on") in (
      select canonical_id, "on" from ssj_import_risk group by canonical_id, "on" having count(*) > 1)
    order by canonical_id, "on", source_row`.execute(trx);
  let first: StagedRisk | null = null;
  for (const r of repeated.rows) {
    if (first === null || first.canonical_id !== r.canonical_id || first.on !== r.on) {
      first = r;
      continue;
    }
    if (rejected.has(r.source_row)) continue; // its object is unknown: already said
    const same = r.class === first.class;
    (same ? skipped : rejected).add(r.source_row);
    issues.addLate(
      Infinity,
      {
        row: r.source_row,
        column: mapping['date']?.header ?? '分类日期',
        severity: same ? 'warning' : 'error',
        value: r.on,
        message: same
          ? `与第 ${first.source_row} 行相同（${r.canonical_id} ${r.on}），已跳过`
          : `与第 ${first.source_row} 行矛盾：${r.canonical_id} 在 ${r.on} 只能有一个分类`,
      },
      false,
    );
  }
  const stored = await sql<StagedRisk & { stored_class: string }>`
    select t.source_row, t.canonical_id, t.class, t."on", h.class as stored_class
    from ssj_import_risk t
    join objects o on o.canonical_id = t.canonical_id
    join object_risk_history h on h.object_id = o.id and h."on" = t."on"
    order by t.source_row`.execute(trx);
  for (const r of stored.rows) {
    if (rejected.has(r.source_row) || skipped.has(r.source_row)) continue;
    const same = r.class === r.stored_class;
    (same ? skipped : rejected).add(r.source_row);
    issues.addLate(
      Infinity,
      {
        row: r.source_row,
        column: mapping['date']?.header ?? '分类日期',
        severity: same ? 'warning' : 'error',
        value: r.on,
        message: same
          ? `${r.canonical_id} 在 ${r.on} 的分类已导入过，已跳过`
          : `${r.canonical_id} 在 ${r.on} 已有另一分类：分类记录只追加，不修改`,
      },
      false,
    );
  }
}

/**
 * Appends the staged classifications (but `excluded`) to the history, then sets each touched object's current class
 * to its latest classification. Returns rows appended and objects whose class changed.
 */
async function appendClassifications(
  trx: Transaction<Database>,
  excluded: readonly number[],
  source: string,
): Promise<{ appended: number; changed: number }> {
  const appended = await sql<{ n: number }>`
    with inserted as (
      insert into object_risk_history (object_id, class, "on", source)
      select o.id, t.class, t."on", ${source}
      from ssj_import_risk t join objects o on o.canonical_id = t.canonical_id
      where not (t.source_row = any(${excluded}::integer[]))
      returning object_id
    )
    select count(*)::integer as n from inserted`.execute(trx);
  const changed = await sql<{ n: number }>`
    with touched as (
      select distinct o.id
      from ssj_import_risk t join objects o on o.canonical_id = t.canonical_id
      where not (t.source_row = any(${excluded}::integer[]))
    ), latest as (
      select distinct on (h.object_id) h.object_id, h.class
      from object_risk_history h join touched on touched.id = h.object_id
      order by h.object_id, h."on" desc
    ), updated as (
      update objects o set risk_class = latest.class
      from latest
      where o.id = latest.object_id and o.risk_class is distinct from latest.class
      returning o.id
    )
    select count(*)::integer as n from updated`.execute(trx);
  return { appended: appended.rows[0]?.n ?? 0, changed: changed.rows[0]?.n ?? 0 };
}

/**
 * Imports a risk-class export (.csv, .xlsx, .xls; columns USCC/统一社会信用代码, class, date). Errors name the row
 * and column: an unknown object, a bad class, a bad date. Audited once per committed import.
 */
export async function importRiskHistory(
  db: Kysely<Database>,
  actor: AuditActor,
  source: ImportSource,
  options: RiskImportOptions = {},
): Promise<RiskImportResult> {
  const opened = await openRegisterFile(source, 'risk-history', {
    mapping: options.mapping,
    fillMerges: false,
  });
  if (!opened.ok) return { ...refused(source, opened.issues, opened.reading.format), changedClasses: 0 };
  const { reading, mapping, dataBatches } = opened.value;
  const today = options.today ?? formatToday();
  const issues = new IssueList();
  let rows = 0;
  let valid = 0;
  let imported = 0;
  let changedClasses = 0;
  const allOrNothing = options.skipInvalid !== true;
  const progress = (): void => {
    options.onProgress?.({ rows, bytes: reading.bytesRead(), totalBytes: source.size ?? null });
  };

  const run = async (trx: Transaction<Database>, loader: BulkLoader): Promise<void> => {
    await sql`set local work_mem = '64MB'`.execute(trx);
    await sql`
      create temporary table ssj_import_risk (
        source_row integer not null, canonical_id text not null, is_uscc boolean not null, class text not null,
        "on" text not null
      ) on commit drop`.execute(trx);
    const staging = loader.copyInto(STAGING);
    let passed = 0;
    for await (const batch of dataBatches) {
      for (const { row, cells } of batch) {
        if (isBlankRow(cells)) continue;
        rows += 1;
        const checked = validateRiskRow(cells, mapping, { today });
        issues.addRow(row, checked.issues);
        if (checked.value !== undefined) {
          passed += 1;
          if (staging.add(formatStagedRow(row, checked.value))) await staging.flush();
        }
        if (rows % PROGRESS_EVERY === 0) progress();
      }
    }
    await staging.end();
    progress();

    const rejected = new Set<number>();
    const skipped = new Set<number>();
    await reportUnknownObjects(trx, issues, mapping, options.onlyRegion ?? null, rejected);
    await reportRepeatedDates(trx, issues, mapping, rejected, skipped);
    valid = passed - rejected.size - skipped.size;
    if (options.dryRun === true || (allOrNothing && issues.errorRows > 0)) throw new RollbackImport();
    const done = await appendClassifications(trx, [...rejected, ...skipped], `import:${source.fileName}`);
    imported = done.appended;
    changedClasses = done.changed;
    await appendAudit(trx, actor, {
      action: 'objects.import_risk',
      entity: 'object_risk_history',
      entityId: reading.digest(),
      after: {
        fileName: source.fileName,
        sha256: reading.digest(),
        format: reading.format,
        rows,
        imported,
        changedClasses,
        skipped: skipped.size,
        errorRows: issues.errorRows,
        skipInvalid: options.skipInvalid === true,
        onlyRegion: options.onlyRegion ?? null,
      },
    });
  };

  const result = await commitImport(() => transactWithBulkLoader(db, run), {
    imported: () => imported,
    valid: () => valid,
    rows: () => rows,
    issues,
    reading,
  });
  return { ...result, changedClasses: result.stored ? changedClasses : 0 };
}
