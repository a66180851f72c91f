/**
 * Which past weeks form the baseline of week k, and their seasonal level:
 * R's `blocks()` and `algo.farrington.data.glm()`.
 *
 * - The current window k−w..k and the windows ref_i−w..ref_i+w get level p
 *   (p = noPeriods).
 * - With p > 1 the gap between window i and the later window i−1 is cut into
 *   p−1 consecutive blocks labelled 1..p−1 in time order; each block has
 *   gap %/% (p−1) weeks and the first gap %% (p−1) blocks one more.
 * - The last `pastWeeksNotIncluded` weeks and week k itself are dropped.
 *
 * The baseline is every labelled week in increasing order. Positions before
 * week 1 are skipped, as R's `x[0] <- v` is a no-op.
 */
import type { PreparedSeries } from '../series.ts';
import { type FarringtonControl, pastWeeksNotIncluded } from './control.ts';

const PRESENT = -2;

export interface Baseline {
  size: number;
  /** 1-based week of each row. */
  week: Int32Array;
  response: Float64Array;
  /** Time covariate: the week index, or weeks since the first baseline row for a dated series. */
  wtime: Float64Array;
  /** 0-based level of the seasonal factor (levels sorted by label, as R's `as.factor`). */
  level: Int32Array;
  levels: number;
  /** Level of the current week (label p), -1 when no baseline row carries it. */
  currentLevel: number;
  /** wtime of week k. */
  currentWtime: number;
}

export class BaselineBuilder {
  private readonly label: Int32Array;
  private readonly levelOfLabel: Int32Array;
  readonly baseline: Baseline;

  constructor(weeks: number, maxLabel: number) {
    this.label = new Int32Array(weeks + 1);
    this.levelOfLabel = new Int32Array(maxLabel + 1);
    this.baseline = {
      size: 0,
      week: new Int32Array(weeks),
      response: new Float64Array(weeks),
      wtime: new Float64Array(weeks),
      level: new Int32Array(weeks),
      levels: 0,
      currentLevel: -1,
      currentWtime: 0,
    };
  }

  /** Builds the baseline of week k from its reference weeks `refs` (refs[0] = k). */
  build(series: PreparedSeries, k: number, refs: Int32Array, control: FarringtonControl): Baseline {
    const { b, w, noPeriods: p } = control;
    const label = this.label;
    const lo = Math.max(1, refs[b]! - w);
    label.fill(0, lo, k + 1);
    this.mark(k - w, k, p);
    for (let i = 1; i <= b; i++) {
      const ref = refs[i]!;
      this.mark(ref - w, ref + w, p);
      if (p > 1) this.markGap(ref + w + 1, refs[i - 1]! - 2 * w - 1 - ref, p);
    }
    label.fill(0, Math.max(lo, k - pastWeeksNotIncluded(control)), k + 1);
    return this.collect(series, k, lo, p);
  }

  private mark(from: number, to: number, value: number): void {
    this.label.fill(value, Math.max(1, from), to + 1);
  }

  /** Cuts `period` weeks starting at `start` into p−1 blocks, the first `period %% (p−1)` one week longer. */
  private markGap(start: number, period: number, p: number): void {
    const length = Math.floor(period / (p - 1));
    const rest = period % (p - 1);
    for (let j = 1; j < p; j++) {
      const blockLength = length + (j <= rest ? 1 : 0);
      this.mark(start, start + blockLength - 1, j);
      start += blockLength;
    }
  }

  private collect(series: PreparedSeries, k: number, lo: number, p: number): Baseline {
    const { label, levelOfLabel, baseline } = this;
    const factor = p > 1;
    levelOfLabel.fill(-1);
    let size = 0;
    for (let j = lo; j <= k; j++) {
      const value = label[j]!;
      if (value === 0) continue;
      baseline.week[size] = j;
      baseline.response[size] = series.counts[j - 1]!;
      levelOfLabel[factor ? value : 0] = PRESENT;
      size++;
    }
    // Levels in label order, like R's factor levels of a numeric vector.
    let levels = 0;
    for (let value = 0; value < levelOfLabel.length; value++) {
      if (levelOfLabel[value] === PRESENT) levelOfLabel[value] = levels++;
    }
    const { days } = series;
    const first = baseline.week[0]!;
    for (let r = 0; r < size; r++) {
      const week = baseline.week[r]!;
      baseline.level[r] = factor ? levelOfLabel[label[week]!]! : 0;
      baseline.wtime[r] = days === null ? week : (days[week - 1]! - days[first - 1]!) / 7;
    }
    baseline.size = size;
    baseline.levels = levels;
    baseline.currentLevel = factor ? levelOfLabel[p]! : 0;
    baseline.currentWtime = days === null ? k : (days[k - 1]! - days[first - 1]!) / 7;
    return baseline;
  }
}
