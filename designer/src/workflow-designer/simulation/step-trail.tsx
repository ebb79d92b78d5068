import type { SimulationStep } from '../../../../engine/workflows/simulation/index.js';
import { useI18n } from '../../i18n/index.js';
import { causeText, effectText, effectTone } from './trail-text.js';
import type { SimLabels } from './use-sim-labels.js';

/** Every step so far, newest first: what caused it, where it led, the fields it changed and what the runtime would do. */
export function StepTrail({
  steps,
  labels,
  fieldLabel,
  fieldValue,
}: {
  steps: readonly SimulationStep[];
  labels: SimLabels;
  fieldLabel: (field: string) => string;
  /** A value as staff see it (a choice's label). */
  fieldValue: (field: string, value: unknown) => string;
}) {
  const { t, text } = useI18n();
  return (
    <section className="sim-section" data-testid="sim-trail">
      <h4 className="sim-heading">{t('sim.trail')}</h4>
      <ol className="sim-trail">
        {[...steps].reverse().map((step) => (
          <li key={step.index} className={`sim-step${step.moved ? '' : ' is-idle'}`} data-testid="sim-step">
            <div className="sim-step-head">
              <span className="sim-step-no">{step.index + 1}</span>
              <span className="sim-step-cause">{causeText(step.cause, labels, t)}</span>
              <span className="sim-step-time">{labels.time(step.at)}</span>
            </div>
            {step.entered.length > 0 ? <div className="sim-step-entered">→ {step.entered.map(labels.state).join(' › ')}</div> : null}
            {step.moved ? null : <div className="sim-note">{t('sim.nothingHappened')}</div>}
            {step.changes.length > 0 ? (
              <ul className="sim-changes">
                {step.changes.map((change) => (
                  <li key={change.field}>
                    <span className="sim-change-field">{fieldLabel(change.field)}</span> <del>{fieldValue(change.field, change.before)}</del> → <ins>{fieldValue(change.field, change.after)}</ins>
                  </li>
                ))}
              </ul>
            ) : null}
            {step.effects.length > 0 ? (
              <ul className="sim-effects">
                {step.effects.map((effect, i) => (
                  <li key={i} className={`sim-effect is-${effectTone(effect)}`}>
                    {effectText(effect, labels, t, text)}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
