import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { memo, useMemo, useRef } from 'react';
import { useI18n } from '../i18n/index.js';
import type { RowMarks } from './canvas-marks.js';
import { FieldMarks } from './field-marks.js';
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
  /** The badges after each field's label (formula, conditions, permissions), by top-level field name. */
  marks: ReadonlyMap<string, RowMarks>;
}

/**
 * The same ids as last time when they did not change: dnd-kit's SortableContext hands every sortable
 * row a new context value whenever it gets a new array, which would re-render all of them on each
 * keystroke in the properties panel.
 */
function useStableIds(ids: string[]): string[] {
  const last = useRef(ids);
  if (last.current.length !== ids.length || last.current.some((id, index) => id !== ids[index])) last.current = ids;
  return last.current;
}

interface RowProps {
  field: DesignField;
  selected: boolean;
  /** The selected column when it is one of this sub-table's. */
  selectedColumn: string | undefined;
  marks: RowMarks | undefined;
  onSelect: (selection: Selection) => void;
  onAddColumn: (table: string, type: FieldType) => void;
}

function TableColumns({ field, selectedColumn, onSelect, onAddColumn, marks }: Omit<RowProps, 'selected'>) {
  const { t, text } = useI18n();
  const columns = field.columns ?? [];
  const ids = useStableIds(columns.map((column) => `column:${field.name}:${column.name}`));
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
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <div className="fd-column-list">
          {columns.map((column) => {
            const selected = selectedColumn === column.name;
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
                <FieldMarks path={`${field.name}.${column.name}`} mark={marks?.[`${field.name}.${column.name}`]} />
              </Sortable>
            );
          })}
        </div>
      </SortableContext>
    </div>
  );
}

/**
 * A field on the canvas. Memoised: a keystroke in the properties panel changes one field, and only its
 * row renders again (the page hands every row the same callbacks and, for an unchanged field, the same
 * field and marks objects).
 */
const FieldRow = memo(function FieldRow({ field, selected, selectedColumn, marks, onSelect, onAddColumn }: RowProps) {
  const { t, text } = useI18n();
  return (
    <Sortable
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
          <FieldMarks path={field.name} mark={marks?.[field.name]} />
          <span className="fd-field-type">{t(`designer.type.${field.type}`)}</span>
        </div>
        {field.type === 'table' ? <TableColumns field={field} selectedColumn={selectedColumn} onSelect={onSelect} onAddColumn={onAddColumn} marks={marks} /> : null}
      </div>
    </Sortable>
  );
});

/** The form being built: its fields in order, dragged to reorder, clicked to edit. */
export function FieldCanvas({ items, selection, onSelect, onAddColumn, selectedSection, onSelectSection, marks }: CanvasProps) {
  const { t } = useI18n();
  const { setNodeRef, isOver } = useDroppable({ id: 'canvas' });
  const ids = useStableIds(useMemo(() => items.map(itemId), [items]));
  return (
    <div ref={setNodeRef} className={isOver ? 'fd-canvas is-over' : 'fd-canvas'} data-testid="designer-canvas">
      {items.length === 0 ? <div className="fd-canvas-empty">{t('designer.canvasEmpty')}</div> : null}
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        {items.map((item, index) => {
          if (item.kind === 'section') {
            const next = items[index + 1];
            return <SectionRow key={itemId(item)} section={item.section} empty={next === undefined || next.kind === 'section'} selected={selectedSection === item.section.id} onSelect={onSelectSection} />;
          }
          const { field } = item;
          const mine = selection?.field === field.name;
          return (
            <FieldRow
              key={field.name}
              field={field}
              selected={mine && selection.column === undefined}
              selectedColumn={mine ? selection.column : undefined}
              marks={marks.get(field.name)}
              onSelect={onSelect}
              onAddColumn={onAddColumn}
            />
          );
        })}
      </SortableContext>
    </div>
  );
}
