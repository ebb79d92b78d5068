import { useMemo } from 'react';
import type { ReportFormulaFilter } from '../../../engine/definitions/generated/definition-types.js';
import { Prop } from '../definition-drafts/index.js';
import { FormulaEditor, type FormulaField } from '../formula-editor/index.js';
import { useI18n } from '../i18n/index.js';
import { formulaFilterFields } from './formula-filter-fields.js';
import type { SourceField } from './source-fields.js';

const FORMULA_TYPES: Readonly<Record<SourceField['type'], string>> = { string: 'text', number: 'number', boolean: 'boolean', date: 'date', timestamp: 'datetime' };

/** A filter written as a formula, in the formula editor with the source's fields as suggestions. */
export function FormulaFilterProperties({
  filter,
  fields,
  sourceIsForm,
  onChange,
}: {
  filter: ReportFormulaFilter;
  fields: readonly SourceField[];
  sourceIsForm: boolean;
  onChange: (filter: ReportFormulaFilter) => void;
}) {
  const { t, text } = useI18n();
  const offered = useMemo<FormulaField[]>(
    () => formulaFilterFields(fields, sourceIsForm).map(({ name, field }) => ({ name, label: text(field.label), type: FORMULA_TYPES[field.type] })),
    [fields, sourceIsForm, text],
  );
  return (
    <div className="fd-props" data-testid="rd-formula-properties">
      <Prop label={t('reportDesigner.formula')}>
        <FormulaEditor value={filter.formula} onChange={(formula) => onChange({ formula })} fields={offered} expect="boolean" testId="rd-filter-formula" />
      </Prop>
      <p className="fd-hint">{t('reportDesigner.formulaHint')}</p>
    </div>
  );
}
