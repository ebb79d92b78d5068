import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { FormDefinition } from '../../../engine/definitions/generated/definition-types.js';
import type { FilterOperator, ListQuery, RecordFilter } from '../api/index.js';
import { fieldKind, fieldLabel, fieldSchema, listColumns, topLevelFields } from '../forms/field-schema.js';
import { useI18n } from '../i18n/index.js';
import { FILTER_OPERATORS } from './list-search.js';

/** Search box, one filter row (field, condition, value) and the filters already applied as removable chips. */
export function FilterBar({ definition, query, onChange }: { definition: FormDefinition; query: ListQuery; onChange: (next: ListQuery) => void }) {
  const { t, locale } = useI18n();
  const [q, setQ] = useState(query.q ?? '');
  const fields = useMemo(() => {
    const columns = listColumns(definition);
    const rest = topLevelFields(definition).filter((path) => !columns.includes(path));
    return [...columns, ...rest].filter((path) => !['table', 'files'].includes(fieldKind(fieldSchema(definition, path))));
  }, [definition]);
  const [field, setField] = useState(fields[0] ?? '');
  const [op, setOp] = useState<FilterOperator>('eq');
  const [value, setValue] = useState('');

  useEffect(() => setQ(query.q ?? ''), [query.q]);
  useEffect(() => setField(fields[0] ?? ''), [fields]);

  const filters = query.filters ?? [];

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: ListQuery = { ...query, offset: 0 };
    onChange(q.trim() ? { ...next, q: q.trim() } : { ...next, q: '' });
  }

  function addFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!field || value.trim() === '') return;
    onChange({ ...query, offset: 0, filters: [...filters, { field, op, value: value.trim() }] });
    setValue('');
  }

  function removeFilter(index: number) {
    onChange({ ...query, offset: 0, filters: filters.filter((_, position) => position !== index) });
  }

  function chipText(filter: RecordFilter): string {
    return `${fieldLabel(definition, filter.field, locale)} ${t(`op.${filter.op}`)} ${filter.value}`;
  }

  return (
    <div className="filter-bar">
      <form className="search-form" onSubmit={search} role="search">
        <input
          type="search"
          value={q}
          placeholder={t('list.searchPlaceholder')}
          aria-label={t('list.search')}
          onChange={(event) => setQ(event.target.value)}
          data-testid="list-search"
        />
        <button type="submit" className="btn" data-testid="list-search-submit">
          {t('list.search')}
        </button>
      </form>
      <form className="filter-form" onSubmit={addFilter}>
        <span className="filter-title">{t('list.filter')}</span>
        <select aria-label={t('list.filterField')} value={field} onChange={(event) => setField(event.target.value)} data-testid="filter-field">
          {fields.map((path) => (
            <option key={path} value={path}>
              {fieldLabel(definition, path, locale)}
            </option>
          ))}
        </select>
        <select aria-label={t('list.filterOperator')} value={op} onChange={(event) => setOp(event.target.value as FilterOperator)} data-testid="filter-op">
          {FILTER_OPERATORS.map((operator) => (
            <option key={operator} value={operator}>
              {t(`op.${operator}`)}
            </option>
          ))}
        </select>
        <input aria-label={t('list.filterValue')} value={value} onChange={(event) => setValue(event.target.value)} data-testid="filter-value" />
        <button type="submit" className="btn" data-testid="filter-apply">
          {t('list.applyFilter')}
        </button>
      </form>
      {filters.length > 0 ? (
        <ul className="filter-chips">
          {filters.map((filter, index) => (
            <li key={`${filter.field}:${filter.op}:${filter.value}:${index}`} className="chip">
              {chipText(filter)}
              <button type="button" className="chip-remove" aria-label={t('list.clearFilter')} onClick={() => removeFilter(index)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
