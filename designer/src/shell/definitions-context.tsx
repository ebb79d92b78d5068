import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AppDefinition, FormDefinition, WorkflowDefinition } from '../../../engine/definitions/generated/definition-types.js';
import { useSession } from '../auth/index.js';
import { useI18n } from '../i18n/index.js';
import { describeFailure } from './describe-error.js';

export interface Definitions {
  readonly app: AppDefinition;
  readonly forms: readonly FormDefinition[];
  readonly workflows: readonly WorkflowDefinition[];
  form(id: string): FormDefinition | undefined;
  workflow(id: string): WorkflowDefinition | undefined;
  /**
   * Fetches the definitions again in the background, after a designer publishes: the new form shows in
   * the navigation and in the other designers' pickers without reloading the page.
   */
  refresh(): void;
}

const DefinitionsContext = createContext<Definitions | null>(null);

type Answer = Awaited<ReturnType<ReturnType<typeof useSession>['api']['definitions']>>;

function definitionsOf({ app, forms, workflows }: Answer, refresh: () => void): Definitions {
  const byId = new Map(forms.map((form) => [form.id, form]));
  const workflowById = new Map(workflows.map((workflow) => [workflow.id, workflow]));
  return { app, forms, workflows, form: (id) => byId.get(id), workflow: (id) => workflowById.get(id), refresh };
}

type LoadState = { readonly status: 'loading' } | { readonly status: 'failed'; readonly message: string } | { readonly status: 'ready'; readonly value: Definitions };

/** Loads GET /api/definitions (forms and their workflows) once per sign-in and shows a loading or error screen until it has them. */
export function DefinitionsProvider({ children }: { children: ReactNode }) {
  const { api } = useSession();
  const { t, locale } = useI18n();
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [refreshes, setRefreshes] = useState(0);
  const refresh = useCallback(() => setRefreshes((count) => count + 1), []);

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    api.definitions().then(
      (answer) => {
        if (!cancelled) setState({ status: 'ready', value: definitionsOf(answer, refresh) });
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'failed', message: describeFailure(error, locale) });
      },
    );
    return () => {
      cancelled = true;
    };
    // The locale only words the error; a language switch must not reload the definitions.
  }, [api, attempt]);

  // A refresh keeps the page on screen: no loading state, and on failure the definitions already shown stay.
  useEffect(() => {
    if (refreshes === 0) return;
    let cancelled = false;
    api.definitions().then(
      (answer) => {
        if (!cancelled) setState({ status: 'ready', value: definitionsOf(answer, refresh) });
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [api, refreshes]);

  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  const value = useMemo(() => (state.status === 'ready' ? state.value : null), [state]);

  if (state.status === 'loading') return <div className="page-state">{t('app.loading')}</div>;
  if (state.status === 'failed' || !value) {
    return (
      <div className="page-state">
        <p className="notice notice-error">{t('app.loadFailed', { message: state.status === 'failed' ? state.message : '' })}</p>
        <button type="button" className="btn" onClick={retry}>
          {t('app.retry')}
        </button>
      </div>
    );
  }
  return <DefinitionsContext.Provider value={value}>{children}</DefinitionsContext.Provider>;
}

export function useDefinitions(): Definitions {
  const value = useContext(DefinitionsContext);
  if (!value) throw new Error('useDefinitions needs a DefinitionsProvider above it');
  return value;
}
