import type { Point, TimeSeriesInput } from '../../shared/chart/time-series.ts';
import { DEFAULT_DISEASE, isDiseaseCode, type DiseaseCode } from './diseases.ts';
import { DETECTION_METHODS, type DetectionMethod, type Series, type SeriesQuery, type SeriesWeek } from './surveillance.types.ts';

/**
 * What the series page shows, read from and written to its URL, so a link
 * opens the same view: `/surveillance?party=TZ&disease=cholera&area=TZ-08`
 * (`to`, `from`, `method` and `event` optional). Anything malformed is left
 * out rather than sent, and the node's defaults apply (the last 104 weeks,
 * the stored detection results).
 */
export interface SeriesView {
  /** Null until chosen: the page then picks the reader's own party or the first. */
  party: string | null;
  disease: DiseaseCode;
  /** `all` for the whole party, else an ISO 3166-2 subdivision code. */
  area: string;
  from?: string;
  to?: string;
  method?: DetectionMethod;
  /** An event whose dates are marked on the chart. */
  event?: string;
}

const PARTY = /^[A-Z]{2}$/;
const AREA = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const pick = (value: string | null, pattern: RegExp) => (value !== null && pattern.test(value) ? value : undefined);

export const readSeriesView = (params: URLSearchParams): SeriesView => {
  const disease = params.get('disease');
  const method = params.get('method');
  const area = pick(params.get('area'), AREA);
  const party = pick(params.get('party'), PARTY) ?? null;
  return {
    party,
    disease: isDiseaseCode(disease) ? disease : DEFAULT_DISEASE,
    // An area belongs to its party: KE-30 under party UG is a typo, not a request.
    area: area && party && area.startsWith(`${party}-`) ? area : 'all',
    from: pick(params.get('from'), DATE),
    to: pick(params.get('to'), DATE),
    method: (DETECTION_METHODS as readonly string[]).includes(method ?? '') ? (method as DetectionMethod) : undefined,
    event: pick(params.get('event'), UUID),
  };
};

/** The view as a query string (without `?`), in a stable order, leaving out what is not set. */
export const seriesSearch = (view: SeriesView): string => {
  const params = new URLSearchParams();
  for (const key of ['party', 'disease', 'area', 'from', 'to', 'method', 'event'] as const) {
    const value = view[key];
    if (value) params.set(key, value);
  }
  return params.toString();
};

export const seriesHref = (view: SeriesView): string => `/surveillance?${seriesSearch(view)}`;

/** The request for the node: a view with its party chosen. */
export const seriesQuery = (view: SeriesView & { party: string }): SeriesQuery => ({
  party: view.party,
  disease: view.disease,
  area: view.area,
  ...(view.from ? { from: view.from } : {}),
  ...(view.to ? { to: view.to } : {}),
  ...(view.method ? { method: view.method } : {}),
});

const point = (week: SeriesWeek, value: number | null): Point => ({ date: week.weekStart, value });

/**
 * The chart of a series: observed counts (a suppressed week is a gap, never
 * a zero), the threshold week by week when the pact shares detection, and
 * the alarm weeks marked on the counts.
 */
export const seriesChartInput = (
  series: Series,
  names: { observed: string; threshold: string; alarms: string; yAxis?: string },
  bands: TimeSeriesInput['bands'] = [],
): TimeSeriesInput => {
  const hasThreshold = series.detectionShared && series.weeks.some((w) => w.threshold !== null);
  const alarms = series.weeks.filter((w) => w.alarm === true && w.observed !== null);
  return {
    series: [{ name: names.observed, points: series.weeks.map((w) => point(w, w.observed)) }],
    ...(hasThreshold ? { threshold: { name: names.threshold, points: series.weeks.map((w) => point(w, w.threshold)) } } : {}),
    ...(alarms.length > 0 ? { alarms: { name: names.alarms, points: alarms.map((w) => point(w, w.observed)) } } : {}),
    bands,
    ...(names.yAxis ? { yAxisName: names.yAxis } : {}),
  };
};

/** The weeks that raised an alarm, newest first. */
export const alarmWeeks = (series: Series): SeriesWeek[] => series.weeks.filter((w) => w.alarm === true).reverse();

export interface SeriesFigures {
  weeks: number;
  alarms: number;
  suppressed: number;
  /** The newest week's count (null when withheld). */
  latest: SeriesWeek | null;
}

export const seriesFigures = (series: Series): SeriesFigures => ({
  weeks: series.weeks.length,
  alarms: series.weeks.filter((w) => w.alarm === true).length,
  suppressed: series.weeks.filter((w) => w.suppressed).length,
  latest: series.weeks.at(-1) ?? null,
});

/** A quarter of a year after a signal's week: its alarm and what followed are in view. */
const AFTER_SIGNAL_DAYS = 91;

/** From a signal to its series, ending a quarter after its week (or today, if sooner). */
export const signalSeriesView = (signal: { party: string; disease: string; area: string; weekStart: string }, today: string): SeriesView => {
  const until = new Date(Date.parse(`${signal.weekStart}T00:00:00Z`) + AFTER_SIGNAL_DAYS * 86_400_000).toISOString().slice(0, 10);
  return {
    party: signal.party,
    disease: isDiseaseCode(signal.disease) ? signal.disease : DEFAULT_DISEASE,
    area: signal.area,
    ...(until < today ? { to: until } : {}),
  };
};
