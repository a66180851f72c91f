/**
 * `npm run bench -- detection`: the improved Farrington method (Noufaily et
 * al. 2013, nbPlugin) over 1,000 synthetic weekly series of 7 years, weeks
 * 264..364, as in the reference scale test of R `surveillance`. Prints
 * series-weeks per second. When `Rscript` with the `surveillance` package is
 * installed, R's `farringtonFlexible` runs on 20 of the same series in the
 * same run: the ratio of throughputs, and whether bounds and alarms agree.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Random, seededRandom } from '@concord/core';
import { type DetectionRow, detect } from '@concord/core/detection/index';
import type { Benchmark } from './registry.ts';

const SERIES = 1000;
const WEEKS = 364;
const RANGE = [264, 364] as const;
const R_SERIES = 20;
const GOAL = 50;

/** Gamma(shape, 1) deviate (Marsaglia and Tsang 2000; shape < 1 by the boost U^{1/shape}). */
const gamma = (random: Random, shape: number): number => {
  if (shape < 1) return gamma(random, shape + 1) * Math.pow(1 - random.next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = random.normal();
    const v = Math.pow(1 + c * x, 3);
    if (v <= 0) continue;
    const u = 1 - random.next();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
};

/** Negative binomial with mean μ and variance φμ, as a gamma–Poisson mixture (R's rnbinom(size = μ/(φ−1), mu = μ)). */
const negativeBinomial = (random: Random, mu: number, phi: number): number => {
  const size = mu / (phi - 1);
  return random.poisson(gamma(random, size) * (mu / size));
};

/**
 * Synthetic series like the reference set's: level log-uniform on
 * [0.5, 150], a log-linear trend N(0, 0.002) for half of them, seasonal
 * amplitude U(0, 0.8) with a random phase, φ ~ U(1, 3), and outbreaks
 * (30 % in the history, 50 % in the last two years) adding
 * Poisson(3√(φμ) + 2) cases for 1–4 weeks.
 */
export const syntheticSeries = (count: number, seed = 'detection-bench'): number[][] => {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, s) => {
    const level = Math.exp(Math.log(0.5) + random.next() * Math.log(300));
    const slope = s % 2 === 0 ? 0.002 * random.normal() : 0;
    const amplitude = 0.8 * random.next();
    const phase = 2 * Math.PI * random.next();
    const phi = 1 + 2 * random.next();
    const mean = (t: number) => level * Math.exp(slope * (t - WEEKS / 2) + amplitude * Math.sin((2 * Math.PI * t) / 52 + phase));
    const counts = Array.from({ length: WEEKS }, (_, i) => negativeBinomial(random, mean(i + 1), phi));
    const outbreak = (from: number, to: number) => {
      const start = random.int(from, to);
      const length = random.int(1, 4);
      for (let t = start; t < Math.min(start + length, WEEKS + 1); t++) {
        counts[t - 1]! += random.poisson(3 * Math.sqrt(phi * mean(t)) + 2);
      }
    };
    if (random.next() < 0.3) outbreak(1, 250);
    if (random.next() < 0.5) outbreak(WEEKS - 104, WEEKS);
    return counts;
  });
};

const runConcord = (series: number[][]): DetectionRow[][] =>
  series.map((counts) => detect('farrington-noufaily', { counts }, { range: RANGE }));

const R_SCRIPT = `
suppressMessages(library(surveillance))
args <- commandArgs(TRUE)
d <- read.csv(args[1])
ctrl <- list(range = ${RANGE[0]}:${RANGE[1]}, b = 5, w = 3, reweight = TRUE, weightsThreshold = 2.58,
             alpha = 0.05, trend = TRUE, pThresholdTrend = 1, limit54 = c(5, 4), powertrans = "2/3",
             populationOffset = FALSE, noPeriods = 10, pastWeeksNotIncluded = 26,
             thresholdMethod = "nbPlugin", glmWarnings = FALSE, verbose = FALSE)
out <- list()
elapsed <- system.time(for (i in unique(d$series)) {
  s <- sts(observed = matrix(d$count[d$series == i], ncol = 1), start = c(2001, 1), frequency = 52)
  r <- suppressWarnings(farringtonFlexible(s, ctrl))
  out[[length(out) + 1]] <- data.frame(series = i, t = ctrl$range,
    upperbound = ifelse(is.na(upperbound(r)[, 1]), "NA", sprintf("%.15g", upperbound(r)[, 1])),
    alarm = ifelse(is.na(alarms(r)[, 1]), "NA", as.integer(alarms(r)[, 1])))
})[["elapsed"]]
write.csv(do.call(rbind, out), args[2], row.names = FALSE, quote = FALSE)
cat(sprintf("%.3f\\n", elapsed))
`;

