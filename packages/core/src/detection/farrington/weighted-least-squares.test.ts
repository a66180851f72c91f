import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Design, WeightedLeastSquares, designColumns } from './weighted-least-squares.ts';

interface Problem {
  design: Design;
  wt: Float64Array;
  z: Float64Array;
}

/** A random analysis-of-covariance problem where every level has rows and wtime varies within levels. */
const problem = fc
  .record({
    levels: fc.integer({ min: 1, max: 6 }),
    perLevel: fc.integer({ min: 3, max: 12 }),
    trend: fc.boolean(),
    start: fc.integer({ min: 1, max: 400 }),
    seed: fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 72, maxLength: 72 }),
  })
  .map(({ levels, perLevel, trend, start, seed }): Problem => {
    const rows = levels * perLevel;
    const level = Int32Array.from({ length: rows }, (_, i) => i % levels);
    const wtime = Float64Array.from({ length: rows }, (_, i) => start + i);
    const wt = Float64Array.from({ length: rows }, (_, i) => seed[i % 72]! / 100);
    const z = Float64Array.from({ length: rows }, (_, i) => Math.log(seed[(i * 7) % 72]!));
    return { design: { rows, trend, levels, level, wtime }, wt, z };
  });

const solveWith = ({ design, wt, z }: Problem, dense: boolean) => {
  const wls = new WeightedLeastSquares(design.rows, design.levels);
  const eta = new Float64Array(design.rows);
  wls.solve(design, wt, z, eta, dense);
  const coef = new Float64Array(designColumns(design));
  wls.coefficients(coef);
  const hat = new Float64Array(design.rows);
  wls.hatValues(wt, hat);
  const t0 = design.wtime[design.rows - 1]! + 30;
  return {
    wls,
    eta: Array.from(eta),
    coef: Array.from(coef),
    hat: Array.from(hat),
    prediction: wls.predict(design.levels - 1, t0),
    variance: wls.predictionVariance(design.levels - 1, t0),
    trendVariance: design.trend ? wls.trendVariance() : 0,
  };
};

const close = (a: number, b: number, tolerance: number) => Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));

describe('WeightedLeastSquares', () => {
  it('gives the closed-form fit of the dense QR: fitted values, coefficients, leverages, variances', () => {
    fc.assert(
      fc.property(problem, (p) => {
        const fast = solveWith(p, false);
        const dense = solveWith(p, true);
        expect(fast.wls.dense).toBe(false);
        expect(dense.wls.dense).toBe(true);
        expect(dense.wls.rank).toBe(designColumns(p.design));
        const pairs: [number, number][] = [
          ...fast.eta.map((x, i) => [x, dense.eta[i]!] as [number, number]),
          ...fast.coef.map((x, i) => [x, dense.coef[i]!] as [number, number]),
          ...fast.hat.map((x, i) => [x, dense.hat[i]!] as [number, number]),
          [fast.prediction, dense.prediction],
          [fast.variance, dense.variance],
          [fast.trendVariance, dense.trendVariance],
        ];
        for (const [a, b] of pairs) expect(close(a, b, 1e-7)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('hands a level whose weight has all but vanished to the dense QR', () => {
    fc.assert(
      fc.property(problem, fc.integer({ min: 20, max: 40 }), (p, exponent) => {
        fc.pre(p.design.levels > 1);
        const wt = p.wt.map((w, i) => (p.design.level[i] === 0 ? w * 10 ** -exponent : w));
        const { wls } = solveWith({ ...p, wt }, false);
        expect(wls.dense).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('lets R pivoting alias a level whose rows carry no weight at all relative to the rest', () => {
    // Level 0 is the reference level; its rows' weights of 1e-40 make the last
    // indicator column (level 2) numerically collinear with the intercept.
    const rows = 30;
    const design: Design = {
      rows,
      trend: true,
      levels: 3,
      level: Int32Array.from({ length: rows }, (_, i) => i % 3),
      wtime: Float64Array.from({ length: rows }, (_, i) => i + 1),
    };
    const wt = Float64Array.from({ length: rows }, (_, i) => (i % 3 === 0 ? 1e-40 : 1 + (i % 5)));
    const z = Float64Array.from({ length: rows }, (_, i) => Math.sin(i) + 2);
    const { wls, coef } = solveWith({ design, wt, z }, false);
    expect(wls.dense).toBe(true);
    // R 4.2.2: qr.coef(qr(X * sqrt(wt), tol = 1e-11), z * sqrt(wt)) = 2.41177980 -0.02061546 -0.02207902 NA
    expect(wls.rank).toBe(3);
    expect(coef[0]).toBeCloseTo(2.4117798, 7);
    expect(coef[1]).toBeCloseTo(-0.02061546, 8);
    expect(coef[2]).toBeCloseTo(-0.02207902, 8);
    expect(coef[3]).toBe(0);
  });
});
