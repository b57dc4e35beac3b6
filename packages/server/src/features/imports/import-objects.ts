/**
 * Import of the object register 检查对象名录库 from a spreadsheet or CSV export (issue "The registers from real
 * Excel files"). Rows are read and validated as they stream in, and the rows with an id are copied (COPY) into a
 * staging table of ONE transaction; duplicates within the file and against the register are then found by the
 * database, and the valid rows go into `objects` with one INSERT … SELECT (an import at least as large as the
 * register builds the table's indexes again afterwards instead of inserting into them). All or nothing by default
 * (any error row → nothing stored), or the valid rows only with `skipInvalid`. A canonical id already in the register
 * is an error row: an import adds objects, it never silently overwrites one (updates are a separate, audited
 * operation).
 * Memory stays flat whatever the file's length: no row is kept once it has been copied.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { describeDuplicateObject, normaliseScopeText, validateObjectRow } from '@ssj/core';
import type { ImportedObject, ObjectIdentity } from '@ssj/core';
import type { AuditActor } from '../../audit/audit-log.ts';
import { appendAudit } from '../../audit/audit-log.ts';
import { analyzeRegisterAfterImport } from '../../db/register-statistics.ts';
import type { Database } from '../../db/schema.ts';
import { formatCopyField, formatCopyRow, transactWithBulkLoader } from './bulk-copy.ts';
import type { BulkLoader, CopyTarget } from './bulk-copy.ts';
import { formatToday, IssueList, RollbackImport, commitImport } from './import-types.ts';
import type { ImportOptions, ImportResult } from './import-types.ts';
import { checkDefaultRegion, isBlankRow, openRegisterFile } from './open-register-file.ts';
import type { ImportSource } from './read-sheet-rows.ts';

/** Progress is reported every this many rows. */
const PROGRESS_EVERY = 2000;

/**
 * The staging table: every row with a readable id (`passed`: valid so far; else only its id, to find the rows a
 * valid one repeats), and `duplicate_at`, where a duplicate-row issue goes among the row's issues.
 */
const STAGING: CopyTarget = {
  table: 'ssj_import_objects',
  columns: [
    'source_row', 'passed', 'duplicate_at', 'canonical_id', 'uscc', 'reg_no', 'name', 'name_key', 'kind',
    'category_codes', 'region_code', 'address', 'business_scope', 'registered_capital', 'established_on', 'status',
    'legal_representative', 'risk_class',
  ],
}; // prettier-ignore

async function createStagingTable(trx: Transaction<Database>): Promise<void> {
  // Room for the hash tables that find repeated ids among a million rows (this transaction only).
  await sql`set local work_mem = '64MB'`.execute(trx);
  await sql`
    create temporary table ssj_import_objects (
      source_row integer not null, passed boolean not null, duplicate_at integer not null,
      canonical_id text not null, uscc text, reg_no text, name text, name_key text, kind text, category_codes jsonb,
      region_code text, address text, business_scope text, registered_capital double precision,
      established_on text, status text, legal_representative text, risk_class text
    ) on commit drop`.execute(trx);
}

const NULL = '\\N';

/**
 * A valid row as a staging row (COPY text format). Only free text is escaped: ids, codes, dates and numbers were
 * validated and hold no backslash, tab or line break.
 */
function formatValidRow(row: number, duplicateAt: number, o: ImportedObject): string {
  const t = formatCopyField;
  return (
    `${String(row)}\tt\t${String(duplicateAt)}\t${o.id}\t${o.uscc ?? NULL}\t${o.regNo === null ? NULL : t(o.regNo)}` +
    `\t${t(o.name)}\t${t(findNameKey(o.name))}\t${o.kind}\t${formatCategories(o.categoryCodes)}` +
    `\t${o.regionCode}\t${t(o.address)}\t${t(o.businessScope)}` +
    `\t${o.registeredCapital === null ? NULL : String(o.registeredCapital)}\t${o.establishedOn ?? NULL}` +
    `\t${o.status}\t${t(o.legalRepresentative)}\t${o.riskClass ?? NULL}\n`
  );
}

