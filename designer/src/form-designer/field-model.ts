/**
 * The form designer's model of a form: a list of typed fields, each with what its properties panel
 * edits. `toDefinition` writes the form definition the engine runs and `fromDefinition` reads one back;
 * every other top-level key is carried along in `rest` in its place (computed fields, defaults, rules,
 * permissions and access are changed there by field-logic.ts), as are unknown schema keywords, so
 * opening and saving a form never loses or reorders what the designer does not model.
 */
import type { FieldWidth, FormDefinition, FormSection, LocalizedText } from '../../../engine/definitions/generated/definition-types.js';

/** Each maps to what the engine runs (docs/form-designer.md has the table). */
export const FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'money',
  'date',
  'dateTime',
  'choice',
  'multiChoice',
  'yesNo',
  'member',
  'department',
  'lookup',
  'attachments',
  'serial',
  'table',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Types a sub-table column may have (attachments are top-level fields only). */
export const COLUMN_TYPES: readonly FieldType[] = ['text', 'textarea', 'number', 'money', 'date', 'dateTime', 'choice', 'yesNo', 'member', 'department'];

/** Types whose values are chosen from `options`. */
export function hasOptions(type: FieldType): boolean {
  return type === 'choice' || type === 'multiChoice';
}

export interface ChoiceOption {
  value: string;
  label: LocalizedText;
}

export interface DesignField {
  name: string;
  type: FieldType;
  label: LocalizedText;
  help?: LocalizedText;
  required: boolean;
  /** A constant initial value (the schema's `default`). */
  defaultValue?: string | number | boolean;
  min?: number;
  max?: number;
  maxLength?: number;
  pattern?: string;
  options?: ChoiceOption[];
  /** `fill`: field of this form (a sibling: `lines.unit` for a column) -> field of the picked record. */
  lookup?: { form: string; displayField: string; searchFields?: string[]; fill?: Record<string, string> };
  serial?: { prefix: string; digits: number };
  columns?: DesignField[];
  /** The field's width in its row (`layout.widths`); top-level fields only, absent for the default. */
  width?: FieldWidth;
  /** Schema keywords the designer does not edit, kept as they were. */
  extra?: Record<string, unknown>;
}

export interface DesignForm {
  id: string;
  version: number;
  title: LocalizedText;
  fields: DesignField[];
  /** Top-level definition keys outside the field model, in their order (computed, rules, permissions, access, ...; see field-logic.ts). */
  rest: Record<string, unknown>;
  /** uiSchema entries the designer does not write, per field and for the whole form. */
  ui: Record<string, unknown>;
  /** Sections and dividers (`layout.sections`), each starting before a field of `fields`. */
  sections?: FormSection[];
}

type Node = Record<string, unknown>;

/** The rjsf widget a type implies, written by the designer itself (a multiple choice is a checkbox group). */
const OWN_WIDGETS: Partial<Record<FieldType, string>> = { textarea: 'textarea', multiChoice: 'checkboxes' };

const MODELLED_KEYS = new Set(['kind', 'id', 'version', 'title', 'schema', 'uiSchema', 'layout', 'labels', 'help', 'options', 'lookups', 'serials']);

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, fallback: string): LocalizedText {
  if (isNode(value) && typeof value['zh-CN'] === 'string' && typeof value.en === 'string') return { 'zh-CN': value['zh-CN'], en: value.en };
  return { 'zh-CN': fallback, en: fallback };
}

