import { useState, type ReactNode } from 'react';
import type { LocalizedText } from '../../../engine/definitions/generated/definition-types.js';
import { useI18n } from '../i18n/index.js';
import { useDefinitions } from '../shell/index.js';
import { navGroupOf, titleFieldOf, withNavGroup, withTitleField } from './field-logic.js';
import { hasOptions, type DesignField, type DesignForm, type FieldType } from './field-model.js';
import { KindProperties } from './kind-properties.js';
import { FIELD_NAME } from './new-field.js';

interface FieldPanelProps {
  field: DesignField;
  /** Keys of the other fields at the same level, which the key must not repeat. */
  siblings: readonly string[];
  onChange: (field: DesignField) => void;
  onDelete: () => void;
  /** Properties the page adds for where the field sits: its width, a lookup's fields that flow in. */
  extra?: ReactNode;
  /** Formulas, rules and whether the initial value comes from a formula (field-logic-panel.tsx). */
  logic?: ReactNode;
  hideDefault?: boolean;
}

export function Row({ label, children, hint }: { label: string; children: ReactNode; hint?: string }) {
  return (
    <label className="fd-prop">
      <span className="fd-prop-label">{label}</span>
      {children}
      {hint !== undefined ? <span className="fd-hint">{hint}</span> : null}
    </label>
  );
}

