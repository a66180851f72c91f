import { randomUUID } from 'node:crypto';
import { findProduct, type Obligation } from '@concord/core';
import type { Actor } from '../../actor.ts';
import { actorLabel } from '../../actor.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { outOfScope } from '../accounts/accounts.errors.ts';
import type { AuditLog } from '../audit/audit.service.ts';
import type { PactService } from '../pact/pact.service.ts';
import { transactionWithRetry } from './deadlock-retry.ts';
import type { Ledger } from './ledger.service.ts';
import * as ledgerRepo from './ledger.repo.ts';
import { describeRequest, type SharingRequest } from './request-clocks.ts';
import type { SharingMessages } from './sharing-federation.ts';
import { jurisdictionOf } from './sharing-federation.ts';
import * as repo from './sharing.repo.ts';
import * as errors from './stock.errors.ts';
import { assertCanWrite, findStore, mainStoreOf, readableJurisdictions, type Store } from './stores.ts';

export interface NewSharingRequest {
  product: string;
  quantity: number;
  /** The lender: a party or the hub holding the reserve. */
  from: string;
  /** The borrower; the actor's own jurisdiction when left out (the hub may ask on a party's behalf). */
  to?: string;
  reason: string;
}

const DAY = 86_400_000;
const dateOf = (at: Date) => at.toISOString().slice(0, 10);

/** True when the actor holds a role the clause names as decider ("EAC/hub-coordinator", or a whole jurisdiction "EAC"). */
export const isDecider = (actor: Actor, deciders: readonly string[]): boolean =>
  actor.kind === 'system' ||
  deciders.some((ref) => {
    const [jurisdiction, role] = ref.split('/');
    if (jurisdiction !== actor.jurisdiction) return false;
    return role === undefined ? actor.roles.some((r) => r === 'national-focal-point' || r === 'hub-coordinator') : actor.roles.some((r) => r === role);
  });

/** The lots a request shipped, in the order they left the lender's store. */
const shippedEntries = async (q: Db, id: string) =>
  (await ledgerRepo.listEntries(q, { reference: `request:${id}`, limit: 500 })).filter((e) => e.kind === 'transfer-out').sort((a, b) => a.seq - b.seq);

