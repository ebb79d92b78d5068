import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';
import { COLUMN_TYPES, type DesignField, type FieldType } from './field-model.js';
import { FieldTypeIcon } from './field-type-icon.js';
import { itemId, type CanvasItem } from './layout-items.js';
import { SectionRow } from './section-row.js';
import { Sortable } from './sortable-row.js';

export interface Selection {
  field: string;
  column?: string;
}

interface CanvasProps {
  /** The form's fields with its sections between them. */
  items: readonly CanvasItem[];
  selection: Selection | null;
  onSelect: (selection: Selection) => void;
  onAddColumn: (table: string, type: FieldType) => void;
  selectedSection: string | null;
  onSelectSection: (id: string) => void;
  /** Badges after a field's label (formula, conditions, permissions), by field path. */
  marks?: (path: string) => ReactNode;
}

function TableColumns({ field, selection, onSelect, onAddColumn, marks }: { field: DesignField } & Pick<CanvasProps, 'selection' | 'onSelect' | 'onAddColumn' | 'marks'>) {
  const { t, text } = useI18n();
  const columns = field.columns ?? [];
  return (
    <div className="fd-columns" onClick={(event) => event.stopPropagation()}>
      <div className="fd-columns-head">
        <span className="fd-columns-title">{t('designer.columns')}</span>
        <select
          className="fd-add-column"
          value=""
          aria-label={t('designer.addColumn')}
          onChange={(event) => {
            if (event.target.value !== '') onAddColumn(field.name, event.target.value as FieldType);
          }}
          data-testid={`add-column-${field.name}`}
        >
          <option value="">+ {t('designer.addColumn')}</option>
          {COLUMN_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`designer.type.${type}`)}
            </option>
          ))}
        </select>
      </div>
      {columns.length === 0 ? <p className="fd-hint">{t('designer.noColumns')}</p> : null}
      <SortableContext items={columns.map((column) => `column:${field.name}:${column.name}`)} strategy={verticalListSortingStrategy}>
        <div className="fd-column-list">
          {columns.map((column) => {
            const selected = selection?.field === field.name && selection.column === column.name;
            return (
              <Sortable
                key={column.name}
                id={`column:${field.name}:${column.name}`}
                className={selected ? 'fd-column is-selected' : 'fd-column'}
                testId={`design-column-${field.name}-${column.name}`}
                onSelect={() => onSelect({ field: field.name, column: column.name })}
              >
                <FieldTypeIcon type={column.type} />
                <span className="fd-field-label">{text(column.label)}</span>
                {column.required ? <span className="fd-required">{t('designer.required')}</span> : null}
                {marks?.(`${field.name}.${column.name}`)}
              </Sortable>
            );
          })}
        </div>
      </SortableContext>
    </div>
  );
}

/** The form being built: its fields in order, dragged to reorder, clicked to edit. */
export function FieldCanvas({ items, selection, onSelect, onAddColumn, selectedSection, onSelectSection, marks }: CanvasProps) {
  const { t, text } = useI18n();
  const { setNodeRef, isOver } = useDroppable({ id: 'canvas' });
  return (
    <div ref={setNodeRef} className={isOver ? 'fd-canvas is-over' : 'fd-canvas'} data-testid="designer-canvas">
      {items.length === 0 ? <div className="fd-canvas-empty">{t('designer.canvasEmpty')}</div> : null}
      <SortableContext items={items.map(itemId)} strategy={verticalListSortingStrategy}>
        {items.map((item, index) => {
          if (item.kind === 'section') {
            const next = items[index + 1];
            return <SectionRow key={itemId(item)} section={item.section} empty={next === undefined || next.kind === 'section'} selected={selectedSection === item.section.id} onSelect={() => onSelectSection(item.section.id)} />;
          }
          const { field } = item;
          const selected = selection?.field === field.name && selection.column === undefined;
          return (
            <Sortable
              key={field.name}
              id={`field:${field.name}`}
              className={`fd-field${selected ? ' is-selected' : ''}${field.type === 'table' ? ' is-table' : ''}`}
              testId={`design-field-${field.name}`}
              onSelect={() => onSelect({ field: field.name })}
            >
              <div className="fd-field-body">
                <div className="fd-field-head">
                  <FieldTypeIcon type={field.type} />
                  <span className="fd-field-label">{text(field.label)}</span>
                  {field.required ? <span className="fd-required">{t('designer.required')}</span> : null}
                  {field.width !== undefined ? <span className="fd-width" data-testid={`design-width-${field.name}`}>{t(`designer.width.badge.${field.width}`)}</span> : null}
                  {marks?.(field.name)}
                  <span className="fd-field-type">{t(`designer.type.${field.type}`)}</span>
                </div>
                {field.type === 'table' ? <TableColumns field={field} selection={selection} onSelect={onSelect} onAddColumn={onAddColumn} marks={marks} /> : null}
              </div>
            </Sortable>
          );
        })}
      </SortableContext>
    </div>
  );
}
