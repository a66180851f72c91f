import type { FastifyInstance } from 'fastify';
import { systemActor } from '../../actor.ts';
import type { Clock } from '../../clock.ts';
import type { Db, Queryable } from '../../db/database.ts';
import type { Job } from '../../jobs/scheduler.ts';
import type { AuditLog } from '../audit/audit.service.ts';
import type { DataAccess } from '../governance/index.ts';
import type { PactService } from '../pact/index.ts';
import type { Signals } from '../surveillance/index.ts';
import { createAlertUpdates, type AlertFederation } from './alert-updates.ts';
import { createEscalation } from './escalation.service.ts';
import { eventsRoutes } from './events.routes.ts';
import { createEvents } from './events.service.ts';
import { createPublicResponseTimes } from './public-response-times.ts';
import { publicResponseTimesRoutes } from './public-response-times.routes.ts';
import { createTimeliness } from './timeliness.service.ts';

export type { EventRecord, EventStatus } from './events.repo.ts';
export * as eventsRepo from './events.repo.ts';
export * as notificationsRepo from './notifications.repo.ts';
export { timelinessOf } from './timeliness.ts';

/** How often open notifications are checked against their due times. */
export const OVERDUE_EVERY_MS = 60_000;

export const eventsContext = (deps: { db: Db; audit: AuditLog; clock: Clock; pact: PactService; access: DataAccess; signals: Signals; federation: AlertFederation }) => {
  const events = createEvents({ ...deps, alerts: createAlertUpdates(deps) });
  const escalation = createEscalation({ ...deps, events });
  const timeliness = createTimeliness(deps);
  const publicResponseTimes = createPublicResponseTimes(deps);
  const jobs: Job[] = [{ name: 'events.notifications-overdue', everyMs: OVERDUE_EVERY_MS, run: () => escalation.markOverdue(systemActor('events')) }];
  return {
    service: { events, escalation, timeliness, publicResponseTimes },
    routes: async (app: FastifyInstance) => {
      await app.register(eventsRoutes({ events, escalation, timeliness }));
      await app.register(publicResponseTimesRoutes({ publicResponseTimes }));
    },
    jobs,
    /** The current alert level per party × disease (the pact's `alert`). */
    alertLevels: (q?: Queryable) => escalation.alertLevels(q),
    /** The indicators the pact reads from events (7-1-7 shares). */
    indicators: (q?: Queryable) => timeliness.indicators(q),
  };
};

export type EventsContext = ReturnType<typeof eventsContext>;
