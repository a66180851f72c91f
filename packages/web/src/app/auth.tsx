import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { accountsApi } from '../features/accounts/accounts.api.ts';
import { api as defaultClient, isApiError, type ApiClient } from '../shared/api/client.ts';
import type { Me } from '../shared/api/types.ts';
import { applyAccountLanguage } from '../shared/i18n/i18n.ts';

/**
 * Who is signed in, for every page. The session lives in the node's HttpOnly
 * cookie; the dashboard only asks /api/v1/me who that is. Sign-in keeps the
 * CSRF token the node returns, which the API client sends as x-csrf-token
 * on every change (after a reload it is read from the concord_csrf cookie).
 */
export type AuthStatus = 'loading' | 'anonymous' | 'signed-in';

export interface Auth {
  status: AuthStatus;
  me: Me | null;
  signIn(email: string, password: string): Promise<Me>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

export const AuthProvider = ({ children, client = defaultClient }: { children: ReactNode; client?: ApiClient }) => {
  const accounts = useMemo(() => accountsApi(client), [client]);
  const [state, setState] = useState<{ status: AuthStatus; me: Me | null }>({ status: 'loading', me: null });

  const adopt = useCallback(async (me: Me) => {
    await applyAccountLanguage(me.locale);
    setState({ status: 'signed-in', me });
    return me;
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    accounts.me(controller.signal).then(adopt, (error: unknown) => {
      if (controller.signal.aborted) return;
      // AUTH_REQUIRED is the normal answer for a visitor; anything else
      // (the node unreachable) still leaves the public pages usable.
      if (!isApiError(error) || error.code !== 'AUTH_REQUIRED') console.warn('could not ask who is signed in', error);
      setState({ status: 'anonymous', me: null });
    });
    return () => controller.abort();
  }, [accounts, adopt]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const result = await accounts.signIn(email, password);
      client.setCsrfToken(result.csrfToken);
      return adopt(await accounts.me());
    },
    [accounts, adopt, client],
  );

  const signOut = useCallback(async () => {
    try {
      await accounts.signOut();
    } finally {
      client.setCsrfToken(null);
      setState({ status: 'anonymous', me: null });
    }
  }, [accounts, client]);

  const value = useMemo<Auth>(() => ({ ...state, signIn, signOut }), [state, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
};

export const useAuth = (): Auth => {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth needs an AuthProvider above it');
  return auth;
};
