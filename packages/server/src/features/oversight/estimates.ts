/**
 * What the random samples say (DOMAIN.md §5 *ours*): the estimated share of non-compliant objects per task batch,
 * matter, sector (the object's main category) and region, with a 95% interval, by the stratified estimator over the
 * draws' own strata (core oversight/domain-estimate.ts → core estimates, Korn–Graubard).
 *
 * - Strata: each live draw's frame strata; N_h is the frozen frame's stratum size, n_h the drawn targets of the
 *   stratum with a published result (as of the day), x_h those found non-compliant (core isNonCompliant, stored as
 *   `inspection_results.non_compliant`): for a task batch or a sector or region, any matter of the task; for a
 *   matter, that matter's result.
 * - A matter pools the strata of every draw whose task checks it; a sector or region is a domain within each
 *   stratum: N_hd = frame members of the stratum in the domain (counted from the frozen frame ids and the register),
 *   n_hd and x_hd the published targets among them.
 * - The stratum of a target is sealed (draw_sealed_strata): it is read here, server-side, and only totals leave
 *   this module; no per-object stratum or class is ever returned.
 */
import { sql, type Kysely } from 'kysely';
import { estimateDomainShare, findCategory, findRegion, type StratumCounts } from '@ssj/core';
import type { EstimateDimensionDto, EstimateRowDto, EstimatesDto } from '../../api-types.ts';
import type { Database, DrawFrameStratumRow } from '../../db/schema.ts';
import { IS_LIVE_DRAW } from '../draws/live-draw.ts';

interface DrawInfo {
  id: number;
  frame_id: number;
  task_id: number;
  task_code: string;
  task_name: string;
  batch: number;
  department_name: string;
  strata: DrawFrameStratumRow[];
}

interface SampleRow {
  draw_id: number;
  canonical_id: string;
  matter: string;
  non_compliant: boolean;
}

/** Frame membership by stratum and domain (region, main category); frames never change, so it is cached. */
interface MemberCount {
  readonly stratum: string;
  readonly region: string;
  readonly category: string;
  readonly n: number;
}

const memberCache = new WeakMap<Kysely<Database>, Map<number, MemberCount[]>>();

/** Each frame's membership counts, in one query for the frames not yet cached. */
async function loadFrameMembers(
  db: Kysely<Database>,
  frameIds: readonly number[],
): Promise<Map<number, MemberCount[]>> {
  let cache = memberCache.get(db);
  if (cache === undefined) {
    cache = new Map();
    memberCache.set(db, cache);
  }
  const missing = [...new Set(frameIds)].filter((id) => !cache.has(id));
  if (missing.length > 0) {
    const ids = JSON.stringify(missing);
    const rows = await sql<MemberCount & { frame_id: number }>`
      with f as (
        select fr.id, fr.ids, fr.strata from draw_frames fr
        where fr.id in (select (jsonb_array_elements_text(${ids}::jsonb))::integer)
      ),
      m as (
        select f.id as frame_id, a.id, a.stratum
        from f join draw_sealed_strata s on s.frame_id = f.id
        cross join lateral rows from (json_array_elements_text(f.ids), json_array_elements_text(s.id_strata))
          as a(id, stratum)
        where jsonb_array_length(f.strata) > 1
        union all
        select f.id as frame_id, e.id, f.strata->0->>'name' as stratum
        from f cross join lateral json_array_elements_text(f.ids) as e(id)
        where jsonb_array_length(f.strata) <= 1
      )
      select m.frame_id, m.stratum, o.region_code as region, coalesce(o.category_codes->>0, '') as category,
        count(*)::integer as n
      from m join objects o on o.canonical_id = m.id
      group by 1, 2, 3, 4`.execute(db);
    for (const id of missing) cache.set(id, []);
    for (const r of rows.rows) {
      cache.get(r.frame_id)?.push({ stratum: r.stratum, region: r.region, category: r.category, n: r.n });
    }
  }
  return new Map(frameIds.map((id) => [id, cache.get(id) ?? []]));
}

/** The sealed stratum of every drawn target of the year's live multi-stratum draws: draw id → canonical id → label. */
async function loadTargetStrata(
  db: Kysely<Database>,
  year: number,
): Promise<Map<number, Map<string, string>>> {
  const rows = await sql<{ draw_id: number; canonical_id: string; stratum: string }>`
    with d as (
      select d.id, d.frame_id from draws d
      join tasks t on t.id = d.task_id
      join plans p on p.id = t.plan_id
      join draw_frames f on f.id = d.frame_id
      where p.year = ${year} and ${IS_LIVE_DRAW} and jsonb_array_length(f.strata) > 1
    ),
    a as (
      select s.frame_id, r.id, r.stratum from draw_sealed_strata s
      join draw_frames f on f.id = s.frame_id
      cross join lateral rows from (json_array_elements_text(f.ids), json_array_elements_text(s.id_strata))
        as r(id, stratum)
      where s.frame_id in (select frame_id from d)
    )
    select d.id as draw_id, x.canonical_id, a.stratum
    from d join draw_targets x on x.draw_id = d.id
    join a on a.frame_id = d.frame_id and a.id = x.canonical_id`.execute(db);
  const result = new Map<number, Map<string, string>>();
  for (const r of rows.rows) {
    const map = result.get(r.draw_id) ?? new Map<string, string>();
    map.set(r.canonical_id, r.stratum);
    result.set(r.draw_id, map);
  }
  return result;
}

