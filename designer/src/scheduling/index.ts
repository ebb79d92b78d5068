export { KPI_KEYS, kpiPairs, orderDeltaRows, overallUtilisation, utilisationRows, type KpiKey, type KpiPair, type OrderDeltaRow, type Tone, type UtilisationRow } from './comparison-rows.js';
export { durationText, FACTORY_TIME_ZONE, FACTORY_UTC_OFFSET_MINUTES, factoryDue, factoryShortTime, factoryTime, fromFactoryLocal, toFactoryLocal } from './factory-time.js';
export { GROUP_HEIGHT, HEAD_HEIGHT, LABEL_WIDTH, ROW_HEIGHT, rowAt, rowLayout, type PlacedRow, type RowLayout } from './gantt-layout.js';
export { barBox, changedOperations, machineGroups, orderRows, OUTSOURCED_GROUP, scheduleSpan, type GanttBar, type GanttGroup, type GanttMode, type GanttRow } from './gantt-rows.js';
export { SchedulingPage } from './scheduling-page.js';
export { createScrollSync, type ScrollSync } from './scroll-sync.js';
export { DAY, factoryDayStart, factoryWeekday, GANTT_ZOOMS, timeAt, timeScale, xOf, type GanttZoom, type TimeScale } from './time-scale.js';
export { newChange, toWhatIfChange, WHATIF_KINDS, type DraftChange, type WhatIfKind } from './whatif-draft.js';
