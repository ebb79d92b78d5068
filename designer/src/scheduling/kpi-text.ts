import type { MessageId, MessageParams } from '../i18n/index.js';
import type { I18n } from '../i18n/index.js';
import type { KpiPair } from './comparison-rows.js';
import { durationText, factoryShortTime } from './factory-time.js';

type Texts = Pick<I18n, 'locale' | 'number'> & { t: (id: MessageId, params?: MessageParams) => string };

const percent = (value: number, locale: string) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
const hours = (minutes: number, texts: Texts) => texts.number(Math.round(minutes / 6) / 10);

/** A KPI's value as the strip shows it: tardiness in weighted hours, the makespan as a factory date-time. */
export function kpiValue(pair: KpiPair, side: 'base' | 'scenario', texts: Texts): string {
  const value = pair[side];
  switch (pair.key) {
    case 'weightedTardiness':
      return texts.t('scheduling.kpi.tardinessValue', { hours: hours(value, texts) });
    case 'makespan':
      return factoryShortTime(value, texts.locale);
    case 'ordersLate':
      return texts.number(value);
    case 'utilisation':
      return percent(value, texts.locale);
  }
}

/** The change from base to scenario with its sign; empty when nothing changed. */
export function kpiDelta(pair: KpiPair, texts: Texts): string {
  if (pair.delta === 0 || (pair.key === 'utilisation' && Math.abs(pair.delta) < 0.005)) return '';
  const sign = pair.delta > 0 ? '+' : '−';
  switch (pair.key) {
    case 'weightedTardiness':
      return `${sign}${texts.t('scheduling.kpi.tardinessValue', { hours: hours(Math.abs(pair.delta), texts) })}`;
    case 'makespan':
      return `${sign}${durationText(pair.delta, texts.t)}`;
    case 'ordersLate':
      return `${sign}${texts.number(Math.abs(pair.delta))}`;
    case 'utilisation':
      return `${sign}${texts.number(Math.round(Math.abs(pair.delta) * 100))} pp`;
  }
}
