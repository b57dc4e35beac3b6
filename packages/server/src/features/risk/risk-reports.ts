/**
 * Does the model find non-compliance? (issue #9 "Reports"). Detection rate = the share of published inspections that
 * found a non-compliance (any matter):
 * - by the model's band and by the official class, each as of the inspection day, over the year's published
 *   inspections (and, separately, only those after the model's training rows: out of sample);
 * - for draws tilted by the model, the tilted strata against the uniform control sample of the same draws (OSHA's
 *   site-specific targeting comparison), overall, per task and per sector (the object's main category), beside the
 *   year's draws that were not tilted.
 * Only totals leave this module: no object's band, score or stratum.
 */
import { sql, type Kysely } from 'kysely';
import { classifyRiskBand, findCategory, RISK_BANDS, RISK_TILT_STRATA, scoreRiskModel } from '@ssj/core';
import type {
  RiskDetectionRowDto,
  RiskReportDto,
  RiskTiltComparisonDto,
  RiskTrainingWindowDto,
} from '../../api-types.ts';
import type { Database, DrawFrameStratumRow } from '../../db/schema.ts';
import { selectRiskFeatures } from './risk-features.ts';
import { loadRiskModel } from './risk-store.ts';

interface Tally {
  inspections: number;
  nonCompliant: number;
}

function toRow(key: string, label: string, t: Tally | undefined): RiskDetectionRowDto {
  const inspections = t?.inspections ?? 0;
  const nonCompliant = t?.nonCompliant ?? 0;
  return {
    key,
    label,
    inspections,
    nonCompliant,
    rate: inspections === 0 ? null : nonCompliant / inspections,
  };
}

function add(map: Map<string, Tally>, key: string, bad: boolean): void {
  const t = map.get(key) ?? { inspections: 0, nonCompliant: 0 };
  t.inspections++;
  if (bad) t.nonCompliant++;
  map.set(key, t);
}

function compare(
  key: string,
  label: string,
  control: Tally | undefined,
  tilted: Tally | undefined,
  uniformEstimate: number | null = null,
): RiskTiltComparisonDto {
  const c = toRow(`${key}/control`, '对照组（随机）', control);
  const t = toRow(`${key}/tilted`, '模型倾斜层', tilted);
  const all = toRow(`${key}/all`, '全部目标', {
    inspections: c.inspections + t.inspections,
    nonCompliant: c.nonCompliant + t.nonCompliant,
  });
  return {
    key,
    label,
    control: c,
    tilted: t,
    lift: c.rate === null || c.rate === 0 || t.rate === null ? null : t.rate / c.rate,
    all,
    uniformEstimate,
    estimatedLift:
      all.rate === null || uniformEstimate === null || uniformEstimate === 0
        ? null
        : all.rate / uniformEstimate,
  };
}

/** N_h of every stratum (by internal name) of each tilted draw of the year. */
async function loadTiltedStrataSizes(
  db: Kysely<Database>,
  year: number,
): Promise<Map<number, Map<string, number>>> {
  const rows = await sql<{ draw_id: number; strata: DrawFrameStratumRow[]; labels: Record<string, string> }>`
    select d.id as draw_id, f.strata, s.labels
    from draws d
    join draw_frames f on f.id = d.frame_id
    join draw_sealed_strata s on s.frame_id = f.id
    join tasks t on t.id = d.task_id
    join plans p on p.id = t.plan_id
    where p.year = ${year} and f.risk_model_id is not null`.execute(db);
  return new Map(
    rows.rows.map((r) => [r.draw_id, new Map(r.strata.map((x) => [r.labels[x.name] ?? x.name, x.size]))]),
  );
}

/**
 * The detection rate uniform draws would have had on the same frames, with the same numbers of published targets:
 * per draw the stratified estimate Σ W_h x_h / n_h over the strata with a published target (W_h = N_h over those
 * strata's N), weighted by the draw's published targets. Null when no draw has a published target.
 */
function estimateUniformRate(
  outcomes: readonly TargetOutcome[],
  sizes: ReadonlyMap<number, ReadonlyMap<string, number>>,
): number | null {
  const byDraw = new Map<number, Map<string, Tally>>();
  for (const o of outcomes) {
    const strata = byDraw.get(o.draw_id) ?? new Map<string, Tally>();
    add(strata, o.stratum ?? '', o.bad);
    byDraw.set(o.draw_id, strata);
  }
  let expected = 0;
  let n = 0;
  for (const [drawId, strata] of byDraw) {
    const size = sizes.get(drawId);
    let weight = 0;
    let rate = 0;
    let published = 0;
    for (const [name, t] of strata) {
      const N = size?.get(name) ?? 0;
      weight += N;
      rate += (N * t.nonCompliant) / t.inspections;
      published += t.inspections;
    }
    if (weight === 0) continue;
    expected += (published * rate) / weight;
    n += published;
  }
  return n === 0 ? null : expected / n;
}

const CLASS_LABELS: Readonly<Record<string, string>> = {
  A: 'A 低风险',
  B: 'B 一般风险',
  C: 'C 较高风险',
  D: 'D 高风险',
  none: '未分类',
};

