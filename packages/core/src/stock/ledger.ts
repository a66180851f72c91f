import { AppError, badRequest, isAppError } from '../errors.ts';

/**
 * The movements of a stock ledger. A transfer is two entries, the
 * `transfer-out` at the sending store and the `transfer-in` at the
 * receiving one, so each store's ledger stands on its own; pairing them is
 * the caller's business. `adjustment` carries a signed quantity (a count
 * found more or less than the books); every other kind a positive one.
 */
export type EntryKind = 'receipt' | 'issue' | 'transfer-out' | 'transfer-in' | 'adjustment' | 'loss';

export interface StockEntry {
  kind: EntryKind;
  store: string;
  product: string;
  lot: string;
  quantity: number;
  /** ISO 8601 date or date-time of the movement. */
  at: string;
}

export interface StockBalance {
  store: string;
  product: string;
  lot: string;
  quantity: number;
}

/** Balances per store, product and lot; read them with `balanceOf` or `listBalances`. */
export type StockBalances = ReadonlyMap<string, StockBalance>;

const SIGN: Record<EntryKind, 1 | -1> = {
  receipt: 1,
  'transfer-in': 1,
  adjustment: 1,
  issue: -1,
  'transfer-out': -1,
  loss: -1,
};

const keyOf = (where: { store: string; product: string; lot: string }) => JSON.stringify([where.store, where.product, where.lot]);

export const emptyBalances = (): StockBalances => new Map();

export const balanceOf = (balances: StockBalances, where: { store: string; product: string; lot: string }): number =>
  balances.get(keyOf(where))?.quantity ?? 0;

export const listBalances = (balances: StockBalances): StockBalance[] => [...balances.values()];

const invalid = (reason: string, entry: unknown) => badRequest('STOCK_ENTRY_INVALID', `invalid stock entry: ${reason}`, { reason, entry });

const checkEntry = (entry: StockEntry): void => {
  if (!(entry.kind in SIGN)) throw invalid(`unknown kind "${String(entry.kind)}"`, entry);
  for (const field of ['store', 'product', 'lot'] as const) {
    if (typeof entry[field] !== 'string' || entry[field].length === 0) throw invalid(`${field} must be a non-empty string`, entry);
  }
  if (typeof entry.at !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(entry.at)) throw invalid('at must be an ISO 8601 date or date-time', entry);
  const signed = entry.kind === 'adjustment';
  if (!Number.isFinite(entry.quantity) || (signed ? entry.quantity === 0 : entry.quantity <= 0)) {
    throw invalid(signed ? 'an adjustment must change the quantity' : `a ${entry.kind} needs a positive quantity`, entry);
  }
};

/** The balance an entry leaves, or STOCK_NEGATIVE_BALANCE if it would go below zero. */
const nextBalance = (balances: StockBalances, entry: StockEntry): StockBalance => {
  checkEntry(entry);
  const before = balanceOf(balances, entry);
  const after = before + SIGN[entry.kind] * entry.quantity;
  if (after < 0) {
    throw badRequest(
      'STOCK_NEGATIVE_BALANCE',
      `${entry.kind} of ${Math.abs(entry.quantity)} ${entry.product} lot ${entry.lot} at ${entry.store} would leave ${after}`,
      { store: entry.store, product: entry.product, lot: entry.lot, balance: before, quantity: entry.quantity },
    );
  }
  return { store: entry.store, product: entry.product, lot: entry.lot, quantity: after };
};

/**
 * Applies one entry and returns the new balances; the balances passed in
 * are left as they were, so a refused entry changes nothing.
 */
export const applyEntry = (balances: StockBalances, entry: StockEntry): StockBalances => {
  const balance = nextBalance(balances, entry);
  return new Map(balances).set(keyOf(balance), balance);
};

/**
 * Derives the balances from a ledger, entry by entry in the order given.
 * An entry that would go negative means the ledger itself is wrong; the
 * error's params name its index.
 */
export const replay = (entries: readonly StockEntry[]): StockBalances => {
  const balances = new Map<string, StockBalance>();
  entries.forEach((entry, index) => {
    try {
      const balance = nextBalance(balances, entry);
      balances.set(keyOf(balance), balance);
    } catch (error) {
      if (!isAppError(error)) throw error;
      throw new AppError(error.code, `entry ${index}: ${error.message}`, { status: error.status, params: { ...error.params, index } });
    }
  });
  return balances;
};
