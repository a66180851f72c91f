/**
 * The weighted least-squares step of IRLS for Farrington's baseline model
 * log μ = α + β·wtime + γ_level (treatment contrasts, R's column order
 * intercept, wtime, levels 2..L).
 *
 * The design is an analysis of covariance: level indicators plus one
 * covariate. Its least-squares fit has a closed form (Frisch–Waugh): weighted
 * level means, and the slope from the covariate centred within levels. That
 * takes one pass over the rows instead of a dense QR, and it is at least as
 * accurate, because centring removes the cancellation between intercept and
 * wtime that makes the dense problem ill-conditioned.
 *
 * R's dense QR (`dqrdc2`, tolerance 1e-11) drops a column as aliased when
 * its norm, after the earlier columns are projected out, falls below 1e-11
 * of its own norm. That can only happen when some level's total weight is
 * vanishingly small next to another's (a block of zero counts whose fitted
 * means go to 0) or when wtime is nearly constant within levels. In those
 * cases, and only then, the solver runs the dense QR with R's pivoting, so
 * that the aliasing, and with it the fit, is R's.
 */
import { HouseholderQr } from './householder-qr.ts';

export interface Design {
  rows: number;
  trend: boolean;
  levels: number;
  /** 0-based level of each row. */
  level: Int32Array;
  wtime: Float64Array;
}

export const designColumns = (design: Design): number => 1 + (design.trend ? 1 : 0) + design.levels - 1;

/** Closed-form fits are used while every level's weight is above this share of the largest (far above R's 1e-22 pivot). */
const LEVEL_WEIGHT_RATIO = 1e-14;
/** ... and while wtime keeps this share of its sum of squares after centring, overall and within levels. */
const WITHIN_LEVEL_SPREAD = 1e-10;
/** R's `glm.fit` passes min(1e-7, epsilon/1000) = 1e-11 to `Cdqrls`. */
export const QR_TOLERANCE = 1e-11;

export class WeightedLeastSquares {
  rank = 0;
  /** Whether the last solve went through the dense QR. */
  dense = false;
  private design: Design | null = null;
  private readonly weight: Float64Array;
  private readonly meanWtime: Float64Array;
  private readonly meanZ: Float64Array;
  private spread = 0;
  private slope = 0;
  private readonly qr: HouseholderQr;
  private readonly coef: Float64Array;
  private readonly scratch: Float64Array;
  private readonly x0: Float64Array;

  constructor(maxRows: number, maxLevels: number) {
    const maxCols = maxLevels + 1;
    this.weight = new Float64Array(maxLevels);
    this.meanWtime = new Float64Array(maxLevels);
    this.meanZ = new Float64Array(maxLevels);
    this.qr = new HouseholderQr(maxRows, maxCols);
    this.coef = new Float64Array(maxCols);
    this.scratch = new Float64Array(Math.max(maxRows, maxCols));
    this.x0 = new Float64Array(maxCols);
  }

  /** Minimises Σ wt_i (z_i − x_iᵀθ)² and writes x_iᵀθ into `eta`. */
  solve(design: Design, wt: Float64Array, z: Float64Array, eta: Float64Array, forceDense = false): void {
    this.design = design;
    this.dense = forceDense || !this.solveByLevels(design, wt, z);
    if (this.dense) this.solveDense(design, wt, z);
    this.fitted(design, eta);
  }

  private solveByLevels(design: Design, wt: Float64Array, z: Float64Array): boolean {
    const { rows, levels, level, wtime, trend } = design;
    const { weight, meanWtime, meanZ } = this;
    weight.fill(0, 0, levels);
    meanWtime.fill(0, 0, levels);
    meanZ.fill(0, 0, levels);
    // Baseline rows come in runs of one level: sum a run in registers, then store it.
    let run = level[0]!;
    let sumW = 0;
    let sumWt = 0;
    let sumWz = 0;
    for (let i = 0; i < rows; i++) {
      const g = level[i]!;
      if (g !== run) {
        weight[run]! += sumW;
        meanWtime[run]! += sumWt;
        meanZ[run]! += sumWz;
        run = g;
        sumW = sumWt = sumWz = 0;
      }
      const w = wt[i]!;
      sumW += w;
      sumWt += w * wtime[i]!;
      sumWz += w * z[i]!;
    }
    if (rows > 0) {
      weight[run]! += sumW;
      meanWtime[run]! += sumWt;
      meanZ[run]! += sumWz;
    }
    let largest = 0;
    let smallest = Number.POSITIVE_INFINITY;
    let total = 0;
    let totalWtime = 0;
    for (let g = 0; g < levels; g++) {
      largest = Math.max(largest, weight[g]!);
      smallest = Math.min(smallest, weight[g]!);
      total += weight[g]!;
      totalWtime += meanWtime[g]!;
      meanWtime[g] = meanWtime[g]! / weight[g]!;
      meanZ[g] = meanZ[g]! / weight[g]!;
    }
    if (!(smallest > LEVEL_WEIGHT_RATIO * largest) || !Number.isFinite(largest)) return false;
    this.rank = designColumns(design);
    if (!trend) return true;
    let within = 0;
    let cross = 0;
    for (let i = 0; i < rows; i++) {
      const g = level[i]!;
      const w = wt[i]!;
      const dt = wtime[i]! - meanWtime[g]!;
      within += w * dt * dt;
      cross += w * dt * (z[i]! - meanZ[g]!);
    }
    // Spread about the overall mean = within-level spread + between-level spread.
    const centre = totalWtime / total;
    let overall = within;
    for (let g = 0; g < levels; g++) overall += weight[g]! * (meanWtime[g]! - centre) * (meanWtime[g]! - centre);
    // wtime must keep its spread about the overall mean (R pivots it after the intercept) and within levels.
    const squares = overall + total * centre * centre;
    if (!(overall > WITHIN_LEVEL_SPREAD * squares) || !(within > WITHIN_LEVEL_SPREAD * overall)) return false;
    this.spread = within;
    this.slope = cross / within;
    return true;
  }

