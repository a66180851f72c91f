/**
 * The baseline model of week k: R's `algo.farrington.fitGLM.flexible()` (fit,
 * dispersion, reweighting) and `algo.farrington.glm()` (trend decision and
 * prediction), in surveillance 1.20.3.
 *
 * 1. Quasi-Poisson fit; if it does not converge, again without the trend; if
 *    that fails too the week has no result.
 * 2. φ̂₀ = max(1, Pearson X²/(n − p)); Anscombe residuals with the hat values
 *    of that fit; outbreak weights ω; refit with prior weights ω (from y + 0.1
 *    again, convergence not checked, as in R); φ̂ = max(1, X²_ω/(n − p)).
 * 3. R then sets `model$weights <- ω`, so `summary.glm` and `predict.glm`
 *    use D_q = Σ ω·r²/(n − p) (no μ factor) for every standard error: the
 *    trend's t-test and se(η̂₀). Reproduced here on purpose.
 * 4. The trend stays iff b ≥ 3, its two-sided t-test p-value (df = n − p)
 *    is below pThresholdTrend, and exp(η̂₀) ≤ the largest baseline count;
 *    otherwise steps 1–3 are redone without it.
 */
import { pt } from '../distributions.ts';
import type { Baseline } from './blocks.ts';
import type { FarringtonControl } from './control.ts';
import { anscombeResiduals, glmDispersion, outbreakWeights } from './dispersion.ts';
import { type CountTransforms, QuasiPoissonIrls } from './glm-irls.ts';
import { type Design, designColumns } from './weighted-least-squares.ts';

export interface FarringtonPrediction {
  eta0: number;
  seEta0: number;
  phi: number;
  trend: boolean;
  /** Slope of the kept trend, NaN without trend. */
  trendCoef: number;
}

/** Intermediate values of one flexible fit, filled only when a test asks for them. */
export interface FitStages {
  coefUnweighted: number[];
  iterUnweighted: number;
  phiUnweighted: number;
  hatUnweighted: number[];
  anscombe: number[];
  omega: number[];
  coefWeighted: number[];
  iterWeighted: number;
  phi: number;
  dispersionForSe: number;
}

/** What a test can ask `predict` to record: every flexible fit in order, and the trend test. */
export interface FitTrace {
  fits: FitStages[];
  trendPvalue?: number;
}

interface FlexibleFit {
  trend: boolean;
  phi: number;
  /** Dispersion behind every standard error (D_q with reweighting). */
  dispersionForSe: number;
  df: number;
  eta0: number;
  varianceEta0: number;
  trendCoef: number;
  trendVariance: number;
}

export class FarringtonModel {
  private readonly irls: QuasiPoissonIrls;
  private readonly hat: Float64Array;
  private readonly residuals: Float64Array;
  private readonly omega: Float64Array;
  private readonly coef: Float64Array;
  private readonly design: Design;

  /**
   * `transforms` are those of the series the baselines come from (computed
   * per week when absent); `denseOnly` forces R's dense QR in every solve
   * (tests use it to check the closed-form path).
   */
  constructor(
    maxRows: number,
    maxLevels: number,
    private readonly denseOnly = false,
    private readonly transforms?: CountTransforms,
  ) {
    this.irls = new QuasiPoissonIrls(maxRows, maxLevels);
    this.hat = new Float64Array(maxRows);
    this.residuals = new Float64Array(maxRows);
    this.omega = new Float64Array(maxRows);
    this.coef = new Float64Array(maxLevels + 1);
    this.design = { rows: 0, trend: false, levels: 1, level: new Int32Array(0), wtime: new Float64Array(0) };
  }

  /** Fits the baseline and predicts week k, or returns null when R would give NA. */
  predict(baseline: Baseline, control: FarringtonControl, trace?: FitTrace): FarringtonPrediction | null {
    if (baseline.currentLevel < 0) return null;
    this.irls.setResponse(baseline.response, baseline.size, this.transforms, baseline.week);
    let fit = this.fitFlexible(baseline, control, control.trend, trace);
    if (fit === null) return null;
    let trend = false;
    if (fit.trend) {
      const t = fit.trendCoef / Math.sqrt(fit.dispersionForSe * fit.trendVariance);
      const pvalue = 2 * pt(-Math.abs(t), fit.df);
      if (trace) trace.trendPvalue = pvalue;
      const predicted = Math.max(Math.exp(fit.eta0), 2.220446049250313e-16);
      trend = control.b >= 3 && pvalue < control.pThresholdTrend && predicted <= maxOf(baseline.response, baseline.size);
      if (!trend) fit = this.fitFlexible(baseline, control, false, trace);
      if (fit === null) return null;
    }
    return {
      eta0: fit.eta0,
      seEta0: Math.sqrt(fit.varianceEta0 * fit.dispersionForSe),
      phi: fit.phi,
      trend,
      trendCoef: trend ? fit.trendCoef : Number.NaN,
    };
  }

