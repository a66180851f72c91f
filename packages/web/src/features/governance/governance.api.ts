import type { ApiClient } from '../../shared/api/client.ts';
import type {
  AccessRow,
  Breach,
  BreachAlert,
  BreachDetail,
  DecisionFilter,
  KeyRotation,
  RetentionOverview,
  Risk,
  StoredDecision,
} from './governance.types.ts';

const breach = (id: string) => `/breaches/${encodeURIComponent(id)}`;

/** The governance context of the API, and the decision log (packages/server/src/modules/governance, modules/pact). */
export const governanceApi = (client: ApiClient) => ({
  decisions: (filter: DecisionFilter, signal?: AbortSignal) => client.get<{ decisions: StoredDecision[] }>('/decisions', { query: { ...filter }, signal }),
  accessReport: (party: string, signal?: AbortSignal) => client.get<{ party: string; rows: AccessRow[] }>('/governance/access-report', { query: { party }, signal }),
  breaches: (filter: { party?: string; open?: boolean }, signal?: AbortSignal) =>
    client.get<{ breaches: Breach[] }>('/breaches', { query: { party: filter.party, open: filter.open === undefined ? undefined : String(filter.open) }, signal }),
  breachAlerts: (signal?: AbortSignal) => client.get<{ alerts: BreachAlert[] }>('/breaches/alerts', { query: { open: 'true' }, signal }),
  acknowledgeBreachAlert: (id: string) => client.send<BreachAlert>('POST', `/breaches/alerts/${encodeURIComponent(id)}/acknowledge`, {}),
  breach: (id: string, signal?: AbortSignal) => client.get<BreachDetail>(breach(id), { signal }),
  report: (input: { party: string; title: string; nature: string; awareAt: string }) => client.send<BreachDetail>('POST', '/breaches', input),
  assess: (id: string, input: { risk: Risk; dataSubjects: string; subjectsApprox?: number; records: string; recordsApprox?: number; likelyConsequences: string }) =>
    client.send<Breach>('POST', `${breach(id)}/assess`, input),
  contain: (id: string, input: { measures: string; containedAt?: string }) => client.send<Breach>('POST', `${breach(id)}/contain`, input),
  notify: (id: string, input: { authority: string; contactPoint: string; notifiedAt?: string; reasonsForDelay?: string }) =>
    client.send<Breach>('POST', `${breach(id)}/notify`, input),
  notifySubjects: (id: string, input: { at?: string }) => client.send<Breach>('POST', `${breach(id)}/notify-subjects`, input),
  addRemedy: (id: string, input: { action: string; owner: string; due: string }) => client.send<Breach>('POST', `${breach(id)}/remedies`, input),
  completeRemedy: (id: string, index: number) => client.send<Breach>('POST', `${breach(id)}/remedies/${index}/done`, {}),
  close: (id: string) => client.send<Breach>('POST', `${breach(id)}/close`, {}),
  retention: (signal?: AbortSignal) => client.get<RetentionOverview>('/governance/retention', { signal }),
  runRetention: () => client.send<{ results: { target: string; deleted: number; anonymised: number }[] }>('POST', '/governance/retention/run', {}),
  keys: (signal?: AbortSignal) => client.get<{ activeKeyId: string; rotations: KeyRotation[] }>('/governance/keys', { signal }),
  rotateKeys: () => client.send<KeyRotation>('POST', '/governance/keys/rotate', {}),
});
