import { api } from '../../shared/api/client.ts';
import type { Jurisdiction } from '../../shared/api/types.ts';
import { formatNumber } from '../../shared/i18n/format.ts';
import type { Indicator, IndicatorValues } from '../region/indicators.ts';
import { surveillanceApi } from './surveillance.api.ts';

/**
 * The map's weekly incidence: cholera cases per 100 000 people in the last
 * complete ISO week, per party, as the node computes it for the pact's
 * conditions (GET /surveillance/indicators, keys `<name>.<PARTY>`). A party
 * without a population has no value.
 */
export const INCIDENCE_INDICATOR = 'cholera-weekly-incidence-per-100k';

export const incidenceByParty = (indicators: Readonly<Record<string, number>>, parties: readonly Jurisdiction[]): IndicatorValues =>
  Object.fromEntries(parties.map((party) => [party.code, indicators[`${INCIDENCE_INDICATOR}.${party.code}`] ?? null]));

export const incidenceIndicator: Indicator = {
  id: 'cholera-incidence',
  labelKey: 'surveillance.indicator.incidence',
  sourceKey: 'surveillance.indicator.incidenceSource',
  load: async ({ parties, signal }) => incidenceByParty((await surveillanceApi(api).indicators(signal)).indicators, parties),
  format: (value, language) => formatNumber(value, language, { maximumFractionDigits: value < 1 ? 3 : 1 }),
};
