/**
 * `ssj demo --simulate-year YEAR --risk-tilt` (issue #9 "Done when": model-tilted tasks find more non-compliance per
 * inspection than uniform ones, shown with the control sample): plays the first half of the year, trains the model on
 * its published results, lets the office switch model tilting on for every other task (odd plan numbers) of the plan,
 * plays the second half (those tasks' draws are frozen with model bands and a 10% uniform control stratum), and
 * measures detection per inspection in the second half's draws. Deterministic from the seed, like simulateYear.
 */
import type { Kysely } from 'kysely';
import { RISK_TILT_STRATA } from '@ssj/core';
import type { RiskReportDto } from '../../api-types.ts';
import type { AuditActor } from '../../audit/audit-log.ts';
import type { Database } from '../../db/schema.ts';
import { simulateYear, type SimulationSummary } from '../../demo/simulate-year.ts';
import { buildRiskReport, loadTargetOutcomes, type TargetOutcome } from './risk-reports.ts';
import { setPlanTilt, setTaskTilt } from './risk-tilt.ts';
import {
  describeRiskTrainingError,
  trainRiskModelFromDatabase,
  type RiskTrainingResult,
} from './risk-training.ts';

export interface DetectionTally {
  readonly inspections: number;
  readonly nonCompliant: number;
  readonly rate: number | null;
}

export interface RiskTiltSimulationSummary {
  readonly firstHalf: SimulationSummary;
  readonly secondHalf: SimulationSummary;
  readonly model: RiskTrainingResult;
  readonly tiltedTasks: number;
  /** Second-half draws: published inspections and those that found a non-compliance, per kind of draw. */
  readonly secondHalfDetection: {
    /** Tasks tilted by the model: all targets, the tilted strata, the uniform control stratum. */
    readonly modelTilted: DetectionTally;
    readonly modelStrata: DetectionTally;
    readonly control: DetectionTally;
    /** Tasks drawn uniformly (not risk-based, not tilted). */
    readonly uniform: DetectionTally;
    /** Risk-based tasks drawn by official class (A ×0.5 … D ×4), not tilted by the model. */
    readonly officialClass: DetectionTally;
  };
  readonly report: RiskReportDto;
}

function tally(rows: readonly TargetOutcome[]): DetectionTally {
  const nonCompliant = rows.filter((r) => r.bad).length;
  return {
    inspections: rows.length,
    nonCompliant,
    rate: rows.length === 0 ? null : nonCompliant / rows.length,
  };
}

/** Plays `year` in two halves with model tilting switched on between them (see the module doc). */
export async function simulateYearWithRiskTilt(
  db: Kysely<Database>,
  options: {
    readonly year: number;
    readonly actor: AuditActor;
    readonly seed?: string;
    readonly onProgress?: (step: string) => void;
  },
): Promise<RiskTiltSimulationSummary> {
  const { year, actor } = options;
  const common = {
    year,
    actor,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  };
  const firstHalf = await simulateYear(db, { ...common, asOf: `${String(year)}-06-30` });
  options.onProgress?.('用上半年已公示的结果训练风险模型');
  const trained = await trainRiskModelFromDatabase(db, actor, { asOf: `${String(year)}-07-01` });
  if (!trained.ok) throw new Error(`simulation: ${describeRiskTrainingError(trained.error)}`);
  const enabled = await setPlanTilt(db, actor, year, { enabled: true, controlShare: 0.1 });
  if (!enabled.ok) throw new Error(`simulation: cannot switch tilting on: ${enabled.error.kind}`);
  const tasks = await db
    .selectFrom('tasks as t')
    .innerJoin('plans as p', 'p.id', 't.plan_id')
    .select(['t.code', 't.seq'])
    .where('p.year', '=', year)
    .where('t.status', '=', 'active')
    .orderBy('t.seq')
    .execute();
  let tiltedTasks = 0;
  for (const task of tasks) {
    if (task.seq % 2 === 0) continue;
    const set = await setTaskTilt(db, actor, year, task.code, true);
    if (set.ok) tiltedTasks++;
  }
  const lastDraw = await db
    .selectFrom('draws')
    .select((eb) => eb.fn.max<number | null>('id').as('id'))
    .executeTakeFirstOrThrow();
  options.onProgress?.(`办公室为 ${String(tiltedTasks)} 个任务打开按模型风险倾斜抽取（对照组 10%）`);
  const secondHalf = await simulateYear(db, { ...common, fromMonth: 7 });
  const outcomes = (await loadTargetOutcomes(db, year)).filter((o) => o.draw_id > (lastDraw.id ?? 0));
  const tilted = outcomes.filter((o) => o.tilted);
  return {
    firstHalf,
    secondHalf,
    model: trained.value,
    tiltedTasks,
    secondHalfDetection: {
      modelTilted: tally(tilted),
      modelStrata: tally(tilted.filter((o) => o.stratum !== RISK_TILT_STRATA.control)),
      control: tally(tilted.filter((o) => o.stratum === RISK_TILT_STRATA.control)),
      uniform: tally(outcomes.filter((o) => !o.tilted && !o.risk_based)),
      officialClass: tally(outcomes.filter((o) => !o.tilted && o.risk_based)),
    },
    report: await buildRiskReport(db, year),
  };
}
