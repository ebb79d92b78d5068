import type { ScheduleRunView } from '../api/index.js';
import { useI18n } from '../i18n/index.js';
import { factoryShortTime, factoryTime } from './factory-time.js';

const SHOWN = 8;

/** What an insertion, a move or an event changed: the count, then the first operations that moved, from where to where (an end alone may move). */
export function DraftChanges({ run }: { run: ScheduleRunView }) {
  const { t, locale, number } = useI18n();
  const changes = run.changes;
  if (!changes) return null;
  const time = (value: string) => factoryTime(value, locale);
  const name = (operation: string) => {
    const label = run.labels.operations[operation];
    const order = run.labels.orders[operation.slice(0, operation.lastIndexOf('/'))];
    return `${order?.moNo ?? ''} ${label ? `${label.opNo} ${label.name}` : operation}`.trim();
  };
  return (
    <div className="draft-changes" data-testid="draft-changes">
      <strong>{t('scheduling.draftChanges', { moved: number(changes.moved.length), orders: number(changes.finishChanged.length) })}</strong>
      {changes.moved.length > 0 ? (
        <table className="data-table compact">
          <thead>
            <tr>
              <th>{t('scheduling.changes.operation')}</th>
              <th>{t('scheduling.changes.from')}</th>
              <th>{t('scheduling.changes.to')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.moved.slice(0, SHOWN).map((move) => (
              <tr key={move.operation}>
                <td>{name(move.operation)}</td>
                <td>
                  {move.from.machine ?? ''} {time(move.from.start)} – {factoryShortTime(move.from.end, locale)}
                </td>
                <td>
                  {move.to.machine ?? ''} {time(move.to.start)} – {factoryShortTime(move.to.end, locale)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {changes.moved.length > SHOWN ? <span className="muted">{t('scheduling.changes.more', { count: changes.moved.length - SHOWN })}</span> : null}
    </div>
  );
}
