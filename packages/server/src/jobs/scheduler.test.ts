import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createScheduler } from './scheduler.ts';

describe('the job scheduler', () => {
  it('never overlaps a running job and survives failures', async () => {
    const scheduler = createScheduler(pino({ level: 'silent' }));
    let concurrent = 0;
    let maxConcurrent = 0;
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    scheduler.add({
      name: 'slow',
      everyMs: 60_000,
      async run() {
        calls += 1;
        concurrent += 1;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        await gate;
        concurrent -= 1;
        if (calls === 1) throw new Error('first run fails');
      },
    });
    const first = scheduler.runNow('slow');
    const second = scheduler.runNow('slow');
    release();
    await Promise.all([first, second]);
    expect(calls).toBe(1);
    expect(maxConcurrent).toBe(1);
    expect(scheduler.status()[0]).toMatchObject({ runs: 1, failures: 1, lastError: 'first run fails', running: false });
    await scheduler.runNow('slow');
    expect(scheduler.status()[0]).toMatchObject({ runs: 2, failures: 1, lastError: null });
    await scheduler.stop();
  });

  it('refuses two jobs with one name', () => {
    const scheduler = createScheduler(pino({ level: 'silent' }));
    scheduler.add({ name: 'x', everyMs: 1000, run: async () => undefined });
    expect(() => scheduler.add({ name: 'x', everyMs: 1000, run: async () => undefined })).toThrow(/already scheduled/);
  });
});
