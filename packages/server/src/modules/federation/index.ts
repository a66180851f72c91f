import { DEFAULT_RETRY, type RetryPolicy } from '@concord/core/federation/index';
import type { Logger } from 'pino';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import type { Job, Scheduler } from '../../jobs/scheduler.ts';
import type { KeyStore } from '../../keys/key-store.ts';
import type { Readiness } from '../../readiness.ts';
import type { AuditLog } from '../audit/audit.service.ts';
import type { DataAccess } from '../governance/index.ts';
import type { PactService } from '../pact/pact.service.ts';
import { createDelivery, httpTransport, type Transport } from './delivery.ts';
import { federationRootRoutes, federationRoutes } from './federation.routes.ts';
import { createFederationService } from './federation.service.ts';
import { createHandlerRegistry } from './handlers.ts';
import { createIdentity } from './identity.ts';
import { createInbound } from './inbound.ts';
import { createOutbound } from './outbound.ts';
import { federationRetentionTargets } from './retention-targets.ts';

export type { FederationService, AlertInput } from './federation.service.ts';
export type { OutboundMessage, SendResult } from './outbound.ts';
export type { ReceiveHandler, ReceivedMessage } from './handlers.ts';
export type { Transport } from './delivery.ts';
export { MESSAGES_PATH } from './delivery.ts';
/** For a handler whose message needs another that has not arrived yet: the sender retries it later. */
export { notYet } from './federation.errors.ts';

export const DELIVERY_JOB = 'federation-delivery';

export interface FederationDeps {
  db: Db;
  clock: Clock;
  pact: PactService;
  access: DataAccess;
  audit: AuditLog;
  keys: KeyStore;
  scheduler: Scheduler;
  readiness: Readiness;
  log: Logger;
  retry?: RetryPolicy;
  transport?: Transport;
}

/**
 * Federation between nodes (docs/federation.md): signed messages the pact
 * allows, a transactional outbox, a deduplicating inbox, and a delivery job
 * that retries with backoff. Other contexts call `service.send(tx, …)` in
 * their own transactions and `service.onReceive(type, handler)` to act on
 * what arrives.
 */
export const federationContext = (deps: FederationDeps) => {
  const { db, clock, pact, access, audit, keys, scheduler, log } = deps;
  const identity = createIdentity(keys);
  const handlers = createHandlerRegistry();
  const inbound = createInbound({ db, clock, pact, audit, identity, handlers });
  const delivery = createDelivery({ db, clock, pact, identity, inbound, log, retry: deps.retry ?? DEFAULT_RETRY, transport: deps.transport ?? httpTransport(10_000) });

  // A kick that arrives during a pass makes the pass go round once more, so
  // a message queued while a pass runs is not left for the next tick.
  let again = false;
  const deliveryJob: Job = {
    name: DELIVERY_JOB,
    everyMs: 1_000,
    run: async () => {
      do {
        again = false;
        await delivery.drain();
      } while (again);
    },
  };
  // Kicks only once the node's jobs run (after seeding in `concord serve`);
  // in-process tests deliver explicitly with deliverNow().
  const jobsRunning = () => scheduler.status().some((job) => job.name === DELIVERY_JOB && (job.runs > 0 || job.running));
  const kick = () => {
    if (!jobsRunning()) return;
    again = true;
    void scheduler.runNow(DELIVERY_JOB);
  };

  const outbound = createOutbound({
    clock,
    pact,
    access,
    audit,
    identity,
    // Once now (on the embedded database the pass waits for the sender's
    // transaction to commit) and once shortly after (a server lets the pass
    // run beside the still-open transaction, which it cannot see yet).
    queued: () => {
      kick();
      setTimeout(kick, 200).unref();
    },
  });
  const service = createFederationService({ db, clock, pact, identity, handlers, inbound, delivery, send: outbound.send, kick });
  const jobs: Job[] = [deliveryJob];
  return {
    service,
    jobs,
    // Governance's retention job runs these (node.ts registers them).
    retentionTargets: federationRetentionTargets(),
    routes: federationRoutes(service),
    rootRoutes: federationRootRoutes(service, deps.readiness),
  };
};
