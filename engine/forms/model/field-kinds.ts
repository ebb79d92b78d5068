import type { OrdoFieldKind } from '../../definitions/generated/definition-types.js';
import type { DefinitionProblems } from './definition-problems.js';
import type { FieldShape } from './field-discovery.js';
import { getOwn, isPlainObject, pointerOf, type JsonObject } from './json-data.js';

/** The schema keyword that marks fields JSON Schema alone cannot describe (pickers, attachments). */
export const ORDO_FIELD_KEYWORD = 'x-ordo-field';

const KINDS: readonly OrdoFieldKind[] = ['member', 'department', 'attachments'];

/** Largest number of files one attachment field may hold when its schema gives no `maxItems`. */
export const MAX_ATTACHMENTS_PER_FIELD = 20;

/**
 * What an attachment field's value is: the files the server stored, as the upload route answered them.
 * The engine supplies these `items`, so a definition cannot loosen them.
 */
export const ATTACHMENT_ITEMS_SCHEMA: Readonly<JsonObject> = Object.freeze({
  type: 'object',
  required: ['id', 'name', 'size', 'type'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string', minLength: 1, maxLength: 255 },
    size: { type: 'integer', minimum: 0 },
    type: { type: 'string', maxLength: 100 },
  },
});

/** The `x-ordo-field` of a field schema, when it names a kind the engine knows. */
export function ordoFieldKindOf(schema: Readonly<JsonObject>): OrdoFieldKind | undefined {
  const kind = getOwn(schema, ORDO_FIELD_KEYWORD);
  return KINDS.includes(kind as OrdoFieldKind) ? (kind as OrdoFieldKind) : undefined;
}

/** A multiple choice: an array of values from a list (`items.enum`), each chosen at most once. */
export function isMultipleChoiceSchema(schema: Readonly<JsonObject>): boolean {
  const items = getOwn(schema, 'items');
  return getOwn(schema, 'type') === 'array' && isPlainObject(items) && Array.isArray(items['enum']);
}

/** The values a choice field offers: its own `enum`, or its items' for a multiple choice. */
export function choiceValuesOf(schema: Readonly<JsonObject>): readonly unknown[] | undefined {
  const values = getOwn(schema, 'enum');
  if (Array.isArray(values)) return values;
  if (!isMultipleChoiceSchema(schema)) return undefined;
  return (getOwn(schema, 'items') as JsonObject)['enum'] as unknown[];
}

/** Each kind fits one shape: pickers hold one string, attachments are a top-level list whose items the engine supplies. */
export function checkFieldKinds(shapes: readonly FieldShape[], problems: DefinitionProblems): void {
  for (const shape of shapes) {
    const declared = getOwn(shape.schema, ORDO_FIELD_KEYWORD);
    if (declared === undefined) continue;
    const pointer = shape.subTable === undefined
      ? pointerOf('schema', 'properties', shape.name, ORDO_FIELD_KEYWORD)
      : `${pointerOf('schema', 'properties', shape.subTable, 'items', 'properties', shape.name, ORDO_FIELD_KEYWORD)}`;
    const kind = ordoFieldKindOf(shape.schema);
    if (kind === undefined) {
      problems.add(pointer, 'fieldKind', `${ORDO_FIELD_KEYWORD} must be one of ${KINDS.join(', ')}`);
      continue;
    }
    if (kind !== 'attachments') {
      if (shape.jsonType !== 'string') problems.add(pointer, 'fieldKind', `a ${kind} field holds one id, so its schema type must be "string"`);
      continue;
    }
    if (shape.subTable !== undefined) problems.add(pointer, 'fieldKind', 'attachments are top-level fields only, not sub-table columns');
    else if (shape.jsonType !== 'array' || getOwn(shape.schema, 'items') !== undefined) {
      problems.add(pointer, 'fieldKind', 'an attachments field is `{"type": "array", "x-ordo-field": "attachments"}` (optionally `maxItems`); the engine supplies its items');
    }
  }
}
