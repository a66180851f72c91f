/**
 * Householder QR with R's limited column pivoting: LINPACK `dqrdc2` as
 * modified for R (Ihaka 1995, Ripley 1999), and the parts of `dqrsl` that
 * `Cdqrls` (the least-squares solver inside `glm.fit`) and `lm.influence` use.
 *
 * A column whose norm, after the earlier columns are projected out, falls
 * below `tol` times its original norm is moved to the right edge and left out
 * of the rank. R's glm uses tol = 1e-11; the coefficients of such aliased
 * columns are 0 in the fit. This matters on degenerate series, where a
 * seasonal block of zeros drives its weights towards 0.
 *
 * Storage is column-major with leading dimension `rows`, in buffers sized
 * once and reused.
 */
export class HouseholderQr {
  rows = 0;
  cols = 0;
  rank = 0;
  /** On input the matrix; after `decompose`, R above the diagonal and the Householder vectors below. */
  readonly qr: Float64Array;
  readonly qraux: Float64Array;
  /** pivot[j] = original column now in position j. */
  readonly pivot: Int32Array;
  private readonly norms: Float64Array;
  private readonly originalNorms: Float64Array;
  private readonly column: Float64Array;

  constructor(maxRows: number, maxCols: number) {
    this.qr = new Float64Array(maxRows * maxCols);
    this.qraux = new Float64Array(maxCols);
    this.pivot = new Int32Array(maxCols);
    this.norms = new Float64Array(maxCols);
    this.originalNorms = new Float64Array(maxCols);
    this.column = new Float64Array(maxRows);
  }

  /** Factorises the `rows` × `cols` matrix already written into `qr`. */
  decompose(rows: number, cols: number, tol: number): void {
    this.rows = rows;
    this.cols = cols;
    const { qr, qraux, norms, originalNorms, pivot } = this;
    const n = rows;
    for (let j = 0; j < cols; j++) {
      pivot[j] = j;
      qraux[j] = norm(qr, j * n, n);
      norms[j] = qraux[j]!;
      originalNorms[j] = qraux[j] === 0 ? 1 : qraux[j]!;
    }
    let k = cols + 1; // 1-based, as in the Fortran: columns k.. are negligible
    const steps = Math.min(n, cols);
    for (let l = 0; l < steps; l++) {
      // Cycle negligible columns to the right edge until column l is not negligible.
      while (l + 1 < k && qraux[l]! < originalNorms[l]! * tol) {
        this.moveToEnd(l);
        k--;
      }
      if (l === n - 1) continue;
      this.reflect(l);
    }
    this.rank = Math.min(k - 1, n);
  }

  private moveToEnd(l: number): void {
    const { qr, qraux, norms, originalNorms, pivot, rows: n, cols } = this;
    const last = cols - 1;
    this.column.set(qr.subarray(l * n, l * n + n));
    qr.copyWithin(l * n, (l + 1) * n, cols * n);
    qr.set(this.column.subarray(0, n), last * n);
    const [p, a, b, c] = [pivot[l]!, qraux[l]!, norms[l]!, originalNorms[l]!];
    pivot.copyWithin(l, l + 1, cols);
    qraux.copyWithin(l, l + 1, cols);
    norms.copyWithin(l, l + 1, cols);
    originalNorms.copyWithin(l, l + 1, cols);
    pivot[last] = p;
    qraux[last] = a;
    norms[last] = b;
    originalNorms[last] = c;
  }

  /** Householder transformation of column l, applied to the columns on its right with norm downdating. */
  private reflect(l: number): void {
    const { qr, qraux, norms, rows: n, cols } = this;
    const cl = l * n;
    let nrmxl = norm(qr, cl + l, n - l);
    if (nrmxl === 0) return;
    if (qr[cl + l] !== 0) nrmxl = Math.sign(qr[cl + l]!) * Math.abs(nrmxl);
    const scale = 1 / nrmxl;
    for (let i = l; i < n; i++) qr[cl + i]! *= scale;
    qr[cl + l] = 1 + qr[cl + l]!;
    const pivotValue = qr[cl + l]!;
    for (let j = l + 1; j < cols; j++) {
      const cj = j * n;
      let dot = 0;
      for (let i = l; i < n; i++) dot += qr[cl + i]! * qr[cj + i]!;
      const t = -dot / pivotValue;
      for (let i = l; i < n; i++) qr[cj + i]! += t * qr[cl + i]!;
      if (qraux[j] === 0) continue;
      const ratio = Math.abs(qr[cj + l]!) / qraux[j]!;
      const tt = Math.max(1 - ratio * ratio, 0);
      // R recomputes the norm when it has shrunk a lot, because the rank test needs accurate norms.
      if (Math.abs(tt) >= 1e-6) {
        qraux[j] = qraux[j]! * Math.sqrt(tt);
      } else {
        qraux[j] = norm(qr, cj + l + 1, n - l - 1);
        norms[j] = qraux[j]!;
      }
    }
    qraux[l] = qr[cl + l]!;
    qr[cl + l] = -nrmxl;
  }

