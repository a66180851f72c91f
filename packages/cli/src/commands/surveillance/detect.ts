import { type Command, InvalidArgumentError, Option } from 'commander';
import { AppError, isAppError } from '@concord/core';
import { DETECTION_METHODS, type DetectionMethod, type DetectionRow, defaultRange, detect, earliestWeek } from '@concord/core/detection/index';
import cliProgress from 'cli-progress';
import { stringify } from 'csv-stringify/sync';
import { readInputText } from '../../csv-input.ts';
import type { CliIo } from '../../io.ts';
import { type InputSeries, readDetectionInput } from './detect-input.ts';

/** Progress appears from this many series on; without a terminal, one line per PROGRESS_EVERY series. */
const PROGRESS_FROM = 20;
const PROGRESS_EVERY = 100;

const weekOption = (value: string): number => {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('expected a positive whole week number');
  return Number(value);
};

/** Numbers as the shortest text that reads back to the same double; R's NA and Inf spellings. */
const formatNumber = (x: number | null): string => {
  if (x === null || Number.isNaN(x)) return 'NA';
  if (!Number.isFinite(x)) return x > 0 ? 'Inf' : '-Inf';
  return String(x);
};

const formatAlarm = (alarm: boolean | null): string => (alarm === null ? 'NA' : alarm ? '1' : '0');

interface DetectOptions {
  method: DetectionMethod;
  input: string;
  from?: number;
  to?: number;
}

/**
 * `concord detect --method M --input FILE [--from T] [--to T]`: runs one
 * detection method over every series in the file and prints CSV
 * `series,t,observed,upperbound,alarm` on stdout. Each series is monitored
 * over R's `range` from --from to --to, by default the method's default
 * range (as in R `surveillance`).
 */
export const registerDetect = (program: Command, io: CliIo) => {
  program
    .command('detect')
    .description('outbreak detection on weekly counts: EARS, Farrington, Noufaily or CUSUM, as R surveillance 1.20.3')
    .addOption(new Option('--method <method>', 'detection method').choices(DETECTION_METHODS).makeOptionMandatory())
    .requiredOption('--input <FILE>', 'CSV with header t,count and optionally date,series ("-" for standard input)')
    .option('--from <T>', 'first week monitored (1-based; R range start: CUSUM takes its reference mean from the weeks before)', weekOption)
    .option('--to <T>', 'last week monitored (1-based)', weekOption)
    .action(async (options: DetectOptions) => {
      const series = readDetectionInput(await readInputText(io, options.input), options.input === '-' ? 'stdin' : options.input);
      const progress = seriesProgress(io, series.length);
      const records: string[][] = [];
      series.forEach((one, i) => {
        for (const row of detectSeries(options, one)) records.push(record(one.name, row));
        progress.update(i + 1);
      });
      progress.stop();
      io.stdout.write(stringify(records, { header: true, columns: ['series', 't', 'observed', 'upperbound', 'alarm'] }));
    });
};

/**
 * --from..--to is R's `range`, the weeks monitored: without --from, the
 * reference's default start; --from before the first week the method can
 * compute starts there. For EARS and Farrington a week's row does not depend
 * on the range; CUSUM's does, as in `algo.cusum(control = list(range =
 * from:to))`: its reference mean is taken over the weeks before --from and
 * the sum starts at 0 in week --from.
 */
const detectSeries = (options: DetectOptions, series: InputSeries): DetectionRow[] => {
  try {
    const n = series.counts.length;
    const from = options.from === undefined ? defaultRange(options.method, series)?.[0] : Math.max(options.from, earliestWeek(options.method, series));
    const to = Math.min(n, options.to ?? n);
    return from !== undefined && from <= to ? detect(options.method, series, { range: [from, to] }) : [];
  } catch (error) {
    if (!isAppError(error) || series.name === '') throw error;
    throw new AppError(error.code, `series "${series.name}": ${error.message}`, { status: error.status, params: error.params });
  }
};

const record = (name: string, row: DetectionRow): string[] => [
  name,
  String(row.t),
  String(row.observed),
  formatNumber(row.upperbound),
  formatAlarm(row.alarm),
];

interface SeriesProgress {
  update(done: number): void;
  stop(): void;
}

/** A bar on a terminal; in a log, a plain line every PROGRESS_EVERY series and at the end. */
const seriesProgress = (io: CliIo, total: number): SeriesProgress => {
  if (total < PROGRESS_FROM) return { update() {}, stop() {} };
  if (io.interactive) {
    const bar = new cliProgress.SingleBar(
      { format: 'detect [{bar}] {value}/{total} series', stream: io.stderr as NodeJS.WritableStream, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { update: (done) => bar.update(done), stop: () => bar.stop() };
  }
  return {
    update(done) {
      if (done % PROGRESS_EVERY === 0 || done === total) io.stderr.write(`detect: ${done}/${total} series\n`);
    },
    stop() {},
  };
};
