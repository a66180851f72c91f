import type { FastifyInstance } from 'fastify';
import { systemActor } from '../../actor.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import type { Job } from '../../jobs/scheduler.ts';
import type { AuditLog } from '../audit/audit.service.ts';
import type { DataAccess } from '../governance/index.ts';
import type { PactService } from '../pact/pact.service.ts';
import { createSharingFederation, type SharingFederation } from './sharing-federation.ts';
import { createAllocation } from './allocation.service.ts';
import { coldChainRoutes } from './cold-chain.routes.ts';
import { createColdChain } from './cold-chain.service.ts';
import { ledgerRoutes } from './ledger.routes.ts';
import { createLedger } from './ledger.service.ts';
import { createLevels } from './levels.service.ts';
import { createPublicLevels } from './public-levels.ts';
import { sharingRoutes } from './sharing.routes.ts';
import { createSharing } from './sharing.service.ts';
import { stockRoutes } from './stock.routes.ts';

export type { Ledger, Movement } from './ledger.service.ts';
export type { ColdChain, IngestReport } from './cold-chain.service.ts';
export type { Sharing } from './sharing.service.ts';
export type { SharingRequest } from './request-clocks.ts';
export type { Allocation, AllocationRequest } from './allocation.service.ts';
export type { Levels, ReserveLine } from './levels.service.ts';
export type { Store, StoreLevel } from './stores.ts';

/** Recorder exports are a few hundred kilobytes a month per device; this bounds one upload. */
const UPLOAD_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * The stock context: ledger, cold chain, sharing under the pact, allocation,
 * and stock levels for dashboards and the public. Built from explicit
 * dependencies; its one job flags decision and repayment clocks that ran out.
 * Sharing requests between parties served by different nodes travel through
 * the federation (sharing-federation.ts).
 */
export const stockContext = (deps: { db: Db; audit: AuditLog; clock: Clock; pact: PactService; access: DataAccess; federation: SharingFederation }) => {
  const ledger = createLedger(deps);
  const coldChain = createColdChain({ ...deps, ledger });
  const messages = createSharingFederation({ pact: deps.pact, audit: deps.audit, federation: deps.federation });
  const sharing = createSharing({ ...deps, ledger, messages });
  const allocation = createAllocation({ ...deps, sharing });
  const levels = createLevels(deps);
  const publicLevels = createPublicLevels(deps);
  const actor = systemActor('stock-clocks');
  const jobs: Job[] = [{ name: 'stock-clocks', everyMs: 5 * 60_000, run: () => sharing.flagOverdue(actor) }];
  const routes = async (app: FastifyInstance) => {
    await app.register(ledgerRoutes({ db: deps.db, ledger }));
    await app.register(coldChainRoutes({ coldChain, uploadLimitBytes: UPLOAD_LIMIT_BYTES }));
    await app.register(sharingRoutes({ sharing, allocation }));
    await app.register(stockRoutes({ levels, publicLevels }));
  };
  return { service: { ledger, coldChain, sharing, allocation, levels, publicLevels }, routes, jobs };
};

export type StockContext = ReturnType<typeof stockContext>;
