import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormDefinition, WorkflowDefinition } from '../../../../engine/definitions/generated/definition-types.js';
import { simulationChoices, simulationStates, type ChildChoice, type EventChoice, type InvocationChoice, type TaskSlotChoice } from '../../../../engine/workflows/simulation/index.js';
import { useUser } from '../../auth/index.js';
import { useI18n } from '../../i18n/index.js';
import { fromFactoryLocal, toFactoryLocal } from '../../scheduling/factory-time.js';
import { useDefinitions } from '../../shell/index.js';
import { EventChoices } from './event-choices.js';
import { PendingWork } from './pending-work.js';
import { SampleData } from './sample-data.js';
import { simulationSetup } from './simulation-setup.js';
import { StepTrail } from './step-trail.js';
import { valueText } from './trail-text.js';
import { TaskRounds } from './task-rounds.js';
import { TimerPanel } from './timer-panel.js';
import { useSimLabels } from './use-sim-labels.js';
import { useSimulation } from './use-simulation.js';
import './workflow-simulator.css';

export interface WorkflowSimulatorProps {
  /** The draft being designed (parsed JSON); a draft that would not publish shows why it cannot run. */
  readonly definition: unknown;
  /** The published forms: the workflow's own, and those its actions and children write. */
  readonly forms: readonly FormDefinition[];
  /** Called with the active states (dotted paths) after every step, and [] when no simulation runs, so the canvas can light them up. */
  readonly onActiveStates?: (paths: string[]) => void;
}

/**
 * Simulation before publishing: a sample record filled in with the staff form, then the workflow
 * stepped by the engine itself: events with their guards' values, each assignee's decision, function
 * results, children ending, timers on a simulated factory clock, and the trail of every step.
 */
