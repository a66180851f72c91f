/**
 * Months of stock in three bands, after the max-min inventory control of
 * the USAID | DELIVER PROJECT's Logistics Handbook (2011, ch. 4): the
 * minimum is the stock that covers the lead time plus the safety stock,
 * the maximum is the minimum plus one review period. Below the minimum a
 * party should order now; above the maximum stock risks expiring on the
 * shelf. The Handbook gives the rule, not the numbers: these are the
 * dashboard's settings for a party's national stock (all its stores),
 * chosen for the demo region's supply and meant to be set per region.
 */
export const LEAD_TIME_MONTHS = 3; // an international pooled order reaching a central medical store
export const SAFETY_STOCK_MONTHS = 3; // cover for late deliveries and outbreaks
export const REVIEW_PERIOD_MONTHS = 3; // the pooled procurement delivers quarterly

export const MIN_MONTHS = LEAD_TIME_MONTHS + SAFETY_STOCK_MONTHS;
export const MAX_MONTHS = MIN_MONTHS + REVIEW_PERIOD_MONTHS;

/** `unknown`: nothing was consumed in the last three months, so no rate to divide by. */
export type StockBand = 'under' | 'ok' | 'over' | 'unknown';

export const bandOf = (months: number | null): StockBand =>
  months === null || !Number.isFinite(months) ? 'unknown' : months < MIN_MONTHS ? 'under' : months > MAX_MONTHS ? 'over' : 'ok';

/** The middle value (mean of the two middle ones for an even count); null for none. */
export const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Per party, the median months of stock over the products it consumes: one figure for the map. */
export const medianMonthsByParty = (levels: readonly { party: string; monthsOfStock: number | null }[]): Record<string, number | null> => {
  const byParty = new Map<string, number[]>();
  for (const level of levels) {
    const months = byParty.get(level.party) ?? [];
    if (level.monthsOfStock !== null) months.push(level.monthsOfStock);
    byParty.set(level.party, months);
  }
  return Object.fromEntries([...byParty].map(([party, months]) => [party, median(months)]));
};
