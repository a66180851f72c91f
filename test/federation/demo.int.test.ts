import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CONCORD_BIN } from '../support/server-process.ts';

/**
 * `npm run demo:federation -- --check` as a newcomer runs it: three
 * `concord serve` processes on loopback, each with its own embedded
 * database, the alert, the refusals, the counts, a stock sharing request
 * across nodes and an alert update. It exits 0 only when every step worked.
 * The demo always uses embedded databases, so it runs in the PGlite tier only.
 */
const runDemo = () =>
  new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, [CONCORD_BIN, 'federation', 'demo', '--check'], {
      env: { ...process.env, LOG_LEVEL: 'warn', CONCORD_DEMO_PASSWORD: 'concord-demo' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });

describe('the federation demo, unattended', () => {
  it('passes every step and exits 0', async () => {
    const { code, output } = await runDemo();
    expect(output).not.toMatch(/FAIL/);
    expect(output).toMatch(/the hub's answer moved Kenya's request and Uganda's copy on/);
    expect(output).toMatch(/Federation demo: every check passed\./);
    expect(code, output).toBe(0);
  }, 240_000);
});
