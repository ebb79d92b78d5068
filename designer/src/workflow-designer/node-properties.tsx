import { Prop } from '../definition-drafts/index.js';
import { useI18n } from '../i18n/index.js';
import type { DesignContext } from './design-context.js';
import { readDuration, writeDuration, type DurationUnit } from './duration.js';
import { FunctionInputForm } from './function-input-form.js';
import { FunctionOutputForm } from './function-output-form.js';
import { put } from './task-properties.js';
import { isJson, type Json } from './workflow-graph.js';

/** A timer: how long it waits (or the field with the date it waits for), in working days or not. */
export function TimerProperties({ wait, onChange }: { wait: Json; onChange: (wait: Json) => void }) {
  const { t } = useI18n();
  const after = readDuration(typeof wait.after === 'string' ? wait.after : undefined);
  return (
    <div className="fd-props" data-testid="wd-timer-props">
      {after === null ? (
        <p className="fd-hint">{typeof wait.untilField === 'string' ? t('wd.timer.untilField', { field: wait.untilField }) : t('wd.task.dueOther', { value: String(wait.after ?? '') })}</p>
      ) : (
        <Prop label={t('wd.timer.after')}>
          <div className="wd-duration">
            <input type="number" min={1} value={after.amount} onChange={(event) => onChange({ ...wait, after: writeDuration({ amount: Number(event.target.value) || 1, unit: after.unit }) })} data-testid="wd-timer-amount" />
            <select value={after.unit} onChange={(event) => onChange({ ...wait, after: writeDuration({ amount: after.amount, unit: event.target.value as DurationUnit }) })} data-testid="wd-timer-unit">
              <option value="hours">{t('wd.task.hours')}</option>
              <option value="days">{t('wd.task.days')}</option>
            </select>
          </div>
        </Prop>
      )}
      <label className="wd-check">
        <input type="checkbox" checked={wait.businessTime === true} onChange={(event) => onChange(put(wait, 'businessTime', event.target.checked ? true : undefined))} />
        <span>{t('wd.task.businessTime')}</span>
      </label>
    </div>
  );
}

/** A native function node: which function of the catalogue, its input as formulas, and which fields its result goes into. */
export function FunctionProperties({ invoke, onChange, context }: { invoke: Json; onChange: (invoke: Json) => void; context: DesignContext }) {
  const { t, text } = useI18n();
  const name = typeof invoke.function === 'string' ? invoke.function : '';
  const fn = context.functions?.find((entry) => entry.name === name);
  return (
    <div className="fd-props" data-testid="wd-function-props">
      <Prop label={t('wd.function.name')}>
        <select value={name} onChange={(event) => onChange(put({ ...invoke, function: event.target.value }, 'input', undefined))} data-testid="wd-function-name">
          {fn === undefined ? <option value={name}>{name}</option> : null}
          {(context.functions ?? []).map((entry) => (
            <option key={entry.name} value={entry.name}>
              {text(entry.title)} ({entry.name})
            </option>
          ))}
        </select>
      </Prop>
      {context.functions === null ? <p className="fd-hint">{t('app.loading')}</p> : null}
      {context.functions !== null && fn === undefined ? <p className="fd-hint fd-error">{t('wd.function.unknown')}</p> : null}
      {fn !== undefined ? (
        <Prop label={t('wd.function.input')}>
          <FunctionInputForm key={fn.name} fn={fn} input={isJson(invoke.input) ? invoke.input : {}} onChange={(input) => onChange(put(invoke, 'input', Object.keys(input).length > 0 ? input : undefined))} />
        </Prop>
      ) : null}
      {fn !== undefined ? (
        <fieldset className="wd-fieldset">
          <legend>{t('wd.function.output')}</legend>
          <FunctionOutputForm fn={fn} output={invoke.output} onChange={(output) => onChange(put(invoke, 'output', output))} context={context} />
        </fieldset>
      ) : null}
    </div>
  );
}

/** A child-workflow node: the workflow it starts (on that workflow's form) and the new record's field formulas. */
export function ChildProperties({ spawn, onChange, context }: { spawn: Json; onChange: (spawn: Json) => void; context: DesignContext }) {
  const { t, text } = useI18n();
  const data = isJson(spawn.data) ? Object.entries(spawn.data) : [];
  const setData = (entries: [string, unknown][]) => onChange({ ...spawn, data: Object.fromEntries(entries) });
  return (
    <div className="fd-props" data-testid="wd-child-props">
      <Prop label={t('wd.child.workflow')}>
        <select
          value={typeof spawn.workflow === 'string' ? spawn.workflow : ''}
          onChange={(event) => {
            const chosen = context.workflows.find((entry) => entry.id === event.target.value);
            onChange({ ...spawn, workflow: event.target.value, form: chosen?.form ?? spawn.form });
          }}
          data-testid="wd-child-workflow"
        >
          <option value="">{t('wd.child.choose')}</option>
          {context.workflows.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {text(entry.title)}
            </option>
          ))}
        </select>
      </Prop>
      <Prop label={t('wd.child.data')}>
        <div className="wd-pairs">
          {data.map(([field, formula], index) => (
            <div key={index} className="wd-pair">
              <input value={field} onChange={(event) => setData(data.map((entry, at) => (at === index ? [event.target.value, entry[1]] : entry)))} aria-label={t('wd.field.name')} />
              <input value={String(formula)} onChange={(event) => setData(data.map((entry, at) => (at === index ? [entry[0], event.target.value] : entry)))} aria-label={t('wd.edge.guard')} />
              <button type="button" className="btn fd-icon-button" onClick={() => setData(data.filter((_entry, at) => at !== index))} aria-label={t('wd.delete')}>
                ×
              </button>
            </div>
          ))}
          <button type="button" className="btn" onClick={() => setData([...data, [`field${data.length + 1}`, '""']])}>
            + {t('wd.child.addData')}
          </button>
        </div>
      </Prop>
    </div>
  );
}
