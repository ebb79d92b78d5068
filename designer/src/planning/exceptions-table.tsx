import { useMemo, useState } from 'react';
import type { PlanException } from '../../../engine/planning/generated/planning-types.js';
import type { PlanRun } from '../api/index.js';
import { useI18n } from '../i18n/index.js';
import { exceptionSalesOrders, exceptionText, sortExceptions } from './exception-text.js';
import { salesOrderResolver, type PlanIndex } from './plan-index.js';
import { itemName } from './plan-names.js';
import { SalesOrderLinks } from './sales-order-links.js';

/** A large plan has thousands of exceptions; the most urgent come first, and the type filter reaches the rest. */
const ROW_LIMIT = 300;

/** 例外信息, shortages first; each worded in the user's language from its fields. */
export function ExceptionsTable({ run, index }: { run: PlanRun; index: PlanIndex }) {
  const { t, date, number, locale } = useI18n();
  const [type, setType] = useState<PlanException['type'] | ''>('');
  const sorted = useMemo(() => sortExceptions(run.plan.exceptions), [run]);
  const salesOrdersOf = useMemo(() => salesOrderResolver(index), [index]);
  const counts = useMemo(() => {
    const byType = new Map<PlanException['type'], number>();
    for (const exception of sorted) byType.set(exception.type, (byType.get(exception.type) ?? 0) + 1);
    return [...byType];
  }, [sorted]);
  if (sorted.length === 0) {
    return <div className="empty-state">{t('planning.noExceptions')}</div>;
  }
  const shown = type === '' ? sorted : sorted.filter((exception) => exception.type === type);
  const nameOf = (id: string) => itemName(run.labels, id);
  return (
    <>
      <div className="filter-bar">
        <select
          className="plan-exception-type"
          aria-label={t('planning.column.type')}
          value={type}
          onChange={(event) => setType(event.target.value as PlanException['type'] | '')}
          data-testid="exception-type"
        >
          <option value="">{t('planning.exceptionType.all', { count: number(sorted.length) })}</option>
          {counts.map(([name, count]) => (
            <option key={name} value={name}>
              {t(`planning.exceptionType.${name}`)} ({number(count)})
            </option>
          ))}
        </select>
      </div>
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
            {shown.slice(0, ROW_LIMIT).map((exception, position) => (
              <tr key={position} data-testid="exception-row" data-type={exception.type}>
                <td>
                  <span className={`badge badge-exception-${exception.type}`}>{t(`planning.exceptionType.${exception.type}`)}</span>
                </td>
                <td>{exception.item === undefined ? '' : nameOf(exception.item)}</td>
                <td>
                  <SalesOrderLinks ids={exceptionSalesOrders(exception, index, salesOrdersOf)} labels={run.labels} />
                  <div className="muted small">{exception.supply ?? exception.demand ?? ''}</div>
                </td>
                <td className="nowrap">{exception.date === undefined ? '' : date(exception.date)}</td>
                <td className="num">{exception.qty === undefined ? '' : number(exception.qty)}</td>
                <td>{exceptionText(exception, locale, nameOf)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length > ROW_LIMIT ? <p className="muted">{t('planning.filter.limited', { limit: number(ROW_LIMIT) })}</p> : null}
    </>
  );
}