/** ASCII without spaces and CJK unified ideographs: text NFKC leaves as it is. */
const NFKC_STABLE = /^[\x21-\x7e\u4e00-\u9fff]*$/;

/** normaliseScopeText(name) (the lookup key of a name), without normalising the names that need none. */
function findNameKey(name: string): string {
  return NFKC_STABLE.test(name) ? name : normaliseScopeText(name);
}

/** Category codes as JSON, remembered per list (validation hands out one list per industry text). */
const categoryJson = new WeakMap<readonly string[], string>();
function formatCategories(codes: readonly string[]): string {
  let json = categoryJson.get(codes);
  if (json === undefined) {
    json = JSON.stringify(codes);
    categoryJson.set(codes, json);
  }
  return json;
}

/** A row with an id but an error elsewhere: only what finding the rows it repeats needs. */
function formatFailedRow(row: number, duplicateAt: number, identity: ObjectIdentity): string {
  return formatCopyRow([
    row, 'f', duplicateAt, identity.id, identity.isUscc ? identity.id : null, identity.isUscc ? null : identity.id,
    null, null, null, null, null, null, null, null, null, null, null, null,
  ]); // prettier-ignore
}

interface StagedRow {
  readonly source_row: number;
  readonly canonical_id: string;
  readonly passed: boolean;
  readonly duplicate_at: number;
  readonly is_uscc: boolean;
}

/**
 * Rows repeating the id of an earlier valid row of the file (the first valid row with an id is the one kept), as
 * validateObjectRow reports them when it is given the ids seen so far. Returns the rows that were valid until now.
 */
async function reportRepeatedIds(
  trx: Transaction<Database>,
  issues: IssueList,
  mapping: Parameters<typeof describeDuplicateObject>[0],
): Promise<Set<number>> {
  const repeated = await sql<StagedRow>`
    select source_row, canonical_id, passed, duplicate_at, uscc is not null as is_uscc
    from ssj_import_objects
    where canonical_id in (select canonical_id from ssj_import_objects group by canonical_id having count(*) > 1)
    order by canonical_id, source_row`.execute(trx);
  const rejected = new Set<number>();
  let group: StagedRow[] = [];
  const settle = (): void => {
    const first = group.find((r) => r.passed);
    if (first !== undefined) {
      for (const r of group) {
        if (r.source_row <= first.source_row) continue;
        const identity = { id: r.canonical_id, isUscc: r.is_uscc };
        issues.addLate(
          r.duplicate_at,
          { row: r.source_row, ...describeDuplicateObject(mapping, identity, first.source_row) },
          !r.passed,
        );
        if (r.passed) rejected.add(r.source_row);
      }
    }
    group = [];
  };
  for (const r of repeated.rows) {
    if (group.length > 0 && group[0]?.canonical_id !== r.canonical_id) settle();
    group.push(r);
  }
  settle();
  return rejected;
}

/** Valid rows whose id is already in the register (rows already rejected aside): added to `rejected`. */
async function reportRegisteredIds(
  trx: Transaction<Database>,
  issues: IssueList,
  mapping: Parameters<typeof describeDuplicateObject>[0],
  rejected: Set<number>,
): Promise<void> {
  const registered = await sql<StagedRow>`
    select t.source_row, t.canonical_id, t.uscc is not null as is_uscc
    from ssj_import_objects t join objects o on o.canonical_id = t.canonical_id
    where t.passed
    order by t.source_row`.execute(trx);
  for (const r of registered.rows) {
    if (rejected.has(r.source_row)) continue;
    rejected.add(r.source_row);
    issues.addLate(
      Infinity,
      {
        row: r.source_row,
        column: mapping[r.is_uscc ? 'uscc' : 'regNo']?.header ?? '统一社会信用代码',
        severity: 'error',
        value: r.canonical_id,
        message: `检查对象名录库中已有 ${r.canonical_id}：导入只新增对象，不覆盖已有对象`,
      },
      false,
    );
  }
}

