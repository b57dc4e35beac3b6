/**
 * Bulletins (通报): the office issues a progress bulletin on demand, and one is issued for every month in which the
 * year has work (generateMonthlyBulletinIfDue, for a daily or hourly job). Each is composed from the whole city's
 * progress report as of a day (core composeProgressBulletin), rendered to .docx (official-docx.ts), numbered
 * (文号, a sequence per year), stored in `files` with its SHA-256 and in `bulletins` with the figures it printed,
 * in one audited transaction. Issued bulletins never change.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import {
  CITY_REGION_CODE,
  composeProgressBulletin,
  computeAsOfDate,
  computeNextDate,
  err,
  ok,
  type ProgressCounts,
  type Result,
} from '@ssj/core';
import type { BulletinDto } from '../../api-types.ts';
import { appendAudit, type AuditActor } from '../../audit/audit-log.ts';
import type { Database } from '../../db/schema.ts';
import { IS_LIVE_DRAW } from '../draws/live-draw.ts';
import { renderOfficialDocx } from './official-docx.ts';
import { loadProgressReport } from './progress-report.ts';

export interface BulletinRequest {
  readonly year: number;
  /** Figures as of the end of this day. */
  readonly asOf: string;
  /** The day it is issued (printed as its date). */
  readonly issuedOn: string;
  readonly kind: 'monthly' | 'on_demand';
  /** YYYY-MM of a monthly bulletin. */
  readonly period: string | null;
}

export type BulletinError =
  | { readonly kind: 'no_work'; readonly year: number }
  | { readonly kind: 'already_issued'; readonly period: string };

export function describeBulletinError(e: BulletinError): string {
  switch (e.kind) {
    case 'no_work':
      return `${String(e.year)} 年还没有已公示的抽取结果，无可通报的进展`;
    case 'already_issued':
      return `${e.period} 的月度通报已经印发`;
  }
}

interface StoredFigures {
  totals: ProgressCounts;
  red: { name: string; overdue: number }[];
}

/** Names the office prints: the issuer (版头) and the prefix of its document numbers. */
export async function loadOfficeNames(
  db: Kysely<Database>,
): Promise<{ issuer: string; numberPrefix: string }> {
  const city = await db
    .selectFrom('regions')
    .select('name')
    .where('code', '=', CITY_REGION_CODE)
    .executeTakeFirst();
  const name = city?.name ?? '';
  return { issuer: `${name}部门联合双随机抽查工作领导小组办公室`, numberPrefix: `${name}双随机办` };
}

async function hasLiveDraws(db: Kysely<Database>, year: number): Promise<boolean> {
  const row = await sql<{ id: number }>`
    select d.id from draws d join tasks t on t.id = d.task_id join plans p on p.id = t.plan_id
    where p.year = ${year} and ${IS_LIVE_DRAW} limit 1`.execute(db);
  return row.rows.length > 0;
}

function toDto(row: {
  id: number;
  year: number;
  seq: number;
  number: string;
  kind: 'monthly' | 'on_demand';
  period: string | null;
  as_of: string;
  issued_on: string;
  title: string;
  created_at: Date;
  figures: unknown;
  file_name: string;
  size: number;
  sha256: string;
  display_name: string | null;
}): BulletinDto {
  const figures = row.figures as StoredFigures;
  return {
    id: row.id,
    year: row.year,
    seq: row.seq,
    number: row.number,
    kind: row.kind,
    period: row.period,
    asOf: row.as_of,
    issuedOn: row.issued_on,
    title: row.title,
    createdAt: row.created_at.toISOString(),
    createdBy: row.display_name,
    fileName: row.file_name,
    size: row.size,
    sha256: row.sha256,
    totals: { ...figures.totals },
    redDepartments: figures.red.length,
  };
}

function bulletinQuery(db: Kysely<Database>) {
  return db
    .selectFrom('bulletins as b')
    .innerJoin('files as f', 'f.id', 'b.file_id')
    .leftJoin('users as u', 'u.id', 'b.created_by')
    .select([
      'b.id',
      'b.year',
      'b.seq',
      'b.number',
      'b.kind',
      'b.period',
      'b.as_of',
      'b.issued_on',
      'b.title',
      'b.created_at',
      'b.figures',
      'f.file_name',
      'f.size',
      'f.sha256',
      'u.display_name',
    ]);
}

/** Bulletins, newest first (of one year when given). */
export async function listBulletins(db: Kysely<Database>, year?: number): Promise<BulletinDto[]> {
  let q = bulletinQuery(db);
  if (year !== undefined) q = q.where('b.year', '=', year);
  const rows = await q.orderBy('b.year', 'desc').orderBy('b.seq', 'desc').execute();
  return rows.map(toDto);
}

