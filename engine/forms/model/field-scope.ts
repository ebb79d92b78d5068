import type { FieldScope, FieldType } from '../../expressions/index.js';
import type { FormDefinition } from '../../definitions/generated/definition-types.js';
import { DefinitionProblems } from './definition-problems.js';
import { discoverFields, type FieldShape } from './field-discovery.js';

/** The names a formula may use, by where it is evaluated. */
export interface FormScopes {
  readonly header: FieldScope;
  /** For formulas of a sub-table's columns: the line's own columns first, then the header. */
  lineOf(subTable: string): FieldScope;
}

function scalar(shape: FieldShape): FieldType {
  return shape.type === 'table' ? { type: 'any' } : { type: shape.type };
}

export function buildScopes(shapes: readonly FieldShape[]): FormScopes {
  const columnsByTable = new Map<string, Record<string, FieldType>>();
  for (const shape of shapes) {
    if (shape.subTable === undefined) continue;
    const columns = columnsByTable.get(shape.subTable) ?? {};
    columns[shape.name] = scalar(shape);
    columnsByTable.set(shape.subTable, columns);
  }
  const header: Record<string, FieldType> = {};
  for (const shape of shapes) {
    if (shape.subTable !== undefined) continue;
    header[shape.name] =
      shape.type === 'table' ? { type: 'table', columns: Object.freeze({ ...columnsByTable.get(shape.name) }) } : scalar(shape);
  }
  Object.freeze(header);
  const lines = new Map<string, FieldScope>();
  for (const [table, columns] of columnsByTable) lines.set(table, Object.freeze({ ...header, ...columns }));
  return {
    header,
    lineOf: (subTable) => lines.get(subTable) ?? header,
  };
}

/**
 * The top-level fields of a form as formulas outside the form see them (workflow guards and
 * actions). The definition must already have compiled; problems are not collected again here.
 */
export function formFieldScope(definition: FormDefinition): FieldScope {
  return buildScopes(discoverFields(definition.schema, new DefinitionProblems())).header;
}

/** The fields a formula over one line of `subTable` sees: the line's columns, then the header's fields. */
export function formLineScope(definition: FormDefinition, subTable: string): FieldScope {
  return buildScopes(discoverFields(definition.schema, new DefinitionProblems())).lineOf(subTable);
}
