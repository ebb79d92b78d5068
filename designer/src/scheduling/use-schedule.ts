import { useCallback, useEffect, useState } from 'react';
import { isApiError, type MoveViolation, type ScheduleMove, type ScheduleRunView, type ScheduleShopEvent } from '../api/index.js';
import { useSession } from '../auth/index.js';
import { useI18n } from '../i18n/index.js';
import { describeError } from '../shell/index.js';

export type CommittedState =
  | { readonly status: 'loading' }
  | { readonly status: 'none' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly run: ScheduleRunView };

export type ScheduleAction = 'plan' | 'commit' | 'insert' | 'move' | 'event';

export type MoveOutcome = { readonly ok: true; readonly run: ScheduleRunView } | { readonly ok: false; readonly message: string; readonly violations: readonly MoveViolation[] };

export type EventOutcome = { readonly ok: true; readonly run: ScheduleRunView } | { readonly ok: false; readonly message: string };

export interface ScheduleControl {
  readonly committed: CommittedState;
  /** A plan or an insertion not yet committed: the page shows it instead of the committed run. */
  readonly draft: ScheduleRunView | null;
  readonly busy: { readonly action: ScheduleAction; readonly since: number } | null;
  readonly error: string | null;
  readonly justCommitted: boolean;
  plan(): void;
  insert(productionOrder: string): void;
  commit(): void;
  discard(): void;
  move(move: ScheduleMove): Promise<MoveOutcome>;
  /** A breakdown or a finished operation: the server reschedules what is not frozen and commits it. */
  report(event: ScheduleShopEvent): Promise<EventOutcome>;
  reload(): void;
}

function violationsOf(extra: Readonly<Record<string, unknown>>): MoveViolation[] {
  const list = extra.violations;
  return Array.isArray(list) ? (list as MoveViolation[]).filter((entry) => typeof entry?.message === 'string') : [];
}

/** The committed schedule, loaded once, and the draft the planner works on; every change goes through the server. */
export function useSchedule(): ScheduleControl {
  const { api } = useSession();
  const { locale } = useI18n();
  const [committed, setCommitted] = useState<CommittedState>({ status: 'loading' });
  const [draft, setDraft] = useState<ScheduleRunView | null>(null);
  const [busy, setBusy] = useState<ScheduleControl['busy']>(null);
  const [error, setError] = useState<string | null>(null);
  const [justCommitted, setJustCommitted] = useState(false);
  const [reloads, setReloads] = useState(0);
  const explain = useCallback((cause: unknown) => (isApiError(cause) ? describeError(cause, locale) : String(cause)), [locale]);

  useEffect(() => {
    let cancelled = false;
    api.scheduleRun('committed').then(
      (run) => {
        if (!cancelled) setCommitted({ status: 'ready', run });
      },
      (cause: unknown) => {
        if (cancelled) return;
        setCommitted(isApiError(cause) && cause.status === 404 ? { status: 'none' } : { status: 'failed', message: explain(cause) });
      },
    );
    return () => {
      cancelled = true;
    };
    // The locale only words an error; a language switch must not refetch.
  }, [api, reloads]);

  const run = useCallback(
    <T>(action: ScheduleAction, work: () => Promise<T>, done: (value: T) => void) => {
      setError(null);
      setJustCommitted(false);
      setBusy({ action, since: Date.now() });
      work()
        .then(done, (cause: unknown) => setError(explain(cause)))
        .finally(() => setBusy(null));
    },
    [explain],
  );

  const plan = useCallback(() => run('plan', () => api.createScheduleRun({ kind: 'plan' }), setDraft), [api, run]);
  const insert = useCallback((order: string) => run('insert', () => api.createScheduleRun({ kind: 'insert', order }), setDraft), [api, run]);
  const commit = useCallback(() => {
    if (!draft) return;
    run(
      'commit',
      () => api.commitScheduleRun(draft.id),
      (next) => {
        setCommitted({ status: 'ready', run: next });
        setDraft(null);
        setJustCommitted(true);
      },
    );
  }, [api, draft, run]);
  const discard = useCallback(() => {
    setDraft(null);
    setError(null);
  }, []);

  const move = useCallback(
    async (request: ScheduleMove): Promise<MoveOutcome> => {
      setError(null);
      setJustCommitted(false);
      setBusy({ action: 'move', since: Date.now() });
      try {
        const next = await api.moveOperation(request);
        setCommitted({ status: 'ready', run: next });
        return { ok: true, run: next };
      } catch (cause) {
        const violations = isApiError(cause) ? violationsOf(cause.extra) : [];
        return { ok: false, message: isApiError(cause) ? (violations.length > 0 ? cause.title : explain(cause)) : String(cause), violations };
      } finally {
        setBusy(null);
      }
    },
    [api, explain],
  );

  const report = useCallback(
    async (event: ScheduleShopEvent): Promise<EventOutcome> => {
      setError(null);
      setJustCommitted(false);
      setBusy({ action: 'event', since: Date.now() });
      try {
        const next = await api.reportScheduleEvent(event);
        setCommitted({ status: 'ready', run: next });
        return { ok: true, run: next };
      } catch (cause) {
        return { ok: false, message: explain(cause) };
      } finally {
        setBusy(null);
      }
    },
    [api, explain],
  );

  const reload = useCallback(() => setReloads((count) => count + 1), []);
  return { committed, draft, busy, error, justCommitted, plan, insert, commit, discard, move, report, reload };
}
