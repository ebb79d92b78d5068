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
}

const DefinitionsContext = createContext<Definitions | null>(null);

type LoadState = { readonly status: 'loading' } | { readonly status: 'failed'; readonly message: string } | { readonly status: 'ready'; readonly value: Definitions };

/** Loads GET /api/definitions (forms and their workflows) once per sign-in and shows a loading or error screen until it has them. */
export function DefinitionsProvider({ children }: { children: ReactNode }) {
  const { api } = useSession();
  const { t, locale } = useI18n();
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    api.definitions().then(
      ({ app, forms, workflows }) => {
        if (cancelled) return;
        const byId = new Map(forms.map((form) => [form.id, form]));
        const workflowById = new Map(workflows.map((workflow) => [workflow.id, workflow]));
        setState({ status: 'ready', value: { app, forms, workflows, form: (id) => byId.get(id), workflow: (id) => workflowById.get(id) } });
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
