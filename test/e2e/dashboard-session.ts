import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject, onTestFinished } from 'vitest';
import { openBrowser, type BrowserSession } from '../support/browser.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

/**
 * One real node per test file (a `concord serve` process on its own copy of
 * the demo region the global setup seeded), and one fresh browser per test,
 * whose screenshot lands in test-results/<name>.png whether it passed or not.
 */
export const DEMO_PASSWORD = 'concord-demo';
export const demo = (local: string) => `${local}@demo.concord.example`;

export const startDashboardServer = async (): Promise<ServerProcess & { cleanUp(): Promise<void> }> => {
  const dir = mkdtempSync(join(tmpdir(), 'concord-e2e-'));
  cpSync(inject('e2eSeededNode'), dir, { recursive: true });
  const server = await startServerProcess({ CONCORD_DATA_DIR: join(dir, 'data'), CONCORD_KEY_DIR: join(dir, 'keys') });
  return {
    ...server,
    async cleanUp() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

export const browse = async (name: string, options?: Parameters<typeof openBrowser>[0]): Promise<BrowserSession> => {
  const session = await openBrowser(options);
  onTestFinished(async () => {
    await session.screenshot(name).catch(() => undefined);
    await session.close();
  });
  return session;
};

export const signIn = async (session: BrowserSession, baseUrl: string, email: string, password = DEMO_PASSWORD) => {
  const { page } = session;
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
};
