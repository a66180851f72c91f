import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { auditRoutes } from './audit.routes.ts';
import { createAuditLog } from './audit.service.ts';

export type { AuditEvent, AuditLog, VerifyReport } from './audit.service.ts';

export const auditContext = (deps: { db: Db; clock: Clock }) => {
  const service = createAuditLog(deps.clock);
  return { service, routes: auditRoutes(deps.db, service) };
};
