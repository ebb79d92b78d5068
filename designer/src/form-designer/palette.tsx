import { useDraggable } from '@dnd-kit/core';
import { useI18n } from '../i18n/index.js';
import { FIELD_TYPES, type FieldType } from './field-model.js';
import { FieldTypeIcon } from './field-type-icon.js';

function PaletteItem({ type, onAdd }: { type: FieldType; onAdd: (type: FieldType) => void }) {
  const { t } = useI18n();
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: `palette:${type}`, data: { type } });
  return (
    <button
      type="button"
      ref={setNodeRef}
      className={isDragging ? 'fd-palette-item is-dragging' : 'fd-palette-item'}
      onClick={() => onAdd(type)}
      data-testid={`palette-${type}`}
      {...attributes}
      {...listeners}
    >
      <FieldTypeIcon type={type} />
      <span>{t(`designer.type.${type}`)}</span>
    </button>
  );
}

/** The field types, each dragged onto the form or clicked to add at the end. */
export function Palette({ onAdd }: { onAdd: (type: FieldType) => void }) {
  const { t } = useI18n();
  return (
    <aside className="fd-palette" aria-label={t('designer.palette')}>
      <h2 className="fd-panel-title">{t('designer.palette')}</h2>
      <p className="fd-hint">{t('designer.paletteHint')}</p>
      <div className="fd-palette-grid">
        {FIELD_TYPES.map((type) => (
          <PaletteItem key={type} type={type} onAdd={onAdd} />
        ))}
      </div>
    </aside>
  );
}
