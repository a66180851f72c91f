import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { systemActor } from '../../actor.ts';
import type { Clock } from '../../clock.ts';
import type { Db, Queryable } from '../../db/database.ts';
import type { Job } from '../../jobs/scheduler.ts';
import type { KeyStore } from '../../keys/key-store.ts';
import type { AuditLog } from '../audit/audit.service.ts';
import type { DataAccess } from '../governance/index.ts';
import { regionRepo } from '../region/index.ts';
import { createAggregateIngest } from './aggregate-ingest.service.ts';
import { createAggregates } from './aggregates.service.ts';
import { createCaseIngest, receivingToday } from './case-ingest.service.ts';
import { createDetection } from './detection.service.ts';
import { ingestRoutes } from './ingest.routes.ts';
import { createLineList } from './line-list.service.ts';
import { caseReportEncryptedColumns } from './personal-fields.ts';
import { createPublicCases } from './public-cases.ts';
import { publicCasesRoutes } from './public-cases.routes.ts';
import { readRoutes } from './read.routes.ts';
import { createSignals } from './signals.service.ts';

export type { IngestSummary, IncomingCase } from './case-ingest.service.ts';
export type { Signal, SeriesKey } from './signals.repo.ts';
export type { Signals } from './signals.service.ts';
export { caseReportEncryptedColumns, fieldContext } from './personal-fields.ts';
export { receivingToday } from './case-ingest.service.ts';
export { currentWeek, mondayOf } from './detection.service.ts';
export * as caseReportsRepo from './case-reports.repo.ts';
export * as signalsRepo from './signals.repo.ts';

/** How often the scheduled detection run looks at the last complete and the current week. */
export const DETECTION_EVERY_MS = 6 * 3_600_000;
const AREAS_CACHE_MS = 60_000;

export interface SurveillanceDeps {
  db: Db;
  audit: AuditLog;
  clock: Clock;
  keys: KeyStore;
  access: DataAccess;
  log: Logger;
  /** The largest CSV upload accepted, in bytes. */
  csvMaxBytes: number;
}

/**
 * The writing half of the context (ingest and detection), built on its own
 * for the demo seed, which writes history inside its step's transaction.
 * `afterCommit` runs detection after each ingest unless the caller runs it
 * once at the end.
 */
export const surveillanceWriters = (deps: Omit<SurveillanceDeps, 'access' | 'csvMaxBytes'>, options: { detectOnIngest?: boolean } = {}) => {
  const { db, audit, clock, log } = deps;
  const fieldKeys = () => deps.keys.fieldKeys();
  const areas = new Map<string, { at: number; codes: ReadonlySet<string> }>();
  const areasOf = async (party: string) => {
    const hit = areas.get(party);
    if (hit && Date.now() - hit.at < AREAS_CACHE_MS) return hit.codes;
    const codes = new Set((await regionRepo.listAreas(db, party)).map((a) => a.code));
    areas.set(party, { at: Date.now(), codes });
    return codes;
  };
  const detection = createDetection({ db, audit, clock, log });
  const afterCommit =
    options.detectOnIngest === false
      ? async () => 0
      : (touched: Parameters<typeof detection.afterIngest>[1]) => detection.afterIngest(systemActor('detection'), touched);
  const cases = createCaseIngest({ db, audit, clock, fieldKeys, areasOf, afterCommit });
  const aggregateIngest = createAggregateIngest({ db, audit, clock, today: () => receivingToday(clock.now()), areasOf, afterCommit });
  return { cases, aggregateIngest, detection, fieldKeys };
};

export const surveillanceContext = (deps: SurveillanceDeps) => {
  const { db, audit, clock, access } = deps;
  const { cases, aggregateIngest, detection, fieldKeys } = surveillanceWriters(deps);
  const lineList = createLineList({ db, access, fieldKeys });
  const aggregates = createAggregates({ db, clock, access });
  const signals = createSignals({ db, clock, audit, access });
  const publicCases = createPublicCases({ db, clock, access });

  const jobs: Job[] = [
    { name: 'surveillance.detection', everyMs: DETECTION_EVERY_MS, run: () => detection.runScheduled(systemActor('detection')) },
  ];
  const routes = async (app: FastifyInstance) => {
    await app.register(ingestRoutes({ cases, aggregates: aggregateIngest, csvMaxBytes: deps.csvMaxBytes }));
    await app.register(readRoutes({ lineList, aggregates, signals, detection }));
    await app.register(publicCasesRoutes({ publicCases }));
  };
  return {
    service: { cases, aggregateIngest, lineList, aggregates, signals, detection, publicCases },
    routes,
    jobs,
    encryptedColumns: caseReportEncryptedColumns,
    /** The indicators the pact's conditions read from surveillance. */
    indicators: (q?: Queryable) => aggregates.indicators(q),
  };
};

export type SurveillanceContext = ReturnType<typeof surveillanceContext>;
export type SurveillanceService = SurveillanceContext['service'];
