import { findProduct, type Random } from '@concord/core';
import { formatGs1 } from '@concord/core/stock/index';
import type { NewEntry } from '../modules/stock/ledger.repo.ts';
import { pickForIssue } from '../modules/stock/issue-order.ts';

/**
 * An in-memory stock ledger for generating the demo history: the same
 * movements the service records (receipts with GS1 strings, FEFO issues
 * and transfers, losses, adjustments, quarantines), kept in time order so
 * the entries can be bulk-loaded and checked with core replay().
 */
export interface SimLot {
  product: string;
  lot: string;
  gtin: string;
  expiry: string;
  productionDate: string | null;
  firstReceivedAt: Date;
}

const DAY = 86_400_000;
export const dateOf = (at: Date) => at.toISOString().slice(0, 10);
const addMonths = (at: Date, months: number) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + months, at.getUTCDate()));

/** A version-4-shaped UUID from the seeded generator, so the demo is the same on every machine. */
export const seededUuid = (random: Random): string => {
  const hex = Array.from({ length: 32 }, () => random.int(0, 15).toString(16));
  hex[12] = '4';
  hex[16] = ((random.int(0, 15) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
};

const LOT_CODES: Record<string, string> = {
  ors: 'ORS', 'ringer-lactate': 'RL', 'cholera-rdt': 'CRDT', 'oral-cholera-vaccine': 'OCV', 'artemether-lumefantrine': 'AL', 'malaria-rdt': 'MRDT',
  'ceftriaxone-1g': 'CTX', 'doxycycline-100mg': 'DOX', 'oseltamivir-75mg': 'OST', 'mr-vaccine': 'MR', 'yf-vaccine': 'YF', 'meningococcal-acwy-vaccine': 'MEN',
  'nitrile-gloves': 'GLV', 'ffp2-respirator': 'FFP', 'ebola-vaccine': 'EBV',
};

export const createSimulation = (random: Random) => {
  const balances = new Map<string, number>();
  const lotsAt = new Map<string, Set<string>>();
  const lots = new Map<string, SimLot>();
  const quarantined = new Set<string>();
  const useFirst = new Set<string>();
  const entries: NewEntry[] = [];
  let lotSerial = 0;

  const key = (store: string, product: string, lot: string) => `${store}|${product}|${lot}`;
  const balance = (store: string, product: string, lot: string) => balances.get(key(store, product, lot)) ?? 0;

  const record = (entry: NewEntry) => {
    const k = key(entry.store, entry.product, entry.lot);
    const sign = entry.kind === 'issue' || entry.kind === 'transfer-out' || entry.kind === 'loss' ? -1 : 1;
    balances.set(k, (balances.get(k) ?? 0) + sign * entry.quantity);
    const sp = `${entry.store}|${entry.product}`;
    if (!lotsAt.has(sp)) lotsAt.set(sp, new Set());
    lotsAt.get(sp)!.add(entry.lot);
    entries.push(entry);
  };

  /** The lots of a product at a store, as the FEFO picker sees them on a day. */
  const lotsOf = (store: string, product: string) =>
    [...(lotsAt.get(`${store}|${product}`) ?? [])].map((lot) => ({
      lot,
      expiry: lots.get(`${product}|${lot}`)!.expiry,
      quantity: balance(store, product, lot),
      quarantined: quarantined.has(key(store, product, lot)),
      useFirst: useFirst.has(key(store, product, lot)),
    }));

  const usable = (store: string, product: string, at: Date) =>
    lotsOf(store, product)
      .filter((l) => !l.quarantined && l.quantity > 0 && l.expiry >= dateOf(at))
      .reduce((sum, l) => sum + l.quantity, 0);

  /** Receives a new lot; `remainingMonths` of shelf life left at arrival. */
  const receive = (store: string, product: string, quantity: number, at: Date, remainingMonths: number, reference: string) => {
    if (quantity <= 0) return;
    const item = findProduct(product)!;
    lotSerial += 1;
    const lot = `${LOT_CODES[product] ?? 'LOT'}${dateOf(at).slice(2, 4)}${dateOf(at).slice(5, 7)}${String(lotSerial).padStart(5, '0')}`;
    const expiry = dateOf(addMonths(at, remainingMonths));
    const productionDate = dateOf(new Date(at.getTime() - random.int(20, 120) * DAY));
    lots.set(`${product}|${lot}`, { product, lot, gtin: item.gtin, expiry, productionDate, firstReceivedAt: at });
    const gs1 = formatGs1({ gtin: item.gtin, expiry, productionDate, lot }, 'bracketed');
    record({ store, product, lot, kind: 'receipt', quantity, at, movement: seededUuid(random), reference, gs1 });
  };

  /** Takes what FEFO gives, up to `quantity` (a stock-out issues what is there). */
  const take = (store: string, product: string, quantity: number, at: Date) => {
    const available = Math.min(quantity, usable(store, product, at));
    return available > 0 ? pickForIssue(lotsOf(store, product), available, dateOf(at)) : [];
  };

  const issue = (store: string, product: string, quantity: number, at: Date) => {
    const movement = seededUuid(random);
    for (const p of take(store, product, quantity, at)) record({ store, product, lot: p.lot, kind: 'issue', quantity: p.quantity, at, movement, reason: 'dispensed (synthetic)' });
  };

  const transfer = (from: string, to: string, product: string, quantity: number, at: Date, reference: string | null = null) => {
    const movement = seededUuid(random);
    const picks = take(from, product, quantity, at);
    for (const p of picks) record({ store: from, product, lot: p.lot, kind: 'transfer-out', quantity: p.quantity, at, movement, counterpart: to, reference });
    for (const p of picks) record({ store: to, product, lot: p.lot, kind: 'transfer-in', quantity: p.quantity, at, movement, counterpart: from, reference });
    return picks;
  };

  /** Only the outbound leg (a cross-border shipment in transit); the inbound leg is `arrive`. */
  const ship = (from: string, product: string, quantity: number, at: Date, reference: string) => {
    const movement = seededUuid(random);
    const picks = take(from, product, quantity, at);
    for (const p of picks) record({ store: from, product, lot: p.lot, kind: 'transfer-out', quantity: p.quantity, at, movement, reference, reason: 'sharing request (synthetic)' });
    return picks;
  };

  const arrive = (to: string, from: string, product: string, picks: readonly { lot: string; quantity: number }[], at: Date, reference: string) => {
    const movement = seededUuid(random);
    for (const p of picks) record({ store: to, product, lot: p.lot, kind: 'transfer-in', quantity: p.quantity, at, movement, counterpart: from, reference, reason: 'sharing request (synthetic)' });
  };

  const loss = (store: string, product: string, lot: string, quantity: number, at: Date, reason: string, reference: string | null = null) => {
    const q = Math.min(quantity, balance(store, product, lot));
    if (q > 0) record({ store, product, lot, kind: 'loss', quantity: q, at, movement: seededUuid(random), reason, reference });
    return q;
  };

  const adjust = (store: string, product: string, lot: string, delta: number, at: Date) => {
    const q = Math.max(delta, -balance(store, product, lot));
    if (q !== 0) record({ store, product, lot, kind: 'adjustment', quantity: q, at, movement: seededUuid(random), reason: 'physical count (synthetic)' });
  };

  /** Writes off, as expired, every lot past its expiry date at any store. */
  const expire = (at: Date) => {
    const today = dateOf(at);
    for (const [k, quantity] of balances) {
      if (quantity <= 0) continue;
      const [store, product, lot] = k.split('|') as [string, string, string];
      if (lots.get(`${product}|${lot}`)!.expiry < today) loss(store, product, lot, quantity, at, 'expired (synthetic)');
    }
  };

  /** Lots on hand at a store, for a cold-chain alarm or a count. */
  const onHand = (store: string, products: readonly string[]) =>
    products.flatMap((product) => lotsOf(store, product).filter((l) => l.quantity > 0).map((l) => ({ product, lot: l.lot, quantity: l.quantity })));

  return {
    entries,
    lots: () => [...lots.values()],
    balances: () => [...balances].map(([k, quantity]) => ({ key: k, quantity })),
    usable,
    onHand,
    balance,
    receive,
    issue,
    transfer,
    ship,
    arrive,
    loss,
    adjust,
    expire,
    quarantine: (store: string, product: string, lot: string) => quarantined.add(key(store, product, lot)),
    release: (store: string, product: string, lot: string, first: boolean) => {
      quarantined.delete(key(store, product, lot));
      if (first) useFirst.add(key(store, product, lot));
    },
  };
};

export type Simulation = ReturnType<typeof createSimulation>;