/**
 * What `objects` keeps besides its primary key: secondary indexes and the constraints that check each row as it is
 * inserted. An import at least as large as the register drops them and builds them again after its INSERT
 * ({@link storeStagedObjects}): building an index from all its rows (one sort, or one pass for a GIN) costs about
 * half of inserting the same rows one by one into it, the foreign key is then checked by one join instead of a
 * lookup per row, and the unique canonical id likewise. Measured on PostgreSQL 15 with a million rows (notes on the
 * object import in docs/PERFORMANCE.md): the INSERT with everything in place 38 s; without them 5 s, and 19 s to
 * build them again (11 s of which the trigram GIN on names). Each definition is exactly its migration's
 * (`registers`, `result-search`); import-objects.test.ts checks the catalog is the same after an import that
 * rebuilds them, so a migration changing one must change it here too.
 */
const REBUILT_CONSTRAINTS = [
  {
    name: 'objects_canonical_id_key',
    create: sql`alter table objects add constraint objects_canonical_id_key unique (canonical_id)`,
  },
  {
    name: 'objects_region_code_fkey',
    create: sql`alter table objects add constraint objects_region_code_fkey
      foreign key (region_code) references regions (code)`,
  },
] as const;
const REBUILT_INDEXES = [
  {
    name: 'objects_region_status_idx',
    create: sql`create index objects_region_status_idx on objects (region_code, status)`,
  },
  { name: 'objects_uscc_idx', create: sql`create index objects_uscc_idx on objects (uscc)` },
  { name: 'objects_name_key_idx', create: sql`create index objects_name_key_idx on objects (name_key)` },
  {
    name: 'objects_category_codes_idx',
    create: sql`create index objects_category_codes_idx on objects using gin (category_codes)`,
  },
  {
    name: 'objects_name_trgm_idx',
    create: sql`create index objects_name_trgm_idx on objects using gin (name gin_trgm_ops)`,
  },
] as const;

/**
 * Whether an import of `importing` valid rows into a register of about `registered` objects should rebuild the
 * indexes and constraints of `objects` rather than insert into them: when it at least doubles the register (the
 * first import of a register, typically). Rebuilding costs about half per row of inserting into the indexes, but it
 * covers the rows already there too, and it holds an exclusive lock on `objects` until the import commits (readers
 * wait), so smaller imports insert into the indexes as they are.
 */
function shouldRebuildObjectIndexes(importing: number, registered: number): boolean {
  return importing > 0 && importing >= registered;
}

/**
 * The register's size as PostgreSQL estimates it without reading (or locking) `objects`: the larger of the planner's
 * count (set by VACUUM, ANALYZE and CREATE INDEX; -1 before the first) and the statistics' live rows (lost after a
 * crash). Only decides how to store, never what: an estimate off by any amount stores the same rows.
 */
async function estimateRegisteredObjects(trx: Transaction<Database>): Promise<number> {
  const result = await sql<{ n: number }>`
    select greatest(c.reltuples, pg_stat_get_live_tuples(c.oid), 0)::float8 as n
    from pg_class c where c.oid = 'objects'::regclass`.execute(trx);
  return result.rows[0]?.n ?? 0;
}

/**
 * Takes `objects` for this transaction alone and drops its secondary indexes and row-checking constraints;
 * {@link restoreObjectIndexes} builds them again before the transaction ends. Both happen inside the import's
 * transaction, so a crash or a failure at any point leaves the register as it was (indexes and all): PostgreSQL's
 * schema changes are transactional. The lock is taken before anything else in the transaction reads `objects`,
 * so it is never an upgrade (two rebuilding imports queue instead of deadlocking); adding the foreign key back
 * also makes writers of `regions` wait for the commit (readers do not).
 */
async function dropObjectIndexes(trx: Transaction<Database>): Promise<void> {
  await sql`lock table objects in access exclusive mode`.execute(trx);
  for (const c of REBUILT_CONSTRAINTS) {
    await sql`alter table objects drop constraint ${sql.ref(c.name)}`.execute(trx);
  }
  for (const i of REBUILT_INDEXES) await sql`drop index ${sql.ref(i.name)}`.execute(trx);
}

