/**
 * An object's risk band under the newest model and the top three reasons, in plain Chinese (issue #9: "tell
 * inspectors why"). Staff only, and only those who deal with the object: the office, departments with an inspection
 * of it (inspection-access.ts), inspectors on a visit to it. Never on a public route: bands and scores are sealed.
 */
import type { Kysely } from 'kysely';
import { classifyRiskBand, err, explainRiskScore, ok, type Result } from '@ssj/core';
import type { ObjectRiskDto } from '../../api-types.ts';
import type { Database } from '../../db/schema.ts';
import { isVisibleTo, type InspectionViewer } from '../inspections/inspection-access.ts';
import { selectRiskFeatures } from './risk-features.ts';
import { loadRiskModel } from './risk-store.ts';

export type ObjectRiskError = { readonly kind: 'not_found' } | { readonly kind: 'not_involved' };

/** The object by its register id (digits, at most 9) or its canonical id (USCC, 注册号, P-…/F-…). */
export async function findObject(
  db: Kysely<Database>,
  key: string,
): Promise<{ id: number; canonicalId: string; name: string; regionCode: string } | null> {
  const byId = /^\d{1,9}$/.test(key);
  const row = await db
    .selectFrom('objects')
    .select(['id', 'canonical_id', 'name', 'region_code'])
    .where(byId ? 'id' : 'canonical_id', '=', byId ? Number(key) : key)
    .executeTakeFirst();
  return row === undefined
    ? null
    : { id: row.id, canonicalId: row.canonical_id, name: row.name, regionCode: row.region_code };
}

/** Whether the viewer deals with the object: the office always; others through an inspection they see. */
async function isInvolved(
  db: Kysely<Database>,
  viewer: InspectionViewer,
  objectId: number,
): Promise<boolean> {
  if (viewer.user.role === 'office_admin') return true;
  const row = await db
    .selectFrom('inspections')
    .select('inspections.id')
    .where('inspections.object_id', '=', objectId)
    .where(isVisibleTo(viewer))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The band, score and top three reasons of the object as of `today` (YYYY-MM-DD). */
export async function loadObjectRisk(
  db: Kysely<Database>,
  viewer: InspectionViewer,
  key: string,
  today: string,
): Promise<Result<ObjectRiskDto, ObjectRiskError>> {
  const object = await findObject(db, key);
  if (object === null) return err({ kind: 'not_found' });
  if (!(await isInvolved(db, viewer, object.id))) return err({ kind: 'not_involved' });
  const base = { objectId: object.id, canonicalId: object.canonicalId, name: object.name, asOf: today };
  const model = await loadRiskModel(db);
  if (model === null) return ok({ ...base, model: null, band: null, score: null, reasons: [] });
  const [features] = await selectRiskFeatures(db, [{ objectId: object.id, asOf: today }]);
  if (features === null || features === undefined) return err({ kind: 'not_found' });
  const explained = explainRiskScore(model.model, features, { top: 3 });
  return ok({
    ...base,
    model: { version: model.version, trainedAt: model.trainedAt.toISOString() },
    band: classifyRiskBand(explained.score, model.cuts),
    score: explained.score,
    reasons: explained.factors.map((f) => ({
      feature: f.feature,
      description: f.description,
      contribution: f.contribution,
    })),
  });
}
