import { LocalizedTextInputs, Prop } from '../definition-drafts/index.js';
import { useI18n } from '../i18n/index.js';
import { AssigneesEditor } from './assignee-editor.js';
import type { DesignContext } from './design-context.js';
import { readDuration, writeDuration, type DurationUnit } from './duration.js';
import { Checklist, readText } from './property-inputs.js';
import { isJson, type Json } from './workflow-graph.js';

const MODES = ['single', 'sequential', 'all', 'any', 'ratio'] as const;
const ON_DUE = ['remind', 'notify', 'reassign', 'approve', 'return'] as const;

/** Sets or removes a key, keeping the others where they are. */
export function put(node: Json, key: string, value: unknown): Json {
  if (value === undefined) return Object.fromEntries(Object.entries(node).filter(([name]) => name !== key));
  return { ...node, [key]: value };
}

function DueProperties({ due, onChange, context }: { due: Json | undefined; onChange: (due: Json | undefined) => void; context: DesignContext }) {
  const { t } = useI18n();
  const after = readDuration(typeof due?.after === 'string' ? due.after : undefined);
  const custom = due !== undefined && after === null;
  const onDue = isJson(due?.onDue) ? due.onDue : undefined;
  const action = typeof onDue?.action === 'string' ? onDue.action : 'none';
  const escalateTo = Array.isArray(onDue?.to) ? onDue.to : [];

  const setEscalation = (nextAction: string, to: readonly unknown[]) => {
    if (due === undefined) return;
    if (nextAction === 'none') return onChange(put(due, 'onDue', undefined));
    const needsTo = nextAction === 'notify' || nextAction === 'reassign';
    onChange(put(due, 'onDue', put({ ...(onDue ?? {}), action: nextAction }, 'to', needsTo && to.length > 0 ? to : undefined)));
  };

  return (
    <fieldset className="wd-fieldset" data-testid="wd-task-due">
      <legend>{t('wd.task.due')}</legend>
      <label className="wd-check">
        <input type="checkbox" checked={due !== undefined} onChange={(event) => onChange(event.target.checked ? { after: 'PT24H' } : undefined)} data-testid="wd-due-enabled" />
        <span>{t('wd.task.hasDue')}</span>
      </label>
      {due !== undefined && custom ? <p className="fd-hint">{t('wd.task.dueOther', { value: String(due.after ?? due.field ?? '') })}</p> : null}
      {due !== undefined && after !== null ? (
        <div className="wd-duration">
          <input
            type="number"
            min={1}
            value={after.amount}
            onChange={(event) => onChange({ ...due, after: writeDuration({ amount: Number(event.target.value) || 1, unit: after.unit }) })}
            aria-label={t('wd.task.after')}
            data-testid="wd-due-amount"
          />
          <select value={after.unit} onChange={(event) => onChange({ ...due, after: writeDuration({ amount: after.amount, unit: event.target.value as DurationUnit }) })} data-testid="wd-due-unit">
            <option value="hours">{t('wd.task.hours')}</option>
            <option value="days">{t('wd.task.days')}</option>
          </select>
        </div>
      ) : null}
      {due !== undefined ? (
        <>
          <label className="wd-check">
            <input type="checkbox" checked={due.businessTime === true} onChange={(event) => onChange(put(due, 'businessTime', event.target.checked ? true : undefined))} data-testid="wd-due-business" />
            <span>{t('wd.task.businessTime')}</span>
          </label>
          <Prop label={t('wd.task.onDue')}>
            <select value={action} onChange={(event) => setEscalation(event.target.value, escalateTo)} data-testid="wd-due-action">
              <option value="none">{t('wd.task.onDue.none')}</option>
              {ON_DUE.map((name) => (
                <option key={name} value={name}>
                  {t(`wd.task.onDue.${name}`)}
                </option>
              ))}
            </select>
          </Prop>
          {action === 'notify' || action === 'reassign' ? (
            <div className="fd-prop">
              <span className="fd-prop-label">{t('wd.task.escalateTo')}</span>
              <AssigneesEditor value={escalateTo} onChange={(to) => setEscalation(action, to)} context={context} rolesTestId="wd-due-to" testId="wd-due-assignees" />
            </div>
          ) : null}
        </>
      ) : null}
    </fieldset>
  );
}

/** A user task: who does it, how approvals combine, when it is due and what happens then, what they may change. */
export function TaskProperties({ task, onChange, context }: { task: Json; onChange: (task: Json) => void; context: DesignContext }) {
  const { t } = useI18n();
  const mode = typeof task.mode === 'string' ? task.mode : 'single';
  const editable = Array.isArray(task.editableFields) ? task.editableFields.filter((name): name is string => typeof name === 'string') : [];

  return (
    <div className="fd-props" data-testid="wd-task-props">
      <LocalizedTextInputs value={readText(task.title, '')} onChange={(title) => onChange({ ...task, title })} labels={[t('wd.task.taskTitleZh'), t('wd.task.taskTitleEn')]} testId="wd-task-title" />
      <fieldset className="wd-fieldset">
        <legend>{t('wd.task.assignees')}</legend>
        <AssigneesEditor value={task.assignees} onChange={(assignees) => onChange({ ...task, assignees })} context={context} rolesTestId="wd-task-roles" testId="wd-task-assignees" />
      </fieldset>
      <Prop label={t('wd.task.mode')} hint={t(`wd.task.modeHint.${mode as (typeof MODES)[number]}`)}>
        <select
          value={mode}
          onChange={(event) => {
            const next = event.target.value;
            const withMode = put(task, 'mode', next === 'single' && task.mode === undefined ? undefined : next);
            onChange(put(withMode, 'ratio', next === 'ratio' ? (typeof task.ratio === 'number' ? task.ratio : 0.5) : undefined));
          }}
          data-testid="wd-task-mode"
        >
          {MODES.map((name) => (
            <option key={name} value={name}>
              {t(`wd.mode.${name}`)}
            </option>
          ))}
        </select>
      </Prop>
      {mode === 'ratio' ? (
        <Prop label={t('wd.task.ratio')}>
          <input
            type="number"
            min={1}
            max={100}
            value={Math.round((typeof task.ratio === 'number' ? task.ratio : 0.5) * 100)}
            onChange={(event) => onChange({ ...task, ratio: Math.min(100, Math.max(1, Number(event.target.value) || 1)) / 100 })}
            data-testid="wd-task-ratio"
          />
        </Prop>
      ) : null}
      <fieldset className="wd-fieldset">
        <legend>{t('wd.task.cc')}</legend>
        <AssigneesEditor value={task.cc} onChange={(cc) => onChange(put(task, 'cc', cc.length > 0 ? cc : undefined))} context={context} rolesTestId="wd-task-cc-roles" testId="wd-task-cc" />
      </fieldset>
      <DueProperties due={isJson(task.due) ? task.due : undefined} onChange={(due) => onChange(put(task, 'due', due))} context={context} />
      <Prop label={t('wd.task.editable')}>
        {context.fields.length === 0 ? (
          <span className="fd-hint">{t('wd.task.noFields')}</span>
        ) : (
          <Checklist options={context.fields} chosen={editable} onChange={(next) => onChange(put(task, 'editableFields', next.length > 0 ? next : undefined))} testId="wd-task-editable" />
        )}
      </Prop>
    </div>
  );
}