/** The stored .docx of a bulletin, or null. */
export async function loadBulletinFile(
  db: Kysely<Database>,
  id: number,
): Promise<{ fileName: string; mimeType: string; content: Uint8Array } | null> {
  const row = await db
    .selectFrom('bulletins as b')
    .innerJoin('files as f', 'f.id', 'b.file_id')
    .select(['f.file_name', 'f.mime_type', 'f.content'])
    .where('b.id', '=', id)
    .executeTakeFirst();
  return row === undefined
    ? null
    : { fileName: row.file_name, mimeType: row.mime_type, content: row.content };
}

/** Composes, renders, numbers and stores a bulletin (see the module comment). */
export async function issueBulletin(
  db: Kysely<Database>,
  actor: AuditActor,
  request: BulletinRequest,
): Promise<Result<BulletinDto, BulletinError>> {
  if (!(await hasLiveDraws(db, request.year))) return err({ kind: 'no_work', year: request.year });
  const report = await loadProgressReport(
    db,
    { year: request.year, asOf: request.asOf, today: computeNextDate(request.asOf) },
    { regionCode: null, departmentId: null },
  );
  const names = await loadOfficeNames(db);
  const id = await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7262024)`.execute(trx);
    if (request.kind === 'monthly' && request.period !== null) {
      const existing = await trx
        .selectFrom('bulletins')
        .select('id')
        .where('kind', '=', 'monthly')
        .where('period', '=', request.period)
        .executeTakeFirst();
      if (existing !== undefined) return null;
    }
    const last = await trx
      .selectFrom('bulletins')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('year', '=', request.year)
      .executeTakeFirst();
    const seq = (last?.seq ?? 0) + 1;
    const text = composeProgressBulletin({
      ...names,
      year: request.year,
      seq,
      issuedOn: request.issuedOn,
      asOf: request.asOf,
      totals: report.totals.counts,
      departments: report.departments.map((d) => ({
        name: d.departmentName,
        regionName: d.regionName,
        counts: d.counts,
      })),
    });
    const bytes = await renderOfficialDocx({
      issuer: names.issuer,
      number: text.number,
      title: text.title,
      recipients: text.recipients,
      body: text.body,
      signature: text.issuer,
      dateText: text.dateText,
      tables: text.tables.map((t) => ({
        ...t,
        widths: t.header.length > 8 ? [3, 6, 16, 4, 4, 4, 4, 4, 4, 4, 5, 5] : [3, 16, 6, 4, 4, 5, 5],
      })),
    });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const fileName = `${text.number}-${request.asOf}.docx`;
    const file = await trx
      .insertInto('files')
      .values({
        file_name: fileName,
        mime_type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        size: bytes.length,
        sha256,
        content: bytes,
        uploaded_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const figures: StoredFigures = {
      totals: report.totals.counts,
      red: report.departments
        .filter((d) => d.counts.overdue > 0)
        .map((d) => ({ name: d.departmentName, overdue: d.counts.overdue })),
    };
    const inserted = await trx
      .insertInto('bulletins')
      .values({
        year: request.year,
        seq,
        number: text.number,
        kind: request.kind,
        period: request.period,
        as_of: request.asOf,
        issued_on: request.issuedOn,
        title: text.title,
        file_id: file.id,
        figures: JSON.stringify(figures),
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, actor, {
      action: 'bulletin.issue',
      entity: 'bulletin',
      entityId: String(inserted.id),
      after: { number: text.number, kind: request.kind, asOf: request.asOf, sha256 },
    });
    return inserted.id;
  });
  if (id === null) return err({ kind: 'already_issued', period: request.period ?? '' });
  const row = await bulletinQuery(db).where('b.id', '=', id).executeTakeFirstOrThrow();
  return ok(toDto(row));
}

/**
 * The monthly schedule: on any day of a month, issues the bulletin of the previous month (figures as of its last
 * day) unless it exists or that month's year has no drawn work. Idempotent, so a job may call it every hour;
 * returns the bulletin issued, or null.
 */
export async function generateMonthlyBulletinIfDue(
  db: Kysely<Database>,
  today: string,
  actor: AuditActor,
): Promise<BulletinDto | null> {
  const firstOfMonth = `${today.slice(0, 7)}-01`;
  const asOf = computeAsOfDate(firstOfMonth);
  const period = asOf.slice(0, 7);
  const year = Number(asOf.slice(0, 4));
  const existing = await db
    .selectFrom('bulletins')
    .select('id')
    .where('kind', '=', 'monthly')
    .where('period', '=', period)
    .executeTakeFirst();
  if (existing !== undefined) return null;
  const issued = await issueBulletin(db, actor, { year, asOf, issuedOn: today, kind: 'monthly', period });
  return issued.ok ? issued.value : null;
}