async function restoreObjectIndexes(trx: Transaction<Database>): Promise<void> {
  for (const c of REBUILT_CONSTRAINTS) await c.create.execute(trx);
  for (const i of REBUILT_INDEXES) await i.create.execute(trx);
}

/**
 * Moves the staged valid rows (but `rejected`) into the register; a risk class from the file is also
 * recorded in the sealed history, dated the first of `today`'s month. Returns the number of objects stored.
 */
async function storeStagedObjects(
  trx: Transaction<Database>,
  rejected: ReadonlySet<number>,
  source: string,
  today: string,
): Promise<number> {
  const result = await sql<{ stored: number }>`
    with inserted as (
      insert into objects (canonical_id, uscc, reg_no, name, name_key, kind, category_codes, region_code, address,
        business_scope, registered_capital, established_on, status, legal_representative, risk_class, source)
      select canonical_id, uscc, reg_no, name, name_key, kind, category_codes, region_code, address, business_scope,
        registered_capital, established_on, status, legal_representative, risk_class, ${source}
      from ssj_import_objects
      where passed and not (source_row = any(${[...rejected]}::integer[]))
      returning id, risk_class
    ), history as (
      insert into object_risk_history (object_id, class, "on", source)
      select id, risk_class, ${`${today.slice(0, 7)}-01`}, ${source} from inserted where risk_class is not null
    )
    select count(*)::integer as stored from inserted`.execute(trx);
  return result.rows[0]?.stored ?? 0;
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
  const { reading, mapping, dataBatches } = opened.value;
  const today = options.today ?? formatToday();
  const sourceTag = `import:${source.fileName}`;
  const issues = new IssueList();
  let rows = 0;
  let valid = 0;
  let imported = 0;
  const allOrNothing = options.skipInvalid !== true;
  // Duplicates are found in the database (the staging table), not by keeping every id in memory.
  const context = { defaultRegionCode: options.defaultRegion ?? null };
  const progress = (): void => {
    options.onProgress?.({ rows, bytes: reading.bytesRead(), totalBytes: source.size ?? null });
  };

  const run = async (trx: Transaction<Database>, loader: BulkLoader): Promise<void> => {
    await createStagingTable(trx);
    const staging = loader.copyInto(STAGING);
    let passed = 0;
    for await (const batch of dataBatches) {
      for (const { row, cells } of batch) {
        if (isBlankRow(cells)) continue;
        rows += 1;
        const checked = validateObjectRow(cells, mapping, context);
        issues.addRow(row, checked.issues);
        let full = false;
        if (checked.value !== undefined) {
          passed += 1;
          full = staging.add(formatValidRow(row, checked.duplicateAt, checked.value));
        } else if (checked.identity !== null) {
          full = staging.add(formatFailedRow(row, checked.duplicateAt, checked.identity));
        }
        if (full) await staging.flush();
        if (rows % PROGRESS_EVERY === 0) progress();
      }
    }
    await staging.end();
    progress();

    const rejected = await reportRepeatedIds(trx, issues, mapping);
    // Decided (and the lock taken) before the register is read: the rows already registered are found under it.
    const rebuild =
      options.dryRun !== true &&
      (!allOrNothing || issues.errorRows === 0) &&
      shouldRebuildObjectIndexes(passed - rejected.size, await estimateRegisteredObjects(trx));
    if (rebuild) await dropObjectIndexes(trx);
    await reportRegisteredIds(trx, issues, mapping, rejected);
    valid = passed - rejected.size;
    // In all-or-nothing mode one error row means nothing is stored: the transaction rolls back.
    const rollBack = options.dryRun === true || (allOrNothing && issues.errorRows > 0);
    if (rollBack) throw new RollbackImport();
    imported = await storeStagedObjects(trx, rejected, sourceTag, today);
    if (rebuild) await restoreObjectIndexes(trx);
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

  const result = await commitImport(() => transactWithBulkLoader(db, run), {
    imported: () => imported,
    valid: () => valid,
    rows: () => rows,
    issues,
    reading,
  });
  if (result.stored && result.imported > 0) await analyzeRegisterAfterImport(db);
  return result;
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
