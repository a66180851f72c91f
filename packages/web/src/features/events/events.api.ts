import type { ApiClient } from '../../shared/api/client.ts';
import type { EventDetail, EventFilter, EventListItem, SevenOneSevenReport } from './events.types.ts';

/** The events context of the API (packages/server/src/modules/events/events.routes.ts). */
export const eventsApi = (client: ApiClient) => ({
  list: (filter: EventFilter, signal?: AbortSignal) =>
    client.get<{ events: EventListItem[] }>('/events', { query: { ...filter, open: filter.open === undefined ? undefined : String(filter.open) }, signal }),
  get: (id: string, signal?: AbortSignal) => client.get<EventDetail>(`/events/${encodeURIComponent(id)}`, { signal }),
  alerts: (signal?: AbortSignal) => client.get<{ alerts: Record<string, Record<string, number>> }>('/events/alerts', { signal }),
  sevenOneSeven: (filter: { party?: string; from?: string; to?: string }, signal?: AbortSignal) =>
    client.get<SevenOneSevenReport>('/events/seven-one-seven', { query: filter, signal }),
});
