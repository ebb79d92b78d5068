import type { ChartSpec, ReportColumn, ReportResult, ReportRow, ReportValue } from '../api/report-types.js';

/** One drawn series: a measure, or one value of the series dimension. */
export interface ChartSeries {
  readonly name: string;
  readonly measure: ReportColumn;
  /** One value per category; null where the result has no row for it. */
  readonly values: readonly (number | null)[];
  /** The dimension values behind each point, what a click drills into. */
  readonly drillRows: readonly (ReportRow | null)[];
}

/** A result laid out for drawing: categories along the x axis (or pie slices) and the series over them. */
export interface ChartModel {
  readonly categoryColumn: ReportColumn | undefined;
  readonly categories: readonly ReportValue[];
  readonly series: readonly ChartSeries[];
}

export function dimensions(result: Pick<ReportResult, 'columns'>): ReportColumn[] {
  return result.columns.filter((column) => column.role === 'dimension');
}

/** The measures drawn: those the chart names in `y` (in its order), else all; measures the user may not see are never drawn. */
export function drawnMeasures(result: Pick<ReportResult, 'columns' | 'hidden'>, chart: ChartSpec): ReportColumn[] {
  const measures = result.columns.filter((column) => column.role === 'measure' && !result.hidden.includes(column.key));
  if (!chart.y || chart.y.length === 0) return measures;
  return chart.y.map((key) => measures.find((column) => column.key === key)).filter((column): column is ReportColumn => column !== undefined);
}

function numberOf(value: ReportValue | undefined): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

/** The key of a dimension value in a Map: null and '' stay apart from the text 'null'. */
function keyOf(value: ReportValue | undefined): string {
  return JSON.stringify(value ?? null);
}

function pick(row: ReportRow, keys: readonly string[]): ReportRow {
  return Object.fromEntries(keys.map((key) => [key, row[key] ?? null]));
}

/**
 * Lays out rows for a bar, line or pie chart. Categories keep the rows' order (the report sorts).
 * With a series dimension, each of its values becomes a series of the first drawn measure;
 * otherwise each drawn measure is a series.
 */
export function buildChartModel(
  result: Pick<ReportResult, 'columns' | 'rows' | 'hidden'>,
  chart: ChartSpec,
  seriesName: (column: ReportColumn, value?: ReportValue) => string,
): ChartModel {
  const dims = dimensions(result);
  const categoryColumn = dims.find((column) => column.key === chart.x) ?? dims.find((column) => column.key !== chart.series);
  const seriesColumn = chart.series === undefined ? undefined : dims.find((column) => column.key === chart.series && column !== categoryColumn);
  const measures = drawnMeasures(result, chart);
  const categoryKey = categoryColumn?.key;
  const drillKeys = [categoryKey, seriesColumn?.key].filter((key): key is string => key !== undefined);

  const categories: ReportValue[] = [];
  const categoryIndex = new Map<string, number>();
  for (const row of result.rows) {
    const value = categoryKey === undefined ? null : (row[categoryKey] ?? null);
    if (!categoryIndex.has(keyOf(value))) {
      categoryIndex.set(keyOf(value), categories.length);
      categories.push(value);
    }
  }
  const at = (row: ReportRow) => categoryIndex.get(keyOf(categoryKey === undefined ? null : row[categoryKey])) ?? 0;

  if (seriesColumn && measures[0]) {
    const measure = measures[0];
    const bySeries = new Map<string, { name: string; values: (number | null)[]; drillRows: (ReportRow | null)[] }>();
    for (const row of result.rows) {
      const value = row[seriesColumn.key] ?? null;
      let entry = bySeries.get(keyOf(value));
      if (!entry) {
        entry = { name: seriesName(seriesColumn, value), values: categories.map(() => null), drillRows: categories.map(() => null) };
        bySeries.set(keyOf(value), entry);
      }
      entry.values[at(row)] = numberOf(row[measure.key]);
      entry.drillRows[at(row)] = pick(row, drillKeys);
    }
    return { categoryColumn, categories, series: [...bySeries.values()].map((entry) => ({ ...entry, measure })) };
  }

  const series = measures.map((measure): ChartSeries => {
    const values: (number | null)[] = categories.map(() => null);
    const drillRows: (ReportRow | null)[] = categories.map(() => null);
    for (const row of result.rows) {
      values[at(row)] = numberOf(row[measure.key]);
      drillRows[at(row)] = pick(row, drillKeys);
    }
    return { name: seriesName(measure), measure, values, drillRows };
  });
  return { categoryColumn, categories, series };
}

/** The row a click on a point stands for; undefined where nothing was drawn. */
export function drillRowAt(model: ChartModel, seriesIndex: number, dataIndex: number): ReportRow | undefined {
  return model.series[seriesIndex]?.drillRows[dataIndex] ?? undefined;
}

/** A result with nothing to draw: no rows, or every value empty. */
export function isEmptyModel(model: ChartModel): boolean {
  return model.categories.length === 0 || model.series.every((series) => series.values.every((value) => value === null));
}

/** Whether the user may see none of the measures the chart draws (then it says so, instead of "no data"). */
export function allDrawnHidden(result: Pick<ReportResult, 'hidden' | 'chart'>): boolean {
  const wanted = result.chart.y ?? [];
  return wanted.length > 0 && wanted.every((key) => result.hidden.includes(key));
}