  private fitFlexible(baseline: Baseline, control: FarringtonControl, trend: boolean, trace?: FitTrace): FlexibleFit | null {
    const { irls, design } = this;
    const stages = trace ? ({} as FitStages) : undefined;
    if (stages) trace!.fits.push(stages);
    const y = baseline.response;
    const n = baseline.size;
    Object.assign(design, { rows: n, trend, levels: baseline.levels, level: baseline.level, wtime: baseline.wtime });
    let outcome = irls.fit(design, null, this.denseOnly);
    if (!outcome.converged && trend) {
      design.trend = false;
      outcome = irls.fit(design, null, this.denseOnly);
    }
    if (!outcome.converged) return null;
    const df0 = irls.usedRows - irls.wls.rank;
    const dispersion0 = glmDispersion(n, y, irls.mu, irls.wt, df0);
    const phi0 = Math.max(dispersion0, 1);
    if (stages) this.recordUnweighted(stages, n, outcome.iterations, phi0);
    if (!control.reweight) return this.summarise(baseline, phi0, dispersion0, df0);
    irls.wls.hatValues(irls.wt, this.hat);
    anscombeResiduals(n, irls.yTwoThirds, irls.mu, irls.eta, this.hat, phi0, this.residuals);
    outbreakWeights(n, this.residuals, control.weightsThreshold, this.omega);
    const weighted = irls.fit(design, this.omega, this.denseOnly);
    const df = irls.usedRows - irls.wls.rank;
    const phi = Math.max(glmDispersion(n, y, irls.mu, irls.wt, df), 1);
    const dispersionForSe = glmDispersion(n, y, irls.mu, this.omega, df);
    if (stages) this.recordWeighted(stages, n, weighted.iterations, phi, dispersionForSe);
    return this.summarise(baseline, phi, dispersionForSe, df);
  }

  private summarise(baseline: Baseline, phi: number, dispersionForSe: number, df: number): FlexibleFit {
    const { wls } = this.irls;
    const { trend } = this.design;
    wls.coefficients(this.coef);
    return {
      trend,
      phi,
      dispersionForSe,
      df,
      eta0: wls.predict(baseline.currentLevel, baseline.currentWtime),
      varianceEta0: wls.predictionVariance(baseline.currentLevel, baseline.currentWtime),
      trendCoef: trend ? this.coef[1]! : Number.NaN,
      trendVariance: trend ? wls.trendVariance() : Number.NaN,
    };
  }

  private recordUnweighted(stages: FitStages, n: number, iterations: number, phi0: number): void {
    const { wls, wt } = this.irls;
    wls.coefficients(this.coef);
    stages.coefUnweighted = Array.from(this.coef.subarray(0, designColumns(this.design)));
    stages.iterUnweighted = iterations;
    stages.phiUnweighted = phi0;
    wls.hatValues(wt, this.hat);
    stages.hatUnweighted = Array.from(this.hat.subarray(0, n));
    // Filled after the weights are computed, from the same buffers.
    stages.anscombe = [];
    stages.omega = [];
  }

  private recordWeighted(stages: FitStages, n: number, iterations: number, phi: number, dispersionForSe: number): void {
    this.irls.wls.coefficients(this.coef);
    stages.anscombe = Array.from(this.residuals.subarray(0, n));
    stages.omega = Array.from(this.omega.subarray(0, n));
    stages.coefWeighted = Array.from(this.coef.subarray(0, designColumns(this.design)));
    stages.iterWeighted = iterations;
    stages.phi = phi;
    stages.dispersionForSe = dispersionForSe;
  }
}

const maxOf = (x: Float64Array, n: number): number => {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) if (x[i]! > max) max = x[i]!;
  return max;
};
