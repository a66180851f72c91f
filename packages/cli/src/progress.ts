import cliProgress from 'cli-progress';
import type { CliIo } from './io.ts';

/**
 * Progress for long work: a bar on a terminal, and on a pipe or CI log a
 * plain line at most every few seconds, so logs stay readable.
 */
export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

export const progressLine = (io: CliIo, label: string): Progress => {
  if (io.interactive) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% | {value}/{total}`, stream: io.stderr as NodeJS.WritableStream, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total) {
        if (!started) {
          bar.start(total, done);
          started = true;
        } else bar.setTotal(total);
        bar.update(done);
      },
      stop: () => started && bar.stop(),
    };
  }
  let last = 0;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < 2000 && done < total) return;
      last = now;
      io.stderr.write(`${label}: ${done}/${total}\n`);
    },
    stop() {},
  };
};