/** The JSON Schema of one field. Keys always come in the same order, so a definition written twice is the same text. */
function fieldSchema(field: DesignField): Node {
  const node: Node = {};
  switch (field.type) {
    case 'text':
    case 'textarea':
      node.type = 'string';
      node.maxLength = field.maxLength ?? (field.type === 'text' ? 100 : 2000);
      if (field.pattern !== undefined) node.pattern = field.pattern;
      break;
    case 'number':
    case 'money':
      node.type = 'number';
      if (field.min !== undefined) node.minimum = field.min;
      if (field.max !== undefined) node.maximum = field.max;
      if (field.type === 'money') node.multipleOf = 0.01;
      break;
    case 'date':
    case 'dateTime':
      node.type = 'string';
      node.format = field.type === 'date' ? 'date' : 'date-time';
      break;
    case 'choice':
      node.type = 'string';
      node.enum = (field.options ?? []).map((option) => option.value);
      break;
    case 'multiChoice':
      node.type = 'array';
      node.uniqueItems = true;
      node.items = { type: 'string', enum: (field.options ?? []).map((option) => option.value) };
      break;
    case 'member':
    case 'department':
      node.type = 'string';
      node['x-ordo-field'] = field.type;
      break;
    case 'attachments':
      node.type = 'array';
      node['x-ordo-field'] = 'attachments';
      break;
    case 'yesNo':
      node.type = 'boolean';
      break;
    case 'lookup':
    case 'serial':
      node.type = 'string';
      node.maxLength = field.type === 'lookup' ? 64 : 40;
      break;
    case 'table': {
      const columns = field.columns ?? [];
      const required = columns.filter((column) => column.required).map((column) => column.name);
      node.type = 'array';
      node.items = {
        type: 'object',
        additionalProperties: false,
        ...(required.length > 0 ? { required } : {}),
        properties: Object.fromEntries(columns.map((column) => [column.name, fieldSchema(column)])),
      };
      break;
    }
  }
  if (field.defaultValue !== undefined) node.default = field.defaultValue;
  return { ...node, ...field.extra };
}

function typeOf(node: Node, lookups: Node, serials: Node, name: string): FieldType {
  const kind = node['x-ordo-field'];
  if (kind === 'member' || kind === 'department' || kind === 'attachments') return kind;
  if (node.type === 'array') return isNode(node.items) && Array.isArray(node.items.enum) ? 'multiChoice' : 'table';
  if (node.format === 'date-time') return 'dateTime';
  if (node.type === 'number' || node.type === 'integer') return node.multipleOf === 0.01 ? 'money' : 'number';
  if (node.type === 'boolean') return 'yesNo';
  if (node.format === 'date') return 'date';
  if (Array.isArray(node.enum)) return 'choice';
  if (name in lookups) return 'lookup';
  if (name in serials) return 'serial';
  return 'text';
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.map(String) : undefined;
}

function readLookup(lookup: Node): NonNullable<DesignField['lookup']> {
  const read: NonNullable<DesignField['lookup']> = { form: String(lookup.form), displayField: String(lookup.displayField) };
  const searchFields = stringList(lookup.searchFields);
  if (searchFields !== undefined) read.searchFields = searchFields;
  if (isNode(lookup.fill)) read.fill = Object.fromEntries(Object.entries(lookup.fill).map(([target, source]) => [target, String(source)]));
  return read;
}

function readSection(section: Node): FormSection {
  const read: FormSection = { id: String(section.id) };
  if (section.title !== undefined) read.title = text(section.title, '');
  if (typeof section.before === 'string') read.before = section.before;
  return read;
}

interface Sources {
  labels: Node;
  help: Node;
  options: Node;
  lookups: Node;
  serials: Node;
  ui: Node;
}

