/**
 * L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least squares), with step
 * halving so the penalised objective never increases. Every sum runs in row order and column order, so the same
 * design gives the same coefficients, bit for bit, on every run.
 *
 * Minimises  Σ_i [log(1 + e^{η_i}) − y_i η_i] + (λ/2) Σ_{j penalised} β_j²,  η = Xβ.
 */
import { assert } from '../result.ts';

/** A design matrix in compressed sparse row form; within a row, column indices increase. */
export interface SparseDesign {
  readonly rowCount: number;
  readonly columnCount: number;
  /** Row i's entries are `indices/values[rowStart[i] .. rowStart[i + 1])`. */
  readonly rowStart: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

export interface LogisticFitOptions {
  /** λ > 0. */
  readonly l2: number;
  /** Columns left out of the penalty (the intercept). */
  readonly unpenalised: readonly number[];
  readonly maxIterations: number;
  /** Converged when no coefficient moves by more than this in a step. */
  readonly tolerance: number;
}

export interface LogisticFit {
  readonly coefficients: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
  /** −2 × log-likelihood at the coefficients (the penalty left out). */
  readonly deviance: number;
}

/** σ(η) = 1 / (1 + e^{−η}), without overflow for large |η|. */
export function computeSigmoid(eta: number): number {
  if (eta >= 0) return 1 / (1 + Math.exp(-eta));
  const e = Math.exp(eta);
  return e / (1 + e);
}

/** log(1 + e^{η}), without overflow for large η. */
function computeSoftplus(eta: number): number {
  return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
}

function computeLinearPredictors(design: SparseDesign, beta: Float64Array, out: Float64Array): void {
  for (let i = 0; i < design.rowCount; i++) {
    let eta = 0;
    const end = design.rowStart[i + 1] ?? 0;
    for (let k = design.rowStart[i] ?? 0; k < end; k++)
      eta += (design.values[k] ?? 0) * (beta[design.indices[k] ?? 0] ?? 0);
    out[i] = eta;
  }
}

/** Σ_i [softplus(η_i) − y_i η_i]: half the deviance. */
function computeNegativeLogLikelihood(eta: Float64Array, labels: Uint8Array): number {
  let total = 0;
  for (let i = 0; i < eta.length; i++) {
    const e = eta[i] ?? 0;
    total += computeSoftplus(e) - (labels[i] ?? 0) * e;
  }
  return total;
}

function computePenalty(beta: Float64Array, penalised: Uint8Array, l2: number): number {
  let total = 0;
  for (let j = 0; j < beta.length; j++) if (penalised[j] === 1) total += (beta[j] ?? 0) ** 2;
  return (l2 / 2) * total;
}

/**
 * Solves A x = b for a symmetric positive definite A (row-major, n × n) by Cholesky decomposition; A is
 * overwritten. A pivot that rounding drives to ≤ 0 is replaced by a tiny positive one, so the solve never fails.
 */
export function solveCholesky(a: Float64Array, b: Float64Array, n: number): Float64Array {
  let maxDiagonal = 0;
  for (let i = 0; i < n; i++) maxDiagonal = Math.max(maxDiagonal, Math.abs(a[i * n + i] ?? 0));
  const floor = Math.max(maxDiagonal, 1) * 1e-13;
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j] ?? 0;
    for (let k = 0; k < j; k++) d -= (a[j * n + k] ?? 0) ** 2;
    const pivot = Math.sqrt(d > floor ? d : floor);
    a[j * n + j] = pivot;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j] ?? 0;
      for (let k = 0; k < j; k++) s -= (a[i * n + k] ?? 0) * (a[j * n + k] ?? 0);
      a[i * n + j] = s / pivot;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i] ?? 0;
    for (let k = 0; k < i; k++) s -= (a[i * n + k] ?? 0) * (y[k] ?? 0);
    y[i] = s / (a[i * n + i] ?? 1);
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i] ?? 0;
    for (let k = i + 1; k < n; k++) s -= (a[k * n + i] ?? 0) * (x[k] ?? 0);
    x[i] = s / (a[i * n + i] ?? 1);
  }
  return x;
}

/**
 * Fits the coefficients. `labels[i]` is 0 or 1. Requires λ > 0 (then the objective is strictly convex in the
 * penalised columns) and at least one row.
 */
export function fitLogisticRegression(
  design: SparseDesign,
  labels: Uint8Array,
  options: LogisticFitOptions,
): LogisticFit {
  const n = design.rowCount;
  const p = design.columnCount;
  assert(n > 0 && labels.length === n, 'fitLogisticRegression: labels must match the rows');
  assert(options.l2 > 0 && Number.isFinite(options.l2), 'fitLogisticRegression: λ must be > 0');
  const penalised = new Uint8Array(p).fill(1);
  for (const j of options.unpenalised) penalised[j] = 0;

  let beta = new Float64Array(p);
  const eta = new Float64Array(n);
  computeLinearPredictors(design, beta, eta);
  let objective = computeNegativeLogLikelihood(eta, labels) + computePenalty(beta, penalised, options.l2);
  let iterations = 0;
  let converged = false;
  const hessian = new Float64Array(p * p);
  const gradient = new Float64Array(p);

  while (iterations < options.maxIterations && !converged) {
    iterations += 1;
    hessian.fill(0);
    gradient.fill(0);
    for (let i = 0; i < n; i++) {
      const mu = computeSigmoid(eta[i] ?? 0);
      const w = mu * (1 - mu);
      const residual = mu - (labels[i] ?? 0);
      const start = design.rowStart[i] ?? 0;
      const end = design.rowStart[i + 1] ?? 0;
      for (let a = start; a < end; a++) {
        const ja = design.indices[a] ?? 0;
        const va = design.values[a] ?? 0;
        gradient[ja] = (gradient[ja] ?? 0) + va * residual;
        const wva = w * va;
        for (let b = a; b < end; b++) {
          const cell = ja * p + (design.indices[b] ?? 0);
          hessian[cell] = (hessian[cell] ?? 0) + wva * (design.values[b] ?? 0);
        }
      }
    }
    for (let j = 0; j < p; j++) {
      if (penalised[j] === 1) {
        gradient[j] = (gradient[j] ?? 0) + options.l2 * (beta[j] ?? 0);
        hessian[j * p + j] = (hessian[j * p + j] ?? 0) + options.l2;
      }
      for (let k = j + 1; k < p; k++) hessian[k * p + j] = hessian[j * p + k] ?? 0;
    }
    const step = solveCholesky(hessian, gradient, p);

    let scale = 1;
    let accepted = false;
    for (let halvings = 0; halvings < 40; halvings++) {
      const candidate = new Float64Array(p);
      for (let j = 0; j < p; j++) candidate[j] = (beta[j] ?? 0) - scale * (step[j] ?? 0);
      computeLinearPredictors(design, candidate, eta);
      const candidateObjective =
        computeNegativeLogLikelihood(eta, labels) + computePenalty(candidate, penalised, options.l2);
      if (candidateObjective <= objective) {
        let largestMove = 0;
        for (let j = 0; j < p; j++) largestMove = Math.max(largestMove, Math.abs(scale * (step[j] ?? 0)));
        beta = candidate;
        objective = candidateObjective;
        converged = largestMove < options.tolerance;
        accepted = true;
        break;
      }
      scale /= 2;
    }
    if (!accepted) {
      // No step lowers the objective any more: we are at the minimum to machine precision.
      computeLinearPredictors(design, beta, eta);
      converged = true;
    }
  }
  return {
    coefficients: beta,
    iterations,
    converged,
    deviance: 2 * computeNegativeLogLikelihood(eta, labels),
  };
}