async function loadDraws(db: Kysely<Database>, year: number): Promise<DrawInfo[]> {
  const rows = await sql<DrawInfo>`
    select d.id, d.frame_id, d.task_id, d.task_code, t.name as task_name, d.batch, f.strata,
      coalesce(dep.name, '') as department_name
    from draws d
    join draw_frames f on f.id = d.frame_id
    join tasks t on t.id = d.task_id
    join plans p on p.id = t.plan_id
    left join departments dep on dep.id = (t.initiator_department_ids->>0)::integer
    where p.year = ${year} and ${IS_LIVE_DRAW}
    order by d.task_code, d.batch, d.id`.execute(db);
  return rows.rows;
}

async function loadSamples(db: Kysely<Database>, year: number, asOf: string): Promise<SampleRow[]> {
  const rows = await sql<SampleRow>`
    select d.id as draw_id, x.canonical_id, r.matter, bool_or(r.non_compliant) as non_compliant
    from draw_targets x
    join draws d on d.id = x.draw_id
    join tasks t on t.id = d.task_id
    join plans p on p.id = t.plan_id
    join inspection_tasks it on it.draw_id = x.draw_id and it.object_id = x.object_id
    join inspections i on i.id = it.inspection_id
    join inspection_results r on r.inspection_id = i.id and r.task_id = d.task_id
    where p.year = ${year} and ${IS_LIVE_DRAW} and i.published_on <= ${asOf}
    group by 1, 2, 3`.execute(db);
  return rows.rows;
}

async function loadTaskMatters(
  db: Kysely<Database>,
  taskIds: readonly number[],
): Promise<Map<number, string[]>> {
  const result = new Map<number, string[]>();
  if (taskIds.length === 0) return result;
  const lines = await db
    .selectFrom('task_lines')
    .select(['task_id', 'matters'])
    .where('task_id', 'in', [...new Set(taskIds)])
    .execute();
  for (const l of lines)
    result.set(l.task_id, [...new Set([...(result.get(l.task_id) ?? []), ...l.matters])]);
  return result;
}

/** One outcome per sampled target of a draw: non-compliant on any matter, and per matter. */
interface TargetOutcome {
  readonly any: boolean;
  readonly matters: Map<string, boolean>;
}

function groupOutcomes(samples: readonly SampleRow[]): Map<number, Map<string, TargetOutcome>> {
  const byDraw = new Map<number, Map<string, TargetOutcome>>();
  for (const s of samples) {
    const draw = byDraw.get(s.draw_id) ?? new Map<string, TargetOutcome>();
    const current = draw.get(s.canonical_id) ?? { any: false, matters: new Map<string, boolean>() };
    current.matters.set(s.matter, (current.matters.get(s.matter) ?? false) || s.non_compliant);
    draw.set(s.canonical_id, { any: current.any || s.non_compliant, matters: current.matters });
    byDraw.set(s.draw_id, draw);
  }
  return byDraw;
}

function stratumOf(draw: DrawInfo, sealed: Map<number, Map<string, string>>, canonicalId: string): string {
  if (draw.strata.length <= 1) return draw.strata[0]?.name ?? '';
  return sealed.get(draw.id)?.get(canonicalId) ?? '';
}

function toRow(key: string, label: string, detail: string, strata: readonly StratumCounts[]): EstimateRowDto {
  const e = estimateDomainShare(strata);
  return { key, label, detail, ...e };
}

