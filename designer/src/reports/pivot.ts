import type { ChartSpec, ReportColumn, ReportResult, ReportValue } from '../api/report-types.js';
import { dimensions, drawnMeasures } from './chart-model.js';

/** A cross table: one row per value of the row dimension, one column per value of the column dimension. */
export interface Pivot {
  readonly rowColumn: ReportColumn;
  readonly columnColumn: ReportColumn;
  readonly measure: ReportColumn;
  readonly rowValues: readonly ReportValue[];
  readonly columnValues: readonly ReportValue[];
  /** cells[row][column]; null where no result row has that pair. */
  readonly cells: readonly (readonly (number | null)[])[];
  /** Sums along rows and columns, only for measures that add up (counts, quantities, money): a sum of percentages means nothing. */
  readonly totals: { readonly rows: readonly number[]; readonly columns: readonly number[]; readonly all: number } | undefined;
}

function keyOf(value: ReportValue | undefined): string {
  return JSON.stringify(value ?? null);
}

function distinct(values: readonly (ReportValue | undefined)[]): ReportValue[] {
  const seen = new Map<string, ReportValue>();
  for (const value of values) if (!seen.has(keyOf(value))) seen.set(keyOf(value), value ?? null);
  return [...seen.values()];
}

function sortedValues(values: ReportValue[]): ReportValue[] {
  return values.sort((a, b) => {
    if (a === null) return 1;
    if (b === null) return -1;
    return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
  });
}

/**
 * Turns grouped rows into a cross table. The row dimension is the chart's `x` (else the first
 * dimension), the column dimension its `series` (else the second); the measure the first drawn one.
 * Rows keep the report's order; columns are sorted, as months and names should read left to right.
 * Undefined when the result has fewer than two dimensions or no visible measure.
 */
export function buildPivot(result: Pick<ReportResult, 'columns' | 'rows' | 'hidden'>, chart: ChartSpec): Pivot | undefined {
  const dims = dimensions(result);
  const rowColumn = dims.find((column) => column.key === chart.x) ?? dims.find((column) => column.key !== chart.series);
  const columnColumn = dims.find((column) => column.key === chart.series && column !== rowColumn) ?? dims.find((column) => column !== rowColumn);
  const measure = drawnMeasures(result, chart)[0];
  if (!rowColumn || !columnColumn || !measure) return undefined;

  const rowValues = distinct(result.rows.map((row) => row[rowColumn.key]));
  const columnValues = sortedValues(distinct(result.rows.map((row) => row[columnColumn.key])));
  const rowIndex = new Map(rowValues.map((value, index) => [keyOf(value), index]));
  const columnIndex = new Map(columnValues.map((value, index) => [keyOf(value), index]));
  const cells = rowValues.map(() => columnValues.map((): number | null => null));
  for (const row of result.rows) {
    const value = row[measure.key];
    const r = rowIndex.get(keyOf(row[rowColumn.key]));
    const c = columnIndex.get(keyOf(row[columnColumn.key]));
    const line = r === undefined ? undefined : cells[r];
    if (line && c !== undefined && typeof value === 'number') line[c] = (line[c] ?? 0) + value;
  }
  const additive = measure.type === 'number' || measure.type === 'money';
  const totals = additive
    ? {
        rows: cells.map((line) => line.reduce<number>((sum, cell) => sum + (cell ?? 0), 0)),
        columns: columnValues.map((_, c) => cells.reduce<number>((sum, line) => sum + (line[c] ?? 0), 0)),
        all: cells.reduce<number>((sum, line) => sum + line.reduce<number>((inner, cell) => inner + (cell ?? 0), 0), 0),
      }
    : undefined;
  return { rowColumn, columnColumn, measure, rowValues, columnValues, cells, totals };
}
