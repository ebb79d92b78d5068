import { useEffect, useState } from 'react';
import type { FormDefinition } from '../../../engine/definitions/generated/definition-types.js';
import { type ApiClient, type DisplayMap, type HistoryEntry, type OrdoRecord } from '../api/index.js';
import { useSession } from '../auth/index.js';
import { isMessageId, useI18n } from '../i18n/index.js';
import { href } from '../routing/index.js';
import { describeFailure } from '../shell/index.js';
import { valueText } from './cell-text.js';
import { actorName, changeLabel, changeTarget, lookupIdsInChanges, sortChanges } from './history-change.js';
import { recordTitle } from './record-title.js';

type LoadState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly record: OrdoRecord | undefined; readonly items: readonly HistoryEntry[]; readonly display: DisplayMap };

/** Names the records that lookup changes point at, so history shows "KBZ Pumps" rather than an id. */
async function lookupDisplay(api: ApiClient, definition: FormDefinition, items: readonly HistoryEntry[]): Promise<DisplayMap> {
  const wanted = lookupIdsInChanges(definition, items.flatMap((entry) => entry.changes));
  const displayFieldOf = new Map(Object.values(definition.lookups ?? {}).map((lookup) => [lookup.form, lookup.displayField]));
  const display: Record<string, Record<string, string>> = {};
  await Promise.all(
    [...wanted].flatMap(([form, ids]) =>
      [...ids].map(async (id) => {
        const found = await api.getRecord(form, id).catch(() => undefined);
        const text = found?.data[displayFieldOf.get(form) ?? ''];
        if (typeof text === 'string' || typeof text === 'number') display[form] = { ...display[form], [id]: String(text) };
      }),
    ),
  );
  return display;
}

export function HistoryPage({ definition, id }: { definition: FormDefinition; id: string }) {
  const { api } = useSession();
  const { t, text, locale, dateTime } = useI18n();
  const [state, setState] = useState<LoadState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    async function load() {
      const [history, record] = await Promise.all([api.history(definition.id, id), api.getRecord(definition.id, id).catch(() => undefined)]);
      const display = await lookupDisplay(api, definition, history.items);
      return { record, display, items: [...history.items].sort((a, b) => b.revision - a.revision) };
    }
    load().then(
      (loaded) => {
        if (!cancelled) setState({ status: 'ready', ...loaded });
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'failed', message: describeFailure(error, locale) });
      },
    );
    return () => {
      cancelled = true;
    };
    // Refetch for another record, not for a language switch.
  }, [api, definition, id]);

  const title = state.status === 'ready' && state.record ? recordTitle(definition, state.record) : id;
  return (
    <div className="page">
      <nav className="breadcrumb">
        <a href={href({ page: 'list', form: definition.id, search: '' })}>{text(definition.title)}</a>
        <span aria-hidden="true"> / </span>
        <a href={href({ page: 'record', form: definition.id, id })} data-testid="back-to-record">
          {title}
        </a>
        <span aria-hidden="true"> / </span>
        <span>{t('record.history')}</span>
      </nav>
      <div className="page-header">
        <h1 data-testid="page-title">{t('history.title', { title })}</h1>
        <a className="btn" href={href({ page: 'record', form: definition.id, id })}>
          {t('history.back')}
        </a>
      </div>
      {state.status === 'loading' ? <div className="page-state">{t('app.loading')}</div> : null}
      {state.status === 'failed' ? (
        <p className="notice notice-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {state.status === 'ready' && state.items.length === 0 ? <div className="empty-state">{t('history.empty')}</div> : null}
      {state.status === 'ready' ? (
        <ol className="timeline" data-testid="history-list">
          {state.items.map((entry) => {
            const actionKey = `action.${entry.action}`;
            return (
              <li key={entry.revision} className="timeline-entry" data-testid={`history-${entry.revision}`}>
                <div className="timeline-head">
                  <span className={`badge badge-${entry.action}`}>{isMessageId(actionKey) ? t(actionKey) : entry.action}</span>
                  <span className="timeline-revision">{t('record.revision', { revision: entry.revision })}</span>
                  <span className="timeline-actor">{t('history.by', { actor: actorName(entry.actor) })}</span>
                  <time className="muted" dateTime={entry.at}>
                    {dateTime(entry.at)}
                  </time>
                </div>
                {entry.changes.length === 0 ? (
                  <p className="muted">{t('history.noChanges')}</p>
                ) : (
                  <table className="data-table changes-table">
                    <thead>
                      <tr>
                        <th>{t('history.field')}</th>
                        <th>{t('history.before')}</th>
                        <th>{t('history.after')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {sortChanges(definition, entry.changes).map((change, index) => {
                        const { fieldPath } = changeTarget(change.path);
                        return (
                          <tr key={`${change.path}:${index}`}>
                            <td>{changeLabel(definition, change.path, locale)}</td>
                            <td className="change-before">{valueText(definition, fieldPath, change.before, locale, state.display).text}</td>
                            <td className="change-after">{valueText(definition, fieldPath, change.after, locale, state.display).text}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                )}
              </li>
            );
          })}
        </ol>
      ) : null}
    </div>
  );
}
