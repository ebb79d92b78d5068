import { useDraggable } from '@dnd-kit/core';
import { useI18n } from '../i18n/index.js';
import { ComputedPaletteItem } from './computed-palette-item.js';
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

function SectionItem({ onAdd }: { onAdd: () => void }) {
  const { t } = useI18n();
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: 'palette:section' });
  return (
    <button type="button" ref={setNodeRef} className={isDragging ? 'fd-palette-item is-dragging' : 'fd-palette-item'} onClick={onAdd} data-testid="palette-section" {...attributes} {...listeners}>
      <span className="fd-icon fd-icon-section" aria-hidden="true">
        ☰
      </span>
      <span>{t('designer.type.section')}</span>
    </button>
  );
}

/** The field types, each dragged onto the form or clicked to add at the end; then the layout items. */
export function Palette({ onAdd, onAddComputed, onAddSection }: { onAdd: (type: FieldType) => void; onAddComputed: () => void; onAddSection: () => void }) {
  const { t } = useI18n();
  return (
    <aside className="fd-palette" aria-label={t('designer.palette')}>
      <h2 className="fd-panel-title">{t('designer.palette')}</h2>
      <p className="fd-hint">{t('designer.paletteHint')}</p>
      <div className="fd-palette-grid">
        {FIELD_TYPES.map((type) => (
          <PaletteItem key={type} type={type} onAdd={onAdd} />
        ))}
        <ComputedPaletteItem onAdd={onAddComputed} />
      </div>
      <h2 className="fd-panel-title fd-palette-group">{t('designer.layoutPalette')}</h2>
      <div className="fd-palette-grid">
        <SectionItem onAdd={onAddSection} />
      </div>
    </aside>
  );
}
