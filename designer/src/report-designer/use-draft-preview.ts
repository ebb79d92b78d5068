import { useEffect, useState } from 'react';
import { isApiError, type ApiError, type ReportResult } from '../api/index.js';
import { useSession } from '../auth/index.js';
import { useI18n } from '../i18n/index.js';
import { describeError } from '../shell/index.js';

export type PreviewState =
  | { readonly status: 'waiting' }
  | { readonly status: 'ready'; readonly result: ReportResult; readonly refreshing: boolean }
  /** The draft is not a runnable report yet: what the planner says, with pointers into the draft. */
  | { readonly status: 'invalid'; readonly message: string; readonly problems: ApiError['fieldErrors']; readonly refreshing: boolean }
  | { readonly status: 'failed'; readonly message: string };

/** Typing pauses this long before the draft runs again, so a burst of edits is one query. */
export const PREVIEW_DELAY_MS = 400;

/** Runs the draft text on live data (POST /api/designer/reports/preview) a moment after it or the parameters last changed. */
export function useDraftPreview(text: string, parameters: Readonly<Record<string, unknown>>, enabled: boolean): PreviewState {
  const { api } = useSession();
  const { locale } = useI18n();
  const [state, setState] = useState<PreviewState>({ status: 'waiting' });
  const key = JSON.stringify(parameters);

  useEffect(() => {
    if (!enabled) return undefined;
    let cancelled = false;
    setState((previous) => (previous.status === 'ready' || previous.status === 'invalid' ? { ...previous, refreshing: true } : previous));
    const timer = window.setTimeout(() => {
      api.previewReport(text, parameters).then(
        (result) => {
          if (!cancelled) setState({ status: 'ready', result, refreshing: false });
        },
        (error: unknown) => {
          if (cancelled) return;
          if (isApiError(error) && error.status === 400) setState({ status: 'invalid', message: describeError(error, locale), problems: error.fieldErrors, refreshing: false });
          else setState({ status: 'failed', message: isApiError(error) ? describeError(error, locale) : String(error) });
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
    // The parameters are compared by value (key); the locale only words an error.
  }, [api, text, key, enabled]);

  return state;
}
