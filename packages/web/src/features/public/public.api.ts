import type { ApiClient } from '../../shared/api/client.ts';
import type { PublicCases, PublicResponseTimes, PublicStockLevels } from './public.types.ts';

/** The node's public endpoints: no sign-in, suppressed aggregates only, each party as the pact allows. */
export const publicApi = (client: ApiClient) => ({
  stockLevels: (month: string | undefined, signal?: AbortSignal) => client.get<PublicStockLevels>('/public/stock-levels', { query: { month }, signal }),
  cases: (signal?: AbortSignal) => client.get<PublicCases>('/public/cases', { signal }),
  responseTimes: (signal?: AbortSignal) => client.get<PublicResponseTimes>('/public/response-times', { signal }),
});
