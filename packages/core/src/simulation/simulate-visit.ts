/**
 * One simulated visit of `ssj demo --simulate-year` (issue "Inspections, results and publication"): plausible results
 * and a plausible timeline, deterministic from a seeded generator. Whether an object is found non-compliant follows
 * a hidden rule over its features (official risk class, kind, age, registered capital, earlier violations), so that
 * the estimates and the risk model have something real to find. Not used outside the demo.
 */
import { addWorkingDays, countWorkingDaysBetween } from '../calendar/working-days.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import type { RiskClass } from '../registry/index.ts';
import type { SeededRandom } from '../registry/seeded-random.ts';

export interface VisitFeatures {
  readonly riskClass: RiskClass | null;
  readonly kind: string;
  /** Age in whole years at the visit (null when the founding date is unknown). */
  readonly ageYears: number | null;
  readonly registeredCapital: number | null;
  readonly priorViolations: number;
  /** True when some task served is risk-oriented (危险化学品, 食品, 特种设备 …): a little more non-compliance. */
  readonly highHazard: boolean;
}

const CLASS_LOGIT: Readonly<Record<RiskClass, number>> = { A: -0.6, B: 0, C: 0.9, D: 1.6 };

/**
 * The hidden rule: the probability that a matter checked on this object is found non-compliant (DOMAIN.md §5
 * estimates; issue "Smart supervision": labels follow a rule the model must learn).
 */
export function computeViolationProbability(f: VisitFeatures): number {
  let logit = -2.4;
  logit += f.riskClass === null ? 0.2 : CLASS_LOGIT[f.riskClass];
  if (f.kind === 'individual') logit += 0.35;
  if (f.ageYears !== null && f.ageYears < 2) logit += 0.6;
  if (f.registeredCapital !== null && f.registeredCapital >= 1000) logit -= 0.5;
  logit += 0.9 * Math.min(f.priorViolations, 3);
  if (f.highHazard) logit += 0.3;
  return 1 / (1 + Math.exp(-logit));
}

const PROBLEM_CODES = ['A', 'E', 'B', 'D', '5', '3'] as const;
const PROBLEM_WEIGHTS = [40, 30, 10, 8, 7, 5] as const;

/** Result codes for one matter: mostly 未发现问题, sometimes a problem, now and then unreachable / inactive / closed. */
export function simulateResultCodes(random: SeededRandom, violationProbability: number): string[] {
  const x = random.nextFloat();
  if (x < 0.02) return ['6'];
  if (x < 0.05) return ['F'];
  if (x < 0.06) return ['7'];
  if (random.chance(violationProbability)) {
    const first = random.pickWeighted(PROBLEM_CODES, PROBLEM_WEIGHTS);
    if (random.chance(0.15)) {
      const second = random.pickWeighted(PROBLEM_CODES, PROBLEM_WEIGHTS);
      if (second !== first) return [first, second];
    }
    return [first];
  }
  return ['1'];
}

export interface VisitTimeline {
  readonly inspectedOn: string;
  readonly submittedOn: string;
  /** A return by the reviewer and the resubmission, when the reviewer sent it back once. */
  readonly returned: { readonly returnedOn: string; readonly resubmittedOn: string } | null;
  readonly approvedOn: string;
}

/** Picks a working day uniformly between two dates (inclusive); `from` when there is none. */
function pickWorkingDay(random: SeededRandom, cal: WorkCalendar, from: string, to: string): string {
  const first = addWorkingDays(cal, from, -1).date;
  const span = countWorkingDaysBetween(cal, first, to).count;
  if (span <= 0) return from;
  return addWorkingDays(cal, first, random.nextInt(1, span)).date;
}

/**
 * A timeline inside the window: inspected on a working day of the window, submitted a few working days later,
 * returned once in about one case in ten, approved within the 20 working days in most cases; `lateShare` of the
 * approvals come after the deadline (late publication is recorded, never hidden).
 */
export function simulateTimeline(
  random: SeededRandom,
  cal: WorkCalendar,
  window: { readonly from: string; readonly to: string; readonly deadline: string },
  lateShare: number,
): VisitTimeline {
  const inspectedOn = pickWorkingDay(random, cal, window.from, window.to);
  const submittedOn = addWorkingDays(cal, inspectedOn, random.nextInt(0, 4)).date;
  let last = submittedOn;
  let returned: VisitTimeline['returned'] = null;
  if (random.chance(0.1)) {
    const returnedOn = addWorkingDays(cal, submittedOn, random.nextInt(1, 3)).date;
    const resubmittedOn = addWorkingDays(cal, returnedOn, random.nextInt(1, 3)).date;
    returned = { returnedOn, resubmittedOn };
    last = resubmittedOn;
  }
  let approvedOn = addWorkingDays(cal, last, random.nextInt(1, 6)).date;
  if (random.chance(lateShare)) {
    approvedOn = addWorkingDays(cal, window.deadline, random.nextInt(1, 12)).date;
  } else if (approvedOn > window.deadline) {
    approvedOn = window.deadline > last ? window.deadline : last;
  }
  return { inspectedOn, submittedOn, returned, approvedOn };
}
