import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../audit/audit.service.ts';
import { pactRoutes, pactSchemaRoute } from './pact.routes.ts';
import { createPactService, type DecisionFacts } from './pact.service.ts';

export type { DecisionFacts, PactService, StoredDecision } from './pact.service.ts';

export const pactContext = (deps: { db: Db; audit: AuditLog; clock: Clock; facts?: DecisionFacts }) => {
  const service = createPactService(deps);
  return { service, routes: pactRoutes(service), rootRoutes: pactSchemaRoute };
};
