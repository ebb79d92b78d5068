import type { FormDefinition } from '../../../engine/definitions/generated/definition-types.js';
import type { Locale } from '../../../engine/errors/index.js';

export type FieldKind = 'text' | 'number' | 'date' | 'datetime' | 'boolean' | 'table' | 'other';

type SchemaNode = Readonly<Record<string, unknown>>;

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function propertiesOf(node: SchemaNode | undefined): Readonly<Record<string, unknown>> {
  return node && isNode(node.properties) ? node.properties : {};
}

/** The JSON Schema of a field path (`customer` or `lines.qty`), or undefined when the form has no such field. */
export function fieldSchema(definition: FormDefinition, path: string): SchemaNode | undefined {
  const [head, column] = path.split('.');
  const top = definition.schema.properties[head ?? ''];
  if (!isNode(top)) return undefined;
  if (column === undefined) return top;
  const items = top.items;
  if (!isNode(items)) return undefined;
  const node = propertiesOf(items)[column];
  return isNode(node) ? node : undefined;
}

function typeOf(node: SchemaNode): string | undefined {
  if (typeof node.type === 'string') return node.type;
  if (Array.isArray(node.type)) return node.type.find((entry): entry is string => typeof entry === 'string' && entry !== 'null');
  return undefined;
}

export function fieldKind(node: SchemaNode | undefined): FieldKind {
  if (!node) return 'other';
  const type = typeOf(node);
  if (type === 'number' || type === 'integer') return 'number';
  if (type === 'boolean') return 'boolean';
  if (type === 'array') return 'table';
  if (type === 'string') {
    if (node.format === 'date') return 'date';
    if (node.format === 'date-time') return 'datetime';
    return 'text';
  }
  return 'other';
}

/** The field's label in the locale: the definition's `labels`, then the schema's title, then the path itself. */
export function fieldLabel(definition: FormDefinition, path: string, locale: Locale): string {
  const label = definition.labels?.[path];
  if (label) return label[locale] || label.en;
  const node = fieldSchema(definition, path);
  if (node && typeof node.title === 'string') return node.title;
  return path;
}

/** The form's top-level fields in schema order. */
export function topLevelFields(definition: FormDefinition): string[] {
  return Object.keys(definition.schema.properties);
}

/** Columns for the list: the definition's own, else the title field and the next few plain fields. */
export function listColumns(definition: FormDefinition): string[] {
  const configured = definition.list?.columns;
  if (configured && configured.length > 0) return [...configured];
  const plain = topLevelFields(definition).filter((path) => fieldKind(fieldSchema(definition, path)) !== 'table');
  const title = definition.titleField;
  const ordered = title && plain.includes(title) ? [title, ...plain.filter((path) => path !== title)] : plain;
  return ordered.slice(0, 6);
}
