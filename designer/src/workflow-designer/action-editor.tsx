import { useState, type JSX } from 'react';
import type { LocalizedText } from '../../../engine/definitions/generated/definition-types.js';
import { LocalizedTextInputs, Prop } from '../definition-drafts/index.js';
import { FormulaEditor, type FormulaField } from '../formula-editor/index.js';
import { translate, useI18n } from '../i18n/index.js';
import { ACTION_KINDS, actionKind, actionsOf, formulaRows, isOutboxEvent, move, newAction, replaceAt, withActions, type ActionKind } from './action-model.js';
import { AssigneesEditor } from './assignee-editor.js';
import type { DesignContext } from './design-context.js';
import { FormulaRows, useFormulaFields } from './formula-rows.js';
import { CommitInput, readText } from './property-inputs.js';
import { put } from './task-properties.js';
import { isJson, type Json } from './workflow-graph.js';
import './workflow-props.css';

interface CardProps {
  readonly action: Json;
  readonly onChange: (action: Json) => void;
  readonly context: DesignContext;
  readonly formulaFields: readonly FormulaField[];
  readonly testId: string;
}

/** setFields: fields of the workflow's record, each from a formula. */
function SetFieldsCard({ action, onChange, context, formulaFields, testId }: CardProps) {
  const { t } = useI18n();
  return <FormulaRows rows={formulaRows(action.fields)} onChange={(fields) => onChange({ ...action, fields })} keys={context.fields} formulaFields={formulaFields} addLabel={t('wd.actions.addField')} testId={`${testId}-fields`} />;
}

/** notify: who (the assignee picker) and the message in both languages. */
function NotifyCard({ action, onChange, context, testId }: CardProps) {
  const { t } = useI18n();
  return (
    <>
      <div className="fd-prop">
        <span className="fd-prop-label">{t('wd.actions.to')}</span>
        <AssigneesEditor value={action.to} onChange={(to) => onChange({ ...action, to })} context={context} rolesTestId={`${testId}-to-roles`} testId={`${testId}-to`} />
      </div>
      <LocalizedTextInputs value={readText(action.message, '')} onChange={(message: LocalizedText) => onChange({ ...action, message })} labels={[t('wd.actions.messageZh'), t('wd.actions.messageEn')]} testId={`${testId}-message`} />
    </>
  );
}

/** createRecord / updateRecord: the other form, which record (update), and its fields from formulas over this record. */
function RecordCard({ action, onChange, context, formulaFields, testId }: CardProps) {
  const { t, text } = useI18n();
  const formId = typeof action.form === 'string' ? action.form : '';
  const target = context.forms.find((form) => form.id === formId);
  const key = action.type === 'createRecord' ? 'data' : 'fields';
  return (
    <>
      <Prop label={t('wd.actions.form')}>
        <select value={formId} onChange={(event) => onChange({ ...action, form: event.target.value })} data-testid={`${testId}-form`}>
          {target === undefined ? <option value={formId}>{formId}</option> : null}
          {context.forms.map((form) => (
            <option key={form.id} value={form.id}>
              {text(form.title)}
            </option>
          ))}
        </select>
      </Prop>
      {action.type === 'updateRecord' ? (
        <div className="fd-prop">
          <span className="fd-prop-label">{t('wd.actions.record')}</span>
          <FormulaEditor value={typeof action.record === 'string' ? action.record : ''} onChange={(record) => onChange({ ...action, record })} fields={formulaFields} expect="string" testId={`${testId}-record`} />
        </div>
      ) : null}
      <FormulaRows rows={formulaRows(action[key])} onChange={(values) => onChange({ ...action, [key]: values })} keys={target?.fields ?? []} formulaFields={formulaFields} addLabel={t('wd.actions.addField')} testId={`${testId}-${key}`} />
    </>
  );
}

/** emit: the outbox event's name and its data, property by property. */
function EmitCard({ action, onChange, formulaFields, testId }: CardProps) {
  const { t } = useI18n();
  return (
    <>
      <Prop label={t('wd.actions.event')}>
        <CommitInput value={typeof action.event === 'string' ? action.event : ''} onCommit={(event) => onChange({ ...action, event })} check={(next) => (isOutboxEvent(next) ? null : t('wd.actions.badEvent'))} testId={`${testId}-event`} />
      </Prop>
      <FormulaRows
        rows={formulaRows(action.data)}
        onChange={(data) => onChange(put(action, 'data', Object.keys(data).length > 0 ? data : undefined))}
        keys={undefined}
        formulaFields={formulaFields}
        addLabel={t('wd.actions.addProperty')}
        testId={`${testId}-data`}
      />
    </>
  );
}

const CARDS: Record<ActionKind, (props: CardProps) => JSX.Element> = {
  setFields: SetFieldsCard,
  notify: NotifyCard,
  createRecord: RecordCard,
  updateRecord: RecordCard,
  emit: EmitCard,
};

/** A transition's actions, run in order when it is taken: each a card with its own editor, moved and removed by buttons. */
export function ActionsEditor({ transition, onChange, context }: { transition: Json; onChange: (transition: Json) => void; context: DesignContext }) {
  const { t } = useI18n();
  const formulaFields = useFormulaFields(context.fields);
  const actions = actionsOf(transition);
  const [adding, setAdding] = useState<ActionKind>('setFields');
  const set = (next: readonly unknown[]) => onChange(withActions(transition, next));
  return (
    <fieldset className="wd-fieldset" data-testid="wd-actions">
      <legend>{t('wd.actions.title')}</legend>
      {actions.length === 0 ? <p className="fd-hint">{t('wd.actions.none')}</p> : null}
      {actions.map((action, index) => {
        const kind = actionKind(action);
        const testId = `wd-action-${index}`;
        const Card = kind === undefined ? undefined : CARDS[kind];
        return (
          <div key={index} className="wd-action-card" data-testid={testId}>
            <div className="wd-action-head">
              <strong>{kind === undefined ? '?' : t(`wd.actions.kind.${kind}`)}</strong>
              <span className="wd-action-buttons">
                <button type="button" className="btn fd-icon-button" disabled={index === 0} onClick={() => set(move(actions, index, -1))} aria-label={t('wd.actions.moveUp')} title={t('wd.actions.moveUp')}>
                  ↑
                </button>
                <button type="button" className="btn fd-icon-button" disabled={index === actions.length - 1} onClick={() => set(move(actions, index, 1))} aria-label={t('wd.actions.moveDown')} title={t('wd.actions.moveDown')}>
                  ↓
                </button>
                <button type="button" className="btn fd-icon-button" onClick={() => set(actions.filter((_entry, at) => at !== index))} aria-label={t('wd.delete')} title={t('wd.delete')} data-testid={`${testId}-remove`}>
                  ×
                </button>
              </span>
            </div>
            {Card !== undefined && isJson(action) ? <Card action={action} onChange={(next) => set(replaceAt(actions, index, next))} context={context} formulaFields={formulaFields} testId={testId} /> : null}
          </div>
        );
      })}
      <div className="wd-action-add">
        <select value={adding} onChange={(event) => setAdding(event.target.value as ActionKind)} aria-label={t('wd.actions.add')} data-testid="wd-action-kind">
          {ACTION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`wd.actions.kind.${kind}`)}
            </option>
          ))}
        </select>
        <button type="button" className="btn" onClick={() => set([...actions, newAction(adding, context, { 'zh-CN': translate('zh-CN', 'wd.actions.defaultMessage'), en: translate('en', 'wd.actions.defaultMessage') })])} data-testid="wd-action-add">
          + {t('wd.actions.add')}
        </button>
      </div>
    </fieldset>
  );
}