export const createSharing = (deps: { db: Db; audit: AuditLog; clock: Clock; pact: PactService; ledger: Ledger; messages: SharingMessages }) => {
  const { db, audit, clock, pact, ledger, messages } = deps;

  const load = async (tx: Db, id: string, lock = false) => {
    const row = await repo.findRequest(tx, id, lock);
    if (!row) throw errors.requestNotFound(id);
    return row;
  };

  const present = async (q: Db, row: repo.RequestRow): Promise<SharingRequest> =>
    describeRequest(row, clock.now(), {
      repayments: await repo.listRepayments(q, row.id),
      shipped: await shippedEntries(q, row.id),
    });

  /**
   * Opens a request if a stockpile-sharing clause in force admits it (the
   * pact decides, and its decision is stored whatever the outcome). The
   * clause's decide-within obligation sets the decision clock; its repay
   * obligation the repayment terms. Lender and decider served by another
   * node get the request as a message written in this same transaction; a
   * refused request leaves only refused messages in the outbox.
   */
  const request = async (actor: Actor, input: NewSharingRequest, options: { allocationId?: string } = {}) => {
    if (!findProduct(input.product)) throw errors.unknownProduct(input.product);
    const borrower = input.to ?? (actor.kind === 'user' ? actor.jurisdiction : undefined);
    if (!borrower) throw errors.borrowerRequired();
    if (actor.kind === 'user' && !actor.regionWide && actor.jurisdiction !== borrower) throw outOfScope(borrower);
    // Who the messages speak for: the person asking (the hub may ask on a party's behalf), or the borrower.
    const speaker = actor.kind === 'user' ? actor.jurisdiction : borrower;
    const id = randomUUID();
    const outcome = await db.transaction(async (tx) => {
      const decision = await pact.decide(actor, { kind: 'stock-release', product: input.product, from: input.from, to: borrower, quantity: input.quantity }, { tx });
      if (decision.effect !== 'permit' || !decision.clauseId || !decision.id) {
        const peers = await messages.peersAmong(tx, [input.from, borrower], speaker);
        const row = { id, borrower, lender: input.from, product: input.product, quantity: input.quantity, reason: input.reason };
        if (peers.length > 0) await messages.recordRefused(tx, actor, speaker, row, await messages.statedAlert(tx, input.product, borrower), peers);
        // Returned, not thrown: the decision and the refused messages are kept.
        return { kind: 'refused' as const, decision };
      }
      const clock48 = decision.obligations.find((o): o is Extract<Obligation, { type: 'decide-within' }> => o.type === 'decide-within');
      const repay = decision.obligations.find((o): o is Extract<Obligation, { type: 'repay' }> => o.type === 'repay');
      const peers = await messages.peersAmong(tx, [input.from, borrower, ...(clock48?.by ?? []).map(jurisdictionOf)], speaker);
      const stated = peers.length > 0 ? await messages.statedAlert(tx, input.product, borrower) : undefined;
      const now = clock.now();
      const row: repo.NewRequest = {
        id,
        product: input.product,
        quantity: input.quantity,
        lender: input.from,
        borrower,
        reason: input.reason,
        requestedAt: now,
        requestedBy: actorLabel(actor),
        decisionId: decision.id,
        pactId: decision.pactId,
        pactVersion: decision.pactVersion,
        clauseId: decision.clauseId,
        decideBy: clock48 ? new Date(clock48.deadline) : now,
        deciders: clock48?.by ?? [],
        repayWithinDays: repay?.withinDays ?? 0,
        repayInKind: repay?.inKind ?? true,
        allocationId: options.allocationId ?? null,
        ...(stated ? { askerAlert: stated } : {}),
      };
      await repo.insertRequest(tx, row);
      await audit.append(tx, actor, {
        action: 'stock.request-opened',
        entityType: 'stock-request',
        entityId: row.id,
        jurisdiction: borrower,
        details: { product: row.product, quantity: row.quantity, lender: row.lender, clauseId: row.clauseId, pactVersion: row.pactVersion, decideBy: row.decideBy.toISOString(), ...(peers.length > 0 ? { sentTo: peers } : {}) },
      });
      const opened = await load(tx, row.id);
      if (peers.length > 0) await messages.sendRequest(tx, actor, speaker, opened, peers);
      return { kind: 'opened' as const, request: await present(tx, opened) };
    });
    if (outcome.kind === 'refused') {
      const { decision } = outcome;
      throw errors.requestNotPermitted({ product: input.product, from: input.from, to: borrower, decisionId: decision.id, reasons: decision.reasons });
    }
    return outcome.request;
  };

  const step = <T>(actor: Actor, id: string, name: string, allowed: readonly repo.RequestStatus[], work: (tx: Db, row: repo.RequestRow) => Promise<T>) =>
    transactionWithRetry(db, async (tx) => {
      const row = await load(tx, id, true);
      if (!allowed.includes(row.status)) throw errors.requestWrongState(id, name, row.status);
      const details = await work(tx, row);
      const updated = await load(tx, id);
      await audit.append(tx, actor, {
        action: `stock.request-${name}`,
        entityType: 'stock-request',
        entityId: id,
        jurisdiction: row.borrower,
        details: { ...details, status: updated.status },
      });
      return present(tx, updated);
    });

  /**
   * Approve in full, in part, or refuse, with reasons; only the deciders the
   * clause names, on the node that serves them. Late decisions stand and show
   * as late. The answer goes to the request's parties on other nodes in the
   * same transaction.
   */
  const decide = (actor: Actor, id: string, input: { outcome: 'approve' | 'part' | 'refuse'; quantity?: number; reason: string }) =>
    step(actor, id, 'decided', ['pending'], async (tx, row) => {
      if (!isDecider(actor, row.deciders)) throw errors.notADecider(row.deciders);
      const speaker = actor.kind === 'user' ? actor.jurisdiction : (row.deciders.map(jurisdictionOf)[0] ?? row.lender);
      if (actor.kind === 'user' && (await messages.servedElsewhere(tx, speaker))) throw errors.decidedOnAnotherNode(speaker);
      if (input.outcome === 'part' && (input.quantity === undefined || input.quantity < 1 || input.quantity >= row.quantity)) {
        throw errors.approvedQuantityInvalid(row.quantity, input.quantity);
      }
      const approved = input.outcome === 'approve' ? row.quantity : input.outcome === 'part' ? input.quantity! : 0;
      const status = input.outcome === 'approve' ? 'approved' : input.outcome === 'part' ? 'partially-approved' : 'refused';
      const now = clock.now();
      await repo.updateRequest(tx, id, { status, approvedQuantity: approved, decidedAt: now, decidedBy: actorLabel(actor), decisionReason: input.reason });
      const answered = await messages.sendAnswer(tx, actor, speaker, await load(tx, id), now);
      return { outcome: input.outcome, approved, reason: input.reason, late: now > row.decideBy, ...(answered.length > 0 ? { sentTo: answered.map((r) => r.to) } : {}) };
    });

  const partyStore = async (tx: Db, party: string, storeId: string | undefined): Promise<Store> => {
    const store = storeId ? await findStore(tx, storeId) : await mainStoreOf(tx, party);
    if (store.jurisdiction !== party) throw errors.storeNotOfParty(store.id, party);
    return store;
  };

  /** The lender ships the approved quantity FEFO from its store; the repayment clock starts that day. */
  const ship = (actor: Actor, id: string, input: { store?: string; at?: string }) =>
    step(actor, id, 'shipped', ['approved', 'partially-approved'], async (tx, row) => {
      const store = await partyStore(tx, row.lender, input.store);
      assertCanWrite(actor, store);
      const at = ledger.momentOf(input.at);
      const picks = await ledger.pick(tx, store.id, row.product, row.approvedQuantity!, at);
      const movement = randomUUID();
      await ledger.append(
        tx,
        actor,
        picks.map((p) => ({ store: store.id, product: row.product, lot: p.lot, kind: 'transfer-out' as const, quantity: p.quantity, at, movement, reference: `request:${id}`, reason: `sharing request to ${row.borrower}` })),
      );
      const repayDue = dateOf(new Date(at.getTime() + row.repayWithinDays * DAY));
      await repo.updateRequest(tx, id, { status: 'shipped', shippedAt: at, shippedFrom: store.id, repayDue });
      return { store: store.id, lots: picks, repayDue };
    });

  /** The borrower receives exactly the lots shipped. */
  const receive = (actor: Actor, id: string, input: { store?: string; at?: string }) =>
    step(actor, id, 'received', ['shipped'], async (tx, row) => {
      const store = await partyStore(tx, row.borrower, input.store);
      assertCanWrite(actor, store);
      const at = ledger.momentOf(input.at);
      const shipped = await shippedEntries(tx, id);
      const movement = randomUUID();
      await ledger.append(
        tx,
        actor,
        shipped.map((e) => ({ store: store.id, product: row.product, lot: e.lot, kind: 'transfer-in' as const, quantity: e.quantity, at, movement, counterpart: e.store, reference: `request:${id}`, reason: `sharing request from ${row.lender}` })),
      );
      await repo.updateRequest(tx, id, { status: 'received', receivedAt: at, receivedInto: store.id });
      return { store: store.id, quantity: shipped.reduce((sum, e) => sum + e.quantity, 0) };
    });

  /** The borrower pays back in kind: FEFO from its store into the lender's, both legs at once. */
  const repay = (actor: Actor, id: string, input: { quantity: number; fromStore?: string; toStore?: string; at?: string }) =>
    step(actor, id, 'repaid', ['received'], async (tx, row) => {
      const outstanding = row.approvedQuantity! - row.repaidQuantity;
      if (input.quantity > outstanding) throw errors.repaymentTooLarge(outstanding, input.quantity);
      const from = await partyStore(tx, row.borrower, input.fromStore);
      const to = await partyStore(tx, row.lender, input.toStore);
      assertCanWrite(actor, from);
      const at = ledger.momentOf(input.at);
      const picks = await ledger.pick(tx, from.id, row.product, input.quantity, at);
      const repaymentId = randomUUID();
      const common = { product: row.product, at, movement: repaymentId, reference: `repayment:${id}`, reason: `repayment of request ${id}` };
      await ledger.append(tx, actor, [
        ...picks.map((p) => ({ ...common, store: from.id, lot: p.lot, kind: 'transfer-out' as const, quantity: p.quantity, counterpart: to.id })),
        ...picks.map((p) => ({ ...common, store: to.id, lot: p.lot, kind: 'transfer-in' as const, quantity: p.quantity, counterpart: from.id })),
      ]);
      await repo.insertRepayment(tx, { id: repaymentId, requestId: id, quantity: input.quantity, at, fromStore: from.id, toStore: to.id, recordedBy: actorLabel(actor) });
      const repaid = row.repaidQuantity + input.quantity;
      await repo.updateRequest(tx, id, { repaidQuantity: repaid, ...(repaid >= row.approvedQuantity! ? { status: 'repaid' } : {}) });
      return { repayment: repaymentId, quantity: input.quantity, outstanding: outstanding - input.quantity };
    });

  const visible = (actor: Actor, row: repo.RequestRow) => {
    const scope = readableJurisdictions(actor);
    if (scope && !scope.includes(row.borrower) && !scope.includes(row.lender)) throw outOfScope(row.borrower);
  };

  const get = async (actor: Actor, id: string) => {
    const row = await load(db, id);
    visible(actor, row);
    return present(db, row);
  };

  const list = async (actor: Actor, filter: { party?: string; status?: repo.RequestStatus[]; product?: string; limit: number }) => {
    const rows = await repo.listRequests(db, { ...filter, parties: readableJurisdictions(actor) });
    return Promise.all(rows.map((row) => present(db, row)));
  };

  /** The scheduled job: flags decision clocks that ran out and repayments past due, once each, with an audit row. */
  const flagOverdue = (actor: Actor) =>
    db.transaction(async (tx) => {
      const now = clock.now();
      const decisions = await repo.flagDecisionsOverdue(tx, now);
      const repayments = await repo.flagRepaymentsOverdue(tx, now);
      for (const r of decisions) {
        await audit.append(tx, actor, { action: 'stock.request-decision-overdue', entityType: 'stock-request', entityId: r.id, jurisdiction: r.borrower, details: { lender: r.lender, decideBy: r.decideBy.toISOString() } });
      }
      for (const r of repayments) {
        await audit.append(tx, actor, { action: 'stock.request-repayment-overdue', entityType: 'stock-request', entityId: r.id, jurisdiction: r.borrower, details: { lender: r.lender, repayDue: r.repayDue, outstanding: r.outstanding } });
      }
      return { decisionsOverdue: decisions.map((r) => r.id), repaymentsOverdue: repayments.map((r) => r.id) };
    });

  return { request, decide, ship, receive, repay, get, list, flagOverdue };
};

export type Sharing = ReturnType<typeof createSharing>;