export function WorkflowSimulator({ definition, forms, onActiveStates }: WorkflowSimulatorProps) {
  const { t, text, locale } = useI18n();
  const user = useUser();
  const published = useDefinitions();
  // Keyed by the draft's text: a parent that parses the draft again on every render must not restart the run.
  const draftKey = useMemo(() => JSON.stringify(definition) ?? '', [definition]);
  const departments = published.app?.departments;
  const prepared = useMemo(
    () => simulationSetup(JSON.parse(draftKey === '' ? 'null' : draftKey) as unknown, forms, published.workflows, user.username, departments),
    [draftKey, forms, published.workflows, user.username, departments],
  );
  const setup = prepared.ok ? prepared.setup : undefined;
  const workflow = setup?.compiled.definition as WorkflowDefinition | undefined;
  const labels = useSimLabels(workflow, published.app);
  const controls = useSimulation(setup, locale);
  const { simulation } = controls;
  const [startAt, setStartAt] = useState(() => toFactoryLocal(Math.floor(Date.now() / 60_000) * 60_000));
  const [editing, setEditing] = useState(false);

  // A changed draft is another workflow: the old run no longer means anything. The published definitions
  // being fetched again (after a publish) leave the draft as it was, so the run goes on.
  const runnable = setup !== undefined;
  useEffect(() => controls.reset(), [draftKey, runnable]);
  const paths = useMemo(() => (setup === undefined || simulation === undefined ? [] : simulationStates(setup, simulation)), [setup, simulation]);
  const notify = useRef(onActiveStates);
  notify.current = onActiveStates;
  const pathsKey = paths.join('\n');
  useEffect(() => notify.current?.(pathsKey === '' ? [] : pathsKey.split('\n')), [pathsKey]);

  if (!prepared.ok) {
    return (
      <div className="sim-panel" data-testid="workflow-simulator">
        <div className="sim-blocked">{prepared.reason === 'noForm' ? t('sim.noForm') : t('sim.invalid', { count: prepared.problems })}</div>
      </div>
    );
  }
  const choices = simulation === undefined ? [] : simulationChoices(prepared.setup, simulation);
  const events = choices.filter((choice): choice is EventChoice => choice.kind === 'event');
  const slots = choices.filter((choice): choice is TaskSlotChoice => choice.kind === 'task');
  const invocations = choices.filter((choice): choice is InvocationChoice => choice.kind === 'invocation');
  const children = choices.filter((choice): choice is ChildChoice => choice.kind === 'child');
  const fields = new Map(prepared.setup.form?.fields.map((field) => [field.path, field]) ?? []);
  const fieldLabel = (path: string) => text(fields.get(path)?.label, path);
  const fieldValue = (path: string, value: unknown) => {
    const option = typeof value === 'string' ? fields.get(path)?.options?.[value] : undefined;
    return option === undefined ? valueText(value) : text(option, value as string);
  };
  const ended = simulation?.state.status === 'done';

  return (
    <div className="sim-panel" data-testid="workflow-simulator">
      <header className="sim-header">
        <div>
          <h3 className="sim-title">{t('sim.title')}</h3>
          <p className="sim-subtitle">{t('sim.subtitle')}</p>
        </div>
        {simulation === undefined ? null : (
          <div className="sim-clock" data-testid="sim-clock" title={t('sim.clockHint')}>
            <span className="sim-clock-label">{t('sim.clock')}</span>
            <strong>{labels.time(simulation.now)}</strong>
          </div>
        )}
      </header>
      {controls.failure === undefined ? null : (
        <div className="notice notice-error sim-failure" role="alert" data-testid="sim-failure">
          <strong>{controls.failure.title}</strong>
          <span className="sim-failure-detail">{controls.failure.detail}</span>
          <button type="button" className="notice-close" aria-label="×" onClick={controls.dismiss}>
            ×
          </button>
        </div>
      )}

      {simulation === undefined ? (
        <section className="sim-section">
          <h4 className="sim-heading">{t('sim.sample')}</h4>
          <label className="sim-start-time">
            <span>{t('sim.startAt')}</span>
            <input type="datetime-local" className="form-control" value={startAt} onChange={(event) => setStartAt(event.target.value)} data-testid="sim-start-at" />
          </label>
          <SampleData form={prepared.form} action={t('sim.start')} onUse={(data) => controls.start(data, fromFactoryLocal(startAt) || new Date().toISOString())} />
        </section>
      ) : (
        <>
          <section className="sim-section sim-now" data-testid="sim-current">
            <h4 className="sim-heading">{ended ? t('sim.ended') : t('sim.current')}</h4>
            <div className="sim-states">
              {paths.map((path) => (
                <span key={path} className={`sim-state${ended ? ' is-final' : ''}`} data-testid="sim-state" data-path={path}>
                  {path.split('.').map(labels.state).join(' › ')}
                </span>
              ))}
            </div>
            <div className="sim-toolbar">
              <button type="button" className="btn btn-small" onClick={() => setEditing(!editing)} aria-expanded={editing} data-testid="sim-edit-toggle">
                {editing ? t('sim.closeEdit') : t('sim.edit')}
              </button>
              <button type="button" className="btn btn-small btn-danger-ghost" onClick={controls.reset} data-testid="sim-restart">
                {t('sim.restart')}
              </button>
            </div>
            {editing ? (
              <SampleData
                key={simulation.trail.length}
                form={prepared.form}
                data={simulation.record as Record<string, unknown>}
                action={t('sim.applyEdit')}
                onUse={(data) => {
                  controls.edit(data);
                  setEditing(false);
                }}
              />
            ) : null}
          </section>
          {ended ? null : (
            <section className="sim-section" data-testid="sim-choices">
              <h4 className="sim-heading">{t('sim.available')}</h4>
              <TaskRounds slots={slots} labels={labels} onDecide={(slot, decision) => controls.apply({ kind: 'decision', slot, decision })} />
              <PendingWork invocations={invocations} children={children} labels={labels} onApply={controls.apply} />
              <EventChoices choices={events} labels={labels} onSend={(event) => controls.apply({ kind: 'event', event })} />
            </section>
          )}
          <TimerPanel simulation={simulation} labels={labels} onAdvance={controls.advance} />
          <StepTrail steps={simulation.trail} labels={labels} fieldLabel={fieldLabel} fieldValue={fieldValue} />
        </>
      )}
    </div>
  );
}
