import type { ApiClient } from '../../shared/api/client.ts';
import type { Me, PublicUser, Role, SignInResult } from '../../shared/api/types.ts';

/** The accounts context of the API (packages/server/src/modules/accounts/accounts.routes.ts). */
export const accountsApi = (client: ApiClient) => ({
  signIn: (email: string, password: string) => client.send<SignInResult>('POST', '/auth/sign-in', { email, password }),
  signOut: () => client.send<void>('POST', '/auth/sign-out'),
  me: (signal?: AbortSignal) => client.get<Me>('/me', { signal }),
  listUsers: (filter: { jurisdiction?: string; role?: Role }, signal?: AbortSignal) =>
    client.get<{ users: PublicUser[] }>('/users', { query: filter, signal }),
});
