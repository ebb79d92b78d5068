import type { ReportCondition } from '../../../engine/definitions/generated/definition-types.js';
import { Prop } from '../definition-drafts/index.js';
import { useI18n } from '../i18n/index.js';
import { FieldSelect } from './prop-inputs.js';
import type { ConditionOp } from './report-model.js';
import { isDateLike, type SourceField } from './source-fields.js';

type ValueKind = 'value' | 'today' | 'pick' | 'param' | 'ref';

/** The comparisons a field's type allows (the planner's rules: no ordering of booleans, contains on text only). */
export function opsFor(field: SourceField | undefined): ConditionOp[] {
  if (field === undefined) return ['eq', 'ne', 'isNull', 'notNull'];
  if (field.type === 'boolean') return ['eq', 'ne', 'isNull', 'notNull'];
  if (field.type === 'string' && field.options !== undefined) return ['eq', 'ne', 'in', 'isNull', 'notNull'];
  const ordered: ConditionOp[] = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'between', 'in', 'isNull', 'notNull'];
  return field.type === 'string' ? [...ordered.slice(0, 7), 'contains', 'in', 'isNull', 'notNull'] : ordered;
}

/** A starting value of the right type, so every condition the designer writes is one the planner accepts. */
export function defaultValue(field: SourceField | undefined, op: ConditionOp): unknown {
  const one = field?.type === 'number' ? 0 : field?.type === 'boolean' ? true : isDateLike(field?.type ?? 'string') ? '2026-01-01' : (field?.options?.[0]?.value ?? '');
  if (op === 'in') return [one];
  if (op === 'between') return [one, one];
  return one;
}

export function defaultCondition(field: SourceField): ReportCondition {
  if (isDateLike(field.type)) return { field: field.path, op: 'lte', today: true };
  const op = field.type === 'string' && field.options === undefined ? 'contains' : 'eq';
  return { field: field.path, op, value: defaultValue(field, op) };
}

function kindOf(condition: ReportCondition): ValueKind {
  if (condition.today === true) return 'today';
  if (condition.param !== undefined) return 'param';
  if (condition.ref !== undefined) return 'ref';
  return 'value';
}

function ScalarInput({ field, value, onChange, testId }: { field: SourceField | undefined; value: unknown; onChange: (value: unknown) => void; testId: string }) {
  const { text, t } = useI18n();
  if (field?.options !== undefined)
    return (
      <select value={String(value ?? '')} onChange={(event) => onChange(event.target.value)} data-testid={testId}>
        {field.options.map((option) => (
          <option key={option.value} value={option.value}>
            {text(option.label)}
          </option>
        ))}
      </select>
    );
  if (field?.type === 'boolean')
    return (
      <select value={String(value === true)} onChange={(event) => onChange(event.target.value === 'true')} data-testid={testId}>
        <option value="true">{t('reportDesigner.yes')}</option>
        <option value="false">{t('reportDesigner.no')}</option>
      </select>
    );
  if (field?.type === 'number') return <input type="number" value={typeof value === 'number' ? value : 0} onChange={(event) => onChange(Number(event.target.value))} data-testid={testId} />;
  if (field !== undefined && isDateLike(field.type)) return <input type="date" value={String(value ?? '')} onChange={(event) => onChange(event.target.value)} data-testid={testId} />;
  return <input value={String(value ?? '')} onChange={(event) => onChange(event.target.value)} data-testid={testId} />;
}

export interface FilterPropertiesProps {
  readonly condition: ReportCondition;
  readonly fields: readonly SourceField[];
  readonly parameters: readonly string[];
  readonly onChange: (condition: ReportCondition) => void;
  /** Compare with a value users pick above the report (a parameter made for this field). */
  readonly onPick: (field: SourceField) => void;
}

