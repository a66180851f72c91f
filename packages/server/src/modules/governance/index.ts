import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import type { PactService } from '../pact/pact.service.ts';
import { createDataAccess } from './access.service.ts';

export type { AccessGrant, AccessRequest, DataAccess } from './access.service.ts';

export const governanceContext = (deps: { db: Db; clock: Clock; pact: PactService }) => {
  const access = createDataAccess(deps);
  return { access };
};
