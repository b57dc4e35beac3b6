import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../registry/seeded-random.ts';
import { computeSigmoid, fitLogisticRegression, solveCholesky } from './fit-logistic-regression.ts';
import type { SparseDesign } from './fit-logistic-regression.ts';

function buildDenseDesign(rows: readonly (readonly number[])[]): SparseDesign {
  const columnCount = rows[0]?.length ?? 0;
  const rowStart = new Int32Array(rows.length + 1);
  const indices: number[] = [];
  const values: number[] = [];
  rows.forEach((row, i) => {
    rowStart[i] = indices.length;
    row.forEach((v, j) => {
      indices.push(j);
      values.push(v);
    });
  });
  rowStart[rows.length] = indices.length;
  return {
    rowCount: rows.length,
    columnCount,
    rowStart,
    indices: Int32Array.from(indices),
    values: Float64Array.from(values),
  };
}

/** The penalised gradient Xᵀ(σ(Xβ) − y) + λβ (intercept unpenalised): zero at the optimum. */
function computeGradient(
  rows: readonly (readonly number[])[],
  labels: Uint8Array,
  beta: Float64Array,
  l2: number,
): number[] {
  const gradient = Array.from(beta, (b, j) => (j === 0 ? 0 : l2 * b));
  rows.forEach((row, i) => {
    let eta = 0;
    row.forEach((v, j) => (eta += v * (beta[j] ?? 0)));
    const residual = computeSigmoid(eta) - (labels[i] ?? 0);
    row.forEach((v, j) => (gradient[j] = (gradient[j] ?? 0) + v * residual));
  });
  return gradient;
}

describe('fitLogisticRegression', () => {
  it('recovers the coefficients of data simulated from a known logistic model', () => {
    const random = createSeededRandom('fit-recovery');
    const truth = [-1, 1.5, -0.8, 0.4];
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const row = [1, random.nextFloat() * 2 - 1, random.nextFloat() * 2 - 1, random.chance(0.3) ? 1 : 0];
      let eta = 0;
      row.forEach((v, j) => (eta += v * (truth[j] ?? 0)));
      rows.push(row);
      labels.push(random.chance(computeSigmoid(eta)) ? 1 : 0);
    }
    const fit = fitLogisticRegression(buildDenseDesign(rows), Uint8Array.from(labels), {
      l2: 1e-6,
      unpenalised: [0],
      maxIterations: 50,
      tolerance: 1e-10,
    });
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBeLessThan(15);
    Array.from(fit.coefficients).forEach((b, j) => {
      expect(Math.abs(b - (truth[j] ?? 0))).toBeLessThan(0.12);
    });
  });

  it('stops at the penalised optimum (gradient zero), even on separable data', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            x: fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 3, maxLength: 3 }),
            y: fc.boolean(),
          }),
          { minLength: 2, maxLength: 40 },
        ),
        fc.double({ min: 0.01, max: 10, noNaN: true }),
        (data, l2) => {
          const rows = data.map((d) => [1, ...d.x]);
          const labels = Uint8Array.from(data, (d) => (d.y ? 1 : 0));
          // Both outcomes, so the unpenalised intercept has a finite optimum.
          labels[0] = 1;
          labels[1] = 0;
          const fit = fitLogisticRegression(buildDenseDesign(rows), labels, {
            l2,
            unpenalised: [0],
            maxIterations: 100,
            tolerance: 1e-10,
          });
          for (const g of computeGradient(rows, labels, fit.coefficients, l2))
            expect(Math.abs(g)).toBeLessThan(1e-6 * data.length + 1e-6);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives bit-identical coefficients on a second run', () => {
    const rows = [
      [1, 0.5, 2],
      [1, -1, 0],
      [1, 3, 1],
      [1, 0, -2],
    ];
    const labels = Uint8Array.from([1, 0, 1, 0]);
    const options = { l2: 0.5, unpenalised: [0], maxIterations: 100, tolerance: 1e-12 };
    const a = fitLogisticRegression(buildDenseDesign(rows), labels, options);
    const b = fitLogisticRegression(buildDenseDesign(rows), labels, options);
    expect(Array.from(a.coefficients)).toEqual(Array.from(b.coefficients));
  });
});

describe('solveCholesky', () => {
  it('solves symmetric positive definite systems', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 8 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: n * n, maxLength: n * n }),
              fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: n, maxLength: n }),
            ),
          ),
        ([n, m, b]) => {
          // A = MᵀM + I is symmetric positive definite.
          const a = new Float64Array(n * n);
          for (let i = 0; i < n; i++)
            for (let j = 0; j < n; j++) {
              let s = i === j ? 1 : 0;
              for (let k = 0; k < n; k++) s += (m[k * n + i] ?? 0) * (m[k * n + j] ?? 0);
              a[i * n + j] = s;
            }
          const x = solveCholesky(Float64Array.from(a), Float64Array.from(b), n);
          for (let i = 0; i < n; i++) {
            let s = 0;
            for (let j = 0; j < n; j++) s += (a[i * n + j] ?? 0) * (x[j] ?? 0);
            expect(Math.abs(s - (b[i] ?? 0))).toBeLessThan(1e-7 * (1 + Math.abs(b[i] ?? 0)) * 100);
          }
        },
      ),
    );
  });
});
