import { randomUUID } from 'node:crypto';
import { escalationAudience, type MessageType, type PayloadOf } from '@concord/core/federation/index';
import type { Actor, UserActor } from '../../actor.ts';
import type { Clock } from '../../clock.ts';
import type { Db, Queryable } from '../../db/database.ts';
import type { PactService } from '../pact/pact.service.ts';
import type { Delivery } from './delivery.ts';
import * as errors from './federation.errors.ts';
import * as repo from './federation.repo.ts';
import type { HandlerRegistry, ReceiveHandler } from './handlers.ts';
import { memberOf, membersOf, type Identity } from './identity.ts';
import type { Inbound } from './inbound.ts';
import type { OutboundMessage, SendResult } from './outbound.ts';
import * as received from './received.repo.ts';

export interface FederationServiceDeps {
  db: Db;
  clock: Clock;
  pact: PactService;
  identity: Identity;
  handlers: HandlerRegistry;
  inbound: Inbound;
  delivery: Delivery;
  send: (tx: Db, actor: Actor, message: OutboundMessage) => Promise<SendResult>;
  /** Starts a delivery pass soon, if the node's background jobs run. */
  kick: () => void;
}

/** What an alert route takes: the alert without the fields the node fills in. */
export type AlertInput = Omit<PayloadOf<'alert'>, 'party' | 'alertId' | 'detectedAt' | 'caseReportsWithheld'> & {
  alertId?: string;
  detectedAt?: string;
  /** Recipients; by default everyone the escalation playbook involves at this level. */
  to?: string[];
};

/** Jurisdictions whose federation traffic an actor may see: the hub's people see all. */
const scopeOf = (actor: UserActor): string[] | undefined => (actor.regionWide ? undefined : [actor.jurisdiction]);

/**
 * What a message carried is for its two ends. Others who reach the traffic
 * (the hub's people, on a node serving several jurisdictions) see that it
 * went and under which clause, not the data — which the pact sent to one
 * recipient, not to them.
 */
const isEnd = (actor: UserActor, row: { sender: string; recipient: string }) => actor.jurisdiction === row.sender || actor.jurisdiction === row.recipient;

const withoutPayload = <T extends { envelope: Record<string, unknown> | null }>(row: T): T =>
  row.envelope && 'payload' in row.envelope ? { ...row, envelope: { ...row.envelope, payload: { hidden: true } } } : row;

