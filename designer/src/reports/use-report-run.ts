import { useEffect, useState } from 'react';
import { isApiError, type ReportResult } from '../api/index.js';
import { useSession } from '../auth/index.js';
import { useI18n } from '../i18n/index.js';
import { describeError } from '../shell/index.js';

export type RunState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  /** `refreshing` while new parameters run: the last result stays on screen, dimmed, instead of flashing a spinner. */
  | { readonly status: 'ready'; readonly result: ReportResult; readonly refreshing: boolean; readonly at: Date };

/** Runs a report (POST /api/reports/:id/run) whenever its parameters change, or `reload` does. */
export function useReportRun(report: string, parameters: Readonly<Record<string, unknown>>, reload = 0): RunState {
  const { api } = useSession();
  const { locale } = useI18n();
  const [state, setState] = useState<RunState>({ status: 'loading' });
  const key = JSON.stringify(parameters);

  useEffect(() => {
    let cancelled = false;
    setState((previous) => (previous.status === 'ready' ? { ...previous, refreshing: true } : { status: 'loading' }));
    api.runReport(report, parameters).then(
      (result) => {
        if (!cancelled) setState({ status: 'ready', result, refreshing: false, at: new Date() });
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'failed', message: isApiError(error) ? describeError(error, locale) : String(error) });
      },
    );
    return () => {
      cancelled = true;
    };
    // The parameters are compared by value (key); the locale only words an error.
  }, [api, report, key, reload]);

  return state;
}
