import { badRequest } from '../errors.ts';

/**
 * Months of stock = stock on hand / average monthly consumption (AMC) over
 * the last `lastMonths` months (the USAID DELIVER / WHO logistics
 * indicator). `monthlyConsumption` runs oldest to newest; with fewer months
 * on record the average covers those there are. Null when nothing was
 * consumed: the stock would last for ever at that rate, which no number
 * says honestly.
 */
export const monthsOfStock = (onHand: number, monthlyConsumption: readonly number[], lastMonths = 3): number | null => {
  const bad = (message: string) => badRequest('STOCK_QUANTITY_INVALID', message, { onHand, lastMonths });
  if (!Number.isFinite(onHand) || onHand < 0) throw bad('stock on hand must be zero or more');
  if (!Number.isSafeInteger(lastMonths) || lastMonths < 1) throw bad('the number of months must be a whole number of at least 1');
  if (monthlyConsumption.some((q) => !Number.isFinite(q) || q < 0)) throw bad('monthly consumption must be zero or more');
  const recent = monthlyConsumption.slice(-lastMonths);
  const average = recent.reduce((sum, q) => sum + q, 0) / recent.length;
  return recent.length === 0 || average === 0 ? null : onHand / average;
};
