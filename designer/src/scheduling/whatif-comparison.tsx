import type { ScheduleRunView } from '../api/index.js';
import { useI18n } from '../i18n/index.js';
import { kpiPairs, orderDeltaRows, utilisationRows } from './comparison-rows.js';
import { durationText, factoryDue, factoryShortTime } from './factory-time.js';
import { kpiDelta, kpiValue } from './kpi-text.js';

/** The scenario against the committed schedule: KPI pairs with their change, utilisation bars per work center, order finish deltas. */
export function WhatIfComparison({ run }: { run: ScheduleRunView }) {
  const texts = useI18n();
  const { t, locale } = texts;
  if (!run.whatif) return null;
  const { base, comparison } = run.whatif;
  const percent = (value: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
  const time = (value: string | undefined) => (value === undefined ? '—' : factoryShortTime(value, locale));
  const centers = utilisationRows(comparison, run.labels);
  const orders = orderDeltaRows(comparison, run.labels);
  return (
    <section className="whatif-comparison" data-testid="whatif-comparison">
      <h2>{t('scheduling.whatif.result')}</h2>
      <div className="kpi-pairs">
        {kpiPairs(base.kpis, run.result.kpis).map((pair) => (
          <div key={pair.key} className="card kpi-pair" data-testid={`pair-${pair.key}`} data-tone={pair.tone}>
            <div className="kpi-pair-title">{t(`scheduling.kpi.${pair.key}`)}</div>
            <div className="kpi-pair-values">
              <div>
                <span className="muted">{t('scheduling.whatif.base')}</span>
                <strong>{kpiValue(pair, 'base', texts)}</strong>
              </div>
              <span className="kpi-arrow" aria-hidden="true">
                →
              </span>
              <div>
                <span className="muted">{t('scheduling.whatif.scenario')}</span>
                <strong>{kpiValue(pair, 'scenario', texts)}</strong>
              </div>
            </div>
            <div className={`kpi-delta tone-${pair.tone}`}>{kpiDelta(pair, texts) || t('scheduling.whatif.unchanged')}</div>
          </div>
        ))}
      </div>
      <div className="whatif-grid">
        <div className="card">
          <h3>{t('scheduling.whatif.utilisation')}</h3>
          <div className="util-legend">
            <span>
              <span className="legend-swatch util-base" />
              {t('scheduling.whatif.base')}
            </span>
            <span>
              <span className="legend-swatch util-scenario" />
              {t('scheduling.whatif.scenario')}
            </span>
          </div>
          <ul className="util-bars" data-testid="util-bars">
            {centers.map((row) => (
              <li key={row.workCenter} data-testid="util-row" data-work-center={row.workCenter}>
                <span className="util-name" title={run.labels.workCenters[row.workCenter]?.name}>
                  {row.label}
                </span>
                <div className="util-pair">
                  <div className="util-track">
                    <div className="util-fill util-base" style={{ width: `${Math.min(100, row.base * 100)}%` }} />
                    <span>{percent(row.base)}</span>
                  </div>
                  <div className="util-track">
                    <div className="util-fill util-scenario" style={{ width: `${Math.min(100, row.scenario * 100)}%` }} />
                    <span>{percent(row.scenario)}</span>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        </div>
        <div className="card">
          <h3>{t('scheduling.whatif.orders')}</h3>
          <div className="table-scroll">
            <table className="data-table compact" data-testid="order-deltas">
              <thead>
                <tr>
                  <th>{t('scheduling.tip.order')}</th>
                  <th>{t('scheduling.tip.due')}</th>
                  <th>{t('scheduling.whatif.finishBase')}</th>
                  <th>{t('scheduling.whatif.finishScenario')}</th>
                  <th className="num">{t('scheduling.whatif.delta')}</th>
                </tr>
              </thead>
              <tbody>
                {orders.map((row) => (
                  <tr key={row.order} data-testid="order-delta-row" data-order={row.order}>
                    <td>
                      <strong>{row.moNo}</strong> <span className="muted">{row.itemName}</span>
                    </td>
                    <td className="nowrap">{row.due ? factoryDue(row.due, locale) : '—'}</td>
                    <td className="nowrap">{time(row.baseFinish)}</td>
                    <td className="nowrap">{time(row.scenarioFinish)}</td>
                    <td className={`num nowrap tone-${row.tone}`}>
                      {row.only === 'scenario' ? <span className="badge badge-new">{t('scheduling.whatif.onlyScenario')}</span> : null}
                      {row.only === 'base' ? <span className="badge">{t('scheduling.whatif.onlyBase')}</span> : null}
                      {row.deltaMinutes === undefined ? null : row.deltaMinutes === 0 ? (
                        <span className="muted">{t('scheduling.whatif.unchanged')}</span>
                      ) : (
                        t(row.deltaMinutes > 0 ? 'scheduling.whatif.later' : 'scheduling.whatif.earlier', { duration: durationText(row.deltaMinutes, t) })
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </section>
  );
}
