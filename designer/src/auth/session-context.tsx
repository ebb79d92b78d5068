import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createApiClient, isApiError, tokenStore, type ApiClient, type SessionUser } from '../api/index.js';
import { useI18n } from '../i18n/index.js';

type SessionState =
  | { readonly status: 'checking' }
  | { readonly status: 'signed-out'; readonly expired: boolean }
  | { readonly status: 'signed-in'; readonly user: SessionUser };

export interface Session {
  readonly state: SessionState;
  readonly api: ApiClient;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  const localeRef = useRef(locale);
  localeRef.current = locale;
  const [state, setState] = useState<SessionState>(() => (tokenStore.get() ? { status: 'checking' } : { status: 'signed-out', expired: false }));

  const api = useMemo(
    () =>
      createApiClient({
        getToken: () => tokenStore.get(),
        getLocale: () => localeRef.current,
        onUnauthenticated: () => {
          tokenStore.clear();
          setState({ status: 'signed-out', expired: true });
        },
      }),
    [],
  );

  useEffect(() => {
    if (state.status !== 'checking') return;
    let cancelled = false;
    api.me().then(
      (user) => {
        if (!cancelled) setState({ status: 'signed-in', user });
      },
      (error: unknown) => {
        if (cancelled) return;
        // A network failure keeps the token: the next reload may reach the server again.
        if (!isApiError(error) || error.status === 401) tokenStore.clear();
        setState({ status: 'signed-out', expired: false });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, state.status]);

  const login = useCallback(
    async (username: string, password: string) => {
      const answer = await api.login(username, password);
      tokenStore.set(answer.token);
      setState({ status: 'signed-in', user: answer.user });
    },
    [api],
  );

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      tokenStore.clear();
      setState({ status: 'signed-out', expired: false });
    }
  }, [api]);

  const value = useMemo<Session>(() => ({ state, api, login, logout }), [state, api, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a SessionProvider above it');
  return value;
}

/** The signed-in user; only for pages rendered inside the signed-in shell. */
export function useUser(): SessionUser {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useUser is only for signed-in pages');
  return state.user;
}
