import type { TaskSlotChoice } from '../../../../engine/workflows/simulation/index.js';
import { useI18n } from '../../i18n/index.js';
import type { MessageId } from '../../i18n/messages-en.js';
import type { SimLabels } from './sim-labels.js';

const MODE: Readonly<Record<TaskSlotChoice['mode'], MessageId>> = {
  single: 'sim.mode.single',
  sequential: 'sim.mode.sequential',
  all: 'sim.mode.all',
  any: 'sim.mode.any',
  ratio: 'sim.mode.ratio',
};

const STATUS: Readonly<Record<string, MessageId>> = {
  pending: 'sim.slot.pending',
  approved: 'sim.slot.approved',
  rejected: 'sim.slot.rejected',
  transferred: 'sim.slot.transferred',
  cancelled: 'sim.slot.cancelled',
};

/** Each open approval round with every assignee's slot: approve or reject per person, so countersigns can be walked. */
export function TaskRounds({ slots, labels, onDecide }: { slots: readonly TaskSlotChoice[]; labels: SimLabels; onDecide: (slot: string, decision: 'approve' | 'reject') => void }) {
  const { t, text } = useI18n();
  const rounds = [...new Map(slots.map((slot) => [`${slot.node}.${slot.round}`, slot])).values()];
  if (rounds.length === 0) return null;
  return (
    <div className="sim-tasks">
      {rounds.map((round) => {
        const mine = new Map(slots.filter((slot) => slot.node === round.node).map((slot) => [slot.slot, slot]));
        const decided = round.slots.filter((slot) => slot.status === 'approved').length;
        return (
          <section key={`${round.node}.${round.round}`} className="sim-task" data-testid={`sim-task-${round.node}`}>
            <header className="sim-task-head">
              <strong>{text(round.title, round.node)}</strong>
              <span className="sim-tag">{t(MODE[round.mode], { percent: Math.round(round.ratio * 100) })}</span>
              {round.slots.length > 1 ? <span className="sim-progress">{t('sim.approvedOf', { done: decided, total: round.slots.length })}</span> : null}
            </header>
            {round.dueAt === undefined ? null : <p className="sim-note">{t('sim.dueAt', { time: labels.time(round.dueAt) })}</p>}
            <ul className="sim-slots">
              {round.slots.map((entry) => {
                const choice = mine.get(entry.slot);
                return (
                  <li key={entry.slot} className={`sim-slot is-${entry.status}`} data-testid="sim-slot">
                    <span className="sim-avatar" aria-hidden="true">
                      {labels.person(entry.user).slice(0, 1)}
                    </span>
                    <span className="sim-slot-user">{labels.person(entry.user)}</span>
                    {choice !== undefined && choice.open ? (
                      <span className="sim-slot-actions">
                        <button type="button" className="btn btn-small sim-approve" onClick={() => onDecide(entry.slot, 'approve')}>
                          {t('sim.approve')}
                        </button>
                        <button type="button" className="btn btn-small sim-reject" onClick={() => onDecide(entry.slot, 'reject')}>
                          {t('sim.reject')}
                        </button>
                      </span>
                    ) : (
                      <span className={`sim-status is-${entry.status}`}>{choice !== undefined && !choice.open ? t('sim.slot.waiting') : t(STATUS[entry.status] ?? 'sim.slot.pending')}</span>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
