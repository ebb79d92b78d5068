import type { FieldWidth, FormSection } from '../../../engine/definitions/generated/definition-types.js';
import { useI18n } from '../i18n/index.js';
import type { DesignField } from './field-model.js';
import { LocalizedInputs, Row } from './properties-panel.js';

const WIDTHS: readonly FieldWidth[] = ['full', 'half', 'third'];

/** A section's title in both languages; without one it is a divider line. */
export function SectionProperties({ section, onChange, onDelete }: { section: FormSection; onChange: (section: FormSection) => void; onDelete: () => void }) {
  const { t } = useI18n();
  return (
    <div className="fd-props" data-testid="section-properties">
      <p className="fd-hint">{t('designer.section.hint')}</p>
      <LocalizedInputs
        value={section.title}
        zhLabel={t('designer.section.titleZh')}
        enLabel={t('designer.section.titleEn')}
        onChange={(title) => {
          const { title: _old, ...rest } = section;
          onChange(title === undefined ? rest : { ...rest, title });
        }}
        testId="section-title"
      />
      <button type="button" className="btn btn-danger-ghost fd-delete" onClick={onDelete} data-testid="section-delete">
        {t('designer.section.delete')}
      </button>
    </div>
  );
}

/** How much of its row a top-level field takes on the form. */
export function FieldWidthInput({ field, onChange }: { field: DesignField; onChange: (field: DesignField) => void }) {
  const { t } = useI18n();
  return (
    <Row label={t('designer.width.label')}>
      <select
        value={field.width ?? ''}
        onChange={(event) => {
          const { width: _old, ...rest } = field;
          const width = WIDTHS.find((candidate) => candidate === event.target.value);
          onChange(width === undefined ? rest : { ...rest, width });
        }}
        data-testid="prop-width"
      >
        <option value="">{t('designer.width.auto')}</option>
        {WIDTHS.map((width) => (
          <option key={width} value={width}>
            {t(`designer.width.${width}`)}
          </option>
        ))}
      </select>
    </Row>
  );
}