  /** R's `Cdqrls(x * w, z * w, 1e-11)` with w = √wt. */
  private solveDense(design: Design, wt: Float64Array, z: Float64Array): void {
    const { rows, level, wtime, trend } = design;
    const { qr, scratch } = this;
    const cols = designColumns(design);
    const offset = trend ? 2 : 1;
    const a = qr.qr;
    a.fill(0, 0, rows * cols);
    for (let i = 0; i < rows; i++) {
      const w = Math.sqrt(wt[i]!);
      a[i] = w;
      if (trend) a[rows + i] = w * wtime[i]!;
      const g = level[i]!;
      if (g > 0) a[(offset + g - 1) * rows + i] = w;
      scratch[i] = z[i]! * w;
    }
    qr.decompose(rows, cols, QR_TOLERANCE);
    qr.applyQt(scratch);
    qr.solve(scratch, this.coef);
    this.rank = qr.rank;
  }

  private fitted(design: Design, eta: Float64Array): void {
    const { rows, level, wtime } = design;
    if (this.dense) {
      for (let i = 0; i < rows; i++) eta[i] = this.predict(level[i]!, wtime[i]!);
      return;
    }
    const { meanZ, meanWtime } = this;
    const slope = design.trend ? this.slope : 0;
    for (let i = 0; i < rows; i++) {
      const g = level[i]!;
      eta[i] = meanZ[g]! + slope * (wtime[i]! - meanWtime[g]!);
    }
  }

  /** x₀ᵀθ for a week of level `g` at time `t`. */
  predict(g: number, t: number): number {
    const design = this.design!;
    if (!this.dense) {
      const base = this.meanZ[g]!;
      return design.trend ? base + this.slope * (t - this.meanWtime[g]!) : base;
    }
    const { coef } = this;
    let eta = coef[0]!;
    if (design.trend) eta += coef[1]! * t;
    if (g > 0) eta += coef[(design.trend ? 2 : 1) + g - 1]!;
    return eta;
  }

  /** Coefficients in R's order and treatment coding (aliased ones 0). */
  coefficients(out: Float64Array): void {
    const design = this.design!;
    if (this.dense) {
      out.set(this.coef.subarray(0, designColumns(design)));
      return;
    }
    const offset = design.trend ? 2 : 1;
    const intercept = this.predict(0, 0);
    out[0] = intercept;
    if (design.trend) out[1] = this.slope;
    for (let g = 1; g < design.levels; g++) out[offset + g - 1] = this.predict(g, 0) - intercept;
  }

  /** Leverages of the last solve, with R's rounding of values within 10ε of 1 to 1. */
  hatValues(wt: Float64Array, out: Float64Array): void {
    const design = this.design!;
    if (this.dense) {
      this.qr.hatValues(out, this.scratch);
      return;
    }
    for (let i = 0; i < design.rows; i++) {
      const g = design.level[i]!;
      let h = wt[i]! / this.weight[g]!;
      if (design.trend) {
        const dt = design.wtime[i]! - this.meanWtime[g]!;
        h += (wt[i]! * dt * dt) / this.spread;
      }
      out[i] = h >= 1 - 10 * Number.EPSILON ? 1 : h;
    }
  }

  /** x₀ᵀ(XᵀWX)⁻¹x₀ for a week of level g at time t (to be scaled by the dispersion). */
  predictionVariance(g: number, t: number): number {
    const design = this.design!;
    if (!this.dense) {
      let v = 1 / this.weight[g]!;
      if (design.trend) v += ((t - this.meanWtime[g]!) * (t - this.meanWtime[g]!)) / this.spread;
      return v;
    }
    const x0 = this.x0;
    x0.fill(0, 0, designColumns(design));
    x0[0] = 1;
    if (design.trend) x0[1] = t;
    if (g > 0) x0[(design.trend ? 2 : 1) + g - 1] = 1;
    return this.qr.inverseQuadraticForm(x0);
  }

  /** (XᵀWX)⁻¹ for the wtime coefficient; NaN when wtime is aliased. */
  trendVariance(): number {
    if (!this.dense) return 1 / this.spread;
    if (this.qr.positionOf(1) < 0) return Number.NaN;
    const x0 = this.x0;
    x0.fill(0, 0, designColumns(this.design!));
    x0[1] = 1;
    return this.qr.inverseQuadraticForm(x0);
  }
}
