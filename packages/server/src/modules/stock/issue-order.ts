import { isUsable, pickFefo, type LotPick } from '@concord/core/stock/index';

export interface IssuableLot {
  lot: string;
  expiry: string;
  quantity: number;
  quarantined: boolean;
  /** A cold-chain decision said "use first" (VVM stage 2): it leaves before other lots. */
  useFirst: boolean;
}

/**
 * The lots an issue takes, in the order WHO good storage practice asks:
 * lots a VVM reading marked "use first" go before the others, and within
 * each group first-expiry-first-out (core pickFefo). Quarantined and expired
 * lots are never picked; when usable stock is short the whole issue is
 * refused with STOCK_INSUFFICIENT and nothing is picked.
 */
export const pickForIssue = (lots: readonly IssuableLot[], quantity: number, today: string): LotPick[] => {
  // Checks the whole request against all usable stock first, so a shortfall
  // is reported with the full figures whatever the grouping.
  pickFefo(lots, quantity, today);
  const first = lots.filter((lot) => lot.useFirst && isUsable(lot, today));
  const fromFirst = Math.min(quantity, first.reduce((sum, lot) => sum + lot.quantity, 0));
  const picks = fromFirst > 0 ? pickFefo(first, fromFirst, today) : [];
  const rest = quantity - fromFirst;
  if (rest <= 0) return picks;
  return [...picks, ...pickFefo(lots.filter((lot) => !lot.useFirst), rest, today)];
};
