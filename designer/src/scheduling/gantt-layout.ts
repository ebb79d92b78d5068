import type { GanttGroup, GanttRow } from './gantt-rows.js';

export const ROW_HEIGHT = 40;
export const GROUP_HEIGHT = 30;
export const HEAD_HEIGHT = 46;
export const LABEL_WIDTH = 188;

export interface PlacedRow {
  readonly row: GanttRow;
  readonly group: GanttGroup;
  /** From the top of the rows (below the time axis). */
  readonly top: number;
}

export interface RowLayout {
  readonly groups: readonly { readonly group: GanttGroup; readonly top: number; readonly headed: boolean }[];
  readonly rows: readonly PlacedRow[];
  readonly height: number;
}

/** Rows stacked under their group's heading; a group without a label (the order view's one group) has no heading. */
export function rowLayout(groups: readonly GanttGroup[]): RowLayout {
  let top = 0;
  const placedGroups: { group: GanttGroup; top: number; headed: boolean }[] = [];
  const rows: PlacedRow[] = [];
  for (const group of groups) {
    const headed = group.label !== '';
    placedGroups.push({ group, top, headed });
    if (headed) top += GROUP_HEIGHT;
    for (const row of group.rows) {
      rows.push({ row, group, top });
      top += ROW_HEIGHT;
    }
  }
  return { groups: placedGroups, rows, height: top };
}

/** The row under `y` (pixels from the top of the rows): where a dragged bar lands; a group heading is no row. */
export function rowAt(layout: RowLayout, y: number): PlacedRow | undefined {
  return layout.rows.find((placed) => y >= placed.top && y < placed.top + ROW_HEIGHT);
}