export function FilterProperties({ condition, fields, parameters, onChange, onPick }: FilterPropertiesProps) {
  const { t, text } = useI18n();
  const field = fields.find((candidate) => candidate.path === condition.field);
  const kind = kindOf(condition);
  const base = { field: condition.field, op: condition.op };
  const noValue = condition.op === 'isNull' || condition.op === 'notNull';
  const setKind = (next: ValueKind) => {
    if (next === 'today') onChange({ ...base, today: true });
    else if (next === 'pick' && field !== undefined) onPick(field);
    else if (next === 'param' && parameters[0] !== undefined) onChange({ ...base, param: parameters[0] });
    else onChange({ ...base, value: defaultValue(field, condition.op) });
  };
  const setOp = (op: ConditionOp) => {
    if (op === 'isNull' || op === 'notNull') return onChange({ field: condition.field, op });
    if (kind === 'today' && op !== 'in' && op !== 'between' && op !== 'contains') return onChange({ field: condition.field, op, today: true });
    // A picked value is one value (the date range a {from, to} pair): lists compare with fixed values.
    if (kind === 'param' && (op !== 'in' && op !== 'between') === (condition.op !== 'between')) return onChange({ field: condition.field, op, param: condition.param });
    const value = Array.isArray(condition.value) === (op === 'in' || op === 'between') && !noValue && condition.value !== undefined ? condition.value : defaultValue(field, op);
    onChange({ field: condition.field, op, value: op === 'between' && Array.isArray(value) && value.length !== 2 ? defaultValue(field, op) : value });
  };
  const values = Array.isArray(condition.value) ? condition.value : [];
  return (
    <div className="fd-props" data-testid="rd-filter-properties">
      <Prop label={t('reportDesigner.field')}>
        <FieldSelect
          value={condition.field}
          fields={fields}
          testId="rd-filter-field"
          onChange={(path) => {
            const next = fields.find((candidate) => candidate.path === path);
            if (next !== undefined) onChange(defaultCondition(next));
          }}
        />
      </Prop>
      <Prop label={t('reportDesigner.operator')}>
        <select value={condition.op} onChange={(event) => setOp(event.target.value as ConditionOp)} data-testid="rd-filter-op">
          {opsFor(field).map((op) => (
            <option key={op} value={op}>
              {t(`reportDesigner.op.${op}`)}
            </option>
          ))}
        </select>
      </Prop>
      {noValue ? null : (
        <Prop label={t('reportDesigner.compareWith')}>
          <select value={kind} onChange={(event) => setKind(event.target.value as ValueKind)} disabled={kind === 'ref'} data-testid="rd-filter-kind">
            <option value="value">{t('reportDesigner.kind.value')}</option>
            {field !== undefined && isDateLike(field.type) && !['in', 'between', 'contains'].includes(condition.op) ? <option value="today">{t('reportDesigner.value.today')}</option> : null}
            {field !== undefined && !isDateLike(field.type) ? <option value="pick">{t('reportDesigner.kind.pick')}</option> : null}
            {parameters.length > 0 ? <option value="param">{t('reportDesigner.kind.param')}</option> : null}
            {kind === 'ref' ? <option value="ref">{t('reportDesigner.kind.ref')}</option> : null}
          </select>
        </Prop>
      )}
      {!noValue && kind === 'param' ? <p className="fd-hint">{t('reportDesigner.pickHint')}</p> : null}
      {!noValue && kind === 'param' ? (
        <Prop label={t('reportDesigner.parameter')}>
          <select value={condition.param} onChange={(event) => onChange({ ...base, param: event.target.value })} data-testid="rd-filter-param">
            {parameters.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </Prop>
      ) : null}
      {!noValue && kind === 'value' && condition.op === 'in' && field?.options !== undefined ? (
        <div className="rd-checks" data-testid="rd-filter-values">
          {field.options.map((option) => (
            <label key={option.value} className="fd-check">
              <input
                type="checkbox"
                checked={values.includes(option.value)}
                onChange={(event) => {
                  const next = event.target.checked ? [...values, option.value] : values.filter((value) => value !== option.value);
                  if (next.length > 0) onChange({ ...base, value: next });
                }}
              />
              {text(option.label)}
            </label>
          ))}
        </div>
      ) : null}
      {!noValue && kind === 'value' && condition.op === 'between' ? (
        <div className="fd-prop-pair fd-prop">
          <ScalarInput field={field} value={values[0]} onChange={(low) => onChange({ ...base, value: [low, values[1]] })} testId="rd-filter-low" />
          <ScalarInput field={field} value={values[1]} onChange={(high) => onChange({ ...base, value: [values[0], high] })} testId="rd-filter-high" />
        </div>
      ) : null}
      {!noValue && kind === 'value' && condition.op === 'in' && field?.options === undefined ? (
        <Prop label={t('reportDesigner.valuesComma')}>
          <input
            value={values.join(', ')}
            onChange={(event) => {
              const parts = event.target.value.split(',').map((part) => part.trim()).filter((part) => part !== '');
              if (parts.length > 0) onChange({ ...base, value: field?.type === 'number' ? parts.map(Number).filter(Number.isFinite) : parts });
            }}
            data-testid="rd-filter-values"
          />
        </Prop>
      ) : null}
      {!noValue && kind === 'value' && condition.op !== 'in' && condition.op !== 'between' ? (
        <Prop label={t('reportDesigner.value')}>
          <ScalarInput field={field} value={condition.value} onChange={(value) => onChange({ ...base, value })} testId="rd-filter-value" />
        </Prop>
      ) : null}
    </div>
  );
}
