import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';
import { COLUMN_TYPES, type DesignField, type FieldType } from './field-model.js';
import { FieldTypeIcon } from './field-type-icon.js';

export interface Selection {
  field: string;
  column?: string;
}

interface CanvasProps {
  fields: readonly DesignField[];
  selection: Selection | null;
  onSelect: (selection: Selection) => void;
  onAddColumn: (table: string, type: FieldType) => void;
}

function Sortable({ id, className, children, testId, onSelect }: { id: string; className: string; children: ReactNode; testId: string; onSelect: () => void }) {
  const { t } = useI18n();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  return (
    <div
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={isDragging ? `${className} is-dragging` : className}
      data-testid={testId}
      onClick={(event) => {
        event.stopPropagation();
        onSelect();
      }}
    >
      <button type="button" ref={setActivatorNodeRef} className="fd-handle" aria-label={t('designer.dragHandle')} data-testid={`${testId}-handle`} {...attributes} {...listeners}>
        ⋮⋮
      </button>
      {children}
    </div>
  );
}

function TableColumns({ field, selection, onSelect, onAddColumn }: { field: DesignField } & Omit<CanvasProps, 'fields'>) {
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
              </Sortable>
            );
          })}
        </div>
      </SortableContext>
    </div>
  );
}

/** The form being built: its fields in order, dragged to reorder, clicked to edit. */
export function FieldCanvas({ fields, selection, onSelect, onAddColumn }: CanvasProps) {
  const { t, text } = useI18n();
  const { setNodeRef, isOver } = useDroppable({ id: 'canvas' });
  return (
    <div ref={setNodeRef} className={isOver ? 'fd-canvas is-over' : 'fd-canvas'} data-testid="designer-canvas">
      {fields.length === 0 ? <div className="fd-canvas-empty">{t('designer.canvasEmpty')}</div> : null}
      <SortableContext items={fields.map((field) => `field:${field.name}`)} strategy={verticalListSortingStrategy}>
        {fields.map((field) => {
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
                  <span className="fd-field-type">{t(`designer.type.${field.type}`)}</span>
                </div>
                {field.type === 'table' ? <TableColumns field={field} selection={selection} onSelect={onSelect} onAddColumn={onAddColumn} /> : null}
              </div>
            </Sortable>
          );
        })}
      </SortableContext>
    </div>
  );
}
