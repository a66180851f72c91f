import negativeBinomialCdf from '@stdlib/stats-base-dists-negative-binomial-cdf';
import poissonCdf from '@stdlib/stats-base-dists-poisson-cdf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pnbinomUpper, pnormUpper, qnbinom, qpois } from './distributions.ts';

describe('distribution functions on R parametrisations', () => {
  // Expected values printed by R 4.2.2.
  it('matches R far out in the tails and for huge means', () => {
    expect(pnormUpper(10, 0, 1) / 7.61985302416053e-24).toBeCloseTo(1, 12);
    expect(qnbinom(0.95, 1e9 / 0.5, 1 / 1.5)).toBe(1000063705);
    expect(qpois(0.95, 3e10)).toBe(30000284897);
    expect(pnbinomUpper(10000, 20000, 2 / 3)).toBeCloseTo(0.497285576033654, 12);
    expect(pnbinomUpper(10300, 20000, 2 / 3)).toBeCloseTo(0.0073413915389573, 12);
    expect(qnbinom(0.95, 0, 0.5)).toBe(0);
  });

  it('returns the smallest count whose cdf reaches p, on both sides of the bisection limit', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 12, noNaN: true }), fc.double({ min: 1.01, max: 4, noNaN: true }), (log10Mean, phi) => {
        const mean = 10 ** log10Mean;
        const size = mean / (phi - 1);
        const q = qnbinom(0.95, size, 1 / phi);
        expect(negativeBinomialCdf(q, size, 1 / phi)).toBeGreaterThanOrEqual(0.95);
        expect(negativeBinomialCdf(q - 1, size, 1 / phi)).toBeLessThan(0.95);
        const p = qpois(0.95, mean);
        expect(poissonCdf(p, mean)).toBeGreaterThanOrEqual(0.95);
        expect(poissonCdf(p - 1, mean)).toBeLessThan(0.95);
      }),
      { numRuns: 60 },
    );
  });
});
