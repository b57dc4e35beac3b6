import { describe, expect, it } from 'vitest';
import { estimateStratifiedShareFromCounts } from './stratified-estimate.ts';

/** sfc32 seeded by splitmix32: a small, fast, deterministic PRNG (core bans Math.random). */
function makeRandom(seed: number): () => number {
  let state = seed >>> 0;
  const splitmix = (): number => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = 1;
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
}

type Scenario = {
  readonly name: string;
  readonly strata: readonly { readonly N: number; readonly n: number; readonly rate: number }[];
};

/**
 * Scenarios shaped like real tasks: rare violations (≈ 0.5–1%), risk-tilted allocations (A ×0.5 …
 * D ×4, DOMAIN.md §4), small strata and a census stratum.
 */
const SCENARIOS: readonly Scenario[] = [
  { name: 'rare 1%, one stratum N=2000 n=100', strata: [{ N: 2000, n: 100, rate: 0.01 }] },
  { name: 'very rare 0.5%, N=10000 n=200', strata: [{ N: 10_000, n: 200, rate: 0.005 }] },
  { name: 'moderate 10%, N=500 n=30', strata: [{ N: 500, n: 30, rate: 0.1 }] },
  {
    name: 'risk-tilted A/B/C/D, overall ≈1%',
    strata: [
      { N: 6000, n: 150, rate: 0.005 },
      { N: 3000, n: 150, rate: 0.01 },
      { N: 800, n: 80, rate: 0.03 },
      { N: 200, n: 40, rate: 0.08 },
    ],
  },
  {
    name: 'rare, tilted, small samples',
    strata: [
      { N: 5000, n: 20, rate: 0.01 },
      { N: 1000, n: 20, rate: 0.02 },
      { N: 100, n: 20, rate: 0.1 },
    ],
  },
  {
    name: 'small strata with a census stratum',
    strata: [
      { N: 12, n: 3, rate: 0.2 },
      { N: 8, n: 2, rate: 0.3 },
      { N: 30, n: 6, rate: 0.1 },
      { N: 5, n: 5, rate: 0.4 },
    ],
  },
  {
    name: 'big low-risk stratum barely sampled (zero variance often observed there)',
    strata: [
      { N: 20_000, n: 20, rate: 0.02 },
      { N: 100, n: 50, rate: 0.3 },
    ],
  },
  {
    name: 'moderate 20–50%, three strata',
    strata: [
      { N: 1000, n: 50, rate: 0.2 },
      { N: 500, n: 50, rate: 0.3 },
      { N: 200, n: 50, rate: 0.5 },
    ],
  },
];

const RUNS = 2000;

/** Binomial(trials, rate) by geometric waiting times: exact, O(trials × rate) draws. */
function drawBinomial(trials: number, rate: number, random: () => number): number {
  if (rate <= 0) return 0;
  if (rate >= 1) return trials;
  const logQ = Math.log1p(-rate);
  let count = 0;
  let position = 0;
  for (;;) {
    position += Math.floor(Math.log(1 - random()) / logQ) + 1;
    if (position > trials) return count;
    count += 1;
  }
}

/**
 * Each run draws a finite population per stratum (objects non-compliant independently at the stratum's
 * rate), then a simple random sample of n_h without replacement. Objects being exchangeable, that is
 * the sample's outcomes x_h ~ Binomial(n_h, rate) and the unsampled rest ~ Binomial(N_h − n_h, rate);
 * the truth is the population share (x + rest) / N.
 */
function simulateCoverage(scenario: Scenario, random: () => number): { coverage: number; meanWidth: number } {
  let covered = 0;
  let width = 0;
  for (let run = 0; run < RUNS; run++) {
    let populationBad = 0;
    let populationSize = 0;
    const counts = scenario.strata.map((s) => {
      const x = drawBinomial(s.n, s.rate, random);
      populationBad += x + drawBinomial(s.N - s.n, s.rate, random);
      populationSize += s.N;
      return { N: s.N, n: s.n, x };
    });
    const truth = populationBad / populationSize;
    const r = estimateStratifiedShareFromCounts(counts);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    if (r.value.low <= truth + 1e-12 && truth <= r.value.high + 1e-12) covered += 1;
    width += r.value.high - r.value.low;
  }
  return { coverage: covered / RUNS, meanWidth: width / RUNS };
}

describe('95% intervals cover the true share (simulation, deterministic PRNG)', () => {
  const random = makeRandom(20_240_601);
  it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
    const { coverage, meanWidth } = simulateCoverage(scenario, random);
    console.info(
      `coverage ${scenario.name}: ${(coverage * 100).toFixed(1)}% (mean width ${meanWidth.toFixed(4)})`,
    );
    expect(coverage).toBeGreaterThanOrEqual(0.93);
  });
});