const rAvailable = (): boolean => {
  const probe = spawnSync('Rscript', ['-e', 'suppressMessages(library(surveillance))'], { encoding: 'utf8' });
  return probe.status === 0;
};

interface RRun {
  seconds: number;
  rows: { series: number; t: number; upperbound: number | null; alarm: boolean | null }[];
}

/** Runs R's farringtonFlexible on the given series and times its loop (not R's start-up or package load). */
const runR = (series: number[][]): RRun => {
  const dir = mkdtempSync(join(tmpdir(), 'concord-detection-bench-'));
  try {
    const input = join(dir, 'series.csv');
    const output = join(dir, 'r-output.csv');
    const lines = ['series,t,count', ...series.flatMap((counts, s) => counts.map((count, i) => `${s + 1},${i + 1},${count}`))];
    writeFileSync(input, lines.join('\n') + '\n');
    const run = spawnSync('Rscript', ['-e', R_SCRIPT, input, output], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (run.status !== 0) throw new Error(`Rscript failed: ${run.stderr}`);
    const rows = readFileSync(output, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [s, t, upperbound, alarm] = line.split(',');
        return {
          series: Number(s),
          t: Number(t),
          upperbound: upperbound === 'NA' ? null : Number(upperbound),
          alarm: alarm === 'NA' ? null : alarm === '1',
        };
      });
    return { seconds: Number(run.stdout.trim().split('\n').at(-1)), rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** Weeks where Concord and R give the same alarm and bounds within 1e-6, out of all. */
const agreement = (concord: DetectionRow[][], r: RRun) => {
  let alarms = 0;
  let bounds = 0;
  for (const row of r.rows) {
    const ours = concord[row.series - 1]!.find((x) => x.t === row.t)!;
    if (ours.alarm === row.alarm) alarms++;
    const same =
      ours.upperbound === row.upperbound ||
      (ours.upperbound !== null && row.upperbound !== null && Math.abs(ours.upperbound - row.upperbound) <= 1e-6 * Math.max(1, row.upperbound));
    if (same) bounds++;
  }
  return { alarms, bounds, weeks: r.rows.length };
};

export const detectionBenchmark: Benchmark = async () => {
  const series = syntheticSeries(SERIES);
  const weeksPerSeries = RANGE[1] - RANGE[0] + 1;
  runConcord(series.slice(0, 20)); // warm up the JIT outside the timing
  const start = performance.now();
  const concord = runConcord(series);
  const seconds = (performance.now() - start) / 1000;
  const weeks = SERIES * weeksPerSeries;
  const alarms = concord.flat().filter((row) => row.alarm).length;
  console.log(`synthetic: ${SERIES} series × ${WEEKS} weeks, Noufaily (nbPlugin) over weeks ${RANGE[0]}..${RANGE[1]} (${weeks} series-weeks)`);
  console.log(
    `Concord: ${seconds.toFixed(2)} s, ${Math.round(weeks / seconds)} series-weeks/s (${((1000 * seconds) / weeks).toFixed(3)} ms per week), ${alarms} alarms, one core`,
  );
  if (!rAvailable()) {
    console.log('R yardstick: Rscript with the surveillance package was not found.');
    console.log('  Install it (Debian/Ubuntu): apt-get install -y r-base-core r-cran-surveillance');
    console.log(`  Reference figure from this project's R runs: about 8 ms per week (R 4.2.2, surveillance 1.20.3).`);
    return;
  }
  const r = runR(series.slice(0, R_SERIES));
  const rWeeks = R_SERIES * weeksPerSeries;
  const ratio = r.seconds / rWeeks / (seconds / weeks);
  const agree = agreement(concord, r);
  console.log(
    `R farringtonFlexible: ${r.seconds.toFixed(2)} s for ${R_SERIES} series, ${Math.round(rWeeks / r.seconds)} series-weeks/s (${((1000 * r.seconds) / rWeeks).toFixed(2)} ms per week), one core`,
  );
  console.log(`ratio: Concord throughput / R throughput = ${ratio.toFixed(1)}× (goal ≥ ${GOAL}×: ${ratio >= GOAL ? 'met' : 'NOT met'})`);
  console.log(`agreement on the ${agree.weeks} weeks R ran: alarms ${agree.alarms}/${agree.weeks}, bounds within 1e-6 ${agree.bounds}/${agree.weeks}`);
};
