import { api } from '../../shared/api/client.ts';
import { formatNumber } from '../../shared/i18n/format.ts';
import type { Indicator } from '../region/indicators.ts';
import { medianMonthsByParty } from './stock-bands.ts';
import { stockApi } from './stock.api.ts';

/**
 * Months of stock on the region map: per party, the median over the
 * products it consumes of usable stock ÷ average monthly consumption
 * (GET /stock/levels). A party's own users see only their country; the
 * others stay without data.
 */
export const monthsOfStockIndicator: Indicator = {
  id: 'months-of-stock',
  labelKey: 'indicators.monthsOfStock',
  sourceKey: 'indicators.monthsOfStockSource',
  load: async ({ parties, signal }) => {
    const byParty = medianMonthsByParty((await stockApi(api).levels({}, signal)).levels);
    return Object.fromEntries(parties.map((party) => [party.code, byParty[party.code] ?? null]));
  },
  format: (value, language) => formatNumber(value, language, { maximumFractionDigits: 1 }),
};
