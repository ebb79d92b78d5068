import { useMemo } from 'react';
import { FormulaEditor, type FormulaExpectation, type FormulaField } from '../formula-editor/index.js';
import { useI18n } from '../i18n/index.js';
import { fromRows, renameKey, unusedKey } from './action-model.js';
import type { FieldOption } from './design-context.js';
import type { Json } from './workflow-graph.js';

/** What a formula for a field of this type should give; a date-time or a list accepts what the checker accepts. */
export function expectationOf(type: string | undefined): FormulaExpectation {
  if (type === 'number' || type === 'integer') return 'number';
  if (type === 'boolean') return 'boolean';
  if (type === 'date') return 'date';
  if (type === 'string') return 'string';
  return 'any';
}

/** The workflow form's fields as the formula editor names and types them. */
export function useFormulaFields(fields: readonly FieldOption[]): FormulaField[] {
  const { text } = useI18n();
  return useMemo(() => fields.map((field) => ({ name: field.id, label: text(field.title), type: field.type })), [fields, text]);
}

export interface FormulaRowsProps {
  readonly rows: readonly [string, string][];
  readonly onChange: (map: Json) => void;
  /** The keys offered (a form's fields); without them a key is typed (an event's data property). */
  readonly keys: readonly FieldOption[] | undefined;
  /** What the formulas may read: the workflow record's fields. */
  readonly formulaFields: readonly FormulaField[];
  readonly addLabel: string;
  readonly testId: string;
}

/** Key → formula rows (a field set from a formula over the record), each checked as typed by the engine's checker. */
export function FormulaRows({ rows, onChange, keys, formulaFields, addLabel, testId }: FormulaRowsProps) {
  const { t, text } = useI18n();
  const set = (next: readonly [string, string][]) => onChange(fromRows(next));
  return (
    <div className="wd-formula-rows" data-testid={testId}>
      {rows.map(([key, formula], index) => {
        const field = keys?.find((candidate) => candidate.id === key);
        return (
          <div key={index} className="wd-formula-row" data-testid={`${testId}-${index}`}>
            <div className="wd-formula-row-key">
              {keys === undefined ? (
                <input value={key} onChange={(event) => set(renameKey(rows, index, event.target.value))} aria-label={t('wd.actions.property')} data-testid={`${testId}-${index}-key`} />
              ) : (
                <select value={key} onChange={(event) => set(renameKey(rows, index, event.target.value))} aria-label={t('wd.actions.field')} data-testid={`${testId}-${index}-key`}>
                  {field === undefined ? <option value={key}>{key}</option> : null}
                  {keys.map((option) => (
                    <option key={option.id} value={option.id} disabled={option.id !== key && rows.some(([used]) => used === option.id)}>
                      {text(option.title) === option.id ? option.id : `${text(option.title)} (${option.id})`}
                    </option>
                  ))}
                </select>
              )}
              <button type="button" className="btn fd-icon-button" onClick={() => set(rows.filter((_row, at) => at !== index))} aria-label={t('wd.delete')} data-testid={`${testId}-${index}-remove`}>
                ×
              </button>
            </div>
            <FormulaEditor
              value={formula}
              onChange={(next) => set(rows.map((row, at) => (at === index ? [row[0], next] : row)))}
              fields={formulaFields}
              expect={expectationOf(field?.type)}
              testId={`${testId}-${index}-formula`}
            />
          </div>
        );
      })}
      <button
        type="button"
        className="btn"
        onClick={() => set([...rows, [unusedKey(rows, (keys ?? []).map((option) => option.id), 'value'), '""']])}
        disabled={keys !== undefined && keys.every((option) => rows.some(([used]) => used === option.id))}
        data-testid={`${testId}-add`}
      >
        + {addLabel}
      </button>
    </div>
  );
}
