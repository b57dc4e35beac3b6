/**
 * What the risk model knows about an object on a given day (issue #9), read from the registers and the platform's
 * own history. Every feature is "as of" the day: nothing recorded on or after it is used, so training rows never
 * see their own outcome and a score today uses only what is known today.
 *
 * - kind, main category (`category_codes[0]`), region, registered capital (万元): from the register;
 * - age: years from 成立日期 to the day;
 * - prior inspections / prior violations: published inspections of the object (published before the day, within
 *   the three years before it), and those of them with a non-compliant result;
 * - abnormal list: a closed follow-up of type 列入经营异常名录 closed before the day;
 * - official class: the latest entry of the object's class history on or before the day (an object with no history
 *   at all: its current class; an object classified only later: none);
 * - complaints: not recorded by the platform yet, so always missing (the model treats it as such).
 */
import { sql, type Kysely } from 'kysely';
import type { RiskClass, RiskFeatures } from '@ssj/core';
import type { Database } from '../../db/schema.ts';

export interface RiskFeatureRequest {
  readonly objectId: number;
  /** YYYY-MM-DD: the features as known at the start of this day. */
  readonly asOf: string;
}

interface FeatureRow {
  k: number;
  kind: string;
  category: string | null;
  region: string;
  registered_capital: number | null;
  established_on: string | null;
  history_class: RiskClass | null;
  has_history: boolean;
  risk_class: RiskClass | null;
  prior_inspections: number;
  prior_violations: number;
  abnormal: boolean;
}

const MS_PER_YEAR = 365.2425 * 24 * 3600 * 1000;

/** Years between two dates (YYYY-MM-DD), ≥ 0, to two decimals; null when the start is unknown or malformed. */
export function computeAgeYears(from: string | null, to: string): number | null {
  if (from === null || !/^\d{4}-\d{2}-\d{2}$/.test(from)) return null;
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  if (!Number.isFinite(ms)) return null;
  return Math.max(0, Math.round((ms / MS_PER_YEAR) * 100) / 100);
}

/**
 * The features of each requested (object, day), in request order (an object that does not exist gets null).
 * One statement per 5,000 requests; the requests travel as one JSON parameter.
 */
export async function selectRiskFeatures(
  db: Kysely<Database>,
  requests: readonly RiskFeatureRequest[],
): Promise<(RiskFeatures | null)[]> {
  const out: (RiskFeatures | null)[] = requests.map(() => null);
  for (let start = 0; start < requests.length; start += 5000) {
    const slice = requests
      .slice(start, start + 5000)
      .map((r, i) => ({ k: start + i, object_id: r.objectId, as_of: r.asOf }));
    const rows = await sql<FeatureRow>`
      with q as (
        select r.k, r.object_id, r.as_of,
          to_char(r.as_of::date - interval '3 years', 'YYYY-MM-DD') as since
        from jsonb_to_recordset(${JSON.stringify(slice)}::jsonb) as r(k integer, object_id integer, as_of text)
      )
      select q.k, o.kind, o.category_codes->>0 as category, o.region_code as region,
        o.registered_capital::float8 as registered_capital, o.established_on, o.risk_class,
        (select h.class from object_risk_history h
          where h.object_id = q.object_id and h."on" <= q.as_of order by h."on" desc limit 1) as history_class,
        exists (select 1 from object_risk_history h where h.object_id = q.object_id) as has_history,
        coalesce(p.inspections, 0)::integer as prior_inspections,
        coalesce(p.violations, 0)::integer as prior_violations,
        exists (select 1 from follow_ups f where f.object_id = q.object_id and f.type = '列入经营异常名录'
          and f.state = 'closed' and f.closed_on < q.as_of) as abnormal
      from q
      join objects o on o.id = q.object_id
      left join lateral (
        select count(*) as inspections,
          count(*) filter (where exists (select 1 from inspection_results r
            where r.inspection_id = i.id and r.non_compliant)) as violations
        from inspections i
        where i.object_id = q.object_id and i.status = 'published'
          and i.published_on < q.as_of and i.published_on >= q.since
      ) p on true`.execute(db);
    for (const row of rows.rows) {
      const asOf = slice[row.k - start]?.as_of ?? '';
      out[row.k] = {
        kind: row.kind,
        category: row.category,
        region: row.region,
        registeredCapital: row.registered_capital,
        ageYears: computeAgeYears(row.established_on, asOf),
        priorInspections: row.prior_inspections,
        priorViolations: row.prior_violations,
        complaints12m: null,
        abnormalList: row.abnormal,
        riskClass: row.has_history ? row.history_class : row.risk_class,
      };
    }
  }
  return out;
}
