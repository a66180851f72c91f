import { randomUUID } from 'node:crypto';
import { breachClock } from '@concord/core';
import type { Actor, UserActor } from '../../actor.ts';
import { actorLabel } from '../../actor.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../audit/audit.service.ts';
import * as repo from './breaches.repo.ts';
import * as errors from './governance.errors.ts';

/**
 * When a breach's 72-hour clock (GDPR Art. 33) runs out with the authority
 * not yet notified, the people who must act are told: the focal point of the
 * party that owns the breach, and the coordinators of the hub, who follow
 * every party's clocks. Each gets one alert per breach, whatever the number
 * of clock runs, and keeps it in their inbox until they acknowledge it.
 *
 * These are governance's own alerts rather than the events context's
 * notifications: those belong to a public health event and its escalation,
 * and events depends on governance, not the other way round.
 */
export interface Addressee {
  jurisdiction: string;
  role: 'national-focal-point' | 'hub-coordinator';
}

export const overdueAddressees = (party: string, hubs: readonly string[]): Addressee[] => [
  // A breach at the hub itself has no national focal point: its coordinators act.
  ...(hubs.includes(party) ? [] : [{ jurisdiction: party, role: 'national-focal-point' as const }]),
  ...hubs.map((hub) => ({ jurisdiction: hub, role: 'hub-coordinator' as const })),
];

export const createBreachAlerts = (deps: { db: Db; audit: AuditLog; clock: Clock }) => {
  const { db, audit, clock } = deps;

  /** Raises the overdue alert once per breach whose 72 hours ran out unnotified; returns how many breaches were alerted. */
  const raiseOverdue = async (actor: Actor) => {
    const now = clock.now();
    let alerted = 0;
    for (const row of await repo.listAwaitingNotification(db)) {
      const deadline = breachClock({ awareAt: row.awareAt.toISOString() }, now.toISOString());
      if (row.overdueAlertedAt || deadline.status !== 'overdue') continue;
      const raised = await db.transaction(async (tx) => {
        const locked = await repo.findBreach(tx, row.id, true);
        // Read again under the lock: another run may have alerted, or someone notified, since the list was read.
        if (!locked || locked.overdueAlertedAt || locked.notifiedAt || locked.notificationRequired === false || locked.status === 'closed') return false;
        const addressees = overdueAddressees(locked.party, await repo.hubJurisdictions(tx));
        await repo.insertAlerts(
          tx,
          addressees.map((a) => ({ id: randomUUID(), breachId: locked.id, kind: 'overdue' as const, ...a, raisedAt: now, deadline: new Date(deadline.deadline) })),
        );
        await repo.updateBreach(tx, locked.id, { overdueAlertedAt: now });
        const details = { deadline: deadline.deadline, alerted: addressees.map((a) => `${a.jurisdiction}/${a.role}`) };
        await repo.insertBreachEvent(tx, { breachId: locked.id, at: now, actor: actorLabel(actor), type: 'overdue', details });
        await audit.append(tx, actor, { action: 'breach.overdue', entityType: 'breach', entityId: locked.id, jurisdiction: locked.party, details });
        return true;
      });
      if (raised) alerted += 1;
    }
    return { alerted };
  };

  /** The alerts addressed to the actor: their jurisdiction and one of their roles. */
  const inbox = (actor: UserActor, filter: { open?: boolean; limit: number }) =>
    repo.alertsFor(db, { jurisdiction: actor.jurisdiction, roles: actor.roles, ...filter });

  const acknowledge = (actor: UserActor, id: string) =>
    db.transaction(async (tx) => {
      const alert = await repo.findAlert(tx, id);
      // Someone else's alert is answered as unknown: its existence says a breach exists elsewhere.
      if (!alert || alert.jurisdiction !== actor.jurisdiction || !actor.roles.includes(alert.role as never)) throw errors.breachAlertNotFound(id);
      if (alert.acknowledgedAt) throw errors.breachAlertAcknowledged(id, alert.acknowledgedAt);
      const now = clock.now();
      await repo.acknowledgeAlert(tx, id, now, actorLabel(actor));
      const details = { alertId: id, addressee: `${alert.jurisdiction}/${alert.role}` };
      await repo.insertBreachEvent(tx, { breachId: alert.breachId, at: now, actor: actorLabel(actor), type: 'alert-acknowledged', details });
      await audit.append(tx, actor, { action: 'breach.alert-acknowledged', entityType: 'breach', entityId: alert.breachId, jurisdiction: alert.party, details });
      return { ...alert, acknowledgedAt: now, acknowledgedBy: actorLabel(actor) };
    });

  return { raiseOverdue, inbox, acknowledge };
};

export type BreachAlerts = ReturnType<typeof createBreachAlerts>;
