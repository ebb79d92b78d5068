import { useCallback, useEffect, useState } from 'react';
import { isApiError, type PlanRun } from '../api/index.js';
import { useSession } from '../auth/index.js';
import { useI18n } from '../i18n/index.js';
import { describeFailure } from '../shell/index.js';
import { indexPlan, type PlanIndex } from './plan-index.js';

export type PlanRunState =
  | { readonly status: 'loading' }
  | { readonly status: 'none' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly run: PlanRun; readonly index: PlanIndex };

export interface PlanRunControl {
  readonly state: PlanRunState;
  /** When the MRP run in progress started (ms since the epoch), else null. */
  readonly runningSince: number | null;
  readonly runError: string | null;
  runMrp(): void;
  reload(): void;
}

/** The latest plan run, loaded once; running MRP stores a new run on the server, which then becomes the latest. */
export function usePlanRun(): PlanRunControl {
  const { api } = useSession();
  const { locale } = useI18n();
  const [state, setState] = useState<PlanRunState>({ status: 'loading' });
  const [reloads, setReloads] = useState(0);
  const [runningSince, setRunningSince] = useState<number | null>(null);
  const [runError, setRunError] = useState<string | null>(null);
  const explain = useCallback((error: unknown) => (describeFailure(error, locale)), [locale]);
  const show = useCallback((run: PlanRun) => setState({ status: 'ready', run, index: indexPlan(run.plan) }), []);

  useEffect(() => {
    let cancelled = false;
    api.planRun('latest').then(
      (latest) => {
        if (!cancelled) show(latest);
      },
      (error: unknown) => {
        if (cancelled) return;
        setState(isApiError(error) && error.status === 404 ? { status: 'none' } : { status: 'failed', message: explain(error) });
      },
    );
    return () => {
      cancelled = true;
    };
    // The locale only words an error; a language switch must not refetch.
  }, [api, reloads, show]);

  const runMrp = useCallback(() => {
    setRunError(null);
    setRunningSince(Date.now());
    api
      .callFunction('mrp.plan', {})
      .then(() => api.planRun('latest'))
      .then(show, (error: unknown) => setRunError(explain(error)))
      .finally(() => setRunningSince(null));
  }, [api, explain, show]);

  const reload = useCallback(() => setReloads((count) => count + 1), []);
  return { state, runningSince, runError, runMrp, reload };
}
