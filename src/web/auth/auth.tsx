import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, type Schemas, setCsrfToken, setSessionLostHandler, unwrap } from '../api/client';

export type Me = Schemas['Me'];
/** A permission the server knows, typed from the OpenAPI document: `can('typo')` does not compile. */
export type Permission = Me['permissions'][number];

interface Auth {
  me: Me | null;
  isLoading: boolean;
  signIn(username: string, password: string): Promise<Me>;
  signOut(): Promise<void>;
  refresh(): Promise<void>;
  /** A hint for hiding controls: the server enforces every permission itself. */
  can(permission: Permission): boolean;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [isLoading, setLoading] = useState(true);

  const accept = useCallback((value: Me | null) => {
    setCsrfToken(value?.csrfToken ?? '');
    setMe(value);
  }, []);

  const refresh = useCallback(async () => {
    // Public: answers null rather than 401 when nobody is signed in (no console error on /login).
    const { data } = await api.GET('/api/auth/session');
    accept(data?.me ?? null);
  }, [accept]);

  useEffect(() => {
    setSessionLostHandler(() => accept(null));
    refresh().finally(() => setLoading(false));
  }, [refresh, accept]);

  const value = useMemo<Auth>(
    () => ({
      me,
      isLoading,
      refresh,
      signIn: async (username, password) => {
        const result = await unwrap(api.POST('/api/auth/login', { body: { username, password } }));
        accept(result);
        return result;
      },
      signOut: async () => {
        await api.POST('/api/auth/logout');
        accept(null);
      },
      can: (permission) => me?.permissions.includes(permission) ?? false,
    }),
    [me, isLoading, refresh, accept],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
