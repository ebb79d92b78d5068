import { useState } from 'react';
import type { ChildChoice, InvocationChoice, SimulationAction } from '../../../../engine/workflows/simulation/index.js';
import { useI18n } from '../../i18n/index.js';
import type { SimLabels } from './sim-labels.js';

/** A function call waiting for its result: the caller writes the properties the workflow copies into the record. */
function Invocation({ call, labels, onApply }: { call: InvocationChoice; labels: SimLabels; onApply: (action: SimulationAction) => void }) {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<string, string>>({});
  const properties = [...new Set(Object.values(call.output))];
  const output = Object.fromEntries(properties.map((property) => [property, parseValue(values[property] ?? '')]));
  return (
    <section className="sim-task" data-testid={`sim-invocation-${call.node}`}>
      <header className="sim-task-head">
        <strong>{labels.state(call.node)}</strong>
        <code className="sim-tag">{call.function}</code>
      </header>
      <p className="sim-note">{t('sim.invocationHint')}</p>
      {properties.map((property) => (
        <label key={property} className="sim-output">
          <span>{property}</span>
          <input className="form-control" value={values[property] ?? ''} onChange={(event) => setValues({ ...values, [property]: event.target.value })} />
        </label>
      ))}
      <div className="sim-slot-actions">
        <button type="button" className="btn btn-small sim-approve" onClick={() => onApply({ kind: 'invocation', node: call.node, outcome: 'done', output })}>
          {t('sim.invocationDone')}
        </button>
        <button type="button" className="btn btn-small sim-reject" onClick={() => onApply({ kind: 'invocation', node: call.node, outcome: 'error', error: 'simulated failure' })}>
          {t('sim.invocationError')}
        </button>
      </div>
    </section>
  );
}

/** Numbers and TRUE/FALSE as values, anything else as text, blank as nothing. */
function parseValue(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (/^(true|false)$/i.test(trimmed)) return trimmed.toLowerCase() === 'true';
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return trimmed;
}

export function PendingWork({
  invocations,
  children,
  labels,
  onApply,
}: {
  invocations: readonly InvocationChoice[];
  children: readonly ChildChoice[];
  labels: SimLabels;
  onApply: (action: SimulationAction) => void;
}) {
  const { t } = useI18n();
  if (invocations.length === 0 && children.length === 0) return null;
  return (
    <div className="sim-tasks">
      {invocations.map((call) => (
        <Invocation key={call.node} call={call} labels={labels} onApply={onApply} />
      ))}
      {children.length === 0 ? null : (
        <section className="sim-task" data-testid="sim-children">
          <header className="sim-task-head">
            <strong>{labels.state(children[0]?.node ?? '')}</strong>
            <span className="sim-tag">{t('sim.childrenRunning', { count: children.length })}</span>
          </header>
          <ul className="sim-slots">
            {children.map((child, i) => (
              <li key={child.child} className="sim-slot">
                <span className="sim-slot-user">{t('sim.child', { n: i + 1 })}</span>
                <span className="sim-slot-actions">
                  <button type="button" className="btn btn-small" onClick={() => onApply({ kind: 'child-ended', node: child.node, child: child.child })}>
                    {t('sim.childEnded')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
