/**
 * Upper bounds of `farringtonFlexible` (R `surveillance` 1.20.3), from the
 * prediction η̂₀ = x₀ᵀθ̂ at week k and its standard error se(η̂₀).
 *
 * - delta (Farrington et al. 1996): a normal bound on the 2/3-power scale,
 *   U = (μ̂₀^{2/3} + z_{1−α}·√(4/9·μ̂₀^{1/3}·τ))^{3/2}, τ = φ̂ + se(μ̂₀)²/μ̂₀,
 *   se(μ̂₀) = μ̂₀·se(η̂₀). One-sided z, unlike the old `algo.farrington`.
 * - nbPlugin (Noufaily et al. 2013): the 1−α quantile of a negative binomial
 *   with mean μ̂₀ and variance φ̂μ̂₀ (Poisson when φ̂ = 1).
 * - muan: the same with μ̂₀ raised to exp(η̂₀ + z_{1−α}·se(η̂₀)).
 *
 * The score is (y − f)/(U − f) with f = μ̂₀ for delta but f = η̂₀, on the
 * log scale, for nbPlugin and muan: an upstream quirk kept because the alarm
 * is defined through it.
 */
import { pnbinomUpper, pnormUpper, ppoisUpper, qnbinom, qnorm, qpois } from '../distributions.ts';
import type { PowerTransform, ThresholdMethod } from './control.ts';

export interface Threshold {
  /** NaN where R gives NA. */
  upper: number;
  /** Upper-tail probability of the observation. */
  pvalue: number;
  score: number;
  /** The mean the bound is built on: μ̂₀ (delta, nbPlugin) or its upper quantile (muan). */
  mean: number;
}

const EPS = 2.220446049250313e-16;

export const farringtonThreshold = (
  method: ThresholdMethod,
  eta0: number,
  seEta0: number,
  phi: number,
  alpha: number,
  observed: number,
  powertrans: PowerTransform,
): Threshold =>
  method === 'delta'
    ? deltaThreshold(eta0, seEta0, phi, alpha, observed, powertrans)
    : negativeBinomialThreshold(method, eta0, seEta0, phi, alpha, observed);

const deltaThreshold = (
  eta0: number,
  seEta0: number,
  phi: number,
  alpha: number,
  y: number,
  powertrans: PowerTransform,
): Threshold => {
  // predict.glm(type = "response"): μ̂₀ = linkinv(η̂₀), se = se(η̂₀)·mu.eta(η̂₀).
  const mu0 = Math.max(Math.exp(eta0), EPS);
  const seMu0 = seEta0 * mu0;
  const tau = phi + (seMu0 * seMu0) / mu0;
  let se: number;
  let exponent: number;
  if (powertrans === 'none') {
    se = Math.sqrt(mu0 * tau);
    exponent = 1;
  } else if (powertrans === '1/2') {
    se = Math.sqrt((1 / 4) * tau);
    exponent = 1 / 2;
  } else {
    se = Math.sqrt((4 / 9) * Math.pow(mu0, 1 / 3) * tau);
    exponent = 2 / 3;
  }
  const upper = Math.pow(Math.pow(mu0, exponent) + qnorm(1 - alpha) * se, 1 / exponent);
  const pvalue = pnormUpper(Math.pow(y, exponent), Math.pow(mu0, exponent), se);
  return { upper, pvalue, score: (y - mu0) / (upper - mu0), mean: mu0 };
};

const negativeBinomialThreshold = (
  method: 'nbPlugin' | 'muan',
  eta0: number,
  seEta0: number,
  phi: number,
  alpha: number,
  y: number,
): Threshold => {
  const mean = method === 'nbPlugin' ? Math.exp(eta0) : Math.exp(qnorm(1 - alpha, eta0, seEta0));
  if (mean === Number.POSITIVE_INFINITY) return { upper: Number.NaN, pvalue: Number.NaN, score: Number.NaN, mean };
  let upper: number;
  let pvalue: number;
  if (phi > 1) {
    const size = mean / (phi - 1);
    upper = qnbinom(1 - alpha, size, 1 / phi);
    pvalue = pnbinomUpper(y - 1, size, 1 / phi);
  } else {
    upper = qpois(1 - alpha, mean);
    pvalue = ppoisUpper(y - 1, mean);
  }
  return { upper, pvalue, score: (y - eta0) / (upper - eta0), mean };
};
