import { findProduct, type Obligation } from '@concord/core';
import { releaseAlert, type PayloadOf, type StatedAlert } from '@concord/core/federation/index';
import type { Actor } from '../../actor.ts';
import { systemActor } from '../../actor.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../audit/audit.service.ts';
import { notYet, type FederationService, type ReceivedMessage, type SendResult } from '../federation/index.ts';
import type { PactService } from '../pact/pact.service.ts';
import * as repo from './sharing.repo.ts';
import * as errors from './stock.errors.ts';

/** What the stock context uses of the federation: send in its own transaction, find where a party is served, act on arrivals. */
export type SharingFederation = Pick<FederationService, 'send' | 'locate' | 'onReceive' | 'reserve'>;

const HOUR = 3_600_000;
/** How long an answer may wait for its request to arrive; then it is refused, not retried for ever. */
const ANSWER_WAITS_MS = 7 * 24 * HOUR;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Of<T extends Obligation['type']> = Extract<Obligation, { type: T }>;
const obligation = <T extends Obligation['type']>(obligations: readonly Obligation[], type: T): Of<T> | undefined =>
  obligations.find((o): o is Of<T> => o.type === type);

/** The jurisdiction part of a clause's actor reference ("EAC/hub-coordinator" → "EAC"). */
export const jurisdictionOf = (ref: string) => ref.split('/')[0] ?? ref;

const ANSWERS = { approved: 'approved', 'partially-approved': 'partially-approved', refused: 'declined' } as const;
const STATUSES = { approved: 'approved', 'partially-approved': 'partially-approved', declined: 'refused' } as const;

/**
 * Sharing requests between nodes (docs/federation.md, "Domain messages").
 * The borrower's node opens a request and, in the same transaction, sends it
 * to every other party of it — lender, decider — served by another node;
 * each keeps a copy under the same id, so the lender sees it and the
 * decider's clock runs. The decider's answer travels back the same way.
 * Parties served by this node share the one row: nothing is sent.
 */
