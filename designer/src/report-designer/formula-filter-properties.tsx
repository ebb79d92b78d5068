import { useMemo } from 'react';
import type { ReportFormulaFilter } from '../../../engine/definitions/generated/definition-types.js';
import { Prop } from '../definition-drafts/index.js';
import { FormulaEditor, type FormulaField } from '../formula-editor/index.js';
import { useI18n } from '../i18n/index.js';
import type { SourceField } from './source-fields.js';

const FORMULA_TYPES: Readonly<Record<SourceField['type'], string>> = { string: 'text', number: 'number', boolean: 'boolean', date: 'date', timestamp: 'datetime' };

/**
 * The fields a filter formula names, by plain name as the planner offers them (engine/reports
 * formulaFields): a form's fields and its lines' columns, or a workflow or plan-run source's fields.
 * Joined forms and record system fields are left to structured conditions.
 */
export function formulaFilterFields(fields: readonly SourceField[], sourceIsForm: boolean): { name: string; field: SourceField }[] {
  return fields.flatMap((field) => {
    if (field.group === 'data' || field.group === 'line') return [{ name: field.path.slice(field.path.indexOf('.') + 1), field }];
    return !sourceIsForm && field.group === 'system' ? [{ name: field.path, field }] : [];
  });
}

/** The first formula a new formula filter holds: one the planner accepts, for the author to change. */
export function starterFormula(fields: readonly SourceField[], sourceIsForm: boolean): string {
  const named = formulaFilterFields(fields, sourceIsForm);
  const number = named.find(({ field }) => field.type === 'number');
  if (number !== undefined) return `${number.name} > 0`;
  const other = named.find(({ field }) => field.type !== 'timestamp');
  return other === undefined ? 'TRUE' : `NOT ISBLANK(${other.name})`;
}

/** A filter written as a formula, in the formula editor with the source's fields as suggestions. */
export function FormulaFilterProperties({ filter, fields, sourceIsForm, onChange }: { filter: ReportFormulaFilter; fields: readonly SourceField[]; sourceIsForm: boolean; onChange: (filter: ReportFormulaFilter) => void }) {
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