  /** y ← Qᵀy (dqrsl job 1000). */
  applyQt(y: Float64Array): void {
    const last = Math.min(this.rank, this.rows - 1);
    for (let j = 0; j < last; j++) this.applyReflection(j, y);
  }

  /** y ← Qy. */
  applyQ(y: Float64Array): void {
    for (let j = Math.min(this.rank, this.rows - 1) - 1; j >= 0; j--) this.applyReflection(j, y);
  }

  private applyReflection(j: number, y: Float64Array): void {
    const { qr, qraux, rows: n } = this;
    if (qraux[j] === 0) return;
    const cj = j * n;
    const diagonal = qraux[j]!;
    let dot = diagonal * y[j]!;
    for (let i = j + 1; i < n; i++) dot += qr[cj + i]! * y[i]!;
    const t = -dot / diagonal;
    y[j] = y[j]! + t * diagonal;
    for (let i = j + 1; i < n; i++) y[i]! += t * qr[cj + i]!;
  }

  /**
   * Coefficients in the original column order from Qᵀy (length ≥ rank):
   * R b = (Qᵀy)[0..rank), and 0 for aliased columns, as `Cdqrls` returns them.
   */
  solve(qty: Float64Array, coefficients: Float64Array): void {
    const { qr, rows: n, rank, cols, pivot } = this;
    const b = this.column;
    for (let j = rank - 1; j >= 0; j--) {
      let sum = qty[j]!;
      for (let i = j + 1; i < rank; i++) sum -= qr[i * n + j]! * b[i]!;
      b[j] = sum / qr[j * n + j]!;
    }
    for (let j = 0; j < cols; j++) coefficients[pivot[j]!] = j < rank ? b[j]! : 0;
  }

  /** Diagonal of the hat matrix: squared row norms of Q's first `rank` columns (R's `lm.influence`). */
  hatValues(out: Float64Array, scratch: Float64Array): void {
    const n = this.rows;
    out.fill(0, 0, n);
    for (let j = 0; j < this.rank; j++) {
      scratch.fill(0, 0, n);
      scratch[j] = 1;
      this.applyQ(scratch);
      for (let i = 0; i < n; i++) out[i]! += scratch[i]! * scratch[i]!;
    }
    for (let i = 0; i < n; i++) if (out[i]! >= 1 - 10 * Number.EPSILON) out[i] = 1;
  }

  /**
   * x₀ᵀ(RᵀR)⁻¹x₀ over the non-aliased columns, for x₀ in the original column
   * order: what `predict.lm` and `summary.glm` use for standard errors.
   */
  inverseQuadraticForm(x0: Float64Array): number {
    const { qr, rows: n, rank, pivot } = this;
    const v = this.column;
    let total = 0;
    for (let j = 0; j < rank; j++) {
      let sum = x0[pivot[j]!]!;
      for (let i = 0; i < j; i++) sum -= qr[j * n + i]! * v[i]!;
      v[j] = sum / qr[j * n + j]!;
      total += v[j]! * v[j]!;
    }
    return total;
  }

  /** Position of original column `col` after pivoting, or -1 when it is aliased. */
  positionOf(col: number): number {
    for (let j = 0; j < this.rank; j++) if (this.pivot[j] === col) return j;
    return -1;
  }
}

/** Euclidean norm of `length` entries from `start` (the values here never come near overflow). */
const norm = (x: Float64Array, start: number, length: number): number => {
  let sum = 0;
  for (let i = start; i < start + length; i++) sum += x[i]! * x[i]!;
  return Math.sqrt(sum);
};
