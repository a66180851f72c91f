import type { ApiClient } from '../../shared/api/client.ts';
import type {
  DecisionContextInput,
  DecisionRequest,
  DescribedClause,
  Decision,
  Duties,
  PactDetail,
  PactDiff,
  PactSummary,
  Triggers,
  VersionDetail,
} from './pact.types.ts';

const base = (id: string) => `/pacts/${encodeURIComponent(id)}`;

/** The pact context of the API (packages/server/src/modules/pact/pact.routes.ts). */
export const pactApi = (client: ApiClient) => ({
  list: (signal?: AbortSignal) => client.get<{ pacts: PactSummary[] }>('/pacts', { signal }),
  pact: (id: string, signal?: AbortSignal) => client.get<PactDetail>(base(id), { signal }),
  version: (id: string, version: number, signal?: AbortSignal) => client.get<VersionDetail>(`${base(id)}/versions/${version}`, { signal }),
  clauses: (id: string, version: number, lang: string, signal?: AbortSignal) =>
    client.get<DescribedClause[]>(`${base(id)}/versions/${version}/clauses`, { query: { lang }, signal }),
  diff: (id: string, from: number, to: number, signal?: AbortSignal) => client.get<PactDiff>(`${base(id)}/diff`, { query: { from, to }, signal }),
  duties: (id: string, party: string, signal?: AbortSignal) => client.get<Duties>(`${base(id)}/duties`, { query: { party }, signal }),
  triggers: (id: string, signal?: AbortSignal) => client.get<Triggers>(`${base(id)}/triggers`, { signal }),
  dryRun: (request: DecisionRequest, context?: DecisionContextInput) => client.send<Decision>('POST', '/decisions/dry-run', { request, context }),
  suspend: (id: string, reason: string) => client.send<PactDetail>('POST', `${base(id)}/suspend`, { reason }),
  resume: (id: string) => client.send<PactDetail>('POST', `${base(id)}/resume`, {}),
  renew: (id: string, sunset: string) => client.send<PactDetail>('POST', `${base(id)}/renew`, { sunset }),
});
