import { useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { ScheduleResult } from '../../../engine/planning/generated/planning-types.js';
import type { ScheduleLabels } from '../api/index.js';
import { useI18n } from '../i18n/index.js';
import { GanttAxis } from './gantt-axis.js';
import { HEAD_HEIGHT, LABEL_WIDTH, ROW_HEIGHT, rowAt, rowLayout, type PlacedRow } from './gantt-layout.js';
import { barBox, OUTSOURCED_GROUP, type GanttBar, type GanttGroup, type GanttMode } from './gantt-rows.js';
import { GanttTooltip } from './gantt-tooltip.js';
import { LockIcon } from './lock-icon.js';
import { orderColour } from './order-colour.js';
import type { ScrollSync } from './scroll-sync.js';
import type { ShopEventSubject } from './shop-event-dialog.js';
import { timeAt, xOf, type TimeScale } from './time-scale.js';

export interface GanttDrop {
  readonly bar: GanttBar;
  /** Set when the bar was dropped on another machine's row. */
  readonly machine: string | undefined;
  readonly start: number;
}

export interface GanttChartProps {
  readonly groups: readonly GanttGroup[];
  /** By order, a row already names the order: its bars name the operation and machine instead. */
  readonly mode: GanttMode;
  readonly scale: TimeScale;
  readonly now: number;
  /** The instant the chart scrolls to when it opens or changes zoom (see openingInstant). */
  readonly openAt: number;
  readonly result: ScheduleResult;
  readonly labels: ScheduleLabels;
  /** Operations to outline: what a draft inserts or moves. */
  readonly changed?: ReadonlySet<string>;
  /** Called with the horizontal scroll position, and told it, so the Gantts of a comparison scroll together. */
  readonly scrollSync?: ScrollSync;
  /** Without it the bars do not move (a draft, a what-if). Resolves once the server has answered. */
  readonly onDrop?: (drop: GanttDrop) => Promise<unknown>;
  /** Without it there is nothing to report (a draft, a what-if): a machine's breakdown, or an operation finished. */
  readonly onReport?: (subject: ShopEventSubject) => void;
  readonly testId: string;
}

interface Drag {
  readonly bar: GanttBar;
  readonly pointerX: number;
  readonly pointerY: number;
  readonly dx: number;
  readonly target: PlacedRow | undefined;
  readonly origin: PlacedRow;
  readonly pending: boolean;
}

/** Operation ids are unique within their order; the runtime's also name the order, the engine's need not. */
const same = (a: GanttBar, b: GanttBar) => a.order === b.order && a.operation === b.operation;

/** Room left of where the chart opens: in the day zoom three hours, in the week zoom most of a day. */
const OPEN_MARGIN_PX = 120;

/** A click is not a drag: the pointer must travel a few pixels before the bar follows. */
const DRAG_THRESHOLD = 4;

/**
 * A resource Gantt drawn with plain DOM: rows stacked by rowLayout, bars placed by the time scale. A
 * bar dragged to another time or machine row is shown where it was dropped until the server answers;
 * a refused move simply clears the drag, which puts the bar back where the schedule has it.
 */
export function GanttChart({ groups, mode, scale, now, openAt, result, labels, changed, scrollSync, onDrop, onReport, testId }: GanttChartProps) {
  const { t } = useI18n();
  const layout = useMemo(() => rowLayout(groups), [groups]);
  const rowsRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [hover, setHover] = useState<{ bar: GanttBar; x: number; y: number } | null>(null);
  const [menu, setMenu] = useState<{ bar: GanttBar; x: number; y: number } | null>(null);
  // A drag ends with a click on the bar: only a click where the press began opens the bar's menu.
  const pressedAt = useRef<{ x: number; y: number } | null>(null);
  const isClick = (event: { clientX: number; clientY: number }) => {
    const pressed = pressedAt.current;
    return pressed !== null && Math.abs(event.clientX - pressed.x) < DRAG_THRESHOLD && Math.abs(event.clientY - pressed.y) < DRAG_THRESHOLD;
  };
  const dues = useMemo(() => new Map(result.orders.map((order) => [order.order, order.due === undefined ? undefined : Date.parse(order.due)])), [result]);
  const nowX = xOf(scale, now);

  useEffect(() => {
    const element = scrollRef.current;
    if (!scrollSync || !element) return;
    return scrollSync.register(element);
  }, [scrollSync]);

  // A new chart or zoom opens a little before its work (now, or the first operation when that is later), not
  // on a stretch of empty days; a new run of the same span keeps the planner's scroll position.
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollLeft = Math.max(0, xOf(scale, openAt) - OPEN_MARGIN_PX);
  }, [scale.zoom, scale.start]);

  const rowUnder = (clientY: number) => {
    const top = rowsRef.current?.getBoundingClientRect().top ?? 0;
    return rowAt(layout, clientY - top);
  };

  const startDrag = (event: ReactPointerEvent, bar: GanttBar, origin: PlacedRow) => {
    pressedAt.current = { x: event.clientX, y: event.clientY };
    if (!onDrop || bar.fixed || drag?.pending || event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    setHover(null);
    setDrag({ bar, pointerX: event.clientX, pointerY: event.clientY, dx: 0, target: origin, origin, pending: false });
  };

  const moveDrag = (event: ReactPointerEvent) => {
    if (!drag || drag.pending) return;
    const dx = event.clientX - drag.pointerX;
    const moved = Math.abs(dx) >= DRAG_THRESHOLD || Math.abs(event.clientY - drag.pointerY) >= DRAG_THRESHOLD;
    setDrag({ ...drag, dx: moved ? dx : 0, target: moved ? rowUnder(event.clientY) : drag.origin });
  };

  const endDrag = (event: ReactPointerEvent) => {
    if (!drag || drag.pending || !onDrop) return;
    event.currentTarget.releasePointerCapture(event.pointerId);
    const target = drag.target;
    const machine = target?.row.machine !== undefined && target.row.machine !== drag.bar.machine ? target.row.machine : undefined;
    if ((drag.dx === 0 && machine === undefined) || target === undefined || target.group.id === OUTSOURCED_GROUP) {
      setDrag(null);
      return;
    }
    const start = timeAt(scale, barBox(drag.bar, scale).left + drag.dx);
    setDrag({ ...drag, pending: true });
    void onDrop({ bar: drag.bar, machine, start }).finally(() => setDrag(null));
  };

  return (
    <div className="gantt" data-testid={testId}>
      <div className="gantt-scroll" ref={scrollRef}>
        <div className="gantt-canvas" style={{ width: LABEL_WIDTH + scale.width }}>
          <div className="gantt-head" style={{ height: HEAD_HEIGHT }}>
            <div className="gantt-corner" style={{ width: LABEL_WIDTH }} />
            <GanttAxis scale={scale} />
          </div>
          <div className="gantt-rows" ref={rowsRef} style={{ height: layout.height }}>
            <div className="gantt-grid" style={{ left: LABEL_WIDTH, width: scale.width }} aria-hidden="true">
              {scale.days.map((day) => (
                <div key={day.at} className={day.weekday >= 6 ? 'gantt-grid-day weekend' : 'gantt-grid-day'} style={{ left: day.x, width: day.width }} />
              ))}
              {nowX >= 0 && nowX <= scale.width ? (
                <div className="gantt-now" style={{ left: nowX }} data-testid="gantt-now">
                  <span>{t('scheduling.legend.now')}</span>
                </div>
              ) : null}
            </div>
            {layout.groups
              .filter((placed) => placed.headed)
              .map(({ group, top }) => (
                <div key={`group-${group.id}`} className="gantt-group" style={{ top, width: LABEL_WIDTH + scale.width }}>
                  <div className="gantt-label gantt-group-label" style={{ width: LABEL_WIDTH }}>
                    <strong>{group.id === OUTSOURCED_GROUP ? t('scheduling.outsourced') : group.label}</strong>
                    <span className="muted">{group.detail}</span>
                  </div>
                </div>
              ))}
            {layout.rows.map((placed) => {
              const { row, top } = placed;
              const isTarget = drag !== null && drag.dx !== 0 && drag.target?.row.id === row.id;
              return (
                <div key={`${placed.group.id}/${row.id}`} className={isTarget ? 'gantt-row drop-target' : 'gantt-row'} style={{ top, height: ROW_HEIGHT }} data-testid="gantt-row" data-row={row.id}>
                  <div className={row.late ? 'gantt-label late' : 'gantt-label'} style={{ width: LABEL_WIDTH }} title={row.detail || row.label}>
                    <span className="gantt-row-name">{row.label}</span>
                    {row.detail ? <span className="gantt-row-detail">{row.detail}</span> : null}
                    {onReport && row.machine !== undefined ? (
                      <button
                        type="button"
                        className="gantt-row-action"
                        title={t('scheduling.event.breakdownHint', { machine: row.machine })}
                        onClick={() => onReport({ kind: 'machine-down', machine: row.machine! })}
                        data-testid="report-breakdown"
                        data-machine={row.machine}
                      >
                        {t('scheduling.event.breakdown')}
                      </button>
                    ) : null}
                  </div>
                  {row.bars.map((bar) => {
                    const box = barBox(bar, scale);
                    const dragged = drag && same(drag.bar, bar) ? drag : null;
                    const offsetY = dragged?.target ? dragged.target.top - placed.top : 0;
                    const classes = ['gantt-bar', bar.late ? 'late' : '', bar.fixed ? 'fixed' : '', onDrop && !bar.fixed ? 'movable' : '', onReport ? 'reportable' : '', dragged ? 'dragging' : '', changed?.has(bar.operation) ? 'changed' : '', dragged?.pending ? 'pending' : '']
                      .filter(Boolean)
                      .join(' ');
                    const order = labels.orders[bar.order];
                    const operation = labels.operations[bar.operation];
                    return (
                      <div
                        key={`${bar.order}/${bar.operation}`}
                        className={classes}
                        style={{
                          left: LABEL_WIDTH + box.left,
                          width: box.width,
                          transform: dragged ? `translate(${dragged.dx}px, ${offsetY}px)` : undefined,
                          ['--bar-colour' as string]: orderColour(bar.order),
                          ['--setup-width' as string]: `${Math.min(box.width, bar.setupMinutes * scale.pxPerMinute)}px`,
                        }}
                        data-testid="gantt-bar"
                        data-operation={bar.operation}
                        data-late={bar.late ? 'true' : 'false'}
                        data-fixed={bar.fixed ? 'true' : 'false'}
                        data-changed={changed?.has(bar.operation) ? 'true' : undefined}
                        onPointerDown={(event) => startDrag(event, bar, placed)}
                        onPointerMove={moveDrag}
                        onPointerUp={endDrag}
                        onPointerCancel={() => setDrag(null)}
                        onClick={(event) => (onReport && !drag?.pending && isClick(event) ? setMenu({ bar, x: event.clientX, y: event.clientY }) : undefined)}
                        onPointerEnter={(event) => (drag ? undefined : setHover({ bar, x: event.clientX, y: event.clientY }))}
                        onPointerLeave={() => setHover(null)}
                      >
                        {bar.fixed ? <LockIcon /> : null}
                        <span className="gantt-bar-text">
                          {mode === 'orders' ? (bar.machine ?? t('scheduling.outsourced')) : (order?.moNo ?? bar.order)} · {operation ? `${operation.opNo} ${operation.name}` : bar.operation}
                        </span>
                      </div>
                    );
                  })}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      {menu && onReport ? (
        <div className="bar-menu-backdrop" onPointerDown={() => setMenu(null)}>
          <div className="bar-menu" role="menu" style={{ left: Math.min(menu.x, window.innerWidth - 220), top: menu.y + 8 }} onPointerDown={(event) => event.stopPropagation()} data-testid="bar-menu">
            <div className="bar-menu-title">
              {labels.orders[menu.bar.order]?.moNo ?? menu.bar.order} · {labels.operations[menu.bar.operation]?.name ?? menu.bar.operation}
            </div>
            <button
              type="button"
              role="menuitem"
              onClick={() => {
                setMenu(null);
                onReport({ kind: 'operation-finished', bar: menu.bar });
              }}
              data-testid="bar-report-finished"
            >
              {t('scheduling.event.reportFinished')}
            </button>
          </div>
        </div>
      ) : null}
      {hover && !drag && !menu ? (
        <GanttTooltip bar={hover.bar} labels={labels} lateMinutes={Math.max(0, (hover.bar.end - (dues.get(hover.bar.order) ?? hover.bar.end)) / 60_000)} x={hover.x} y={hover.y} />
      ) : null}
    </div>
  );
}
