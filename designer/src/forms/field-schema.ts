import type { FormDefinition } from '../../../engine/definitions/generated/definition-types.js';
import type { Locale } from '../../../engine/errors/index.js';

/** `choices` is a multiple choice (a list of enum values), `files` an attachment list. */
export type FieldKind = 'text' | 'number' | 'date' | 'datetime' | 'boolean' | 'table' | 'choices' | 'files' | 'other';

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
  if (type === 'array') {
    if (node['x-ordo-field'] === 'attachments') return 'files';
    return isNode(node.items) && Array.isArray(node.items.enum) ? 'choices' : 'table';
  }
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

function orderedNames(names: readonly string[], ui: unknown): string[] {
  const order = typeof ui === 'object' && ui !== null ? (ui as Record<string, unknown>)['ui:order'] : undefined;
  if (!Array.isArray(order)) return [...names];
  const listed = order.filter((name): name is string => typeof name === 'string' && names.includes(name));
  return [...listed, ...names.filter((name) => !listed.includes(name))];
}

/** Every field path in the order the form shows them (`ui:order` first), each sub-table followed by its columns. */
export function fieldOrder(definition: FormDefinition): string[] {
  const ui = definition.uiSchema ?? {};
  const paths: string[] = [];
  for (const name of orderedNames(topLevelFields(definition), ui)) {
    paths.push(name);
    const items = fieldSchema(definition, name)?.items;
    const columns = typeof items === 'object' && items !== null ? (items as { properties?: unknown }).properties : undefined;
    if (typeof columns !== 'object' || columns === null) continue;
    const tableUi = (ui as Record<string, unknown>)[name];
    const itemsUi = typeof tableUi === 'object' && tableUi !== null ? (tableUi as Record<string, unknown>).items : undefined;
    for (const column of orderedNames(Object.keys(columns), itemsUi)) paths.push(`${name}.${column}`);
  }
  return paths;
}
