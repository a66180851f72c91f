import type { Logger } from 'pino';

/**
 * Recurring background work of a node (detection runs, clocks that turn
 * overdue, retention, federation delivery). Each job runs at most once at a
 * time — a slow run is never overlapped by the next — and a failure is
 * logged and retried at the next tick, never fatal to the node. Jobs run
 * only in the process that serves HTTP (`concord serve`), and stop cleanly
 * on shutdown.
 */
export interface Job {
  name: string;
  everyMs: number;
  /** Run once shortly after start as well (default true). */
  runAtStart?: boolean;
  run(signal: AbortSignal): Promise<unknown>;
}

export interface JobStatus {
  name: string;
  runs: number;
  failures: number;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastError: string | null;
  running: boolean;
}

export interface Scheduler {
  add(job: Job): void;
  start(): void;
  /** Runs one job now (tests, CLI) and waits for it. */
  runNow(name: string): Promise<unknown>;
  status(): JobStatus[];
  stop(): Promise<void>;
}

export const createScheduler = (log: Logger): Scheduler => {
  const jobs = new Map<string, { job: Job; status: JobStatus; timer?: NodeJS.Timeout; current?: Promise<unknown> }>();
  const abort = new AbortController();
  let started = false;

  const execute = async (name: string): Promise<unknown> => {
    const entry = jobs.get(name);
    if (!entry) throw new Error(`no job ${name}`);
    if (entry.current) return entry.current;
    entry.status.running = true;
    entry.status.lastStartedAt = new Date().toISOString();
    entry.current = entry.job
      .run(abort.signal)
      .then(
        (result) => {
          entry.status.lastError = null;
          return result;
        },
        (error: unknown) => {
          entry.status.failures += 1;
          entry.status.lastError = error instanceof Error ? error.message : String(error);
          log.error({ err: error, job: name }, 'job failed');
          return undefined;
        },
      )
      .finally(() => {
        entry.status.runs += 1;
        entry.status.running = false;
        entry.status.lastFinishedAt = new Date().toISOString();
        entry.current = undefined;
      });
    return entry.current;
  };

  const schedule = (name: string) => {
    const entry = jobs.get(name)!;
    const tick = () => {
      if (abort.signal.aborted) return;
      void execute(name).finally(() => {
        if (!abort.signal.aborted) entry.timer = setTimeout(tick, entry.job.everyMs);
      });
    };
    entry.timer = setTimeout(tick, entry.job.runAtStart === false ? entry.job.everyMs : 1_000);
    entry.timer.unref();
  };

  return {
    add(job) {
      if (jobs.has(job.name)) throw new Error(`job ${job.name} is already scheduled`);
      jobs.set(job.name, {
        job,
        status: { name: job.name, runs: 0, failures: 0, lastStartedAt: null, lastFinishedAt: null, lastError: null, running: false },
      });
      if (started) schedule(job.name);
    },
    start() {
      if (started) return;
      started = true;
      for (const name of jobs.keys()) schedule(name);
    },
    runNow: execute,
    status: () => [...jobs.values()].map((entry) => ({ ...entry.status })),
    async stop() {
      abort.abort();
      for (const entry of jobs.values()) clearTimeout(entry.timer);
      await Promise.all([...jobs.values()].map((entry) => entry.current));
    },
  };
};
