import type { SeriesView } from '../surveillance/series-view.ts';
import { isDiseaseCode } from '../surveillance/diseases.ts';
import type { EventRecord } from './events.types.ts';

/**
 * From an event to its weekly series: the party, disease and area of the
 * event, up to half a year after it was detected (or today, if sooner), so
 * the weeks before it and its alarm are in view; the event's id asks the
 * chart to mark its milestones.
 */
const HALF_YEAR_DAYS = 182;

const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export const eventSeriesView = (event: Pick<EventRecord, 'id' | 'party' | 'disease' | 'area' | 'detectionDate' | 'openedAt'>, today: string): SeriesView | null => {
  if (!isDiseaseCode(event.disease)) return null;
  const detected = event.detectionDate ?? event.openedAt.slice(0, 10);
  const until = plusDays(detected, HALF_YEAR_DAYS);
  return {
    party: event.party,
    disease: event.disease,
    area: event.area ?? 'all',
    ...(until < today ? { to: until } : {}),
    event: event.id,
  };
};

/**
 * The span the event covers on a weekly chart: from emergence (or, when not
 * known, detection) to the end of the week of its last milestone, so even a
 * same-day detection and notification shade a whole week.
 */
export const eventBand = (
  event: Pick<EventRecord, 'emergenceDate' | 'detectionDate' | 'notificationDate' | 'openedAt'>,
  name: string,
): { name: string; from: string; to: string } => {
  const dates = [event.emergenceDate, event.detectionDate, event.notificationDate].filter((d): d is string => d !== null).sort();
  const from = dates[0] ?? event.openedAt.slice(0, 10);
  return { name, from, to: plusDays(dates.at(-1) ?? from, 6) };
};
