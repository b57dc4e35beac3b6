import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

/** The hash the first entry chains to. */
export const AUDIT_GENESIS = '0'.repeat(64);

export interface AuditActor {
  readonly userId: number | null;
  readonly role: string | null;
  readonly departmentId: number | null;
  readonly requestId: string | null;
}

export interface AuditEntryInput {
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | null;
  readonly before?: unknown;
  readonly after?: unknown;
}

export const SYSTEM_ACTOR: AuditActor = { userId: null, role: 'system', departmentId: null, requestId: null };

/** SHA-256 hex of a value's canonical JSON (keys sorted), or null for undefined. */
export function digestValue(value: unknown): string | null {
  if (value === undefined) return null;
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface ChainedFields {
  readonly at: string;
  readonly actor_user_id: number | null;
  readonly actor_role: string | null;
  readonly actor_department_id: number | null;
  readonly action: string;
  readonly entity: string;
  readonly entity_id: string | null;
  readonly before_digest: string | null;
  readonly after_digest: string | null;
  readonly request_id: string | null;
  readonly prev_hash: string;
}

/**
 * The hash of one entry: SHA-256 over the previous hash and every other column, in a fixed order.
 * Changing any column of any row, or removing a row, breaks the chain from there on (issue: trust).
 */
export function computeAuditHash(fields: ChainedFields): string {
  return createHash('sha256')
    .update(
      canonicalJson([
        fields.prev_hash,
        fields.at,
        fields.actor_user_id,
        fields.actor_role,
        fields.actor_department_id,
        fields.action,
        fields.entity,
        fields.entity_id,
        fields.before_digest,
        fields.after_digest,
        fields.request_id,
      ]),
    )
    .digest('hex');
}

/**
 * Append one entry, in the caller's transaction, so the change and its record commit or vanish together.
 * A table lock serialises writers so the chain never forks.
 */
export async function appendAudit(
  trx: Transaction<Database>,
  actor: AuditActor,
  entry: AuditEntryInput,
): Promise<void> {
  await sql`lock table audit_log in exclusive mode`.execute(trx);
  const last = await trx
    .selectFrom('audit_log')
    .select(['hash'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const at = new Date().toISOString();
  const fields: ChainedFields = {
    at,
    actor_user_id: actor.userId,
    actor_role: actor.role,
    actor_department_id: actor.departmentId,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    before_digest: digestValue(entry.before),
    after_digest: digestValue(entry.after),
    request_id: actor.requestId,
    prev_hash: last?.hash ?? AUDIT_GENESIS,
  };
  await trx
    .insertInto('audit_log')
    .values({ ...fields, hash: computeAuditHash(fields) })
    .execute();
}

export type AuditVerification =
  { ok: true; entries: number } | { ok: false; entryId: number; reason: string };

/** Walk the chain from the first entry; report the first entry whose hash or link does not match. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<AuditVerification> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
  let prev = AUDIT_GENESIS;
  for (const row of rows) {
    if (row.prev_hash !== prev) {
      return {
        ok: false,
        entryId: row.id,
        reason: 'prev_hash does not match the previous entry (a row was removed or changed)',
      };
    }
    const expected = computeAuditHash({ ...row, at: row.at.toISOString() });
    if (expected !== row.hash) {
      return { ok: false, entryId: row.id, reason: 'hash does not match the entry contents' };
    }
    prev = row.hash;
  }
  return { ok: true, entries: rows.length };
}
