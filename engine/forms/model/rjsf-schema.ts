import type { Locale } from '../../errors/index.js';
import type { FieldNode, FormContext, FormModel } from './form-model.js';
import { isMultipleChoiceSchema } from './field-kinds.js';
import { getOwn, isPlainObject, type JsonObject } from './json-data.js';
import { renderOrder, renderedSections, widthOf } from './form-layout.js';
import { canRead, canWrite } from './permissions.js';

/** What @rjsf/core renders: a JSON Schema and its uiSchema. */
export interface RjsfForm {
  readonly schema: Record<string, unknown>;
  readonly uiSchema: Record<string, unknown>;
}

/** Text comes from `labels` and `help` only, so a uiSchema can never inject its own (or HTML). */
const TEXT_KEYS = new Set(['ui:title', 'ui:description', 'ui:help']);

function cloneJson(value: unknown): JsonObject {
  return isPlainObject(value) ? (JSON.parse(JSON.stringify(value)) as JsonObject) : {};
}

/** rjsf also reads these inside `ui:options`. */
const OPTION_TEXT_KEYS = new Set(['title', 'description', 'help']);

function withoutTextKeys(value: unknown, refused: ReadonlySet<string> = TEXT_KEYS): unknown {
  if (Array.isArray(value)) return value.map((child) => withoutTextKeys(child));
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !refused.has(key))
      .map(([key, child]) => [key, key === 'ui:options' ? withoutTextKeys(child, OPTION_TEXT_KEYS) : withoutTextKeys(child)]),
  );
}

function objectAt(holder: JsonObject, key: string): JsonObject {
  const value = getOwn(holder, key);
  const object = isPlainObject(value) ? value : {};
  holder[key] = object;
  return object;
}

function describe(schema: JsonObject, node: FieldNode, locale: Locale): void {
  schema['title'] = node.label[locale];
  const values = getOwn(schema, 'enum');
  if (node.options !== undefined && Array.isArray(values)) {
    // rjsf shows a `oneOf` of consts by their titles, so the select speaks the user's language.
    delete schema['enum'];
    schema['oneOf'] = values.map((value: unknown) => ({ const: value, title: node.options?.[String(value)]?.[locale] ?? String(value) }));
  }
  if (isMultipleChoiceSchema(schema)) {
    // rjsf renders an array of unique choices as a multi-select or checkbox group, labelled by `oneOf` titles.
    const items = schema['items'] as JsonObject;
    const choices = items['enum'] as unknown[];
    delete items['enum'];
    items['oneOf'] = choices.map((value) => ({ const: value, title: node.options?.[String(value)]?.[locale] ?? String(value) }));
    schema['uniqueItems'] = true;
  }
  if (node.help === undefined) delete schema['description'];
  else schema['description'] = node.help[locale];
}

function decorateUi(ui: JsonObject, node: FieldNode, writable: boolean): void {
  if (node.formula !== undefined || node.serial !== undefined || !writable) ui['ui:readonly'] = true;
  if (node.kind !== undefined) ui['ui:field'] = node.kind;
  if (node.lookup !== undefined) {
    const options = getOwn(ui, 'ui:options');
    ui['ui:field'] = 'lookup';
    ui['ui:options'] = {
      ...(isPlainObject(options) ? options : {}),
      form: node.lookup.form,
      displayField: node.lookup.displayField,
      ...(node.lookup.searchFields === undefined ? {} : { searchFields: [...node.lookup.searchFields] }),
    };
  }
}

/** Keeps `required` and `ui:order` consistent with the properties that remain. */
function tidy(schema: JsonObject, ui: JsonObject, excluded: ReadonlySet<string>): void {
  const properties = getOwn(schema, 'properties');
  const names = new Set(isPlainObject(properties) ? Object.keys(properties) : []);
  const required = getOwn(schema, 'required');
  if (Array.isArray(required)) {
    const kept = required.filter((name: unknown) => typeof name === 'string' && names.has(name) && !excluded.has(name));
    if (kept.length > 0) schema['required'] = kept;
    else delete schema['required'];
  }
  const order = getOwn(ui, 'ui:order');
  if (Array.isArray(order)) ui['ui:order'] = order.filter((name: unknown) => name === '*' || (typeof name === 'string' && names.has(name)));
}

/**
 * The rjsf schema and uiSchema for these roles and this locale: titles and descriptions from the
 * labels and help, fields the roles may not read left out, computed, serial and non-writable
 * fields read-only, lookups rendered by the web app's `lookup` field, members, departments and
 * attachments by its `member`, `department` and `attachments` fields.
 */
export function toRjsf(model: FormModel, context: FormContext): RjsfForm {
  const { definition } = model;
  const { locale, roles } = context;
  const schema = cloneJson(definition.schema);
  const uiSchema = withoutTextKeys(cloneJson(definition.uiSchema)) as JsonObject;
  schema['title'] = definition.title[locale];
  if (definition.description === undefined) delete schema['description'];
  else schema['description'] = definition.description[locale];

  const properties = objectAt(schema, 'properties');
  const notEntered = new Set<string>();
  for (const node of model.fields) {
    if (node.subTable !== undefined) continue;
    if (!canRead(model, node, roles)) {
      delete properties[node.name];
      delete uiSchema[node.name];
      continue;
    }
    if (node.formula !== undefined || node.serial !== undefined) notEntered.add(node.name);
    const property = objectAt(properties, node.name);
    describe(property, node, locale);
    const ui = objectAt(uiSchema, node.name);
    decorateUi(ui, node, canWrite(model, node, roles));
    const width = widthOf(definition, node.name);
    if (width !== undefined) ui['ui:options'] = { ...optionsOf(ui), width };
    if (node.type === 'table') describeColumns(model, node, objectAt(property, 'items'), objectAt(ui, 'items'), context);
  }
  tidy(schema, uiSchema, notEntered);
  if (definition.layout?.sections !== undefined) {
    const order = renderOrder(Object.keys(definition.schema.properties), getOwn(definition.uiSchema, 'ui:order'));
    uiSchema['ui:options'] = { ...optionsOf(uiSchema), sections: renderedSections(definition, order, new Set(Object.keys(properties)), locale) };
  }
  return { schema, uiSchema };
}

function optionsOf(ui: JsonObject): JsonObject {
  const options = getOwn(ui, 'ui:options');
  return isPlainObject(options) ? options : {};
}

function describeColumns(model: FormModel, table: FieldNode, items: JsonObject, itemsUi: JsonObject, context: FormContext): void {
  const columns = objectAt(items, 'properties');
  const notEntered = new Set<string>();
  for (const path of table.columns ?? []) {
    const node = model.byPath.get(path);
    if (node === undefined) continue;
    if (!canRead(model, node, context.roles)) {
      delete columns[node.name];
      delete itemsUi[node.name];
      continue;
    }
    if (node.formula !== undefined) notEntered.add(node.name);
    describe(objectAt(columns, node.name), node, context.locale);
    decorateUi(objectAt(itemsUi, node.name), node, canWrite(model, node, context.roles));
  }
  tidy(items, itemsUi, notEntered);
}