export const createFederationService = (deps: FederationServiceDeps) => {
  const { db, clock, pact, identity, handlers, inbound, delivery, kick } = deps;
  /** Types a context sends as part of its own change (and acts on when they arrive): not sent by hand. */
  const reserved = new Map<MessageType, string>();

  /** Sends in a transaction of its own and starts delivery once it has committed. */
  const sendNow = async (actor: Actor, messages: readonly OutboundMessage[]): Promise<SendResult[]> => {
    const results = await db.transaction(async (tx) => {
      const out: SendResult[] = [];
      for (const message of messages) out.push(await deps.send(tx, actor, message));
      return out;
    });
    kick();
    return results;
  };

  /** Sends, and refuses with FEDERATION_NOT_PERMITTED (the refusals stay recorded) when nothing could be sent. */
  const sendOrRefuse = async (actor: Actor, messages: readonly OutboundMessage[]) => {
    const results = await sendNow(actor, messages);
    const sent = results.filter((r) => r.status === 'pending');
    if (sent.length === 0 && results.length > 0) {
      const first = results[0]!;
      throw errors.refusedBySender({ messageId: first.id, reasons: results.flatMap((r) => r.reasons), decisionId: first.decisionIds[0] ?? null, to: results.map((r) => r.to).join(', ') });
    }
    return results;
  };

  const raiseAlert = async (actor: UserActor, input: AlertInput) => {
    const { to, ...fields } = input;
    const payload: PayloadOf<'alert'> = {
      ...fields,
      alertId: input.alertId ?? randomUUID(),
      party: actor.jurisdiction,
      detectedAt: input.detectedAt ?? clock.now().toISOString(),
    };
    const recipients = to ?? (await audience(actor, payload));
    if (recipients.length === 0) throw errors.notPermitted({ reasons: ['FEDERATION_NO_RECIPIENT: the playbook names no one to tell at this level'] });
    const messages = await sendOrRefuse(
      actor,
      recipients.map((recipient) => ({ type: 'alert' as const, to: recipient, payload })),
    );
    return { alertId: payload.alertId, messages };
  };

  /** Who the escalation playbook involves for this alert, other than the sender (a dry run: nothing is recorded). */
  const audience = async (actor: UserActor, payload: PayloadOf<'alert'>) => {
    const decision = await pact.decide(
      actor,
      { kind: 'escalation', party: payload.party, disease: payload.disease, level: payload.level },
      { dryRun: true, context: { alert: { [payload.party]: { [payload.disease]: payload.level } } } },
    );
    return decision.effect === 'permit' ? escalationAudience(decision.obligations).filter((code) => code !== actor.jurisdiction) : [];
  };

  /**
   * Where a jurisdiction is served under the pacts in force: on this node
   * (it holds the key), on a peer node (the pact names its URL and key), or
   * nowhere this node can reach. Other contexts send only to peers; what is
   * served here is one database and needs no message.
   */
  const locate = async (code: string, q: Queryable = db): Promise<'here' | 'peer' | 'none'> => {
    let found: 'peer' | 'none' = 'none';
    for (const { pact: held } of await pact.inForce(clock.now(), q)) {
      const member = memberOf(held, code);
      if (!member) continue;
      if (identity.isHosted(held, code)) return 'here';
      if (member.url && member.publicKey) found = 'peer';
    }
    return found;
  };

  const outbox = async (actor: UserActor, filter: Omit<repo.OutboxFilter, 'jurisdictions'>) =>
    (await repo.listOutbox(db, { ...filter, jurisdictions: scopeOf(actor) })).map((row) => (isEnd(actor, row) ? row : withoutPayload(row)));

  const outboxMessage = async (actor: UserActor, id: string) => {
    const row = await repo.findOutbox(db, id);
    const scope = scopeOf(actor);
    if (!row || (scope && !scope.includes(row.sender) && !scope.includes(row.recipient))) throw errors.messageNotFound(id);
    return isEnd(actor, row) ? row : { ...withoutPayload(row), jws: null };
  };

  const inbox = async (actor: UserActor, filter: { type?: string; sender?: string; limit: number }) =>
    (await repo.listInbox(db, { ...filter, jurisdictions: scopeOf(actor) })).map((row) => (isEnd(actor, row) ? row : withoutPayload(row)));

  const peers = async () => {
    const [states, backlog] = await Promise.all([repo.listPeerState(db), repo.backlog(db)]);
    const result = [];
    for (const { pact: held } of await pact.inForce()) {
      for (const member of membersOf(held)) {
        const state = states.find((s) => s.code === member.code);
        const queue = backlog.find((b) => b.recipient === member.code);
        result.push({
          pactId: held.id,
          pactVersion: held.version,
          ...member,
          hostedHere: identity.isHosted(held, member.code),
          lastSuccessAt: state?.lastSuccessAt ?? null,
          lastFailureAt: state?.lastFailureAt ?? null,
          failures: state?.failures ?? 0,
          nextAttemptAt: state?.nextAttemptAt ?? null,
          lastError: state?.lastError ?? null,
          backlog: queue?.pending ?? 0,
          oldestPending: queue?.oldest ?? null,
        });
      }
    }
    return result;
  };

  return {
    /** For other contexts: queue a message inside their own transaction (docs/federation.md). */
    send: deps.send,
    sendNow,
    sendOrRefuse,
    raiseAlert,
    receive: inbound.receive,
    onReceive: (type: MessageType, handler: ReceiveHandler) => handlers.on(type, handler),
    /**
     * A context that sends a type from its own change and keeps state from it
     * reserves the type: the generic outbox route then refuses it, so no
     * message of that type leaves without the record it stands for.
     */
    reserve: (type: MessageType, owner: string) => void reserved.set(type, owner),
    /** Sends one message by hand (the generic route), unless a context reserved its type. */
    sendByHand: (actor: UserActor, message: OutboundMessage) => {
      const owner = reserved.get(message.type);
      if (owner) throw errors.typeReserved(message.type, owner);
      return sendOrRefuse(actor, [message]);
    },
    kick,
    locate,
    /** Who received an alert of `sender`'s, and the level and revision last sent: an update goes to the same recipients. */
    alertFollowers: (q: Queryable, sender: string, alertId: string) => repo.alertFollowers(q, sender, alertId),
    /** Delivers everything due now and waits (tests, the CLI). */
    deliverNow: delivery.drain,
    outbox,
    outboxMessage,
    inbox,
    refusals: (actor: UserActor, limit: number) => repo.listRefusals(db, { jurisdictions: scopeOf(actor), limit }),
    peers,
    // What a jurisdiction received is seen by its own people (and the hub's, who reach the region).
    receivedAlerts: async (actor: UserActor, filter: { disease?: string; limit: number }) =>
      (await received.listAlerts(db, { ...filter, recipients: scopeOf(actor) })).map((alert) =>
        alert.recipient === actor.jurisdiction || alert.caseReports === null ? alert : { ...alert, caseReports: null, caseReportsHidden: alert.caseReports.length },
      ),
    receivedAggregates: (actor: UserActor, filter: { disease?: string; party?: string; limit: number }) =>
      received.listAggregates(db, { ...filter, recipients: scopeOf(actor) }),
    receivedRecords: async (actor: UserActor, filter: { type?: string; subject?: string; limit: number }) =>
      (await received.listRecords(db, { ...filter, recipients: scopeOf(actor) })).map(({ payload: { patient, ...rest }, ...record }) =>
        record.recipient === actor.jurisdiction || patient === undefined ? { ...record, payload: { ...rest, ...(patient === undefined ? {} : { patient }) } } : { ...record, payload: { ...rest, patientHidden: true } },
      ),
  };
};

export type FederationService = ReturnType<typeof createFederationService>;
