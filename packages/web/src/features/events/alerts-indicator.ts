import { api } from '../../shared/api/client.ts';
import type { Jurisdiction } from '../../shared/api/types.ts';
import { formatNumber } from '../../shared/i18n/format.ts';
import type { Indicator, IndicatorValues } from '../region/indicators.ts';
import { eventsApi } from './events.api.ts';

/**
 * The map's active alerts: the highest alert level (1–4) among a party's
 * open events, 0 when none is open (GET /events/alerts, the levels the
 * pact's conditions read as `alert[party][disease]`).
 */
export const highestAlertByParty = (alerts: Readonly<Record<string, Readonly<Record<string, number>>>>, parties: readonly Jurisdiction[]): IndicatorValues =>
  Object.fromEntries(parties.map((party) => [party.code, Math.max(0, ...Object.values(alerts[party.code] ?? {}))]));

export const alertsIndicator: Indicator = {
  id: 'alerts',
  labelKey: 'events.indicator.alerts',
  sourceKey: 'events.indicator.alertsSource',
  load: async ({ parties, signal }) => highestAlertByParty((await eventsApi(api).alerts(signal)).alerts, parties),
  format: (value, language) => formatNumber(value, language),
};
