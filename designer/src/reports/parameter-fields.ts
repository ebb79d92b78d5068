import type { LocalizedText } from '../../../engine/definitions/generated/definition-types.js';
import type { Locale } from '../../../engine/errors/index.js';
import type { ParameterProperty, ParameterSchema, ReportValue } from '../api/report-types.js';

/** One control of the parameter bar, read from the parameters' JSON Schema. */
export type ParameterField =
  /** A date range: a `{from, to}` object property, or top-level `from`/`to` date properties (then `name` is '' ). */
  | { readonly kind: 'dateRange'; readonly name: string; readonly title: string | LocalizedText | undefined }
  | { readonly kind: 'choice'; readonly name: string; readonly title: string | LocalizedText | undefined; readonly options: readonly ReportValue[] }
  | { readonly kind: 'lookup'; readonly name: string; readonly title: string | LocalizedText | undefined; readonly form: string; readonly displayField: string | undefined }
  | { readonly kind: 'text'; readonly name: string; readonly title: string | LocalizedText | undefined };

function isDate(property: ParameterProperty | undefined): boolean {
  return property?.format === 'date';
}

function isRange(property: ParameterProperty): boolean {
  return isDate(property.properties?.from) && isDate(property.properties?.to);
}

const FROM = 'from';
const TO = 'to';

/** The record form a parameter picks from: `x-lookup` on the property, or the uiSchema's `ui:options` as record forms have it. */
function lookupOf(schema: ParameterSchema, name: string, property: ParameterProperty): { form: string; displayField: string | undefined } | undefined {
  if (property['x-lookup']) return { form: property['x-lookup'].form, displayField: property['x-lookup'].displayField };
  const options = schema.uiSchema?.[name]?.['ui:options'];
  if (typeof options !== 'object' || options === null) return undefined;
  const { form, displayField } = options as Record<string, unknown>;
  return typeof form === 'string' ? { form, displayField: typeof displayField === 'string' ? displayField : undefined } : undefined;
}

/** A form a lookup parameter may pick from: its id and the field that names its records. */
export interface PickableForm {
  readonly id: string;
  readonly titleField?: string;
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/**
 * The bar's controls in the schema's property order; the date range first, as it is what people
 * change most. A text parameter named after a readable form (`customer`, `workCenter` ->
 * work-center) picks one of its records, as the shipped reports compare it with a lookup field.
 */
export function parameterFields(schema: ParameterSchema | undefined, forms: readonly PickableForm[] = []): ParameterField[] {
  if (!schema) return [];
  const properties = schema.properties ?? {};
  const fields: ParameterField[] = [];
  const flatRange = isDate(properties[FROM]) && isDate(properties[TO]);
  if (flatRange) fields.push({ kind: 'dateRange', name: '', title: properties[FROM]?.title });
  for (const [name, property] of Object.entries(properties)) {
    if (flatRange && (name === FROM || name === TO)) continue;
    const title = property.title;
    const named = forms.find((form) => form.id === kebab(name));
    const lookup = lookupOf(schema, name, property) ?? (named && property.type === 'string' ? { form: named.id, displayField: named.titleField } : undefined);
    if (isRange(property)) fields.unshift({ kind: 'dateRange', name, title });
    else if (property.enum) fields.push({ kind: 'choice', name, title, options: property.enum });
    else if (lookup) fields.push({ kind: 'lookup', name, title, ...lookup });
    else fields.push({ kind: 'text', name, title });
  }
  return fields;
}

/**
 * A parameter's caption in the user's language: a localized title, or a plain one written
 * `中文 / English` (JSON Schema titles are strings) split at the slash.
 */
export function parameterTitle(title: string | LocalizedText | undefined, locale: Locale, fallback: string): string {
  if (title === undefined) return fallback;
  if (typeof title !== 'string') return title[locale] || title.en || fallback;
  const parts = title.split(' / ');
  if (parts.length !== 2) return title;
  return (locale === 'en' ? parts[1] : parts[0])?.trim() || title;
}

/** The range a date-range field holds in a parameter object. */
export function readRange(values: Readonly<Record<string, unknown>>, field: Extract<ParameterField, { kind: 'dateRange' }>): { from?: string; to?: string } {
  const holder = field.name === '' ? values : values[field.name];
  if (typeof holder !== 'object' || holder === null) return {};
  const { from, to } = holder as Record<string, unknown>;
  return { ...(typeof from === 'string' ? { from } : {}), ...(typeof to === 'string' ? { to } : {}) };
}

/** The parameter object with a date-range field set. */
export function writeRange(
  values: Readonly<Record<string, unknown>>,
  field: Extract<ParameterField, { kind: 'dateRange' }>,
  range: { from: string; to: string },
): Record<string, unknown> {
  return field.name === '' ? { ...values, from: range.from, to: range.to } : { ...values, [field.name]: { from: range.from, to: range.to } };
}

/** The defaults the schema names, as the bar's starting values. */
export function schemaDefaults(schema: ParameterSchema | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(schema?.properties ?? {}).flatMap(([name, property]) => (property.default === undefined ? [] : [[name, property.default]])));
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/**
 * What one widget's report is run with: each `reportParam: dashboardParam` of its map takes the
 * dashboard's value; without a map, the dashboard values whose names the report declares. Empty
 * values are left out, so the report's own defaults apply.
 */
export function widgetParameters(
  shared: Readonly<Record<string, unknown>>,
  parameterMap: Readonly<Record<string, string>> | undefined,
  reportSchema: ParameterSchema | undefined,
): Record<string, unknown> {
  const pairs: [string, unknown][] = parameterMap
    ? Object.entries(parameterMap).map(([reportParam, dashboardParam]) => [reportParam, shared[dashboardParam]])
    : Object.keys(reportSchema?.properties ?? {}).map((name) => [name, shared[name]]);
  return Object.fromEntries(pairs.filter(([, value]) => present(value)));
}

/**
 * The dashboard's parameters that some widget on it uses: the dashboard answers with the widgets
 * the user may run, and a filter feeding none of them (a work center, for a sales manager) only confuses.
 */
export function usedParameters(
  schema: ParameterSchema | undefined,
  widgets: readonly { readonly report: string; readonly parameterMap?: Readonly<Record<string, string>> }[],
  reportSchema: (report: string) => ParameterSchema | undefined,
): ParameterSchema | undefined {
  if (!schema?.properties) return schema;
  const used = new Set(widgets.flatMap((widget) => (widget.parameterMap ? Object.values(widget.parameterMap) : Object.keys(reportSchema(widget.report)?.properties ?? {}))));
  return { ...schema, properties: Object.fromEntries(Object.entries(schema.properties).filter(([name]) => used.has(name))) };
}
