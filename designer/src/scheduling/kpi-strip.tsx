import type { ScheduleKpis } from '../../../engine/planning/generated/planning-types.js';
import { useI18n } from '../i18n/index.js';
import { kpiPairs } from './comparison-rows.js';
import { kpiDelta, kpiValue } from './kpi-text.js';

export interface KpiStripProps {
  readonly kpis: ScheduleKpis;
  /** The committed schedule's figures, when a draft is shown: each KPI then says how it changes. */
  readonly base?: ScheduleKpis;
  readonly orderCount: number;
}

/** The four figures a schedule is judged by; red when there is lateness, the change against the committed run in green or red. */
export function KpiStrip({ kpis, base, orderCount }: KpiStripProps) {
  const texts = useI18n();
  const { t } = texts;
  return (
    <dl className="kpi-strip" data-testid="kpi-strip">
      {kpiPairs(base ?? kpis, kpis).map((pair) => {
        const alarm = (pair.key === 'weightedTardiness' || pair.key === 'ordersLate') && pair.scenario > 0;
        const delta = base ? kpiDelta(pair, texts) : '';
        return (
          <div key={pair.key} className={alarm ? 'kpi alarm' : 'kpi'} data-testid={`kpi-${pair.key}`} title={pair.key === 'weightedTardiness' ? t('scheduling.kpi.tardinessHint') : undefined}>
            <dt>{t(`scheduling.kpi.${pair.key}`)}</dt>
            <dd>
              <span className="kpi-value">{kpiValue(pair, 'scenario', texts)}</span>
              {pair.key === 'ordersLate' ? <span className="kpi-of">{t('scheduling.kpi.ordersOf', { count: orderCount })}</span> : null}
            </dd>
            {delta ? (
              <dd className={`kpi-delta tone-${pair.tone}`} data-testid="kpi-delta">
                {delta} <span className="muted">{t('scheduling.vsCommitted')}</span>
              </dd>
            ) : null}
          </div>
        );
      })}
    </dl>
  );
}
