import { badRequest } from '../errors.ts';

/** A lot of one product in one store. `expiry` is an ISO date, the last day the lot may be used. */
export interface StockLot {
  lot: string;
  expiry: string;
  quantity: number;
  quarantined: boolean;
}

export interface LotPick {
  lot: string;
  expiry: string;
  quantity: number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const checkDate = (value: string, what: string): void => {
  if (!ISO_DATE.test(value)) throw badRequest('STOCK_DATE_INVALID', `${what} must be an ISO date YYYY-MM-DD, got "${value}"`, { value });
};

/** A lot can be issued on `today` if it is not quarantined, has stock, and expires today or later. */
export const isUsable = (lot: StockLot, today: string): boolean => !lot.quarantined && lot.quantity > 0 && lot.expiry >= today;

/**
 * First-expiry-first-out picking (WHO Model Guidelines for Good Storage
 * Practice; the EVM stock-management criterion): take `quantity` from the
 * usable lots in order of expiry, earliest first, ties by lot number, so
 * that stock leaves before it expires on the shelf. Expired and
 * quarantined lots are never picked. Refuses with STOCK_INSUFFICIENT when
 * usable stock falls short, without picking anything.
 */
export const pickFefo = (lots: readonly StockLot[], quantity: number, today: string): LotPick[] => {
  checkDate(today, 'today');
  for (const lot of lots) checkDate(lot.expiry, `expiry of lot ${lot.lot}`);
  if (!Number.isFinite(quantity) || quantity <= 0) {
    throw badRequest('STOCK_QUANTITY_INVALID', `the quantity to pick must be positive, got ${quantity}`, { quantity });
  }
  const usable = lots
    .filter((lot) => isUsable(lot, today))
    .sort((a, b) => (a.expiry !== b.expiry ? (a.expiry < b.expiry ? -1 : 1) : a.lot < b.lot ? -1 : a.lot > b.lot ? 1 : 0));
  const available = usable.reduce((sum, lot) => sum + lot.quantity, 0);
  if (available < quantity) {
    throw badRequest('STOCK_INSUFFICIENT', `asked for ${quantity} but only ${available} is usable on ${today}`, {
      requested: quantity,
      available,
    });
  }
  const picks: LotPick[] = [];
  let left = quantity;
  for (const lot of usable) {
    if (left <= 0) break;
    const take = Math.min(left, lot.quantity);
    picks.push({ lot: lot.lot, expiry: lot.expiry, quantity: take });
    left -= take;
  }
  return picks;
};