export const createSharingFederation = (deps: { pact: PactService; audit: AuditLog; federation: SharingFederation }) => {
  const { pact, audit, federation } = deps;

  /** Of these jurisdictions, the ones served by another node, other than the one speaking. */
  const peersAmong = async (tx: Db, jurisdictions: readonly string[], speaker: string) => {
    const peers: string[] = [];
    for (const code of new Set(jurisdictions)) if (code !== speaker && (await federation.locate(code, tx)) === 'peer') peers.push(code);
    return peers;
  };

  /** True when another node serves this jurisdiction (its decisions are made there). */
  const servedElsewhere = async (tx: Db, code: string) => (await federation.locate(code, tx)) === 'peer';

  /** The borrower's own alert level for the disease the release condition reads, stated in the message so every node decides alike. */
  const statedAlert = async (tx: Db, product: string, borrower: string): Promise<StatedAlert | undefined> =>
    releaseAlert((await pact.inForce(undefined, tx)).map((entry) => entry.pact), product, borrower, await pact.alertLevels(tx));

  const sendAll = async (tx: Db, actor: Actor, speaker: string, to: readonly string[], body: { type: 'stock-request' | 'stock-answer'; payload: unknown }) => {
    const results: SendResult[] = [];
    for (const recipient of to) results.push(await federation.send(tx, actor, { ...body, to: recipient, from: speaker }));
    return results;
  };

  const requestPayload = (row: Pick<repo.RequestRow, 'id' | 'borrower' | 'lender' | 'product' | 'quantity' | 'reason'>, alert: StatedAlert | undefined): PayloadOf<'stock-request'> => ({
    requestId: row.id,
    party: row.borrower,
    holder: row.lender,
    product: row.product,
    quantity: row.quantity,
    reason: row.reason,
    ...(alert ? { alert } : {}),
  });

  /** Sends a request that was just opened; when the pact refuses it to a peer, throws (the caller's transaction rolls back). */
  const sendRequest = async (tx: Db, actor: Actor, speaker: string, row: repo.RequestRow, to: readonly string[]) => {
    const results = await sendAll(tx, actor, speaker, to, { type: 'stock-request', payload: requestPayload(row, row.askerAlert ?? undefined) });
    const refused = results.find((r) => r.status === 'refused');
    if (refused) throw errors.notSent({ id: row.id, what: 'request', to: refused.to, decisionId: refused.decisionIds[0] ?? null, reasons: refused.reasons });
    return results;
  };

  /**
   * Records a request the pact refused as refused messages to the peers that
   * would have received it: nothing is signed or sent, and the borrower's
   * outbox shows what did not leave. The federation decides each under the
   * same request and stated facts, so each comes back refused.
   */
  const recordRefused = async (tx: Db, actor: Actor, speaker: string, row: Parameters<typeof requestPayload>[0], alert: StatedAlert | undefined, to: readonly string[]) => {
    const results = await sendAll(tx, actor, speaker, to, { type: 'stock-request', payload: requestPayload(row, alert) });
    // A refused request must never leave; should a decision differ, nothing of this transaction stands.
    if (results.some((r) => r.status !== 'refused')) throw new Error(`sharing request ${row.id}: the pact refused it, yet a message to a peer was permitted`);
    return results;
  };

  /** Sends the decider's answer to the request's other parties on peer nodes; refused → throws, so the decision rolls back too. */
  const sendAnswer = async (tx: Db, actor: Actor, speaker: string, row: repo.RequestRow, decidedAt: Date) => {
    const to = await peersAmong(tx, [row.borrower, row.lender, ...(row.origin ? [row.origin] : [])], speaker);
    if (to.length === 0) return [];
    const payload: PayloadOf<'stock-answer'> = {
      requestId: row.id,
      party: row.borrower,
      holder: row.lender,
      product: row.product,
      decision: ANSWERS[row.status as keyof typeof ANSWERS],
      quantity: row.approvedQuantity ?? 0,
      ...(row.decisionReason ? { note: row.decisionReason.slice(0, 2000) } : {}),
      ...(row.askerAlert ? { askerAlert: row.askerAlert } : {}),
      decidedAt: decidedAt.toISOString(),
    };
    const results = await sendAll(tx, actor, speaker, to, { type: 'stock-answer', payload });
    const refused = results.find((r) => r.status === 'refused');
    if (refused) throw errors.notSent({ id: row.id, what: 'answer', to: refused.to, decisionId: refused.decisionIds[0] ?? null, reasons: refused.reasons });
    return results;
  };

  const actor = systemActor('federation');

  /** A request from another node becomes a copy here, with the decision clock this node's own decision sets (from the moment it was asked). */
  const receiveRequest = async (tx: Db, { envelope, body, decision }: ReceivedMessage) => {
    if (body.type !== 'stock-request') return;
    const p = body.payload;
    if (!UUID.test(p.requestId)) throw errors.sharingMessageInvalid(p.requestId, 'a request id is a UUID');
    if (!Number.isInteger(p.quantity)) throw errors.sharingMessageInvalid(p.requestId, 'a quantity is a whole number');
    if (!findProduct(p.product)) throw errors.unknownProduct(p.product);
    const clock = obligation(decision.obligations, 'decide-within');
    const repay = obligation(decision.obligations, 'repay');
    const requestedAt = new Date(envelope.createdAt);
    const decideBy = new Date(requestedAt.getTime() + (clock?.hours ?? 0) * HOUR);
    const fresh = await repo.insertRequest(tx, {
      id: p.requestId,
      product: p.product,
      quantity: p.quantity,
      lender: p.holder,
      borrower: p.party,
      reason: p.reason,
      requestedAt,
      requestedBy: `node:${envelope.from}${envelope.role ? `/${envelope.role}` : ''}`,
      decisionId: decision.id,
      pactId: decision.pactId,
      pactVersion: decision.pactVersion,
      clauseId: decision.clauseId,
      decideBy,
      deciders: clock?.by ?? [],
      repayWithinDays: repay?.withinDays ?? 0,
      repayInKind: repay?.inKind ?? true,
      allocationId: null,
      origin: envelope.from,
      askerAlert: p.alert ?? null,
    });
    // Sent to two jurisdictions this node serves (lender and decider), the request is kept once.
    if (!fresh) return;
    await audit.append(tx, { ...actor, jurisdiction: envelope.to }, {
      action: 'stock.request-received',
      entityType: 'stock-request',
      entityId: p.requestId,
      jurisdiction: p.party,
      details: { from: envelope.from, messageId: envelope.id, lender: p.holder, product: p.product, quantity: p.quantity, clauseId: decision.clauseId, decideBy: decideBy.toISOString() },
    });
  };

  /** The decider's answer moves this node's copy on, as a decision made here would. */
  const receiveAnswer = async (tx: Db, { envelope, body, receivedAt }: ReceivedMessage) => {
    if (body.type !== 'stock-answer') return;
    const p = body.payload;
    if (!UUID.test(p.requestId)) throw errors.sharingMessageInvalid(p.requestId, 'a request id is a UUID');
    const row = await repo.findRequest(tx, p.requestId, true);
    // The answer comes from the decider, the request from the borrower: the two may cross on the way.
    if (!row && receivedAt.getTime() - Date.parse(envelope.createdAt) > ANSWER_WAITS_MS) throw errors.requestNotFound(p.requestId);
    if (!row) throw notYet(`the sharing request ${p.requestId} has not reached this node yet`, { requestId: p.requestId });
    if (row.borrower !== p.party || row.lender !== p.holder || row.product !== p.product) {
      throw errors.sharingMessageInvalid(p.requestId, `it names ${p.party}, ${p.holder} and ${p.product}; the request is ${row.borrower}'s, from ${row.lender}, for ${row.product}`);
    }
    if (!row.deciders.map(jurisdictionOf).includes(envelope.from)) throw errors.notADecider(row.deciders);
    if (row.status !== 'pending') throw errors.requestWrongState(row.id, 'decided', row.status);
    const expected = p.decision === 'approved' ? p.quantity === row.quantity : p.decision === 'declined' ? p.quantity === 0 : p.quantity >= 1 && p.quantity < row.quantity;
    if (!expected || !Number.isInteger(p.quantity)) throw errors.sharingMessageInvalid(p.requestId, `${p.decision} with a quantity of ${p.quantity} for a request of ${row.quantity}`);
    const decidedAt = new Date(p.decidedAt);
    await repo.updateRequest(tx, row.id, {
      status: STATUSES[p.decision],
      approvedQuantity: p.quantity,
      decidedAt,
      decidedBy: `node:${envelope.from}${envelope.role ? `/${envelope.role}` : ''}`,
      decisionReason: p.note ?? null,
    });
    await audit.append(tx, { ...actor, jurisdiction: envelope.to }, {
      action: 'stock.request-decided',
      entityType: 'stock-request',
      entityId: row.id,
      jurisdiction: row.borrower,
      details: { outcome: p.decision, approved: p.quantity, reason: p.note ?? null, late: decidedAt > row.decideBy, from: envelope.from, messageId: envelope.id, status: STATUSES[p.decision] },
    });
  };

  federation.onReceive('stock-request', receiveRequest);
  federation.onReceive('stock-answer', receiveAnswer);
  federation.reserve('stock-request', 'stock');
  federation.reserve('stock-answer', 'stock');

  return { peersAmong, servedElsewhere, statedAlert, sendRequest, recordRefused, sendAnswer };
};

export type SharingMessages = ReturnType<typeof createSharingFederation>;
