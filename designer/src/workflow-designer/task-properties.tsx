import { LocalizedTextInputs, Prop } from '../definition-drafts/index.js';
import { useI18n } from '../i18n/index.js';
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

function roleIds(list: unknown): string[] {
  return Array.isArray(list) ? list.flatMap((entry) => (isJson(entry) && typeof entry.role === 'string' ? [entry.role] : [])) : [];
}

function DueProperties({ due, onChange, context }: { due: Json | undefined; onChange: (due: Json | undefined) => void; context: DesignContext }) {
  const { t } = useI18n();
  const after = readDuration(typeof due?.after === 'string' ? due.after : undefined);
  const custom = due !== undefined && after === null;
  const onDue = isJson(due?.onDue) ? due.onDue : undefined;
  const action = typeof onDue?.action === 'string' ? onDue.action : 'none';
  const escalateTo = roleIds(onDue?.to);
  const otherTo = Array.isArray(onDue?.to) ? onDue.to.filter((entry) => !(isJson(entry) && typeof entry.role === 'string')) : [];

  const setEscalation = (nextAction: string, roles: readonly string[]) => {
    if (due === undefined) return;
    if (nextAction === 'none') return onChange(put(due, 'onDue', undefined));
    const to = [...roles.map((role) => ({ role })), ...otherTo];
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
            <Prop label={t('wd.task.escalateTo')}>
              <Checklist options={context.roles} chosen={escalateTo} onChange={(roles) => setEscalation(action, roles)} testId="wd-due-to" />
            </Prop>
          ) : null}
        </>
      ) : null}
    </fieldset>
  );
}

/** A user task: who does it, how approvals combine, when it is due and what happens then, what they may change. */
export function TaskProperties({ task, onChange, context }: { task: Json; onChange: (task: Json) => void; context: DesignContext }) {
  const { t, text } = useI18n();
  const assignees = Array.isArray(task.assignees) ? task.assignees : [];
  const roles = roleIds(assignees);
  const fieldAssignee = assignees.find((entry) => isJson(entry) && typeof entry.field === 'string') as Json | undefined;
  const others = assignees.filter((entry) => !(isJson(entry) && (typeof entry.role === 'string' || entry === fieldAssignee)));
  const mode = typeof task.mode === 'string' ? task.mode : 'single';
  const editable = Array.isArray(task.editableFields) ? task.editableFields.filter((name): name is string => typeof name === 'string') : [];

  const setAssignees = (nextRoles: readonly string[], field: string | undefined) => {
    const next = [...nextRoles.map((role) => ({ role })), ...(field ? [{ field }] : []), ...others];
    onChange({ ...task, assignees: next });
  };

  return (
    <div className="fd-props" data-testid="wd-task-props">
      <LocalizedTextInputs value={readText(task.title, '')} onChange={(title) => onChange({ ...task, title })} labels={[t('wd.task.taskTitleZh'), t('wd.task.taskTitleEn')]} testId="wd-task-title" />
      <fieldset className="wd-fieldset">
        <legend>{t('wd.task.assignees')}</legend>
        <Prop label={t('wd.task.roles')}>
          <Checklist options={context.roles} chosen={roles} onChange={(next) => setAssignees(next, fieldAssignee?.field as string | undefined)} testId="wd-task-roles" />
        </Prop>
        <Prop label={t('wd.task.field')}>
          <select value={typeof fieldAssignee?.field === 'string' ? fieldAssignee.field : ''} onChange={(event) => setAssignees(roles, event.target.value || undefined)} data-testid="wd-task-field">
            <option value="">{t('wd.task.noField')}</option>
            {context.fields.map((field) => (
              <option key={field.id} value={field.id}>
                {text(field.title) === field.id ? field.id : `${text(field.title)} (${field.id})`}
              </option>
            ))}
          </select>
        </Prop>
        {others.length > 0 ? <p className="fd-hint">{t('wd.task.other', { count: others.length })}</p> : null}
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
