import { sql, type Kysely, type Transaction } from 'kysely';
import { normaliseScopeText, type Inspector, type RegisterObject } from '@ssj/core';
import type { Database } from '../../db/schema.ts';

/** Rows per INSERT: 16 columns × 1,000 rows stays well under PostgreSQL's 65,535 parameters. */
const BATCH = 2000;

export interface LoadProgress {
  (loaded: number): void;
}

/**
 * Insert register objects (with their licences and risk-class history) in the caller's transaction, batch by batch.
 * Returns the number inserted. Canonical ids must be new: a duplicate fails the transaction.
 */
export async function insertRegisterObjects(
  trx: Transaction<Database>,
  chunks: Iterable<readonly RegisterObject[]>,
  source: string,
  onProgress?: LoadProgress,
): Promise<number> {
  let loaded = 0;
  for (const chunk of chunks) {
    for (let start = 0; start < chunk.length; start += BATCH) {
      const slice = chunk.slice(start, start + BATCH);
      // One JSON parameter per batch (jsonb_to_recordset): far fewer bound parameters than a multi-row VALUES,
      // which is what makes bulk loads fast on PGlite; the same SQL runs on PostgreSQL.
      const rows = slice.map((o) => ({
        canonical_id: o.id,
        uscc: o.uscc,
        reg_no: o.regNo,
        name: o.name,
        name_key: normaliseScopeText(o.name),
        kind: o.kind,
        category_codes: o.categoryCodes,
        flags: o.flags,
        region_code: o.regionCode,
        address: o.address,
        business_scope: o.businessScope,
        registered_capital: o.registeredCapital,
        established_on: o.establishedOn,
        status: o.status,
        legal_representative: o.legalRepresentative,
        risk_class: o.riskClass,
      }));
      const inserted = await sql<{ id: number; canonical_id: string }>`
        insert into objects (canonical_id, uscc, reg_no, name, name_key, kind, category_codes, flags, region_code,
          address, business_scope, registered_capital, established_on, status, legal_representative, risk_class, source)
        select r.canonical_id, r.uscc, r.reg_no, r.name, r.name_key, r.kind, r.category_codes, r.flags, r.region_code,
          r.address, r.business_scope, r.registered_capital, r.established_on, r.status, r.legal_representative,
          r.risk_class, ${source}
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(canonical_id text, uscc text, reg_no text,
          name text, name_key text, kind text, category_codes jsonb, flags jsonb, region_code text, address text,
          business_scope text, registered_capital double precision, established_on text, status text,
          legal_representative text, risk_class text)
        returning id, canonical_id`.execute(trx);
      const idOf = new Map(inserted.rows.map((r) => [r.canonical_id, r.id]));
      const objectIdOf = (canonicalId: string): number => {
        const id = idOf.get(canonicalId);
        if (id === undefined) throw new Error(`no id returned for ${canonicalId}`);
        return id;
      };
      const licences = slice.flatMap((o) =>
        o.licences.map((l) => ({
          object_id: objectIdOf(o.id),
          name: l.name,
          number: l.number,
          expires_on: l.expiresOn,
        })),
      );
      if (licences.length > 0) {
        await sql`
          insert into object_licences (object_id, name, number, expires_on)
          select r.object_id, r.name, r.number, r.expires_on
          from jsonb_to_recordset(${JSON.stringify(licences)}::jsonb)
            as r(object_id integer, name text, number text, expires_on text)`.execute(trx);
      }
      const history = slice.flatMap((o) =>
        o.riskClassHistory.map((h) => ({ object_id: objectIdOf(o.id), class: h.class, on: h.on })),
      );
      if (history.length > 0) {
        await sql`
          insert into object_risk_history (object_id, class, "on", source)
          select r.object_id, r.class, r."on", ${source}
          from jsonb_to_recordset(${JSON.stringify(history)}::jsonb) as r(object_id integer, class text, "on" text)`.execute(
          trx,
        );
      }
      loaded += slice.length;
      onProgress?.(loaded);
    }
  }
  return loaded;
}

function idAt(rows: readonly { id: number }[], index: number): number {
  const row = rows[index];
  if (row === undefined) throw new Error(`insert returned ${rows.length} ids, wanted index ${index}`);
  return row.id;
}

/** Insert inspectors and their declared conflicts (objects by canonical id) in the caller's transaction. */
export async function insertInspectors(
  trx: Transaction<Database>,
  inspectors: readonly Inspector[],
  source: string,
): Promise<number> {
  const departments = new Map(
    (await trx.selectFrom('departments').select(['id', 'code']).execute()).map((d) => [d.code, d.id]),
  );
  for (let start = 0; start < inspectors.length; start += BATCH) {
    const slice = inspectors.slice(start, start + BATCH);
    const rows = await trx
      .insertInto('inspectors')
      .values(
        slice.map((p) => {
          const departmentId = departments.get(p.departmentCode);
          if (departmentId === undefined)
            throw new Error(`inspector ${p.id}: unknown department ${p.departmentCode}`);
          return {
            code: p.id,
            name: p.name,
            department_id: departmentId,
            region_code: p.regionCode,
            certificate_no: p.certificateNo,
            certificate_expires_on: p.certificateExpiresOn,
            second_certificate: p.secondCertificate === null ? null : JSON.stringify(p.secondCertificate),
            specialties: JSON.stringify(p.specialties),
            status: p.status,
            beat: p.beat,
            source,
          };
        }),
      )
      .returning(['id'])
      .execute();
    const conflicts = slice.flatMap((p, i) =>
      p.conflicts.map((objectId) => ({ inspector: idAt(rows, i), objectId })),
    );
    if (conflicts.length > 0) {
      const objects = await trx
        .selectFrom('objects')
        .select(['id', 'canonical_id'])
        .where(
          'canonical_id',
          'in',
          conflicts.map((c) => c.objectId),
        )
        .execute();
      const idOf = new Map(objects.map((o) => [o.canonical_id, o.id]));
      const values = conflicts.flatMap((c) => {
        const objectId = idOf.get(c.objectId);
        return objectId === undefined ? [] : [{ inspector_id: c.inspector, object_id: objectId }];
      });
      if (values.length > 0) await trx.insertInto('inspector_conflicts').values(values).execute();
    }
  }
  return inspectors.length;
}

export async function countObjects(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('objects')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
