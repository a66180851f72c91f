import { randomUUID } from 'node:crypto';
import { findProduct } from '@concord/core';
import { applyEntry, balanceOf, listBalances, replay, type StockBalance, type StockBalances, type StockEntry } from '@concord/core/stock/index';
import type { Actor } from '../../actor.ts';
import { actorLabel } from '../../actor.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../audit/audit.service.ts';
import { transactionWithRetry } from './deadlock-retry.ts';
import { pickForIssue } from './issue-order.ts';
import * as repo from './ledger.repo.ts';
import { resolveReceipt, type ReceiptInput } from './receipt.ts';
import * as errors from './stock.errors.ts';
import { assertCanRead, assertCanWrite, findStore, type Store } from './stores.ts';

export interface MovementInput {
  product: string;
  quantity: number;
  at?: string;
  reference?: string;
  reason?: string;
}

export interface LotMovementInput extends MovementInput {
  lot: string;
}

export interface AppliedEntry {
  seq: number;
  store: string;
  product: string;
  lot: string;
  kind: repo.NewEntry['kind'];
  quantity: number;
  /** The lot's balance at the store right after this entry. */
  balance: number;
}

export interface Movement {
  movement: string;
  entries: AppliedEntry[];
}

const keyOf = (e: { store: string; product: string; lot: string }) => JSON.stringify([e.store, e.product, e.lot]);

/** Balances carried into core as receipts, so that the only arithmetic on stock is core's ledger rule. */
const openingEntries = (balances: readonly StockBalance[]): StockEntry[] =>
  balances.filter((b) => b.quantity > 0).map((b) => ({ kind: 'receipt', store: b.store, product: b.product, lot: b.lot, quantity: b.quantity, at: '1970-01-01' }));
const dateOf = (at: Date) => at.toISOString().slice(0, 10);

