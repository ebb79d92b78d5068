import { useDraggable } from '@dnd-kit/core';
import { useMemo, useState } from 'react';
import { useI18n } from '../i18n/index.js';
import type { SourceField } from './source-fields.js';

export type Shelf = 'groups' | 'measures' | 'filters';

const TYPE_MARK: Record<SourceField['type'], string> = { string: 'Aa', number: '#', boolean: 'Y/N', date: '31', timestamp: 'T' };

function FieldRow({ field, onAdd }: { field: SourceField; onAdd: (field: SourceField, shelf: Shelf) => void }) {
  const { t, text } = useI18n();
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: `field:${field.path}`, data: { field } });
  const primary: Shelf = field.type === 'number' ? 'measures' : 'groups';
  return (
    <li className={isDragging ? 'rd-field is-dragging' : 'rd-field'} data-testid={`rd-field-${field.path}`}>
      <button ref={setNodeRef} type="button" className="rd-field-main" {...attributes} {...listeners} onClick={() => onAdd(field, primary)} title={t(primary === 'groups' ? 'reportDesigner.addGroup' : 'reportDesigner.addMeasure')}>
        <span className={`rd-type rd-type-${field.type}`} aria-hidden="true">
          {TYPE_MARK[field.type]}
        </span>
        <span className="rd-field-label">{text(field.label)}</span>
      </button>
      <span className="rd-field-actions">
        {(['groups', 'measures', 'filters'] as const).map((shelf) => (
          <button key={shelf} type="button" className="rd-mini" onClick={() => onAdd(field, shelf)} title={t(`reportDesigner.addTo.${shelf}`)} data-testid={`rd-add-${shelf}-${field.path}`}>
            {t(`reportDesigner.short.${shelf}`)}
          </button>
        ))}
      </span>
    </li>
  );
}

/** The source's fields, searchable; drag one onto a shelf, or click to add it where it most likely belongs. */
export function FieldList({ fields, sourceChosen, onAdd }: { fields: readonly SourceField[]; sourceChosen: boolean; onAdd: (field: SourceField, shelf: Shelf) => void }) {
  const { t, text } = useI18n();
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const needle = query.trim().toLowerCase();
    if (needle === '') return fields;
    return fields.filter((field) => [field.path, field.label.en, field.label['zh-CN']].some((value) => value.toLowerCase().includes(needle)));
  }, [fields, query]);
  const groups = (['line', 'data', 'join', 'system'] as const).map((group) => ({ group, fields: shown.filter((field) => field.group === group) })).filter((entry) => entry.fields.length > 0);
  if (fields.length === 0) return <p className="rd-empty-note">{t(sourceChosen ? 'reportDesigner.noFields' : 'reportDesigner.fieldsAfterSource')}</p>;
  return (
    <div className="rd-fields">
      <input className="rd-search" type="search" value={query} placeholder={t('reportDesigner.searchFields')} onChange={(event) => setQuery(event.target.value)} data-testid="rd-field-search" />
      <p className="fd-hint">{t('reportDesigner.fieldsHint')}</p>
      {groups.map(({ group, fields: entries }) => (
        <section key={group} className="rd-field-group">
          <h3>{t(`reportDesigner.fieldGroup.${group}`)}</h3>
          <ul>
            {entries.map((field) => (
              <FieldRow key={field.path} field={field} onAdd={onAdd} />
            ))}
          </ul>
        </section>
      ))}
      {groups.length === 0 ? <p className="rd-empty-note">{t('reportDesigner.noMatch', { query: text({ 'zh-CN': query, en: query }) })}</p> : null}
    </div>
  );
}
