import type { DataSchema, OrdoFieldKind } from '../../definitions/generated/definition-types.js';
import type { ScalarType } from '../../expressions/index.js';
import { isPlainObject, pointerOf, type JsonObject } from './json-data.js';
import type { DefinitionProblems } from './definition-problems.js';
import { ordoFieldKindOf } from './field-kinds.js';
import type { FieldTypeName, JsonType } from './form-model.js';

/** What the data schema alone says about a field. */
export interface FieldShape {
  readonly path: string;
  readonly name: string;
  readonly subTable?: string;
  readonly schema: JsonObject;
  readonly type: FieldTypeName;
  readonly jsonType?: JsonType;
  readonly format?: string;
  /** The `x-ordo-field` kind: a member or department picker, or attachments. */
  readonly kind?: OrdoFieldKind;
  readonly schemaRequired: boolean;
  readonly columns?: readonly string[];
}

const FIELD_NAME = /^[a-zA-Z][a-zA-Z0-9_]*$/;
const JSON_TYPES: readonly JsonType[] = ['string', 'number', 'integer', 'boolean', 'array', 'object', 'null'];

export function jsonTypeOf(schema: JsonObject): JsonType | undefined {
  const declared = schema['type'];
  const candidates: unknown[] = Array.isArray(declared) ? declared : [declared];
  const type = candidates.find((candidate): candidate is JsonType =>
    JSON_TYPES.includes(candidate as JsonType) && candidate !== 'null',
  );
  if (type !== undefined) return type;
  if (isPlainObject(schema['properties'])) return 'object';
  if (schema['items'] !== undefined) return 'array';
  return undefined;
}

export function isSubTableSchema(schema: JsonObject): boolean {
  const items = schema['items'];
  return jsonTypeOf(schema) === 'array' && isPlainObject(items) && jsonTypeOf(items) === 'object' && isPlainObject(items['properties']);
}

/** How formulas see a scalar field (see "Forms" in docs/architecture.md). */
export function scalarTypeOf(jsonType: JsonType | undefined, format: string | undefined): ScalarType {
  switch (jsonType) {
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'string':
      if (format === 'date') return 'date';
      if (format === 'date-time') return 'datetime';
      return 'text';
    default:
      return 'any';
  }
}

function requiredNames(schema: JsonObject): ReadonlySet<string> {
  const required = schema['required'];
  return new Set(Array.isArray(required) ? required.filter((name): name is string => typeof name === 'string') : []);
}

function shapeOf(name: string, schema: JsonObject, required: boolean, subTable: string | undefined): FieldShape {
  const jsonType = jsonTypeOf(schema);
  const format = typeof schema['format'] === 'string' ? schema['format'] : undefined;
  const kind = ordoFieldKindOf(schema);
  return {
    path: subTable === undefined ? name : `${subTable}.${name}`,
    name,
    ...(subTable === undefined ? {} : { subTable }),
    schema,
    type: scalarTypeOf(jsonType, format),
    ...(jsonType === undefined ? {} : { jsonType }),
    ...(format === undefined ? {} : { format }),
    ...(kind === undefined ? {} : { kind }),
    schemaRequired: required,
  };
}

/**
 * Lists the fields of a data schema: its top-level properties, and for each sub-table (an array of
 * objects) the properties of its items as columns. Sub-tables nest one level only.
 */
export function discoverFields(schema: DataSchema, problems: DefinitionProblems): FieldShape[] {
  const shapes: FieldShape[] = [];
  const root = schema as unknown as JsonObject;
  const properties = isPlainObject(root['properties']) ? root['properties'] : {};
  const required = requiredNames(root);
  for (const [name, property] of Object.entries(properties)) {
    const pointer = pointerOf('schema', 'properties', name);
    if (!FIELD_NAME.test(name)) {
      problems.add(pointer, 'fieldName', `"${name}" is not a valid field name (a letter, then letters, digits or _)`);
      continue;
    }
    if (!isPlainObject(property)) continue;
    if (!isSubTableSchema(property)) {
      shapes.push(shapeOf(name, property, required.has(name), undefined));
      continue;
    }
    const items = property['items'] as JsonObject;
    const columnSchemas = items['properties'] as JsonObject;
    const columnsRequired = requiredNames(items);
    const columns: FieldShape[] = [];
    for (const [columnName, columnSchema] of Object.entries(columnSchemas)) {
      const columnPointer = `${pointer}/items${pointerOf('properties', columnName)}`;
      if (!FIELD_NAME.test(columnName)) {
        problems.add(columnPointer, 'fieldName', `"${columnName}" is not a valid field name (a letter, then letters, digits or _)`);
        continue;
      }
      if (!isPlainObject(columnSchema)) continue;
      if (isSubTableSchema(columnSchema)) {
        problems.add(columnPointer, 'subTable', `sub-table "${name}" cannot contain another sub-table ("${columnName}")`);
        continue;
      }
      columns.push(shapeOf(columnName, columnSchema, columnsRequired.has(columnName), name));
    }
    shapes.push({ ...shapeOf(name, property, required.has(name), undefined), type: 'table', columns: columns.map((c) => c.path) });
    shapes.push(...columns);
  }
  return shapes;
}
