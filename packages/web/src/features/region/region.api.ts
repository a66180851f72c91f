import type { ApiClient } from '../../shared/api/client.ts';
import type { Facility, JurisdictionDetail, Region } from '../../shared/api/types.ts';
import type { RegionTopology } from '../../shared/map/shapes.ts';

/** The region context of the API (packages/server/src/modules/region/region.routes.ts). */
export const regionApi = (client: ApiClient) => ({
  region: (signal?: AbortSignal) => client.get<Region>('/region', { signal }),
  jurisdiction: (code: string, signal?: AbortSignal) =>
    client.get<JurisdictionDetail>(`/region/jurisdictions/${encodeURIComponent(code)}`, { signal }),
  geo: (signal?: AbortSignal) => client.get<RegionTopology>('/region/geo', { signal }),
  facilities: (filter: { jurisdiction?: string; kind?: Facility['kind'] }, signal?: AbortSignal) =>
    client.get<{ facilities: Facility[] }>('/region/facilities', { query: filter, signal }),
});
