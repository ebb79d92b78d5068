import type { Simulation, SimulatedTimer } from '../../../../engine/workflows/simulation/index.js';
import { nextTimer } from '../../../../engine/workflows/simulation/index.js';
import { useI18n } from '../../i18n/index.js';
import type { MessageId } from '../../i18n/messages-en.js';
import type { SimLabels } from './sim-labels.js';

const KIND: Readonly<Record<SimulatedTimer['kind'], MessageId>> = {
  'task-due': 'sim.timer.due',
  'task-remind': 'sim.timer.remind',
  wait: 'sim.timer.wait',
};

/** The durable timers the runtime would hold, in firing order, and the button that moves the clock to the next. */
export function TimerPanel({ simulation, labels, onAdvance }: { simulation: Simulation; labels: SimLabels; onAdvance: () => void }) {
  const { t } = useI18n();
  const next = nextTimer(simulation);
  const timers = [...simulation.timers].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id - b.id);
  return (
    <section className="sim-section" data-testid="sim-timers">
      <h4 className="sim-heading">{t('sim.timers')}</h4>
      {timers.length === 0 ? (
        <p className="sim-empty">{t('sim.noTimers')}</p>
      ) : (
        <ul className="sim-timer-list">
          {timers.map((timer) => (
            <li key={timer.id} className={`sim-timer${timer === next ? ' is-next' : ''}`}>
              <span className="sim-timer-icon" aria-hidden="true" />
              <span className="sim-timer-what">
                {t(KIND[timer.kind])} · {labels.state(timer.node)}
              </span>
              <span className="sim-timer-when">{labels.time(timer.dueAt)}</span>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="btn btn-small" disabled={next === undefined || simulation.state.status !== 'running'} onClick={onAdvance} data-testid="sim-advance">
        {next === undefined ? t('sim.advanceNone') : t('sim.advance', { time: labels.time(next.dueAt) })}
      </button>
    </section>
  );
}
