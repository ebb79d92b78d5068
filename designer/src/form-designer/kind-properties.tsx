import { useI18n } from '../i18n/index.js';
import type { DesignField } from './field-model.js';

/** The largest `maxItems` the panel offers; the engine's own cap for an attachment field. */
const MAX_FILES = 20;

/**
 * What the properties panel says and edits for the field types that pick from outside the form:
 * members, departments, attachments, and the time zone of a date-time.
 */
export function KindProperties({ field, onChange }: { field: DesignField; onChange: (field: DesignField) => void }) {
  const { t } = useI18n();
  if (field.type === 'attachments') {
    const maxItems = typeof field.extra?.maxItems === 'number' ? field.extra.maxItems : MAX_FILES;
    return (
      <label className="fd-prop">
        <span className="fd-prop-label">{t('designer.prop.maxFiles')}</span>
        <input
          type="number"
          min={1}
          max={MAX_FILES}
          value={maxItems}
          onChange={(event) => {
            const next = Math.min(Math.max(Math.round(Number(event.target.value)) || 1, 1), MAX_FILES);
            onChange({ ...field, extra: { ...field.extra, maxItems: next } });
          }}
          data-testid="prop-max-files"
        />
        <span className="fd-hint">{t('designer.hint.attachments')}</span>
      </label>
    );
  }
  const hints = { member: 'designer.hint.member', department: 'designer.hint.department', dateTime: 'designer.hint.dateTime', multiChoice: 'designer.hint.multiChoice' } as const;
  const hint = field.type in hints ? hints[field.type as keyof typeof hints] : undefined;
  return hint === undefined ? null : <p className="fd-hint" data-testid="prop-kind-hint">{t(hint)}</p>;
}
