import pino from 'pino';
import { inject } from 'vitest';
import { createNode, fixedClock, loadConfig, type ConcordNode, type Db, type Transport } from '@concord/server';
import { openTestDb } from './database.ts';
import { TEMPLATE_TIME, TEST_PASSWORD } from './template.ts';

/**
 * A whole node in-process on a fresh test database, driven through
 * `app.inject` (no sockets). The clock is fixed and can be moved.
 */
export interface TestNode extends ConcordNode {
  clock: ReturnType<typeof fixedClock>;
  close(): Promise<void>;
  /** Signs in and returns headers carrying the bearer token. */
  signIn(email: string, password?: string): Promise<{ authorization: string }>;
}

export const startTestNode = async (options: { env?: Record<string, string>; db?: Db; at?: string; transport?: Transport } = {}): Promise<TestNode> => {
  const db = options.db ?? (await openTestDb());
  const clock = fixedClock(options.at ?? TEMPLATE_TIME);
  const config = loadConfig({ CONCORD_DEMO: 'false', LOG_LEVEL: 'silent', CONCORD_KEY_DIR: inject('testKeyDir'), ...options.env });
  const node = await createNode({ config, db, clock, logger: pino({ level: 'silent' }), ...(options.transport ? { transport: options.transport } : {}) });
  await node.app.ready();
  return {
    ...node,
    clock,
    close: async () => {
      await node.app.close();
      await db.close();
    },
    async signIn(email, password = TEST_PASSWORD) {
      const response = await node.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });
      if (response.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${response.statusCode} ${response.body}`);
      return { authorization: `Bearer ${response.json().token}` };
    },
  };
};

export const demoEmail = (local: string) => `${local}@demo.concord.example`;
