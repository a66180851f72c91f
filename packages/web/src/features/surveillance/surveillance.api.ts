import type { ApiClient } from '../../shared/api/client.ts';
import type { AggregateQuery, Aggregates, Refusal, Series, SeriesQuery, Signal, SignalFilter } from './surveillance.types.ts';

/** The surveillance context of the API (packages/server/src/modules/surveillance/read.routes.ts). */
export const surveillanceApi = (client: ApiClient) => ({
  series: (query: SeriesQuery, signal?: AbortSignal) => client.get<Series>('/surveillance/series', { query: { ...query }, signal }),
  signals: (filter: SignalFilter, signal?: AbortSignal) =>
    client.get<{ refused: Refusal[]; signals: Signal[] }>('/surveillance/signals', { query: { ...filter }, signal }),
  dismiss: (id: string, note: string) => client.send<Signal>('POST', `/surveillance/signals/${encodeURIComponent(id)}/dismiss`, { note }),
  aggregates: (query: AggregateQuery, signal?: AbortSignal) =>
    client.get<Aggregates>('/surveillance/aggregates', { query: { ...query, by: query.by.join(',') }, signal }),
  indicators: (signal?: AbortSignal) => client.get<{ indicators: Record<string, number> }>('/surveillance/indicators', { signal }),
});
