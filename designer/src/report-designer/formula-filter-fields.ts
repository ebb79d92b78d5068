import type { SourceField } from './source-fields.js';

/**
 * The fields a filter formula names, by plain name as the planner offers them (engine/reports
 * formulaFields): a form's fields and its lines' columns, or a workflow or plan-run source's fields.
 * Joined forms and record system fields are left to structured conditions.
 */
export function formulaFilterFields(fields: readonly SourceField[], sourceIsForm: boolean): { name: string; field: SourceField }[] {
  return fields.flatMap((field) => {
    if (field.group === 'data' || field.group === 'line') return [{ name: field.path.slice(field.path.indexOf('.') + 1), field }];
    return !sourceIsForm && field.group === 'system' ? [{ name: field.path, field }] : [];
  });
}

/** The first formula a new formula filter holds: one the planner accepts, for the author to change. */
export function starterFormula(fields: readonly SourceField[], sourceIsForm: boolean): string {
  const named = formulaFilterFields(fields, sourceIsForm);
  const number = named.find(({ field }) => field.type === 'number');
  if (number !== undefined) return `${number.name} > 0`;
  const other = named.find(({ field }) => field.type !== 'timestamp');
  return other === undefined ? 'TRUE' : `NOT ISBLANK(${other.name})`;
}
