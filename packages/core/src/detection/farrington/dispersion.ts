/**
 * Dispersion, Anscombe residuals and outbreak down-weighting (Farrington et
 * al. 1996, §3.3; R `surveillance` `anscombe.residuals()` and
 * `algo.farrington.assign.weights()`).
 */

/** .Machine$double.eps, the floor of the fitted means. */
const EPS = 2.220446049250313e-16;

/**
 * R's `summary.glm` dispersion: Σ weights·r²/df over rows with a positive
 * weight, r = (y − μ)/μ the working residuals. With glm's working weights
 * (ω·μ from the last solve) this is the Pearson X²/(n − p); with the prior
 * weights ω alone it is the quantity R ends up using for standard errors,
 * because `surveillance` overwrites `model$weights` with ω.
 */
export const glmDispersion = (
  n: number,
  y: Float64Array,
  mu: Float64Array,
  weights: Float64Array,
  df: number,
): number => {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (!(weights[i]! > 0)) continue;
    const r = (y[i]! - mu[i]!) / mu[i]!;
    sum += weights[i]! * r * r;
  }
  return sum / df;
};

/**
 * s_j = 1.5·(y^{2/3}·μ^{−1/6} − μ^{1/2}) / √(φ·(1 − h_jj)), given y^{2/3}.
 * μ^{−1/6} is taken as exp(−η/6), five times cheaper than a power and equal
 * to it within rounding, except where μ sits on its floor ε.
 */
export const anscombeResiduals = (
  n: number,
  yTwoThirds: Float64Array,
  mu: Float64Array,
  eta: Float64Array,
  hat: Float64Array,
  phi: number,
  out: Float64Array,
): void => {
  for (let i = 0; i < n; i++) {
    const m = mu[i]!;
    const sixthRoot = m === EPS ? Math.pow(m, -1 / 6) : Math.exp(-eta[i]! / 6);
    const raw = 1.5 * (yTwoThirds[i]! * sixthRoot - Math.sqrt(m));
    out[i] = raw / Math.sqrt(phi * (1 - hat[i]!));
  }
};

/**
 * ω_j = γ·s_j^{−2} where s_j > c (a likely outbreak week), γ elsewhere, with
 * γ chosen so that Σω = n. The comparison is strict and one-sided. (A NaN
 * residual, from a leverage of exactly 1 and a perfect fit, makes R stop;
 * here it counts as an ordinary week.)
 */
export const outbreakWeights = (n: number, s: Float64Array, threshold: number, out: Float64Array): void => {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += s[i]! > threshold ? Math.pow(s[i]!, -2) : 1;
  const gamma = n / sum;
  for (let i = 0; i < n; i++) out[i] = s[i]! > threshold ? gamma * Math.pow(s[i]!, -2) : gamma;
};
