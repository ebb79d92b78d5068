import type { CandidateTransition, EventChoice } from '../../../../engine/workflows/simulation/index.js';
import { useI18n } from '../../i18n/index.js';
import type { SimLabels } from './sim-labels.js';

function valueText(candidate: CandidateTransition): string {
  const result = candidate.guardResult;
  if (result === undefined) return '';
  if (!result.ok) return result.code;
  return result.value === null ? 'BLANK' : typeof result.value === 'boolean' ? (result.value ? 'TRUE' : 'FALSE') : JSON.stringify(result.value);
}

function GuardLine({ candidate, labels }: { candidate: CandidateTransition; labels: SimLabels }) {
  const { t } = useI18n();
  const target = candidate.target === undefined ? t('sim.staysHere') : labels.state(candidate.target);
  const tone = candidate.guard === undefined ? 'is-plain' : candidate.passes ? 'is-pass' : 'is-fail';
  return (
    <li className={`sim-guard ${tone}${candidate.taken ? ' is-taken' : ''}`} data-testid="sim-guard" data-passes={String(candidate.passes)}>
      <span className="sim-guard-mark" aria-hidden="true">
        {candidate.guard === undefined ? '→' : candidate.passes ? '✓' : '✗'}
      </span>
      <span className="sim-guard-body">
        {candidate.guard === undefined ? (
          <span className="muted">{t('sim.noGuard')}</span>
        ) : (
          <>
            <code className="sim-guard-source">{candidate.guard}</code>
            <span className="sim-guard-value" title={candidate.guardResult?.ok === false ? candidate.guardResult.message : undefined}>
              = {valueText(candidate)}
            </span>
          </>
        )}
        <span className="sim-guard-target">
          → {target}
          {candidate.taken ? <span className="sim-tag sim-tag-taken">{t('sim.taken')}</span> : null}
        </span>
      </span>
    </li>
  );
}

/** The business events of the active states, each with the guards xstate would try in order. */
export function EventChoices({ choices, labels, onSend }: { choices: readonly EventChoice[]; labels: SimLabels; onSend: (event: string) => void }) {
  const { t, text } = useI18n();
  if (choices.length === 0) return <p className="sim-empty">{t('sim.noEvents')}</p>;
  return (
    <ul className="sim-events">
      {choices.map((choice) => (
        <li key={choice.event} className={`sim-event${choice.accepted ? '' : ' is-refused'}`} data-testid={`sim-event-${choice.event}`}>
          <div className="sim-event-head">
            <button type="button" className="btn btn-small btn-primary" disabled={!choice.accepted} onClick={() => onSend(choice.event)}>
              {text(choice.title, choice.event)}
            </button>
            <span className="sim-event-name">{choice.event}</span>
            {choice.roles === undefined ? null : <span className="sim-roles">{t('sim.roles', { roles: choice.roles.map(labels.role).join(', ') })}</span>}
          </div>
          <ul className="sim-guards">
            {choice.candidates.map((candidate) => (
              <GuardLine key={candidate.pointer} candidate={candidate} labels={labels} />
            ))}
          </ul>
          {choice.accepted ? null : <p className="sim-note">{t('sim.refused')}</p>}
        </li>
      ))}
    </ul>
  );
}
