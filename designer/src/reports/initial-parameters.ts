import type { ParameterSchema } from '../api/report-types.js';
import { localToday, presetRange, type DatePreset } from './date-presets.js';
import { parameterFields, readRange, schemaDefaults, writeRange } from './parameter-fields.js';

/**
 * Where a dashboard or report starts: the schema's defaults, and a date range with no default set
 * to `preset` (this year: a month-old factory still sees its figures).
 */
export function initialParameters(schema: ParameterSchema | undefined, today: string = localToday(), preset: DatePreset = 'thisYear'): Record<string, unknown> {
  let values = schemaDefaults(schema);
  for (const field of parameterFields(schema)) {
    if (field.kind !== 'dateRange') continue;
    const range = readRange(values, field);
    const fallback = presetRange(preset, today);
    if ((!range.from || !range.to) && fallback) values = writeRange(values, field, { from: range.from ?? fallback.from, to: range.to ?? fallback.to });
  }
  return values;
}