export const createLedger = (deps: { db: Db; audit: AuditLog; clock: Clock }) => {
  const { db, audit, clock } = deps;

  /** When a movement happened: now, or a given past moment (never the future). */
  const momentOf = (at: string | undefined): Date => {
    const now = clock.now();
    if (at === undefined) return now;
    const moment = new Date(at);
    if (moment > now) throw errors.timeInFuture(at);
    return moment;
  };

  const knownProduct = (id: string) => {
    if (!findProduct(id)) throw errors.unknownProduct(id);
    return id;
  };

  /**
   * Appends entries in the caller's transaction: locks the balances they
   * touch, applies them one by one with core's ledger rule (which refuses a
   * negative balance with STOCK_NEGATIVE_BALANCE before anything is
   * written), then writes the entries and the new balances together.
   * Opening balances enter core as receipts, so the only arithmetic on
   * stock is core's.
   */
  const append = async (tx: Db, actor: Actor, entries: repo.NewEntry[]): Promise<AppliedEntry[]> => {
    const keys = [...new Map(entries.map((e) => [keyOf(e), { store: e.store, product: e.product, lot: e.lot }])).values()];
    const locked = await repo.lockBalances(tx, keys);
    const before: StockBalances = replay(openingEntries(locked));
    let balances = before;
    const after: number[] = [];
    for (const entry of entries) {
      balances = applyEntry(balances, { ...entry, at: entry.at.toISOString() });
      after.push(balanceOf(balances, entry));
    }
    const existing = new Set(locked.map(keyOf));
    const changes = keys
      .map((k) => ({ ...k, delta: balanceOf(balances, k) - balanceOf(before, k), existing: existing.has(keyOf(k)) }))
      .filter((c) => c.delta !== 0);
    const rows = await repo.appendEntries(tx, entries, changes, { recordedAt: clock.now(), actor: actorLabel(actor) });
    return entries.map((e, i) => ({ seq: rows[i]!.seq, store: e.store, product: e.product, lot: e.lot, kind: e.kind, quantity: e.quantity, balance: after[i]! }));
  };

  /** FEFO picks for an issue or a shipment, with the balance rows locked until the transaction ends. */
  const pick = async (tx: Db, store: string, product: string, quantity: number, at: Date) => {
    const lots = await repo.lotsOnHand(tx, store, { product, lock: true });
    return pickForIssue(lots, quantity, dateOf(at));
  };

  const writable = async (tx: Db, actor: Actor, storeId: string): Promise<Store> => {
    const store = await findStore(tx, storeId);
    assertCanWrite(actor, store);
    return store;
  };

  const record = async (
    actor: Actor,
    storeId: string,
    action: string,
    build: (tx: Db, store: Store, movement: string) => Promise<repo.NewEntry[]>,
  ): Promise<Movement> =>
    transactionWithRetry(db, async (tx) => {
      const store = await writable(tx, actor, storeId);
      const movement = randomUUID();
      const entries = await append(tx, actor, await build(tx, store, movement));
      await audit.append(tx, actor, {
        action,
        entityType: 'stock-movement',
        entityId: movement,
        jurisdiction: store.jurisdiction,
        details: { store: store.id, entries: entries.map(({ kind, product, lot, quantity }) => ({ kind, product, lot, quantity })) },
      });
      return { movement, entries };
    });

  const receive = (actor: Actor, storeId: string, input: ReceiptInput & { quantity: number; at?: string; reference?: string }) =>
    record(actor, storeId, 'stock.received', async (tx, store, movement) => {
      const at = momentOf(input.at);
      const lot = resolveReceipt(input, at);
      if (lot.expiry < dateOf(at)) throw errors.lotExpired(lot.product, lot.lot, lot.expiry);
      const stored = await repo.upsertLot(tx, { ...lot, at });
      if (stored.expiry !== lot.expiry) throw errors.lotExpiryMismatch(lot.product, lot.lot, stored.expiry, lot.expiry);
      return [
        { store: store.id, product: lot.product, lot: lot.lot, kind: 'receipt', quantity: input.quantity, at, movement, reference: input.reference, gs1: lot.gs1 },
      ];
    });

  const issue = (actor: Actor, storeId: string, input: MovementInput) =>
    record(actor, storeId, 'stock.issued', async (tx, store, movement) => {
      const at = momentOf(input.at);
      const picks = await pick(tx, store.id, knownProduct(input.product), input.quantity, at);
      return picks.map((p) => ({
        store: store.id, product: input.product, lot: p.lot, kind: 'issue' as const, quantity: p.quantity, at, movement, reference: input.reference, reason: input.reason,
      }));
    });

  /** A transfer inside one jurisdiction, both legs at once; across a border stock moves only through a sharing request. */
  const transfer = (actor: Actor, input: MovementInput & { from: string; to: string }) =>
    record(actor, input.from, 'stock.transferred', async (tx, from, movement) => {
      if (input.from === input.to) throw errors.sameStore(input.from);
      const to = await findStore(tx, input.to);
      if (to.jurisdiction !== from.jurisdiction) throw errors.crossBorderTransfer(from.id, to.id);
      const at = momentOf(input.at);
      const picks = await pick(tx, from.id, knownProduct(input.product), input.quantity, at);
      const common = { product: input.product, at, movement, reference: input.reference, reason: input.reason };
      return [
        ...picks.map((p) => ({ ...common, store: from.id, lot: p.lot, kind: 'transfer-out' as const, quantity: p.quantity, counterpart: to.id })),
        ...picks.map((p) => ({ ...common, store: to.id, lot: p.lot, kind: 'transfer-in' as const, quantity: p.quantity, counterpart: from.id })),
      ];
    });

  const lotEntry = (kind: 'adjustment' | 'loss', actor: Actor, storeId: string, input: LotMovementInput) =>
    record(actor, storeId, kind === 'loss' ? 'stock.lost' : 'stock.adjusted', async (tx, store, movement) => {
      const at = momentOf(input.at);
      const lots = await repo.lotsOnHand(tx, store.id, { product: knownProduct(input.product) });
      const known = lots.some((l) => l.lot === input.lot) || (kind === 'adjustment' && input.quantity > 0 && (await lotExists(tx, input.product, input.lot)));
      if (!known) throw errors.lotNotFound(store.id, input.product, input.lot);
      return [{ store: store.id, product: input.product, lot: input.lot, kind, quantity: input.quantity, at, movement, reference: input.reference, reason: input.reason }];
    });

  const lotExists = async (tx: Db, product: string, lot: string) =>
    (await tx.query('SELECT 1 FROM stock_lots WHERE product = $1 AND lot = $2', [product, lot])).length > 0;

  const lots = async (actor: Actor, storeId: string, product?: string) => {
    const store = await findStore(db, storeId);
    assertCanRead(actor, store.jurisdiction);
    return { store, lots: await repo.lotsOnHand(db, store.id, { product }) };
  };

  const entries = async (actor: Actor, storeId: string, filter: { product?: string; beforeSeq?: number; limit: number }) => {
    const store = await findStore(db, storeId);
    assertCanRead(actor, store.jurisdiction);
    return repo.listEntries(db, { store: store.id, ...filter });
  };

  /**
   * Recomputes every balance from the ledger: the SQL sum per lot must equal
   * the balance table, and core replay() over the entries in the order they
   * were appended must never go negative and must give the same balances.
   */
  const verify = async () => {
    const mismatches = await repo.balanceMismatches(db);
    let balances: StockBalances = new Map();
    let checked = 0;
    let replayError: { code: string; message: string; seq: number } | null = null;
    for (let after = 0; ; ) {
      const page = await repo.entriesAfter(db, after, 5_000);
      if (page.length === 0) break;
      // Each page is replayed on top of the balances so far, carried in as opening receipts.
      const opening = openingEntries(listBalances(balances));
      try {
        balances = replay([...opening, ...page.map((e) => ({ ...e, at: e.at.toISOString() }))]);
      } catch (error) {
        const index = ((error as { params?: { index?: number } }).params?.index ?? opening.length) - opening.length;
        replayError = { code: (error as { code?: string }).code ?? 'INTERNAL', message: (error as Error).message, seq: page[Math.max(0, index)]!.seq };
        break;
      }
      checked += page.length;
      after = page[page.length - 1]!.seq;
    }
    const stored = new Map((await repo.allBalances(db)).map((b) => [keyOf(b), b.quantity]));
    const replayed = new Map(listBalances(balances).map((b) => [keyOf(b), b.quantity]));
    const differ = [...new Set([...stored.keys(), ...replayed.keys()])].filter((key) => (stored.get(key) ?? 0) !== (replayed.get(key) ?? 0));
    return {
      ok: mismatches.length === 0 && replayError === null && differ.length === 0,
      entries: checked,
      balances: stored.size,
      mismatches,
      replayError,
      replayDiffers: differ.slice(0, 100).map((key) => JSON.parse(key) as [string, string, string]),
    };
  };

  return {
    append,
    pick,
    momentOf,
    receive,
    issue,
    transfer,
    adjust: (actor: Actor, store: string, input: LotMovementInput) => lotEntry('adjustment', actor, store, input),
    loss: (actor: Actor, store: string, input: LotMovementInput) => lotEntry('loss', actor, store, input),
    lots,
    entries,
    verify,
  };
};

export type Ledger = ReturnType<typeof createLedger>;
