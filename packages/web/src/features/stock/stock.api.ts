import type { ApiClient } from '../../shared/api/client.ts';
import type {
  AllocationInput,
  AllocationPlan,
  Device,
  ExpiringLot,
  Excursion,
  Levels,
  Product,
  Quarantine,
  QuarantineDecisionInput,
  Reading,
  Reserves,
  RequestStatus,
  SharingRequest,
  Store,
} from './stock.types.ts';

const request = (id: string) => `/stock/requests/${encodeURIComponent(id)}`;

/** The stock context of the API (packages/server/src/modules/stock). */
export const stockApi = (client: ApiClient) => ({
  products: (signal?: AbortSignal) => client.get<{ products: Product[] }>('/stock/products', { signal }),
  stores: (party: string | undefined, signal?: AbortSignal) => client.get<{ stores: Store[] }>('/stock/stores', { query: { party }, signal }),
  levels: (filter: { party?: string; product?: string; by?: 'party' | 'store' }, signal?: AbortSignal) =>
    client.get<Levels>('/stock/levels', { query: { ...filter }, signal }),
  expiring: (filter: { party?: string; product?: string; days: number }, signal?: AbortSignal) =>
    client.get<{ today: string; until: string; lots: ExpiringLot[] }>('/stock/expiring', { query: { ...filter }, signal }),
  /** `alarm`: alarms only (the node's default), or every excursion. */
  alarms: (filter: { party?: string; device?: string; alarm: 'only' | 'all' }, signal?: AbortSignal) =>
    client.get<{ excursions: Excursion[] }>('/stock/cold-chain/alarms', {
      query: { party: filter.party, device: filter.device, alarm: filter.alarm === 'all' ? 'all' : 'true' },
      signal,
    }),
  quarantines: (filter: { party?: string; open?: boolean }, signal?: AbortSignal) =>
    client.get<{ quarantines: Quarantine[] }>('/stock/quarantines', {
      query: { party: filter.party, open: filter.open === undefined ? undefined : String(filter.open) },
      signal,
    }),
  decideQuarantine: (id: string, input: QuarantineDecisionInput) => client.send<Quarantine>('POST', `/stock/quarantines/${encodeURIComponent(id)}/decision`, input),
  devices: (signal?: AbortSignal) => client.get<{ devices: Device[] }>('/stock/cold-chain/devices', { signal }),
  readings: (device: string, window: { from?: string; to?: string }, signal?: AbortSignal) =>
    client.get<{ device: Device; readings: Reading[] }>(`/stock/cold-chain/devices/${encodeURIComponent(device)}/readings`, { query: { ...window }, signal }),
  reserves: (filter: { party?: string }, signal?: AbortSignal) => client.get<Reserves>('/stock/reserves', { query: { ...filter }, signal }),
  requests: (filter: { party?: string; status?: RequestStatus[]; product?: string }, signal?: AbortSignal) =>
    client.get<{ requests: SharingRequest[] }>('/stock/requests', {
      query: { party: filter.party, product: filter.product, status: filter.status?.join(',') },
      signal,
    }),
  request: (id: string, signal?: AbortSignal) => client.get<SharingRequest>(request(id), { signal }),
  decide: (id: string, input: { outcome: 'approve' | 'part' | 'refuse'; quantity?: number; reason: string }) =>
    client.send<SharingRequest>('POST', `${request(id)}/decision`, input),
  ship: (id: string, input: { store?: string }) => client.send<SharingRequest>('POST', `${request(id)}/shipment`, input),
  receive: (id: string, input: { store?: string }) => client.send<SharingRequest>('POST', `${request(id)}/receipt`, input),
  repay: (id: string, input: { quantity: number }) => client.send<SharingRequest>('POST', `${request(id)}/repayments`, input),
  allocate: (input: AllocationInput) => client.send<AllocationPlan>('POST', '/stock/allocations', input),
});
