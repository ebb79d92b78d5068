import { useEffect, useMemo, useState } from 'react';
import type { FormDefinition } from '../../../engine/definitions/generated/definition-types.js';
import { type ListQuery, type RecordList } from '../api/index.js';
import { useSession, useUser } from '../auth/index.js';
import { ExportButtons, recordExportPath } from '../exports/index.js';
import { mayAccess } from '../forms/access.js';
import { fieldKind, fieldLabel, fieldSchema, listColumns } from '../forms/field-schema.js';
import { YesNoBadge } from '../forms/index.js';
import { useI18n } from '../i18n/index.js';
import { href, navigate } from '../routing/index.js';
import { describeFailure, RetryNotice } from '../shell/index.js';
import { valueText } from './cell-text.js';
import { FilterBar } from './filter-bar.js';
import { formatListSearch, nextSort, parseListSearch, sortDirection } from './list-search.js';
import { Pager } from './pager.js';

type LoadState = { readonly status: 'loading' } | { readonly status: 'failed'; readonly message: string } | { readonly status: 'ready'; readonly list: RecordList };

export function ListPage({ definition, search }: { definition: FormDefinition; search: string }) {
  const { api } = useSession();
  const user = useUser();
  const { t, text, locale } = useI18n();
  const query = useMemo(() => {
    const parsed = parseListSearch(search);
    return parsed.sort || !definition.list?.sort ? parsed : { ...parsed, sort: definition.list.sort };
  }, [search, definition]);
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [reload, setReload] = useState(0);
  const columns = useMemo(() => listColumns(definition), [definition]);

  useEffect(() => {
    let cancelled = false;
    setState((previous) => (previous.status === 'ready' ? previous : { status: 'loading' }));
    api.listRecords(definition.id, query).then(
      (list) => {
        if (!cancelled) setState({ status: 'ready', list });
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'failed', message: describeFailure(error, locale) });
      },
    );
    return () => {
      cancelled = true;
    };
    // The locale only words an error message; switching language must not refetch.
  }, [api, definition.id, query, reload]);

  function go(next: ListQuery) {
    navigate({ page: 'list', form: definition.id, search: formatListSearch(next) });
  }

  const canCreate = mayAccess(definition, user.roles, 'create');
  const filtered = Boolean(query.q) || (query.filters?.length ?? 0) > 0;

  return (
    <div className="page">
      <div className="page-header">
        <h1 data-testid="page-title">{text(definition.title)}</h1>
        <div className="page-actions">
          <ExportButtons name={text(definition.title)} path={(format) => recordExportPath(definition.id, query, format)} />
          {canCreate ? (
            <a className="btn btn-primary" href={href({ page: 'new', form: definition.id })} data-testid="new-record">
              + {t('list.new')}
            </a>
          ) : null}
        </div>
      </div>
      {definition.description ? <p className="muted page-description">{text(definition.description)}</p> : null}
      <FilterBar definition={definition} query={query} onChange={go} />
      {state.status === 'failed' ? <RetryNotice message={state.message} onRetry={() => setReload((count) => count + 1)} /> : null}
      {state.status === 'loading' ? <div className="page-state">{t('app.loading')}</div> : null}
      {state.status === 'ready' ? (
        state.list.items.length === 0 ? (
          <div className="empty-state" data-testid="list-empty">
            <p>{filtered ? t('list.emptyFiltered') : t('list.empty')}</p>
            {!filtered && canCreate ? <p className="muted">{t('list.emptyHintCreate')}</p> : null}
          </div>
        ) : (
          <>
            <div className="table-wrap">
              <table className="data-table" data-testid="record-list">
                <thead>
                  <tr>
                    {columns.map((path) => {
                      const direction = sortDirection(query.sort, path);
                      const numeric = fieldKind(fieldSchema(definition, path)) === 'number';
                      return (
                        <th
                          key={path}
                          className={numeric ? 'num' : undefined}
                          aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}
                        >
                          <button type="button" className="sort-button" data-testid={`sort-${path}`} onClick={() => go({ ...query, sort: nextSort(query.sort, path), offset: 0 })}>
                            {fieldLabel(definition, path, locale)}
                            <span className="sort-indicator" aria-label={direction ? t(direction === 'asc' ? 'list.sortAscending' : 'list.sortDescending') : undefined}>
                              {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : ''}
                            </span>
                          </button>
                        </th>
                      );
                    })}
                  </tr>
                </thead>
                <tbody>
                  {state.list.items.map((record) => (
                    <tr key={record.id} className="clickable" data-testid={`row-${record.id}`} onClick={() => navigate({ page: 'record', form: definition.id, id: record.id })}>
                      {columns.map((path, index) => {
                        const value = record.data[path];
                        const cell = valueText(definition, path, value, locale, state.list.display);
                        const shown = typeof value === 'boolean' ? <YesNoBadge value={value} /> : cell.text;
                        const kind = fieldKind(fieldSchema(definition, path));
                        const className = cell.numeric ? 'num nowrap' : kind === 'date' || kind === 'datetime' ? 'nowrap' : undefined;
                        return (
                          <td key={path} className={className}>
                            {index === 0 ? (
                              <a href={href({ page: 'record', form: definition.id, id: record.id })} onClick={(event) => event.stopPropagation()}>
                                {shown}
                              </a>
                            ) : (
                              shown
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager list={state.list} onPage={(offset) => go({ ...query, offset })} />
          </>
        )
      ) : null}
    </div>
  );
}
