import { useMemo, type ReactNode } from 'react';
import { FormulaEditor, type FormulaExpectation } from '../formula-editor/index.js';
import { useI18n } from '../i18n/index.js';
import type { DesignField, DesignForm, FieldType } from './field-model.js';
import {
  computedOf,
  defaultFormulaOf,
  formulaFields,
  ruleOf,
  updateField,
  withComputed,
  withDefaultFormula,
  withRule,
  type RuleKind,
} from './field-logic.js';
import { newField } from './new-field.js';

/** Types a formula can give; a computed field is one of these with a `computed` entry. */
export const COMPUTED_TYPES: readonly FieldType[] = ['number', 'money', 'text', 'yesNo', 'date'];

export function expectationOf(type: FieldType): FormulaExpectation {
  if (type === 'number' || type === 'money') return 'number';
  if (type === 'yesNo') return 'boolean';
  if (type === 'date') return 'date';
  return type === 'table' ? 'any' : 'string';
}

/** A field turned into (or created as) a computed one of `type`: no input rules, no default, not required. */
export function asComputed(field: DesignField, type: FieldType): DesignField {
  const base = newField(type, []);
  return { ...base, name: field.name, label: field.label, ...(field.help !== undefined ? { help: field.help } : {}), required: false };
}

function Section({ title, hint, children, testId }: { title: string; hint: string; children: ReactNode; testId: string }) {
  return (
    <section className="fl-section" data-testid={testId}>
      <h3 className="fl-title">{title}</h3>
      <p className="fd-hint">{hint}</p>
      {children}
    </section>
  );
}

const RULE_TEST_IDS: Readonly<Record<RuleKind, string>> = { visible: 'rule-visible', required: 'rule-required', readOnly: 'rule-read-only' };

/**
 * The formulas of one field: its own value (computed), its initial value, and when it is shown,
 * required or read-only. Every formula is edited in the formula editor against the form's fields.
 */
export function FieldLogicPanel({ form, path, field, onChange }: { form: DesignForm; path: string; field: DesignField; onChange: (form: DesignForm) => void }) {
  const { t, text } = useI18n();
  const fields = useMemo(() => formulaFields(form, path, (entry) => text(entry.label)), [form, path, text]);
  const computed = computedOf(form, path);
  const defaultFormula = defaultFormulaOf(form, path);
  const rule = ruleOf(form, path);
  const canCompute = COMPUTED_TYPES.includes(field.type);
  const canDefault = computed === undefined && field.type !== 'table' && field.type !== 'serial' && field.type !== 'lookup';

  return (
    <div className="fl-panel" data-testid="field-logic">
      {canCompute ? (
        <Section title={t('logic.computed.title')} hint={t('logic.computed.hint')} testId="logic-computed-section">
          <label className="fd-check">
            <input
              type="checkbox"
              checked={computed !== undefined}
              onChange={(event) => {
                const next = event.target.checked ? updateField(form, path, (current) => asComputed(current, current.type)) : form;
                onChange(withDefaultFormula(withComputed(next, path, event.target.checked ? '' : undefined), path, undefined));
              }}
              data-testid="logic-computed"
            />
            {t('logic.computed.toggle')}
          </label>
          {computed !== undefined ? (
            <>
              <label className="fd-prop">
                <span className="fd-prop-label">{t('logic.computed.resultType')}</span>
                <select value={field.type} onChange={(event) => onChange(updateField(form, path, (current) => asComputed(current, event.target.value as FieldType)))} data-testid="logic-result-type">
                  {COMPUTED_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {t(`designer.type.${type}`)}
                    </option>
                  ))}
                </select>
              </label>
              <FormulaEditor label={t('logic.computed.formula')} value={computed} onChange={(formula) => onChange(withComputed(form, path, formula))} fields={fields} expect={expectationOf(field.type)} testId="formula-computed" />
            </>
          ) : null}
        </Section>
      ) : null}
      {canDefault ? (
        <Section title={t('logic.default.title')} hint={t('logic.default.hint')} testId="logic-default-section">
          <label className="fd-check">
            <input
              type="checkbox"
              checked={defaultFormula !== undefined}
              onChange={(event) => {
                const cleared = event.target.checked ? updateField(form, path, (current) => { const { defaultValue: _dropped, ...rest } = current; return rest; }) : form;
                onChange(withDefaultFormula(cleared, path, event.target.checked ? '' : undefined));
              }}
              data-testid="logic-default-formula"
            />
            {t('logic.default.toggle')}
          </label>
          {defaultFormula !== undefined ? (
            <FormulaEditor value={defaultFormula} onChange={(formula) => onChange(withDefaultFormula(form, path, formula))} fields={fields} expect={expectationOf(field.type)} testId="formula-default" />
          ) : null}
        </Section>
      ) : null}
      <Section title={t('logic.rules.title')} hint={t('logic.rules.hint')} testId="logic-rules-section">
        {(['visible', 'required', 'readOnly'] as const).map((kind) => {
          const formula = rule?.[kind];
          if (kind !== 'visible' && computed !== undefined) return null;
          return (
            <div className="fl-rule" key={kind}>
              <label className="fd-check">
                <input type="checkbox" checked={formula !== undefined} onChange={(event) => onChange(withRule(form, path, { [kind]: event.target.checked ? '' : undefined }))} data-testid={RULE_TEST_IDS[kind]} />
                {t(`logic.rules.${kind}`)}
              </label>
              {formula !== undefined ? (
                <>
                  <FormulaEditor value={formula} onChange={(next) => onChange(withRule(form, path, { [kind]: next }))} fields={fields} expect="boolean" testId={`formula-${RULE_TEST_IDS[kind]}`} />
                  {kind === 'visible' ? (
                    <label className="fd-check fl-sub">
                      <input type="checkbox" checked={rule?.keepValueWhenHidden === true} onChange={(event) => onChange(withRule(form, path, { keepValueWhenHidden: event.target.checked }))} data-testid="rule-keep-value" />
                      {t('logic.rules.keepValue')}
                    </label>
                  ) : null}
                </>
              ) : null}
            </div>
          );
        })}
      </Section>
    </div>
  );
}
