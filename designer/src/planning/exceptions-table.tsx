import { useMemo } from 'react';
import type { PlanRun } from '../api/index.js';
import { useI18n } from '../i18n/index.js';
import { href } from '../routing/index.js';
import { exceptionText, sortExceptions } from './exception-text.js';
import { itemName, salesOrderTitle } from './plan-names.js';

/** 例外信息, shortages first; each worded in the user's language from its fields. */
export function ExceptionsTable({ run }: { run: PlanRun }) {
  const { t, date, number, locale } = useI18n();
  const exceptions = useMemo(() => sortExceptions(run.plan.exceptions), [run]);
  if (exceptions.length === 0) {
    return <div className="empty-state">{t('planning.noExceptions')}</div>;
  }
  const nameOf = (id: string) => itemName(run.labels, id);
  return (
    <div className="table-wrap">
      <table className="data-table plan-table" data-testid="exceptions">
        <thead>
          <tr>
            <th>{t('planning.column.type')}</th>
            <th>{t('planning.column.item')}</th>
            <th>{t('planning.column.order')}</th>
            <th>{t('planning.column.date')}</th>
            <th className="num">{t('planning.column.qty')}</th>
            <th>{t('planning.column.message')}</th>
          </tr>
        </thead>
        <tbody>
          {exceptions.map((exception, position) => (
            <tr key={position} data-testid="exception-row" data-type={exception.type}>
              <td>
                <span className={`badge badge-exception-${exception.type}`}>{t(`planning.exceptionType.${exception.type}`)}</span>
              </td>
              <td>{exception.item === undefined ? '' : nameOf(exception.item)}</td>
              <td>
                {exception.salesOrder !== undefined ? (
                  <a href={href({ page: 'planning', view: 'pegging', salesOrder: exception.salesOrder })}>{salesOrderTitle(run.labels, exception.salesOrder)}</a>
                ) : (
                  (exception.supply ?? exception.demand ?? '')
                )}
              </td>
              <td className="nowrap">{exception.date === undefined ? '' : date(exception.date)}</td>
              <td className="num">{exception.qty === undefined ? '' : number(exception.qty)}</td>
              <td>{exceptionText(exception, locale, nameOf)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
