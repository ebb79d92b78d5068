import type { PlanRun } from '../api/index.js';
import { useI18n } from '../i18n/index.js';
import { itemName } from './plan-names.js';

const ROW_LIMIT = 300;

/** 重排建议: open supplies to expedite (提前), defer (推迟), cancel (取消) or reduce. */
export function RescheduleTable({ run }: { run: PlanRun }) {
  const { t, date, number } = useI18n();
  const messages = run.plan.rescheduleMessages;
  if (messages.length === 0) {
    return <div className="empty-state">{t('planning.noReschedule')}</div>;
  }
  return (
    <>
      <div className="table-wrap">
        <table className="data-table plan-table" data-testid="reschedule-messages">
          <thead>
            <tr>
              <th>{t('planning.column.action')}</th>
              <th>{t('planning.column.supply')}</th>
              <th>{t('planning.column.item')}</th>
              <th>{t('planning.column.date')}</th>
              <th>{t('planning.column.to')}</th>
            </tr>
          </thead>
          <tbody>
            {messages.slice(0, ROW_LIMIT).map((message, position) => (
              <tr key={position} data-testid="reschedule-row">
                <td>
                  <span className={`badge badge-action-${message.action}`}>{t(`planning.action.${message.action}`)}</span>
                </td>
                <td className="nowrap" title={message.reason}>
                  {message.supply}
                </td>
                <td>{itemName(run.labels, message.item)}</td>
                <td className="nowrap">{date(message.date)}</td>
                <td className="nowrap">
                  {message.to !== undefined ? date(message.to) : null}
                  {message.action === 'reduce' && message.qty !== undefined ? t('planning.reduceTo', { qty: number(message.qty) }) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {messages.length > ROW_LIMIT ? <p className="muted">{t('planning.filter.limited', { limit: number(ROW_LIMIT) })}</p> : null}
    </>
  );
}