/** The report of a plan year under the newest model (or `version`). */
export async function buildRiskReport(
  db: Kysely<Database>,
  year: number,
  version?: number,
): Promise<RiskReportDto> {
  const model = await loadRiskModel(db, version);
  const inspections = await sql<{ id: number; object_id: number; inspected_on: string; bad: boolean }>`
    select i.id, i.object_id, i.inspected_on,
      exists (select 1 from inspection_results r where r.inspection_id = i.id and r.non_compliant) as bad
    from inspections i
    where i.year = ${year} and i.status = 'published' and i.inspected_on is not null
    order by i.id`.execute(db);
  const features = await selectRiskFeatures(
    db,
    inspections.rows.map((i) => ({ objectId: i.object_id, asOf: i.inspected_on })),
  );
  let trainedTo = '';
  if (model !== null) {
    const row = await db
      .selectFrom('risk_models')
      .select('training_window')
      .where('id', '=', model.id)
      .executeTakeFirstOrThrow();
    trainedTo = (row.training_window as RiskTrainingWindowDto).trainTo;
  }
  const byBand = new Map<string, Tally>();
  const byBandAfter = new Map<string, Tally>();
  const byClass = new Map<string, Tally>();
  inspections.rows.forEach((inspection, i) => {
    const f = features[i];
    if (f === null || f === undefined) return;
    add(byClass, f.riskClass ?? 'none', inspection.bad);
    if (model === null) return;
    const band = classifyRiskBand(scoreRiskModel(model.model, f), model.cuts);
    add(byBand, band, inspection.bad);
    if (inspection.inspected_on > trainedTo) add(byBandAfter, band, inspection.bad);
  });
  const bandRows = (map: Map<string, Tally>) =>
    model === null ? [] : [...RISK_BANDS].reverse().map((b) => toRow(b, `模型${b}风险`, map.get(b)));
  return {
    year,
    model: model === null ? null : { version: model.version, asOf: model.asOf },
    byBand: bandRows(byBand),
    byBandAfterTraining: bandRows(byBandAfter),
    byClass: ['D', 'C', 'B', 'A', 'none']
      .filter((c) => byClass.has(c))
      .map((c) => toRow(c, CLASS_LABELS[c] ?? c, byClass.get(c))),
    tilt: await compareTiltedDraws(db, year),
  };
}

export interface TargetOutcome {
  draw_id: number;
  task_code: string;
  task_name: string;
  /** The task follows the official classes (its untilted frames are stratified by class). */
  risk_based: boolean;
  tilted: boolean;
  stratum: string | null;
  category: string | null;
  bad: boolean;
}

/** Published outcomes of every live draw target of the year, with the target's sealed stratum in tilted frames. */
export async function loadTargetOutcomes(db: Kysely<Database>, year: number): Promise<TargetOutcome[]> {
  const rows = await sql<TargetOutcome>`
    with d as (
      select d.id, d.task_id, d.task_code, d.frame_id, t.name as task_name, t.risk_based,
        f.risk_model_id is not null as tilted
      from draws d
      join draw_frames f on f.id = d.frame_id
      join tasks t on t.id = d.task_id
      join plans p on p.id = t.plan_id
      where p.year = ${year}
        and not exists (select 1 from draws n where n.supersedes_draw_id = d.id)
    ),
    a as (
      select s.frame_id, a.id, s.labels->>a.stratum as stratum
      from draw_sealed_strata s
      join d on d.frame_id = s.frame_id and d.tilted
      join draw_frames f on f.id = s.frame_id
      cross join lateral rows from (json_array_elements_text(f.ids), json_array_elements_text(s.id_strata))
        as a(id, stratum)
    )
    select d.id as draw_id, d.task_code, d.task_name, d.risk_based, d.tilted, a.stratum, o.category_codes->>0 as category,
      exists (select 1 from inspection_results r
        where r.inspection_id = it.inspection_id and r.task_id = it.task_id and r.non_compliant) as bad
    from d
    join draw_targets x on x.draw_id = d.id
    join inspection_tasks it on it.draw_id = d.id and it.object_id = x.object_id
    join inspections i on i.id = it.inspection_id and i.status = 'published'
    join objects o on o.id = x.object_id
    left join a on a.frame_id = d.frame_id and a.id = x.canonical_id`.execute(db);
  return rows.rows;
}

async function compareTiltedDraws(db: Kysely<Database>, year: number): Promise<RiskReportDto['tilt']> {
  const outcomes = await loadTargetOutcomes(db, year);
  const tilted = outcomes.filter((o) => o.tilted);
  if (tilted.length === 0) return null;
  const control = new Map<string, Tally>();
  const model = new Map<string, Tally>();
  const untilted = new Map<string, Tally>();
  const tasks = new Map<string, string>();
  const sectors = new Map<string, string>();
  for (const o of outcomes) {
    if (!o.tilted) {
      add(untilted, 'all', o.bad);
      continue;
    }
    const side = o.stratum === RISK_TILT_STRATA.control ? control : model;
    const sector = o.category ?? '';
    add(side, 'all', o.bad);
    add(side, `task:${o.task_code}`, o.bad);
    add(side, `sector:${sector}`, o.bad);
    tasks.set(o.task_code, o.task_name);
    sectors.set(sector, sector === '' ? '未分类' : (findCategory(sector)?.name ?? sector));
  }
  const draws = new Set(tilted.map((o) => o.draw_id)).size;
  const sizes = await loadTiltedStrataSizes(db, year);
  return {
    draws,
    overall: compare(
      'all',
      '全部倾斜抽取',
      control.get('all'),
      model.get('all'),
      estimateUniformRate(tilted, sizes),
    ),
    byTask: [...tasks]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, name]) =>
        compare(
          `task:${code}`,
          `${code} ${name}`,
          control.get(`task:${code}`),
          model.get(`task:${code}`),
          estimateUniformRate(
            tilted.filter((o) => o.task_code === code),
            sizes,
          ),
        ),
      ),
    bySector: [...sectors]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, name]) =>
        compare(`sector:${code}`, name, control.get(`sector:${code}`), model.get(`sector:${code}`)),
      ),
    untilted: toRow('untilted', '未倾斜的抽取（均匀或按信用分类）', untilted.get('all')),
  };
}
