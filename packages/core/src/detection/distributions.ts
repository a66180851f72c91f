/**
 * The distribution functions detection needs, on R's parametrisations.
 * stdlib's quantile and cdf functions agree with R on thousands of random
 * cases (lib-r-math.js does not: its `pt` and `pnbinom` drift by 1e-9 and
 * 3e-4). stdlib's discrete quantiles step one unit at a time from a
 * Cornish–Fisher guess, which stalls once counts pass 2^53; far out, a
 * bisection on the cdf replaces the stepping.
 */
import negativeBinomialCdf from '@stdlib/stats-base-dists-negative-binomial-cdf';
import negativeBinomialQuantile from '@stdlib/stats-base-dists-negative-binomial-quantile';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import poissonCdf from '@stdlib/stats-base-dists-poisson-cdf';
import poissonQuantile from '@stdlib/stats-base-dists-poisson-quantile';
import studentTCdf from '@stdlib/stats-base-dists-t-cdf';

/** Above this mean the unit-step search is replaced by bisection. */
const STEP_SEARCH_LIMIT = 1e7;

/** R's qnorm(p, mean, sd). */
export const qnorm = (p: number, mean = 0, sd = 1): number => normalQuantile(p, mean, sd);

/** R's pnorm(x, mean, sd, lower.tail = FALSE), computed on the mirrored lower tail for accuracy. */
export const pnormUpper = (x: number, mean: number, sd: number): number => normalCdf(-x, -mean, sd);

/** R's pt(x, df). */
export const pt = (x: number, df: number): number => studentTCdf(x, df);

/** R's qnbinom(p, size, prob): the smallest x with P(X ≤ x) ≥ p. */
export const qnbinom = (p: number, size: number, prob: number): number => {
  if (size === 0) return 0; // R: all mass at 0
  const mean = (size * (1 - prob)) / prob;
  if (mean < STEP_SEARCH_LIMIT) return negativeBinomialQuantile(p, size, prob);
  const sd = Math.sqrt(size * (1 - prob)) / prob;
  return bisectQuantile(p, mean, sd, (x) => negativeBinomialCdf(x, size, prob));
};

/** R's pnbinom(x, size, prob, lower.tail = FALSE). */
export const pnbinomUpper = (x: number, size: number, prob: number): number =>
  size === 0 ? (x < 0 ? 1 : 0) : 1 - negativeBinomialCdf(x, size, prob);

/** R's qpois(p, lambda). */
export const qpois = (p: number, lambda: number): number =>
  lambda < STEP_SEARCH_LIMIT
    ? poissonQuantile(p, lambda)
    : bisectQuantile(p, lambda, Math.sqrt(lambda), (x) => poissonCdf(x, lambda));

/** R's ppois(x, lambda, lower.tail = FALSE). */
export const ppoisUpper = (x: number, lambda: number): number => 1 - poissonCdf(x, lambda);

/** Smallest whole x with cdf(x) ≥ p, bracketing around the mean and halving the bracket. */
const bisectQuantile = (p: number, mean: number, sd: number, cdf: (x: number) => number): number => {
  let step = Math.max(1, 10 * sd);
  let lo = Math.max(0, Math.floor(mean - step));
  while (lo > 0 && cdf(lo) >= p) {
    step *= 2;
    lo = Math.max(0, Math.floor(mean - step));
  }
  step = Math.max(1, 10 * sd);
  let hi = Math.ceil(mean + step);
  while (cdf(hi) < p) {
    step *= 2;
    hi = Math.ceil(mean + step);
  }
  if (lo === 0 && cdf(0) >= p) return 0;
  for (;;) {
    const mid = Math.floor(lo + (hi - lo) / 2);
    if (mid <= lo || mid >= hi) return hi;
    if (cdf(mid) >= p) hi = mid;
    else lo = mid;
  }
};
