import type { UserActor } from '@concord/server/actor';
import type { TestNode } from '../support/test-node.ts';

/** A user actor for service-level calls (the HTTP tests sign in real demo accounts). */
export const user = (jurisdiction: string, role: UserActor['roles'][number], regionWide = jurisdiction === 'EAC'): UserActor => ({
  kind: 'user',
  userId: '00000000-0000-4000-8000-000000000000',
  email: `${role}@${jurisdiction.toLowerCase()}.example`,
  displayName: role,
  jurisdiction,
  roles: [role],
  regionWide,
  via: 'session',
  locale: 'en',
});

export const stockOf = (node: TestNode) => node.services.stock;

/** What the error of a rejected promise says, for assertions on code and params. */
export const failure = async (promise: Promise<unknown>): Promise<{ code: string; status: number; params: Record<string, unknown> }> => {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; status: number; params: Record<string, unknown> };
  }
  throw new Error('expected a refusal, got success');
};

/** Every ledger row and balance, to prove a refused call changed nothing. */
export const ledgerSnapshot = async (node: TestNode) => ({
  entries: await node.db.query('SELECT * FROM stock_entries ORDER BY seq'),
  balances: await node.db.query('SELECT * FROM stock_balances ORDER BY store, product, lot'),
  lots: await node.db.query('SELECT * FROM stock_lots ORDER BY product, lot'),
});