/** Estimates of one dimension (see the module comment), as of the end of `asOf`. */
export async function loadEstimates(
  db: Kysely<Database>,
  year: number,
  asOf: string,
  dimension: EstimateDimensionDto,
): Promise<EstimatesDto> {
  const draws = await loadDraws(db, year);
  const outcomes = groupOutcomes(await loadSamples(db, year, asOf));
  const sealed = await loadTargetStrata(db, year);
  const rows: EstimateRowDto[] = [];

  if (dimension === 'task') {
    for (const d of draws) {
      const sample = outcomes.get(d.id) ?? new Map<string, TargetOutcome>();
      const counts = new Map<string, { n: number; x: number }>();
      for (const [id, o] of sample) {
        const h = stratumOf(d, sealed, id);
        const c = counts.get(h) ?? { n: 0, x: 0 };
        counts.set(h, { n: c.n + 1, x: c.x + (o.any ? 1 : 0) });
      }
      const strata = d.strata.map((s) => ({
        N: s.size,
        n: counts.get(s.name)?.n ?? 0,
        x: counts.get(s.name)?.x ?? 0,
      }));
      rows.push(
        toRow(
          `${d.task_code}/${String(d.batch)}`,
          `${d.task_code} 第${String(d.batch)}批`,
          `${d.task_name}（${d.department_name}）`,
          strata,
        ),
      );
    }
    return { year, asOf, dimension, rows };
  }

  if (dimension === 'matter') {
    const matters = await loadTaskMatters(
      db,
      draws.map((d) => d.task_id),
    );
    const byMatter = new Map<string, { strata: StratumCounts[]; tasks: Set<string> }>();
    for (const d of draws) {
      const sample = outcomes.get(d.id) ?? new Map<string, TargetOutcome>();
      for (const matter of matters.get(d.task_id) ?? []) {
        const counts = new Map<string, { n: number; x: number }>();
        for (const [id, o] of sample) {
          const result = o.matters.get(matter);
          if (result === undefined) continue;
          const h = stratumOf(d, sealed, id);
          const c = counts.get(h) ?? { n: 0, x: 0 };
          counts.set(h, { n: c.n + 1, x: c.x + (result ? 1 : 0) });
        }
        const entry = byMatter.get(matter) ?? { strata: [], tasks: new Set<string>() };
        entry.tasks.add(d.task_code);
        for (const s of d.strata) {
          entry.strata.push({ N: s.size, n: counts.get(s.name)?.n ?? 0, x: counts.get(s.name)?.x ?? 0 });
        }
        byMatter.set(matter, entry);
      }
    }
    for (const [matter, entry] of [...byMatter].sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))) {
      const tasks = [...entry.tasks].sort();
      const detail =
        tasks.length <= 3
          ? tasks.join('、')
          : `${tasks.slice(0, 3).join('、')} 等 ${String(tasks.length)} 个任务`;
      rows.push(toRow(matter, matter, detail, entry.strata));
    }
    return { year, asOf, dimension, rows };
  }

  // Sector or region: a domain within every stratum of every draw.
  const byDomain = new Map<string, StratumCounts[]>();
  const domainOfObject = new Map<string, string>();
  const domainRows = await sql<{ canonical_id: string; region: string; category: string }>`
    select o.canonical_id, o.region_code as region, coalesce(o.category_codes->>0, '') as category
    from draw_targets x
    join draws d on d.id = x.draw_id
    join tasks t on t.id = d.task_id
    join plans p on p.id = t.plan_id
    join objects o on o.id = x.object_id
    where p.year = ${year} and ${IS_LIVE_DRAW}`.execute(db);
  for (const r of domainRows.rows)
    domainOfObject.set(r.canonical_id, dimension === 'region' ? r.region : r.category);
  const members = await loadFrameMembers(
    db,
    draws.map((d) => d.frame_id),
  );
  for (const d of draws) {
    const sample = outcomes.get(d.id) ?? new Map<string, TargetOutcome>();
    const counts = new Map<string, { n: number; x: number }>();
    for (const [id, o] of sample) {
      const key = `${stratumOf(d, sealed, id)}\u0000${domainOfObject.get(id) ?? ''}`;
      const c = counts.get(key) ?? { n: 0, x: 0 };
      counts.set(key, { n: c.n + 1, x: c.x + (o.any ? 1 : 0) });
    }
    const population = new Map<string, number>();
    for (const m of members.get(d.frame_id) ?? []) {
      const key = `${m.stratum}\u0000${dimension === 'region' ? m.region : m.category}`;
      population.set(key, (population.get(key) ?? 0) + m.n);
    }
    for (const [key, N] of population) {
      const domain = key.split('\u0000')[1] ?? '';
      const list = byDomain.get(domain) ?? [];
      list.push({ N, n: counts.get(key)?.n ?? 0, x: counts.get(key)?.x ?? 0 });
      byDomain.set(domain, list);
    }
  }
  for (const [domain, strata] of byDomain) {
    const label =
      dimension === 'region'
        ? (findRegion(domain)?.name ?? domain)
        : domain === ''
          ? '未分类'
          : (findCategory(domain)?.name ?? domain);
    const detail = dimension === 'region' ? domain : (findCategory(domain)?.group ?? '');
    rows.push(toRow(domain, label, detail, strata));
  }
  rows.sort((a, b) => b.n - a.n || a.label.localeCompare(b.label, 'zh-CN'));
  return { year, asOf, dimension, rows };
}