function readField(path: string, name: string, node: Node, required: boolean, sources: Sources): DesignField {
  const type = typeOf(node, sources.lookups, sources.serials, path);
  const uiNode = isNode(sources.ui[name]) ? sources.ui[name] : {};
  const field: DesignField = { name, type: type === 'text' && uiNode['ui:widget'] === 'textarea' ? 'textarea' : type, label: text(sources.labels[path], name), required };
  if (sources.help[path] !== undefined) field.help = text(sources.help[path], '');
  if (node.default !== undefined && (typeof node.default === 'string' || typeof node.default === 'number' || typeof node.default === 'boolean')) field.defaultValue = node.default;
  if (typeof node.minimum === 'number') field.min = node.minimum;
  if (typeof node.maximum === 'number') field.max = node.maximum;
  if (typeof node.maxLength === 'number') field.maxLength = node.maxLength;
  if (typeof node.pattern === 'string') field.pattern = node.pattern;
  const values = field.type === 'multiChoice' && isNode(node.items) ? node.items.enum : node.enum;
  if (hasOptions(field.type) && Array.isArray(values)) {
    const labels = isNode(sources.options[path]) ? sources.options[path] : {};
    field.options = values.map((value) => ({ value: String(value), label: text(labels[String(value)], String(value)) }));
  }
  const lookup = sources.lookups[path];
  if (field.type === 'lookup' && isNode(lookup)) field.lookup = readLookup(lookup);
  const serial = sources.serials[path];
  if (field.type === 'serial' && isNode(serial)) field.serial = { prefix: String(serial.prefix), digits: Number(serial.digits) };
  if (field.type === 'table' && isNode(node.items)) {
    const items = node.items;
    const columnRequired = Array.isArray(items.required) ? items.required : [];
    const properties = isNode(items.properties) ? items.properties : {};
    field.columns = Object.entries(properties).map(([column, columnNode]) =>
      readField(`${path}.${column}`, column, isNode(columnNode) ? columnNode : {}, columnRequired.includes(column), { ...sources, ui: isNode(uiNode.items) ? uiNode.items : {} }),
    );
  }
  // Whatever the designer would not write itself (exclusiveMinimum, minLength, an object default) stays as it was.
  const written = fieldSchema(field);
  const extra = Object.fromEntries(Object.entries(node).filter(([key]) => !(key in written) && !(key === 'default' && field.defaultValue !== undefined)));
  if (Object.keys(extra).length > 0) field.extra = extra;
  return field;
}

/** Reads a definition into the model. Fields keep the order of `ui:order` (then the schema's). */
export function fromDefinition(definition: FormDefinition): DesignForm {
  const source = definition as unknown as Node;
  const schema = isNode(source.schema) ? source.schema : {};
  const properties = isNode(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required : [];
  const ui = isNode(source.uiSchema) ? source.uiSchema : {};
  const sources: Sources = {
    labels: isNode(source.labels) ? source.labels : {},
    help: isNode(source.help) ? source.help : {},
    options: isNode(source.options) ? source.options : {},
    lookups: isNode(source.lookups) ? source.lookups : {},
    serials: isNode(source.serials) ? source.serials : {},
    ui,
  };
  const fields = Object.entries(properties).map(([name, node]) => readField(name, name, isNode(node) ? node : {}, required.includes(name), sources));
  const order = Array.isArray(ui['ui:order']) ? ui['ui:order'].filter((name): name is string => typeof name === 'string') : [];
  const position = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length + fields.findIndex((field) => field.name === name));
  fields.sort((a, b) => position(a.name) - position(b.name));
  const layout = isNode(source.layout) ? source.layout : {};
  const widths = isNode(layout.widths) ? layout.widths : {};
  for (const field of fields) {
    const width = widths[field.name];
    if (width === 'full' || width === 'half' || width === 'third') field.width = width;
  }
  const model: DesignForm = {
    id: definition.id,
    version: definition.version,
    title: text(definition.title, definition.id),
    fields,
    rest: Object.fromEntries(Object.entries(source).filter(([key]) => !MODELLED_KEYS.has(key))),
    ui: remainingUi(ui, fields),
  };
  if (Array.isArray(layout.sections)) model.sections = layout.sections.filter(isNode).map(readSection);
  return model;
}

/** uiSchema the designer does not write: anything but `ui:order` and the textarea widgets it sets itself. */
function remainingUi(ui: Node, fields: readonly DesignField[]): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(ui)) {
    if (key === 'ui:order') continue;
    const field = fields.find((candidate) => candidate.name === key);
    if (field !== undefined && isNode(value)) {
      const { 'ui:widget': widget, ...others } = value;
      const ownWidget = widget === undefined || widget === OWN_WIDGETS[field.type];
      const kept: Node = ownWidget ? others : { ...value };
      if (field.type === 'table' && isNode(kept.items)) {
        const items = remainingUi(kept.items, field.columns ?? []);
        if (Object.keys(items).length > 0) kept.items = items;
        else delete kept.items;
      }
      if (Object.keys(kept).length > 0) rest[key] = kept;
      continue;
    }
    rest[key] = value;
  }
  return rest;
}

