import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HouseholderQr } from './householder-qr.ts';

/** Column-major copy of a row-major matrix into the QR's buffer. */
const load = (qr: HouseholderQr, rows: number[][]): void => {
  const n = rows.length;
  rows.forEach((row, i) => row.forEach((value, j) => (qr.qr[j * n + i] = value)));
};

const leastSquares = (rows: number[][], y: number[]) => {
  const n = rows.length;
  const p = rows[0]!.length;
  const qr = new HouseholderQr(n, p);
  load(qr, rows);
  qr.decompose(n, p, 1e-11);
  const qty = Float64Array.from(y);
  qr.applyQt(qty);
  const coef = new Float64Array(p);
  qr.solve(qty, coef);
  const hat = new Float64Array(n);
  qr.hatValues(hat, new Float64Array(n));
  return { qr, coef: Array.from(coef), hat: Array.from(hat) };
};

describe('HouseholderQr (R dqrdc2 with tol 1e-11)', () => {
  // Expected values printed by R 4.2.2: qr(X, tol = 1e-11)$pivot, $rank, qr.coef(), rowSums(qr.Q()^2).
  it('moves a zero column to the right edge and leaves it out of the rank', () => {
    const rows = [1, 2, 3, 4, 5, 6].map((t) => [1, 0, t]);
    const { qr } = leastSquares(rows, [1, 3, 2, 5, 4, 6]);
    expect(Array.from(qr.pivot)).toEqual([0, 2, 1]);
    expect(qr.rank).toBe(2);
  });

  it('drops the later of two collinear columns and gives it a zero coefficient', () => {
    const rows = [1, 2, 3, 4, 5, 6].map((t) => [1, t, 2 * t, t % 2 === 0 ? 1 : 0]);
    const { qr, coef } = leastSquares(rows, [1, 3, 2, 5, 4, 6]);
    expect(Array.from(qr.pivot)).toEqual([0, 1, 3, 2]);
    expect(qr.rank).toBe(3);
    expect(coef[0]).toBeCloseTo(0.08333333, 7);
    expect(coef[1]).toBeCloseTo(0.75, 12);
    expect(coef[2]).toBe(0);
    expect(coef[3]).toBeCloseTo(1.58333333, 7);
  });

  it('treats a column in the span of earlier ones as aliased without moving it (R keeps it last)', () => {
    const rows = [1, 2, 3, 4, 5, 6].map((t) => [1, t, t <= 3 ? 1 : 0, t <= 3 ? 0 : 1]);
    const { qr, coef, hat } = leastSquares(rows, [1, 3, 2, 5, 4, 6]);
    expect(qr.rank).toBe(3);
    expect(coef.map((c) => Math.round(c * 1e12) / 1e12)).toEqual([2.5, 0.5, -1.5, 0]);
    const r = [0.5833333, 0.3333333, 0.5833333, 0.5833333, 0.3333333, 0.5833333];
    hat.forEach((h, i) => expect(h).toBeCloseTo(r[i]!, 7));
  });

  it('solves full-rank least squares: the residual is orthogonal to every column', () => {
    // Values on a grid of 0.01: no subnormals, which LINPACK's scaling by 1/norm cannot take either.
    const entry = fc.integer({ min: -1000, max: 1000 }).map((x) => x / 100);
    const matrix = fc.integer({ min: 2, max: 5 }).chain((p) =>
      fc.tuple(
        fc.array(fc.array(entry, { minLength: p, maxLength: p }), {
          minLength: p + 3,
          maxLength: 30,
        }),
        fc.constant(p),
      ),
    );
    fc.assert(
      fc.property(matrix, fc.array(entry, { minLength: 30, maxLength: 30 }), ([rows, p], ys) => {
        const y = ys.slice(0, rows.length);
        const { qr, coef, hat } = leastSquares(rows, y);
        fc.pre(qr.rank === p);
        const residual = rows.map((row, i) => y[i]! - row.reduce((sum, x, j) => sum + x * coef[j]!, 0));
        for (let j = 0; j < p; j++) {
          const dot = rows.reduce((sum, row, i) => sum + row[j]! * residual[i]!, 0);
          const scale = rows.reduce((sum, row, i) => sum + Math.abs(row[j]! * y[i]!), 1);
          expect(Math.abs(dot)).toBeLessThan(1e-8 * scale);
        }
        // The hat matrix is a projection of rank p: its trace is p and each leverage lies in [0, 1].
        expect(hat.reduce((a, b) => a + b, 0)).toBeCloseTo(p, 9);
        for (const h of hat) expect(h).toBeGreaterThanOrEqual(-1e-12);
        for (const h of hat) expect(h).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });

  it('gives xᵀ(XᵀX)⁻¹x = leverage of a row of X', () => {
    const rows = [1, 2, 3, 4, 5, 6, 7].map((t) => [1, t, t * t]);
    const { qr, hat } = leastSquares(rows, [3, 1, 4, 1, 5, 9, 2]);
    rows.forEach((row, i) => expect(qr.inverseQuadraticForm(Float64Array.from(row))).toBeCloseTo(hat[i]!, 12));
  });
});
