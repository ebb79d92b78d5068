import type { LocalizedText } from '../../../engine/definitions/generated/definition-types.js';
import { LocalizedTextInputs } from '../definition-drafts/index.js';
import { useI18n } from '../i18n/index.js';
import type { SourceField } from './source-fields.js';

/** A label in both languages: a report is read in both. */
export function LabelInputs({ value, onChange, testId, naming }: { value: LocalizedText; onChange: (value: LocalizedText) => void; testId: string; naming?: 'label' | 'name' }) {
  const { t } = useI18n();
  const [zh, en] = naming === 'name' ? (['reportDesigner.titleZh', 'reportDesigner.titleEn'] as const) : (['reportDesigner.labelZh', 'reportDesigner.labelEn'] as const);
  return <LocalizedTextInputs value={value} onChange={onChange} labels={[t(zh), t(en)]} testId={testId} />;
}

export function FieldSelect({ value, fields, onChange, testId, allowNone }: { value: string | undefined; fields: readonly SourceField[]; onChange: (path: string | undefined) => void; testId: string; allowNone?: string }) {
  const { text } = useI18n();
  const known = value === undefined || fields.some((field) => field.path === value);
  return (
    <select value={value ?? ''} onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)} data-testid={testId}>
      {allowNone !== undefined ? <option value="">{allowNone}</option> : null}
      {known ? null : <option value={value}>{value}</option>}
      {fields.map((field) => (
        <option key={field.path} value={field.path}>
          {text(field.label)}
        </option>
      ))}
    </select>
  );
}

/** Keys of groups and measures must be names (the schema's Name pattern); anything else is typed back to one. */
export function toName(value: string): string {
  const cleaned = value.replace(/[^a-zA-Z0-9_]/g, '');
  return /^[a-zA-Z]/.test(cleaned) ? cleaned.slice(0, 63) : '';
}

/** Earlier / later: the first dimension is the chart's category axis, and columns follow this order. */
export function MoveButtons({ index, count, onMove, testId }: { index: number; count: number; onMove: (to: number) => void; testId: string }) {
  const { t } = useI18n();
  if (count < 2) return null;
  return (
    <div className="rd-move">
      <button type="button" className="btn btn-small" disabled={index === 0} onClick={() => onMove(index - 1)} data-testid={`${testId}-earlier`}>
        ← {t('reportDesigner.moveEarlier')}
      </button>
      <button type="button" className="btn btn-small" disabled={index === count - 1} onClick={() => onMove(index + 1)} data-testid={`${testId}-later`}>
        {t('reportDesigner.moveLater')} →
      </button>
    </div>
  );
}
