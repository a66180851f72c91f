import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../audit/audit.service.ts';
import { accountsRoutes } from './accounts.routes.ts';
import { createAccounts, type AccountsPolicy } from './accounts.service.ts';

export type { Accounts, NewUser, PublicUser } from './accounts.service.ts';

export const accountsContext = (deps: {
  db: Db;
  audit: AuditLog;
  clock: Clock;
  policy: AccountsPolicy;
  http: { secureCookies: boolean; signInsPerMinute: number };
}) => {
  const service = createAccounts(deps);
  return { service, routes: accountsRoutes(service, deps.http) };
};
