import type { FieldOption } from './design-context.js';
import { isJson, type Json } from './workflow-graph.js';

/**
 * A function node's `output` (record field → property of the function's result) as the panel shows
 * it: one row per property of the result, with the field it is written into. A property goes into
 * one field at most; the definition's mappings of properties the result does not have are kept.
 */
export interface OutputRow {
  readonly property: string;
  readonly title: string;
  /** The JSON type the result gives it, when the output schema says. */
  readonly type: string | undefined;
  readonly field: string | undefined;
}

export function outputProperties(outputSchema: Readonly<Record<string, unknown>> | undefined): { name: string; title: string; type: string | undefined }[] {
  const properties = isJson(outputSchema?.properties) ? outputSchema.properties : {};
  return Object.entries(properties).map(([name, schema]) => {
    const node = isJson(schema) ? schema : {};
    return { name, title: typeof node.title === 'string' ? node.title : name, type: typeof node.type === 'string' ? node.type : undefined };
  });
}

export function outputRows(outputSchema: Readonly<Record<string, unknown>> | undefined, output: unknown): { rows: OutputRow[]; kept: [string, string][] } {
  const mapped = isJson(output) ? Object.entries(output).filter((entry): entry is [string, string] => typeof entry[1] === 'string') : [];
  const properties = outputProperties(outputSchema);
  const rows = properties.map(({ name, title, type }) => ({ property: name, title, type, field: mapped.find(([, property]) => property === name)?.[0] }));
  const kept = mapped.filter(([, property]) => !properties.some((candidate) => candidate.name === property));
  return { rows, kept };
}

/**
 * Writes `property` into `field` (or nowhere). The field's earlier mapping and the property's earlier
 * field are replaced; the other mappings stay in their order. An empty result is undefined (no key).
 */
export function setOutputField(output: unknown, property: string, field: string | undefined): Json | undefined {
  const entries = isJson(output) ? Object.entries(output).filter(([name, value]) => value !== property && name !== field) : [];
  const next = field === undefined ? entries : [...entries, [field, property] as [string, unknown]];
  return next.length > 0 ? Object.fromEntries(next) : undefined;
}

/** Fields a result property of this JSON type fits (a date string fits a date field); any field when the type is unknown. */
export function fieldsFor(fields: readonly FieldOption[], type: string | undefined): FieldOption[] {
  const fits: Readonly<Record<string, readonly string[]>> = {
    string: ['string', 'date', 'datetime', 'any'],
    number: ['number', 'integer', 'any'],
    integer: ['number', 'integer', 'any'],
    boolean: ['boolean', 'any'],
    array: ['table', 'array', 'any'],
  };
  const accepted = type === undefined ? undefined : fits[type];
  return accepted === undefined ? [...fields] : fields.filter((field) => accepted.includes(field.type));
}
