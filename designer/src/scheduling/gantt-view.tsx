import { useMemo, useState } from 'react';
import type { ScheduleResult } from '../../../engine/planning/generated/planning-types.js';
import type { ScheduleLabels } from '../api/index.js';
import { useI18n } from '../i18n/index.js';
import { FACTORY_UTC_OFFSET_MINUTES } from './factory-time.js';
import { GanttChart, type GanttDrop } from './gantt-chart.js';
import { defaultZoom, machineGroups, openingInstant, orderRows, scheduleSpan, type GanttGroup, type GanttMode } from './gantt-rows.js';
import { createScrollSync } from './scroll-sync.js';
import type { ShopEventSubject } from './shop-event-dialog.js';
import { GANTT_ZOOMS, timeScale, type GanttZoom } from './time-scale.js';

export interface GanttSchedule {
  readonly key: string;
  readonly title?: string;
  readonly result: ScheduleResult;
  readonly testId: string;
  readonly changed?: ReadonlySet<string>;
}

export interface GanttViewProps {
  readonly schedules: readonly GanttSchedule[];
  readonly labels: ScheduleLabels;
  readonly now: number;
  readonly onDrop?: (drop: GanttDrop) => Promise<unknown>;
  readonly onReport?: (subject: ShopEventSubject) => void;
}

/** One or more Gantts on one time scale, so a comparison's bars line up, with the by-machine/by-order and zoom switches. */
export function GanttView({ schedules, labels, now, onDrop, onReport }: GanttViewProps) {
  const { t } = useI18n();
  const [mode, setMode] = useState<GanttMode>('machines');
  // Until the planner picks a zoom, the schedule's length picks it.
  const [chosenZoom, setZoom] = useState<GanttZoom | undefined>(undefined);
  const results = useMemo(() => schedules.map((schedule) => schedule.result), [schedules]);
  const zoom = chosenZoom ?? defaultZoom(results, now);
  const openAt = useMemo(() => openingInstant(results, now), [results, now]);
  const [scrollSync] = useState(createScrollSync);
  const scale = useMemo(() => {
    const span = scheduleSpan(
      schedules.map((schedule) => schedule.result),
      now,
    );
    return timeScale({ ...span, zoom, utcOffsetMinutes: FACTORY_UTC_OFFSET_MINUTES });
  }, [schedules, now, zoom]);
  const groupsOf = (result: ScheduleResult): GanttGroup[] =>
    mode === 'machines' ? machineGroups(result, labels) : [{ id: 'orders', label: '', detail: '', rows: orderRows(result, labels) }];
  return (
    <section className="gantt-view">
      <div className="gantt-toolbar">
        <div className="segmented" role="group" aria-label={t('scheduling.view.gantt')}>
          {(['machines', 'orders'] as const).map((value) => (
            <button key={value} type="button" className={value === mode ? 'active' : ''} aria-pressed={value === mode} onClick={() => setMode(value)} data-testid={`gantt-mode-${value}`}>
              {t(`scheduling.mode.${value}`)}
            </button>
          ))}
        </div>
        <div className="segmented" role="group">
          {GANTT_ZOOMS.map((value) => (
            <button key={value} type="button" className={value === zoom ? 'active' : ''} aria-pressed={value === zoom} onClick={() => setZoom(value)} data-testid={`gantt-zoom-${value}`}>
              {t(`scheduling.zoom.${value}`)}
            </button>
          ))}
        </div>
        <ul className="gantt-legend">
          <li>
            <span className="legend-swatch on-time" />
            {t('scheduling.legend.onTime')}
          </li>
          <li>
            <span className="legend-swatch late" />
            {t('scheduling.legend.late')}
          </li>
          <li>
            <span className="legend-swatch fixed" />
            {t('scheduling.legend.fixed')}
          </li>
          <li>
            <span className="legend-swatch setup" />
            {t('scheduling.legend.setup')}
          </li>
          <li>
            <span className="legend-swatch now" />
            {t('scheduling.legend.now')}
          </li>
        </ul>
      </div>
      {schedules.map((schedule) => (
        <div key={schedule.key} className="gantt-block">
          {schedule.title ? <h3 className="gantt-title">{schedule.title}</h3> : null}
          {schedule.result.operations.length === 0 ? (
            <div className="empty-state">{t('scheduling.emptyGantt')}</div>
          ) : (
            <GanttChart
              groups={groupsOf(schedule.result)}
              mode={mode}
              {...(schedules.length > 1 ? { scrollSync } : {})}
              {...(schedule.changed ? { changed: schedule.changed } : {})}
              scale={scale}
              now={now}
              openAt={openAt}
              result={schedule.result}
              labels={labels}
              testId={schedule.testId}
              {...(onDrop ? { onDrop } : {})}
              {...(onReport ? { onReport } : {})}
            />
          )}
        </div>
      ))}
    </section>
  );
}
