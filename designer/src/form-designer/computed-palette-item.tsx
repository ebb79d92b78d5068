import { useDraggable } from '@dnd-kit/core';
import { useI18n } from '../i18n/index.js';
import type { DesignField, DesignForm } from './field-model.js';
import { withComputed } from './field-logic.js';
import { asComputed } from './field-logic-panel.js';
import { newField } from './new-field.js';

/** The drag id of the computed-field palette entry; a computed field is a number field with a formula. */
export const COMPUTED_PALETTE_ID = 'palette:computed';

/** Adds a computed number field (key `computed1`, ...) at `at`, with an empty formula to fill in. */
export function addComputedField(form: DesignForm, at: number, label: DesignField['label']): { form: DesignForm; name: string } {
  const taken = form.fields.map((field) => field.name);
  let n = 1;
  while (taken.includes(`computed${n}`)) n += 1;
  const field: DesignField = { ...asComputed(newField('number', taken), 'number'), name: `computed${n}`, label };
  const fields = [...form.fields];
  fields.splice(at, 0, field);
  return { form: withComputed({ ...form, fields }, field.name, ''), name: field.name };
}

export function ComputedPaletteItem({ onAdd }: { onAdd: () => void }) {
  const { t } = useI18n();
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: COMPUTED_PALETTE_ID });
  return (
    <button type="button" ref={setNodeRef} className={isDragging ? 'fd-palette-item is-dragging' : 'fd-palette-item'} onClick={onAdd} data-testid="palette-computed" {...attributes} {...listeners}>
      <span className="fd-icon fd-icon-computed" aria-hidden="true">
        ƒx
      </span>
      <span>{t('designer.type.computed')}</span>
    </button>
  );
}
