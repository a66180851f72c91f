import type { Logger } from 'pino';
import { systemActor } from '../../actor.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import type { Job } from '../../jobs/scheduler.ts';
import type { KeyStore } from '../../keys/key-store.ts';
import type { AuditLog } from '../audit/audit.service.ts';
import type { PactService } from '../pact/pact.service.ts';
import { createDataAccess } from './access.service.ts';
import { createBreachAlerts } from './breach-alerts.ts';
import { createBreaches } from './breaches.service.ts';
import { createConsents } from './consents.ts';
import { governanceRoutes } from './governance.routes.ts';
import { createKeyRotation } from './key-rotation.ts';
import { createRetention } from './retention.ts';

export { PUBLIC_READER } from './access.service.ts';
export type { AccessGrant, AccessRequest, DataAccess, Withheld } from './access.service.ts';
export type { EncryptedColumns, KeyRotation } from './key-rotation.ts';
export type { PurgeResult, Retention, RetentionTarget } from './retention.ts';

export const governanceContext = (deps: { db: Db; clock: Clock; pact: PactService; audit: AuditLog; keys: KeyStore; log: Logger }) => {
  const consents = createConsents(deps);
  const access = createDataAccess({ ...deps, consents });
  const breaches = createBreaches(deps);
  const breachAlerts = createBreachAlerts(deps);
  const retention = createRetention(deps);
  const rotation = createKeyRotation(deps);
  const actor = systemActor('governance');
  const jobs: Job[] = [
    { name: 'breach-clocks', everyMs: 60_000, run: () => breachAlerts.raiseOverdue(actor) },
    { name: 'retention', everyMs: 60 * 60_000, run: () => retention.run(actor) },
  ];
  return { access, breaches, breachAlerts, consents, retention, rotation, jobs, routes: governanceRoutes({ access, breaches, breachAlerts, consents, retention, rotation }) };
};
