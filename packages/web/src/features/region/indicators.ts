import type { Jurisdiction } from '../../shared/api/types.ts';
import { formatCompact, formatNumber } from '../../shared/i18n/format.ts';
import type { MapShape } from '../../shared/map/shapes.ts';
import { alertsIndicator } from '../events/alerts-indicator.ts';
import { incidenceIndicator } from '../surveillance/incidence-indicator.ts';
import { monthsOfStockIndicator } from '../stock/months-of-stock-indicator.ts';

/**
 * What the region map can colour the partner states by. Each indicator
 * loads one value per jurisdiction code (null: no data) and says how to
 * write a value. A capability defines its indicator in its own feature,
 * loading from its own API, and adds one entry to REGION_INDICATORS below
 * (months of stock and referral times to come).
 */
export interface IndicatorContext {
  parties: readonly Jurisdiction[];
  shapes: readonly MapShape[];
  signal?: AbortSignal;
}

export type IndicatorValues = Record<string, number | null>;

export interface Indicator {
  id: string;
  /** i18n keys: the indicator's name, and where its numbers come from. */
  labelKey: string;
  sourceKey: string;
  load(context: IndicatorContext): Promise<IndicatorValues>;
  format(value: number, language: string): string;
}

export const populationByParty = (parties: readonly Jurisdiction[]): IndicatorValues =>
  Object.fromEntries(parties.map((party) => [party.code, party.population]));

/** People per km², the area measured on the map's own outline (shared/map/shapes.ts). */
export const densityByParty = (parties: readonly Jurisdiction[], shapes: readonly MapShape[]): IndicatorValues =>
  Object.fromEntries(
    parties.map((party) => {
      const area = shapes.find((shape) => shape.code === party.code)?.areaKm2;
      return [party.code, party.population !== null && area ? party.population / area : null];
    }),
  );

export const densityIndicator: Indicator = {
  id: 'density',
  labelKey: 'indicators.density',
  sourceKey: 'indicators.densitySource',
  load: async ({ parties, shapes }) => densityByParty(parties, shapes),
  format: (value, language) => formatNumber(value, language, { maximumFractionDigits: 0 }),
};

export const populationIndicator: Indicator = {
  id: 'population',
  labelKey: 'indicators.population',
  sourceKey: 'indicators.populationSource',
  load: async ({ parties }) => populationByParty(parties),
  format: (value, language) => formatCompact(value, language),
};

export const REGION_INDICATORS: readonly Indicator[] = [densityIndicator, populationIndicator, incidenceIndicator, alertsIndicator, monthsOfStockIndicator];

export const indicatorById = (id: string | null | undefined): Indicator =>
  REGION_INDICATORS.find((indicator) => indicator.id === id) ?? REGION_INDICATORS[0]!;
