/**
 * Synthetic labelled rows for tests and the demo, deterministic from a seed (xoshiro128**, no Math.random).
 *
 * The labels follow a hidden rule that the model is not told: an unobserved "compliance culture" of each object
 * drives its history (past violations, complaints, 经营异常名录) and, through a noisy and coarse monthly score, the
 * official class; the violation chance then depends on the category, the region, the object's youth, its history,
 * the listing and that unobserved culture. So the official class carries signal, but far less than the features
 * together, as in real data. The rule is documented here so a reader can check what a model should find; it is
 * not part of any model.
 */
import { deriveState, hashTextToState } from '../registry/seeded-random.ts';
import { createSeededRandom } from '../registry/seeded-random.ts';
import type { SeededRandom } from '../registry/seeded-random.ts';
import type { RiskClass } from '../registry/register-types.ts';
import { computeSigmoid } from './fit-logistic-regression.ts';
import type { RiskRow } from './risk-types.ts';

export interface SyntheticRiskOptions {
  readonly rows: number;
  readonly seed: string;
  /** Share of numeric and categorical cells left empty, to exercise missing values (default 0.03). */
  readonly missingShare?: number;
}

/** Category → its hidden effect on the log-odds of a violation, and its weight in the register. */
const CATEGORIES: readonly (readonly [code: string, effect: number, weight: number])[] = [
  ['catering', 0.7, 18],
  ['food-sales', 0.35, 16],
  ['general-retail', 0, 22],
  ['resident-services', 0.15, 9],
  ['wholesale', -0.25, 6],
  ['business-services', -0.5, 7],
  ['it-services', -0.8, 3],
  ['manufacturing', 0.3, 5],
  ['food-production', 0.9, 2],
  ['pharmacy', 0.45, 2],
  ['road-freight', 0.4, 3],
  ['hotel', 0.2, 2],
  ['internet-cafe', 0.6, 1],
  ['entertainment-venue', 0.75, 1],
  ['agriculture', -0.2, 3],
];

const REGIONS: readonly (readonly [code: string, effect: number, weight: number])[] = [
  ['140502', 0.1, 22],
  ['140525', 0.2, 20],
  ['140581', 0, 17],
  ['140522', -0.1, 14],
  ['140524', 0.15, 8],
  ['140521', -0.2, 8],
  ['140571', -0.3, 6],
  ['140500', 0, 5],
];

const KINDS: readonly (readonly [kind: string, weight: number])[] = [
  ['individual', 55],
  ['enterprise', 36],
  ['cooperative', 4],
  ['social-organisation', 3],
  ['institution', 2],
];

function drawNormal(random: SeededRandom): number {
  const u = 1 - random.nextFloat();
  const v = random.nextFloat();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function drawPoisson(random: SeededRandom, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let product = random.nextFloat();
  while (product > limit && k < 1000) {
    k += 1;
    product *= random.nextFloat();
  }
  return k;
}

function pickWeighted<T extends readonly unknown[]>(
  random: SeededRandom,
  items: readonly T[],
  weightAt: number,
): T {
  return random.pickWeighted(
    items,
    items.map((item) => item[weightAt] as number),
  );
}

/** The official class from a noisy, coarse score: roughly 30% A, 45% B, 18% C, 7% D. */
function classifyOfficially(score: number): RiskClass {
  if (score < -0.55) return 'A';
  if (score < 0.75) return 'B';
  if (score < 1.55) return 'C';
  return 'D';
}

/**
 * `rows` rows; row i depends only on the seed and i (so a longer file extends a shorter one). Ids are
 * `S000001`, …; the same seed always gives the same rows.
 */
export function synthesiseRiskRows(options: SyntheticRiskOptions): RiskRow[] {
  const base = hashTextToState(`ssj-risk-synth|${options.seed}`);
  const missingShare = options.missingShare ?? 0.03;
  const rows: RiskRow[] = [];
  for (let i = 0; i < options.rows; i++) {
    const random = createSeededRandom(deriveState(base, i));
    const [kind] = pickWeighted(random, KINDS, 1);
    const [category, categoryEffect] = pickWeighted(random, CATEGORIES, 2);
    const [region, regionEffect] = pickWeighted(random, REGIONS, 2);
    const culture = drawNormal(random); // hidden: higher = more likely to break rules
    const ageYears = Math.round(-Math.log(1 - random.nextFloat()) * 7 * 10) / 10;
    const registeredCapital =
      kind === 'individual' || kind === 'institution'
        ? null
        : Math.round(Math.exp(Math.log(kind === 'enterprise' ? 100 : 20) + 1.3 * drawNormal(random)) * 100) /
          100;
    const priorInspections = drawPoisson(
      random,
      0.6 + 0.15 * Math.min(ageYears, 10) + 0.3 * Math.max(0, culture),
    );
    let priorViolations = 0;
    const violationChance = computeSigmoid(-1.3 + 0.9 * culture + 0.5 * categoryEffect);
    for (let k = 0; k < priorInspections; k++) if (random.chance(violationChance)) priorViolations += 1;
    const complaints12m = drawPoisson(random, Math.exp(-1.3 + 0.8 * culture + 0.5 * categoryEffect));
    const abnormalList = random.chance(computeSigmoid(-3.2 + 0.9 * culture + (ageYears < 2 ? 0.8 : 0)));
    const officialScore =
      0.45 * culture +
      0.9 * (abnormalList ? 1 : 0) +
      0.5 * Math.min(priorViolations, 2) +
      0.9 * drawNormal(random);
    const riskClass = classifyOfficially(officialScore);

    const logit =
      -2.9 +
      1.5 * categoryEffect +
      1.5 * regionEffect +
      0.4 * culture +
      1.2 * Math.log1p(priorViolations) +
      1.0 * Math.log1p(complaints12m) +
      1.2 * (abnormalList ? 1 : 0) +
      (ageYears < 2 ? 0.7 : ageYears > 15 ? -0.3 : 0) +
      (registeredCapital !== null && registeredCapital > 1000 ? -0.4 : 0);
    const violation = random.chance(computeSigmoid(logit)) ? 1 : 0;

    const keep = <T>(value: T): T | null => (random.chance(missingShare) ? null : value);
    rows.push({
      id: `S${String(i + 1).padStart(6, '0')}`,
      kind: keep(kind),
      category: keep(category),
      region: keep(region),
      registeredCapital: registeredCapital === null ? null : keep(registeredCapital),
      ageYears: keep(ageYears),
      priorInspections: keep(priorInspections),
      priorViolations: keep(priorViolations),
      complaints12m: keep(complaints12m),
      abnormalList: keep(abnormalList),
      riskClass: keep(riskClass),
      violation,
    });
  }
  return rows;
}
