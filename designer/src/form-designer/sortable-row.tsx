import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';

/** A row of the canvas (a field, a column, a section) that is dragged by its handle and clicked to select. */
export function Sortable({ id, className, children, testId, onSelect }: { id: string; className: string; children: ReactNode; testId: string; onSelect: () => void }) {
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
