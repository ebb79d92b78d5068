import type { ReportDefinition } from '../../engine/definitions/index.js';
import type { MeasureNode, ReportPlan } from '../../engine/reports/index.js';
import type { DimensionLabels } from './dimension-labels.js';
import { groupColumn, measureColumn } from './report-query.js';
import type { ColumnType, ReportColumn } from './report-types.js';

/** The columns of a run: its groups (dimensions), then the measures computed for this user. */
export function resultColumns(definition: ReportDefinition, plan: ReportPlan, labels: DimensionLabels = new Map()): ReportColumn[] {
  const groups = definition.groupBy ?? [];
  const dimensions = plan.groups.map((group): ReportColumn => {
    const spec = groups.find((candidate) => candidate.as === group.key);
    const type: ColumnType = group.bucket !== undefined || group.field.type === 'date' || group.field.type === 'timestamp' ? 'date' : group.field.type === 'number' ? 'number' : 'string';
    const words = labels.get(group.key);
    return { key: group.key, label: spec?.label ?? { 'zh-CN': group.key, en: group.key }, role: 'dimension', type, ...(words === undefined ? {} : { labels: words }) };
  });
  const measures = plan.measures.map((measure): ReportColumn => {
    const spec = definition.measures.find((candidate) => candidate.id === measure.key)!;
    return { key: measure.key, label: spec.label, role: 'measure', type: measureType(measure, spec.format) };
  });
  return [...dimensions, ...measures];
}

function measureType(measure: MeasureNode, format: string | undefined): ColumnType {
  if (format === 'percent' || format === 'money' || format === 'duration') return format;
  if (measure.agg === 'ratio') return 'percent';
  if (measure.type === 'date' || measure.type === 'timestamp') return 'date';
  if (measure.type === 'string') return 'string';
  return 'number';
}

/** Rows keyed by the definition's names; numeric text (numeric, bigint) as numbers, timestamps as ISO text. */
export function resultRows(plan: ReportPlan, rows: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  return rows.map((row) => {
    const result: Record<string, unknown> = {};
    plan.groups.forEach((group, index) => {
      const value = row[groupColumn(index)];
      result[group.key] = value instanceof Date ? value.toISOString() : group.field.type === 'number' && value !== null ? Number(value) : (value ?? null);
    });
    plan.measures.forEach((measure, index) => {
      const value = row[measureColumn(index)];
      if (value === null || value === undefined) result[measure.key] = null;
      else if (value instanceof Date) result[measure.key] = value.toISOString();
      else result[measure.key] = measure.type === 'number' ? Number(value) : value;
    });
    return result;
  });
}
