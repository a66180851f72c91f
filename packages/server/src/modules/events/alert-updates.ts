import type { PayloadOf } from '@concord/core/federation/index';
import type { Actor } from '../../actor.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import type { FederationService, SendResult } from '../federation/index.ts';
import type { EventRecord } from './events.repo.ts';

/** What the events context uses of the federation: who received an alert, and sending its update in the event's transaction. */
export type AlertFederation = Pick<FederationService, 'send' | 'alertFollowers'>;

export type AlertChange = 'verified' | 'discarded' | 'closed' | 'level';

/**
 * Keeps the recipients of an event's alert up to date. An event is raised
 * as an alert when an alert is sent with the event's id as its `alertId`;
 * each later change of its alert level or status goes, in the transaction
 * of the change, as an `alert-update` to every jurisdiction that alert went
 * to. Each update is decided by the pact like the alert (the escalation
 * clause at the new level, the recipient among those it involves); one the
 * pact refuses stays in the outbox as refused, and the event's change stands.
 */
export const createAlertUpdates = (deps: { clock: Clock; federation: AlertFederation }) => {
  const { clock, federation } = deps;

  const send = async (tx: Db, actor: Actor, event: EventRecord, change: AlertChange, note?: string): Promise<SendResult[]> => {
    const followers = await federation.alertFollowers(tx, event.party, event.id);
    const level = event.alertLevel ?? followers.level;
    if (followers.recipients.length === 0 || !event.disease || !level) return [];
    const last = followers.level ?? level;
    const status: PayloadOf<'alert-update'>['status'] =
      change !== 'level' ? change : level > last ? 'escalated' : level < last ? 'de-escalated' : 'update';
    const payload: PayloadOf<'alert-update'> = {
      alertId: event.id,
      party: event.party,
      disease: event.disease,
      level,
      revision: followers.revision + 1,
      status,
      ...(event.cases !== null ? { cases: event.cases } : {}),
      ...(event.deaths !== null ? { deaths: event.deaths } : {}),
      ...(note ? { note: note.slice(0, 5000) } : {}),
      changedAt: clock.now().toISOString(),
    };
    const results: SendResult[] = [];
    for (const to of followers.recipients) results.push(await federation.send(tx, actor, { type: 'alert-update', to, payload, from: event.party }));
    return results;
  };

  return { send };
};

export type AlertUpdates = ReturnType<typeof createAlertUpdates>;

/** One line for the event's timeline: where the update went, and where the pact kept it back. */
export const describeSent = (results: readonly SendResult[]) => {
  const sent = results.filter((r) => r.status === 'pending').map((r) => r.to);
  const refused = results.filter((r) => r.status === 'refused').map((r) => r.to);
  return [sent.length ? `Alert update sent to ${sent.join(', ')}` : '', refused.length ? `not sent to ${refused.join(', ')} (the pact refused it)` : '']
    .filter(Boolean)
    .join('; ');
};
