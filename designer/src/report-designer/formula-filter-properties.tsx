import { useMemo } from 'react';
import type { FormDefinition, ReportFormulaFilter, ReportSource } from '../../../engine/definitions/generated/definition-types.js';
import { planFormula } from '../../../engine/reports/report-formula.js';
import { formulaFields } from '../../../engine/reports/resolve-field.js';
import { Prop } from '../definition-drafts/index.js';
import { FormulaEditor, type FormulaField } from '../formula-editor/index.js';
import { useI18n } from '../i18n/index.js';
import { formulaFilterFields } from './formula-filter-fields.js';
import { problemText } from './report-problems.js';
import type { SourceField } from './source-fields.js';

const FORMULA_TYPES: Readonly<Record<SourceField['type'], string>> = { string: 'text', number: 'number', boolean: 'boolean', date: 'date', timestamp: 'datetime' };

/**
 * A filter written as a formula, in the formula editor with the source's fields as suggestions. The
 * editor checks the language; the planner's own check (engine/reports planFormula, as publishing runs
 * it) says at once when the database cannot compute a part of it.
 */
export function FormulaFilterProperties({
  filter,
  fields,
  source,
  forms,
  onChange,
}: {
  filter: ReportFormulaFilter;
  fields: readonly SourceField[];
  source: Partial<ReportSource>;
  forms: ReadonlyMap<string, FormDefinition>;
  onChange: (filter: ReportFormulaFilter) => void;
}) {
  const { t, text } = useI18n();
  const sourceIsForm = 'form' in source;
  const offered = useMemo<FormulaField[]>(
    () => formulaFilterFields(fields, sourceIsForm).map(({ name, field }) => ({ name, label: text(field.label), type: FORMULA_TYPES[field.type] })),
    [fields, sourceIsForm, text],
  );
  const planned = useMemo(() => (Object.keys(source).length === 0 ? undefined : planFormula(filter.formula, formulaFields({ source: source as ReportSource, forms, joins: [] }))), [filter.formula, source, forms]);
  return (
    <div className="fd-props" data-testid="rd-formula-properties">
      <Prop label={t('reportDesigner.formula')}>
        <FormulaEditor value={filter.formula} onChange={(formula) => onChange({ formula })} fields={offered} expect="boolean" testId="rd-filter-formula" />
      </Prop>
      {planned?.kind === 'FormulaProblem' && planned.code === 'formulaNotInDatabase' ? (
        <p className="rd-prop-problem" data-testid="rd-formula-problem">
          {problemText(planned, t)}
        </p>
      ) : null}
      <p className="fd-hint">{t('reportDesigner.formulaHint')}</p>
    </div>
  );
}
