import type { ApiClient } from '../../shared/api/client.ts';
import type { AuditRow, AuditVerification } from '../../shared/api/types.ts';

/** The audit context of the API (packages/server/src/modules/audit/audit.routes.ts). */
export const auditApi = (client: ApiClient) => ({
  rows: (filter: { jurisdiction?: string; before?: number; limit?: number }, signal?: AbortSignal) =>
    client.get<{ rows: AuditRow[] }>('/audit', { query: filter, signal }),
  verify: (signal?: AbortSignal) => client.get<AuditVerification>('/audit/verify', { signal }),
});