function put(target: Node, key: string, entries: [string, unknown][]): void {
  if (entries.length > 0) target[key] = Object.fromEntries(entries);
}

function eachField(fields: readonly DesignField[], visit: (path: string, field: DesignField) => void, prefix = ''): void {
  for (const field of fields) {
    visit(`${prefix}${field.name}`, field);
    if (field.type === 'table') eachField(field.columns ?? [], visit, `${field.name}.`);
  }
}

/** Writes the definition the engine runs, keys in a fixed order. */
export function toDefinition(model: DesignForm): FormDefinition {
  const required = model.fields.filter((field) => field.required).map((field) => field.name);
  const uiSchema: Node = { 'ui:order': model.fields.map((field) => field.name) };
  for (const field of model.fields) {
    const widget = OWN_WIDGETS[field.type];
    const own: Node = widget === undefined ? {} : { 'ui:widget': widget };
    const columnsUi: Node = {};
    for (const column of field.columns ?? []) if (column.type === 'textarea') columnsUi[column.name] = { 'ui:widget': 'textarea' };
    const kept = isNode(model.ui[field.name]) ? (model.ui[field.name] as Node) : {};
    const merged = { ...own, ...kept, ...(Object.keys(columnsUi).length > 0 ? { items: { ...(isNode(kept.items) ? kept.items : {}), ...columnsUi } } : {}) };
    if (Object.keys(merged).length > 0) uiSchema[field.name] = merged;
  }
  for (const [key, value] of Object.entries(model.ui)) if (!(key in uiSchema)) uiSchema[key] = value;

  const labels: [string, unknown][] = [];
  const help: [string, unknown][] = [];
  const options: [string, unknown][] = [];
  const lookups: [string, unknown][] = [];
  const serials: [string, unknown][] = [];
  eachField(model.fields, (path, field) => {
    labels.push([path, field.label]);
    if (field.help !== undefined) help.push([path, field.help]);
    if (field.options !== undefined && field.options.length > 0) options.push([path, Object.fromEntries(field.options.map((option) => [option.value, option.label]))]);
    if (field.type === 'lookup' && field.lookup !== undefined) lookups.push([path, { ...field.lookup }]);
    if (field.type === 'serial' && field.serial !== undefined) serials.push([path, { ...field.serial }]);
  });

  const definition: Node = {
    kind: 'form',
    id: model.id,
    version: model.version,
    title: model.title,
    schema: {
      type: 'object',
      additionalProperties: false,
      ...(required.length > 0 ? { required } : {}),
      properties: Object.fromEntries(model.fields.map((field) => [field.name, fieldSchema(field)])),
    },
    uiSchema,
  };
  const layout: Node = {};
  if (model.sections !== undefined && model.sections.length > 0) {
    layout.sections = model.sections.map((section) => ({ id: section.id, ...(section.title === undefined ? {} : { title: section.title }), ...(section.before === undefined ? {} : { before: section.before }) }));
  }
  put(layout, 'widths', model.fields.flatMap((field) => (field.width === undefined ? [] : [[field.name, field.width] as [string, unknown]])));
  if (Object.keys(layout).length > 0) definition.layout = layout;
  put(definition, 'labels', labels);
  put(definition, 'help', help);
  put(definition, 'options', options);
  put(definition, 'lookups', lookups);
  put(definition, 'serials', serials);
  return { ...definition, ...model.rest } as unknown as FormDefinition;
}

/** The text the JSON view shows and the draft stores. */
export function definitionText(model: DesignForm): string {
  return `${JSON.stringify(toDefinition(model), null, 2)}\n`;
}
