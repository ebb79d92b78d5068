import { useMemo } from 'react';
import { useI18n } from '../i18n/index.js';
import { FACTORY_TIME_ZONE } from './factory-time.js';
import { HEAD_HEIGHT } from './gantt-layout.js';
import type { TimeScale } from './time-scale.js';

/** The time axis: one band per factory day (weekends tinted), hour ticks in the day zoom. */
export function GanttAxis({ scale }: { scale: TimeScale }) {
  const { locale } = useI18n();
  const dayFormat = useMemo(
    () =>
      new Intl.DateTimeFormat(locale, scale.zoom === 'day' ? { month: '2-digit', day: '2-digit', weekday: 'short', timeZone: FACTORY_TIME_ZONE } : { month: 'numeric', day: 'numeric', timeZone: FACTORY_TIME_ZONE }),
    [locale, scale.zoom],
  );
  const weekdayFormat = useMemo(() => new Intl.DateTimeFormat(locale, { weekday: 'narrow', timeZone: FACTORY_TIME_ZONE }), [locale]);
  const hourFormat = useMemo(() => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: FACTORY_TIME_ZONE }), [locale]);
  return (
    <div className="gantt-axis" style={{ width: scale.width, height: HEAD_HEIGHT }}>
      {scale.days.map((day) => (
        <div key={day.at} className={day.weekday >= 6 ? 'gantt-day weekend' : 'gantt-day'} style={{ left: day.x, width: day.width }}>
          <span className="gantt-day-label">{dayFormat.format(day.at)}</span>
          {scale.zoom === 'week' ? <span className="gantt-weekday">{weekdayFormat.format(day.at)}</span> : null}
        </div>
      ))}
      {scale.hours.map((hour) => (
        <span key={hour.at} className="gantt-hour" style={{ left: hour.x }}>
          {hourFormat.format(hour.at)}
        </span>
      ))}
    </div>
  );
}
