import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useSession } from '../auth/index.js';

/** How often the badge asks again while the page stays open: tasks arrive from other people's work. */
const REFRESH_MS = 30_000;

interface OpenTaskCount {
  /** Tasks waiting for the signed-in user; undefined until the first answer. */
  readonly count: number | undefined;
  /** Asks again now, after the user acted on tasks. */
  refresh(): void;
}

const OpenTaskCountContext = createContext<OpenTaskCount>({ count: undefined, refresh: () => undefined });

/**
 * Keeps the navigation's open-task badge current: asked on every page change (`pageKey`), every
 * half minute, and whenever a page that acted on tasks calls refresh().
 */
export function OpenTaskCountProvider({ pageKey, children }: { pageKey: string; children: ReactNode }) {
  const { api } = useSession();
  const [count, setCount] = useState<number | undefined>(undefined);
  const [asked, setAsked] = useState(0);
  const refresh = useCallback(() => setAsked((times) => times + 1), []);

  useEffect(() => {
    let cancelled = false;
    const ask = () =>
      api.inbox('todo', { limit: 1, offset: 0 }).then(
        (page) => {
          if (!cancelled) setCount(page.total);
        },
        // The badge is a hint: a failed count keeps the last one rather than raising an error.
        () => undefined,
      );
    void ask();
    const timer = window.setInterval(() => void ask(), REFRESH_MS);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, [api, pageKey, asked]);

  const value = useMemo(() => ({ count, refresh }), [count, refresh]);
  return <OpenTaskCountContext.Provider value={value}>{children}</OpenTaskCountContext.Provider>;
}

export function useOpenTaskCount(): OpenTaskCount {
  return useContext(OpenTaskCountContext);
}
