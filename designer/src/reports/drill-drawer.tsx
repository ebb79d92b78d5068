import { useEffect, useState } from 'react';
import { isApiError, type DrillItem } from '../api/index.js';
import { useSession } from '../auth/index.js';
import { fieldLabel } from '../forms/index.js';
import { useI18n } from '../i18n/index.js';
import { valueText } from '../records/index.js';
import { href } from '../routing/index.js';
import { describeError, useDefinitions } from '../shell/index.js';
import type { DrillTarget } from './drill-target.js';

const PAGE = 50;
const SHOWN_FIELDS = 5;

type DrillState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly form: string; readonly total: number; readonly items: readonly DrillItem[]; readonly more: boolean };

/**
 * The records behind a clicked figure (POST /api/reports/:id/drill), in a drawer from the right:
 * each links to its record page, with a few of its fields; more load on request. Esc closes it.
 */
export function DrillDrawer({ target, onClose }: { target: DrillTarget; onClose: () => void }) {
  const { api } = useSession();
  const { t, text, locale } = useI18n();
  const { form: formDefinition } = useDefinitions();
  const [state, setState] = useState<DrillState>({ status: 'loading' });
  const [offset, setOffset] = useState(0);

  useEffect(() => {
    let cancelled = false;
    api.drillReport(target.report, target.parameters, target.row, { limit: PAGE, offset }).then(
      (answer) => {
        if (cancelled) return;
        setState((previous) => {
          const items = offset > 0 && previous.status === 'ready' ? [...previous.items, ...answer.items] : answer.items;
          return { status: 'ready', form: answer.form, total: answer.total, items, more: items.length < answer.total && answer.items.length > 0 };
        });
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'failed', message: isApiError(error) ? describeError(error, locale) : String(error) });
      },
    );
    return () => {
      cancelled = true;
    };
    // One drawer per target (the page keys it); the locale only words an error.
  }, [api, target, offset]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const definition = state.status === 'ready' ? formDefinition(state.form) : undefined;
  // The first column already names each record: a field that only repeats its title is left out.
  const fields =
    state.status === 'ready'
      ? Object.keys(state.items[0]?.data ?? {})
          .filter((path) => !state.items.every((item) => String(item.data[path]) === item.title))
          .slice(0, SHOWN_FIELDS)
      : [];

  return (
    <div className="drawer-layer">
      <div className="drawer-backdrop" onClick={onClose} aria-hidden="true" />
      <aside className="drawer" role="dialog" aria-modal="true" aria-labelledby="drill-title" data-testid="drill-drawer">
        <header className="drawer-head">
          <div>
            <h2 id="drill-title">{t('reports.drillTitle', { what: target.label })}</h2>
            {state.status === 'ready' ? (
              <p className="muted" data-testid="drill-total">
                {definition ? `${text(definition.title)} · ` : ''}
                {t('reports.drillCount', { total: state.total })}
              </p>
            ) : null}
          </div>
          <button type="button" className="drawer-close" aria-label={t('reports.close')} onClick={onClose} data-testid="drill-close">
            ×
          </button>
        </header>
        <div className="drawer-body">
          {state.status === 'loading' ? <div className="page-state">{t('app.loading')}</div> : null}
          {state.status === 'failed' ? (
            <p className="notice notice-error" role="alert">
              {state.message}
            </p>
          ) : null}
          {state.status === 'ready' && state.items.length === 0 ? <div className="widget-empty">{t('reports.drillEmpty')}</div> : null}
          {state.status === 'ready' && state.items.length > 0 ? (
            <table className="data-table drill-table">
              <thead>
                <tr>
                  <th>{definition ? text(definition.title) : state.form}</th>
                  {fields.map((path) => (
                    <th key={path}>{definition ? fieldLabel(definition, path, locale) : path}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {state.items.map((item) => (
                  <tr key={item.id} data-testid="drill-item">
                    <td className="nowrap">
                      <a href={href({ page: 'record', form: state.form, id: item.id })} data-testid="drill-link">
                        {item.title}
                      </a>
                    </td>
                    {fields.map((path) => {
                      const cell = definition ? valueText(definition, path, item.data[path], locale) : { text: String(item.data[path] ?? '—'), numeric: false };
                      return (
                        <td key={path} className={cell.numeric ? 'num nowrap' : undefined}>
                          {cell.text}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {state.status === 'ready' && state.more ? (
            <button type="button" className="btn drill-more" onClick={() => setOffset(state.items.length)}>
              {t('reports.more')}
            </button>
          ) : null}
        </div>
      </aside>
    </div>
  );
}