function numberOrUndefined(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

function without<K extends keyof DesignField>(field: DesignField, key: K, value: DesignField[K] | undefined): DesignField {
  const next = { ...field };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

export function LocalizedInputs({ value, zhLabel, enLabel, onChange, testId }: { value: LocalizedText | undefined; zhLabel: string; enLabel: string; onChange: (value: LocalizedText | undefined) => void; testId: string }) {
  const set = (locale: 'zh-CN' | 'en', text: string) => {
    const next = { 'zh-CN': value?.['zh-CN'] ?? '', en: value?.en ?? '', [locale]: text };
    onChange(next['zh-CN'] === '' && next.en === '' ? undefined : next);
  };
  return (
    <>
      <Row label={zhLabel}>
        <input value={value?.['zh-CN'] ?? ''} onChange={(event) => set('zh-CN', event.target.value)} data-testid={`${testId}-zh`} />
      </Row>
      <Row label={enLabel}>
        <input value={value?.en ?? ''} onChange={(event) => set('en', event.target.value)} data-testid={`${testId}-en`} />
      </Row>
    </>
  );
}

function NameInput({ field, siblings, onChange }: Omit<FieldPanelProps, 'onDelete'>) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(field.name);
  const problem = !FIELD_NAME.test(draft) ? t('designer.prop.badName') : siblings.includes(draft) ? t('designer.prop.takenName') : null;
  return (
    <Row label={t('designer.prop.name')} hint={problem ?? t('designer.prop.nameHint')}>
      <input
        value={draft}
        className={problem ? 'is-invalid' : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => {
          if (problem === null && draft !== field.name) onChange({ ...field, name: draft });
          else setDraft(field.name);
        }}
        data-testid="prop-name"
      />
    </Row>
  );
}

function ChoiceOptions({ field, onChange }: Pick<FieldPanelProps, 'field' | 'onChange'>) {
  const { t } = useI18n();
  const options = field.options ?? [];
  const update = (index: number, patch: Partial<{ value: string; zh: string; en: string }>) => {
    const next = options.map((option, at) =>
      at === index ? { value: patch.value ?? option.value, label: { 'zh-CN': patch.zh ?? option.label['zh-CN'], en: patch.en ?? option.label.en } } : option,
    );
    onChange({ ...field, options: next });
  };
  return (
    <div className="fd-prop">
      <span className="fd-prop-label">{t('designer.prop.options')}</span>
      <div className="fd-options">
        {options.map((option, index) => (
          <div className="fd-option" key={index}>
            <input aria-label={t('designer.prop.optionValue')} value={option.value} onChange={(event) => update(index, { value: event.target.value })} data-testid={`option-${index}-value`} />
            <input aria-label="中文" value={option.label['zh-CN']} onChange={(event) => update(index, { zh: event.target.value })} data-testid={`option-${index}-zh`} />
            <input aria-label="English" value={option.label.en} onChange={(event) => update(index, { en: event.target.value })} data-testid={`option-${index}-en`} />
            <button type="button" className="btn btn-small fd-icon-button" aria-label={t('designer.prop.removeOption')} onClick={() => onChange({ ...field, options: options.filter((_, at) => at !== index) })}>
              ×
            </button>
          </div>
        ))}
      </div>
      <button
        type="button"
        className="btn btn-small"
        onClick={() => onChange({ ...field, options: [...options, { value: `option${options.length + 1}`, label: { 'zh-CN': `选项${options.length + 1}`, en: `Option ${options.length + 1}` } }] })}
        data-testid="add-option"
      >
        + {t('designer.prop.addOption')}
      </button>
    </div>
  );
}

/** Types with a constant default the panel edits; a list, a person or a moment has none to pick here. */
const CONSTANT_DEFAULT_TYPES: readonly FieldType[] = ['text', 'textarea', 'number', 'money', 'date', 'choice', 'yesNo'];

function DefaultInput({ field, onChange }: Pick<FieldPanelProps, 'field' | 'onChange'>) {
  const { t, text } = useI18n();
  const value = field.defaultValue;
  if (!CONSTANT_DEFAULT_TYPES.includes(field.type)) return null;
  let input: ReactNode;
  if (field.type === 'yesNo' || field.type === 'choice') {
    const choices = field.type === 'yesNo' ? [{ value: 'true', label: t('designer.prop.yes') }, { value: 'false', label: t('designer.prop.no') }] : (field.options ?? []).map((option) => ({ value: option.value, label: text(option.label) }));
    input = (
      <select
        value={value === undefined ? '' : String(value)}
        onChange={(event) => {
          const raw = event.target.value;
          onChange(without(field, 'defaultValue', raw === '' ? undefined : field.type === 'yesNo' ? raw === 'true' : raw));
        }}
        data-testid="prop-default"
      >
        <option value="">{t('designer.prop.none')}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    );
  } else {
    const numeric = field.type === 'number' || field.type === 'money';
    input = (
      <input
        type={numeric ? 'number' : field.type === 'date' ? 'date' : 'text'}
        value={value === undefined ? '' : String(value)}
        onChange={(event) => onChange(without(field, 'defaultValue', numeric ? numberOrUndefined(event.target.value) : event.target.value === '' ? undefined : event.target.value))}
        data-testid="prop-default"
      />
    );
  }
  return <Row label={t('designer.prop.default')}>{input}</Row>;
}

function LookupInputs({ field, onChange }: Pick<FieldPanelProps, 'field' | 'onChange'>) {
  const { t, text } = useI18n();
  const { forms } = useDefinitions();
  const target = forms.find((form) => form.id === field.lookup?.form);
  const targetFields = target === undefined ? [] : Object.keys(target.schema.properties);
  return (
    <>
      <Row label={t('designer.prop.lookupForm')}>
        <select
          value={field.lookup?.form ?? ''}
          onChange={(event) => {
            const form = forms.find((candidate) => candidate.id === event.target.value);
            if (form === undefined) return;
            onChange({ ...field, lookup: { form: form.id, displayField: form.titleField ?? Object.keys(form.schema.properties)[0] ?? '' } });
          }}
          data-testid="prop-lookup-form"
        >
          <option value="">{t('designer.prop.none')}</option>
          {forms.map((form) => (
            <option key={form.id} value={form.id}>
              {text(form.title)}
            </option>
          ))}
        </select>
      </Row>
      {target !== undefined && field.lookup !== undefined ? (
        <Row label={t('designer.prop.lookupDisplay')}>
          <select value={field.lookup.displayField} onChange={(event) => onChange({ ...field, lookup: { form: target.id, displayField: event.target.value } })} data-testid="prop-lookup-display">
            {targetFields.map((name) => (
              <option key={name} value={name}>
                {text(target.labels?.[name], name)}
              </option>
            ))}
          </select>
        </Row>
      ) : null}
    </>
  );
}

/** Everything a field's properties panel edits, by the field's type. */
export function FieldProperties({ field, siblings, onChange, onDelete, extra, logic, hideDefault = false }: FieldPanelProps) {
  const { t } = useI18n();
  const isText = field.type === 'text' || field.type === 'textarea';
  const isNumber = field.type === 'number' || field.type === 'money';
  return (
    <div className="fd-props" data-testid="field-properties">
      <NameInput key={field.name} field={field} siblings={siblings} onChange={onChange} />
      <LocalizedInputs value={field.label} zhLabel={t('designer.prop.labelZh')} enLabel={t('designer.prop.labelEn')} onChange={(label) => onChange({ ...field, label: label ?? { 'zh-CN': field.name, en: field.name } })} testId="prop-label" />
      {field.type !== 'serial' ? (
        <label className="fd-check">
          <input type="checkbox" checked={field.required} onChange={(event) => onChange({ ...field, required: event.target.checked })} data-testid="prop-required" />
          {t('designer.prop.required')}
        </label>
      ) : null}
      {isNumber ? (
        <div className="fd-prop-pair">
          <Row label={t('designer.prop.min')}>
            <input type="number" value={field.min ?? ''} onChange={(event) => onChange(without(field, 'min', numberOrUndefined(event.target.value)))} data-testid="prop-min" />
          </Row>
          <Row label={t('designer.prop.max')}>
            <input type="number" value={field.max ?? ''} onChange={(event) => onChange(without(field, 'max', numberOrUndefined(event.target.value)))} data-testid="prop-max" />
          </Row>
        </div>
      ) : null}
      {isText ? (
        <>
          <Row label={t('designer.prop.maxLength')}>
            <input type="number" min={1} value={field.maxLength ?? ''} onChange={(event) => onChange(without(field, 'maxLength', numberOrUndefined(event.target.value)))} data-testid="prop-max-length" />
          </Row>
          <Row label={t('designer.prop.pattern')}>
            <input value={field.pattern ?? ''} onChange={(event) => onChange(without(field, 'pattern', event.target.value === '' ? undefined : event.target.value))} data-testid="prop-pattern" />
          </Row>
        </>
      ) : null}
      {hasOptions(field.type) ? <ChoiceOptions field={field} onChange={onChange} /> : null}
      <KindProperties field={field} onChange={onChange} />
      {field.type === 'lookup' ? <LookupInputs field={field} onChange={onChange} /> : null}
      {field.type === 'serial' && field.serial !== undefined ? (
        <div className="fd-prop-pair">
          <Row label={t('designer.prop.serialPrefix')}>
            <input value={field.serial.prefix} onChange={(event) => onChange({ ...field, serial: { prefix: event.target.value, digits: field.serial?.digits ?? 4 } })} data-testid="prop-serial-prefix" />
          </Row>
          <Row label={t('designer.prop.serialDigits')}>
            <input type="number" min={1} max={12} value={field.serial.digits} onChange={(event) => onChange({ ...field, serial: { prefix: field.serial?.prefix ?? '', digits: numberOrUndefined(event.target.value) ?? 4 } })} />
          </Row>
        </div>
      ) : null}
      {extra}
      {hideDefault ? null : <DefaultInput field={field} onChange={onChange} />}
      <LocalizedInputs value={field.help} zhLabel={t('designer.prop.helpZh')} enLabel={t('designer.prop.helpEn')} onChange={(help) => onChange(without(field, 'help', help))} testId="prop-help" />
      {logic}
      <button type="button" className="btn btn-danger-ghost fd-delete" onClick={onDelete} data-testid="prop-delete">
        {t('designer.prop.delete')}
      </button>
    </div>
  );
}

/** Field types whose value reads as a record's name (a lot number, a serial); a lookup or a choice would show a code. */
const TITLE_TYPES: ReadonlySet<DesignField['type']> = new Set(['text', 'serial', 'number']);

/** The form's own properties, shown while no field is selected. */
export function FormProperties({ model, onChange }: { model: DesignForm; onChange: (model: DesignForm) => void }) {
  const { t, text } = useI18n();
  const { app } = useDefinitions();
  const groups = app.navigation.filter((group) => group.id !== undefined);
  const chosen = navGroupOf(model);
  // Without a choice the form stays where the app definition lists it, or under 其他表单.
  const listed = app.navigation.find((group) => group.forms.includes(model.id));
  return (
    <div className="fd-props" data-testid="form-properties">
      <p className="fd-hint">{t('designer.propertiesEmpty')}</p>
      <LocalizedInputs value={model.title} zhLabel={t('designer.formTitleZh')} enLabel={t('designer.formTitleEn')} onChange={(title) => onChange({ ...model, title: title ?? { 'zh-CN': model.id, en: model.id } })} testId="form-title" />
      <Row label={t('designer.titleField')} hint={t('designer.titleFieldHint')}>
        <select value={titleFieldOf(model) ?? ''} onChange={(event) => onChange(withTitleField(model, event.target.value || undefined))} data-testid="form-title-field">
          <option value="">{t('designer.titleFieldNone')}</option>
          {model.fields
            .filter((field) => TITLE_TYPES.has(field.type))
            .map((field) => (
              <option key={field.name} value={field.name}>
                {text(field.label, field.name)}
              </option>
            ))}
        </select>
      </Row>
      <Row label={t('designer.navGroup')} hint={t('designer.navGroupHint')}>
        <select value={chosen ?? ''} onChange={(event) => onChange(withNavGroup(model, event.target.value || undefined))} data-testid="form-nav-group">
          <option value="">{listed === undefined ? t('nav.other') : t('designer.navGroupListed', { group: text(listed.title) })}</option>
          {groups.map((group) => (
            <option key={group.id} value={group.id}>
              {text(group.title)}
            </option>
          ))}
          {chosen !== undefined && !groups.some((group) => group.id === chosen) ? <option value={chosen}>{chosen}</option> : null}
        </select>
      </Row>
    </div>
  );
}
