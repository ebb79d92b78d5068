import type { FormDefinition, ReportDefinition } from '../definitions/index.js';
import {
  ColumnFieldNode,
  DurationFieldNode,
  JsonFieldNode,
  PlanLabelFieldNode,
  type FieldNode,
  type ValueType,
} from './report-nodes.js';
import { labelSourceOf, MEMBER, type LabelSource } from './dimension-labels.js';
import { PLAN_RUN_FIELDS } from './plan-run-fields.js';
import { RECORD_SYSTEM_FIELDS, WORKFLOW_FIELDS } from './workflow-fields.js';

/** A resolved field and the form fields (`form:path`) a user must be able to read to see it. */
export interface ResolvedField {
  readonly node: FieldNode;
  readonly reads: readonly string[];
  /** Where the words for its stored values come from, when they have any. */
  readonly labels?: LabelSource | undefined;
}

export interface FieldScope {
  readonly source: ReportDefinition['source'];
  readonly forms: ReadonlyMap<string, FormDefinition>;
  /** Joins resolved so far (a join's field is read on the source only). */
  readonly joins: readonly { readonly as: string; readonly form: string; readonly via: readonly string[] }[];
}

type PropertySchema = { type?: unknown; format?: unknown; 'x-ordo-field'?: unknown; items?: { properties?: Record<string, PropertySchema> }; properties?: Record<string, PropertySchema> };

export function propertiesOf(form: FormDefinition): Record<string, PropertySchema> {
  return ((form.schema as { properties?: Record<string, PropertySchema> }).properties ?? {});
}

/** The columns of a sub-table field, or undefined when the field is not one. */
export function subTableColumns(form: FormDefinition, field: string): Record<string, PropertySchema> | undefined {
  const property = Object.hasOwn(propertiesOf(form), field) ? propertiesOf(form)[field] : undefined;
  return property?.type === 'array' && property.items?.properties !== undefined ? property.items.properties : undefined;
}

export function valueTypeOf(property: PropertySchema): ValueType | undefined {
  const types = Array.isArray(property.type) ? property.type : [property.type];
  if (types.includes('array') || types.includes('object')) return undefined;
  if (types.includes('number') || types.includes('integer')) return 'number';
  if (types.includes('boolean')) return 'boolean';
  if (property.format === 'date') return 'date';
  if (property.format === 'date-time') return 'timestamp';
  return 'string';
}

/** Resolves `data.x`, `line.x`, `<join>.x` or a system field; a message when it names nothing. */
export function resolveField(scope: FieldScope, ref: string): ResolvedField | string {
  const dot = ref.indexOf('.');
  const head = dot < 0 ? ref : ref.slice(0, dot);
  const name = dot < 0 ? undefined : ref.slice(dot + 1);
  const { source } = scope;
  if ('workflow' in source) {
    const field = Object.hasOwn(WORKFLOW_FIELDS[source.workflow], ref) ? WORKFLOW_FIELDS[source.workflow][ref] : undefined;
    if (field === undefined) return `"${ref}" is not a field of workflow ${source.workflow} (${Object.keys(WORKFLOW_FIELDS[source.workflow]).join(', ')})`;
    if ('from' in field) return { node: DurationFieldNode.create(field.from, field.to), reads: [] };
    return { node: ColumnFieldNode.create({ kind: field.onInstance === true ? 'instance' : 'workflow' }, field.column, field.type), reads: [], labels: field.user === true ? MEMBER : undefined };
  }
  if ('planRun' in source) {
    const fields = PLAN_RUN_FIELDS[source.planRun];
    const field = Object.hasOwn(fields, ref) ? fields[ref] : undefined;
    if (field === undefined) return `"${ref}" is not a field of plan-run ${source.planRun} (${Object.keys(fields).join(', ')})`;
    // Plan entries are the elements of a jsonb array: the same shape as a sub-table's lines.
    if ('key' in field) return { node: JsonFieldNode.create({ kind: 'line' }, field.key, field.type), reads: [] };
    if ('column' in field) return { node: ColumnFieldNode.create({ kind: 'source' }, field.column, field.type), reads: [] };
    return { node: PlanLabelFieldNode.create(field.label, 'item'), reads: [] };
  }
  const form = scope.forms.get(source.form);
  if (form === undefined) return `form "${source.form}" does not exist`;
  if (name === undefined) {
    const system = Object.hasOwn(RECORD_SYSTEM_FIELDS, ref) ? RECORD_SYSTEM_FIELDS[ref] : undefined;
    if (system === undefined) return `"${ref}" is not a system field (${Object.keys(RECORD_SYSTEM_FIELDS).join(', ')}); form fields are data.<field>`;
    return { node: ColumnFieldNode.create({ kind: 'source' }, system.column, system.type), reads: [], labels: system.user === true ? MEMBER : undefined };
  }
  if (head === 'data') return jsonField(form, { kind: 'source' }, name, [], (path) => `${source.form}:${path}`);
  if (head === 'line') {
    if (source.lines === undefined) return `"${ref}": the source has no lines (set source.lines)`;
    const columns = subTableColumns(form, source.lines) ?? {};
    const column = Object.hasOwn(columns, name) ? columns[name] : undefined;
    const type = column === undefined ? undefined : valueTypeOf(column);
    if (type === undefined) return `"${name}" is not a column of sub-table ${source.lines} of form ${source.form}`;
    return { node: JsonFieldNode.create({ kind: 'line' }, name, type), reads: [`${source.form}:${source.lines}.${name}`], labels: labelSourceOf(form, `${source.lines}.${name}`, column!) };
  }
  const index = scope.joins.findIndex((join) => join.as === head);
  const join = scope.joins[index];
  if (join === undefined) return `"${head}" is neither data, line nor a join's "as"`;
  const joined = scope.forms.get(join.form);
  if (joined === undefined) return `form "${join.form}" does not exist`;
  if (Object.hasOwn(RECORD_SYSTEM_FIELDS, name)) {
    const system = RECORD_SYSTEM_FIELDS[name]!;
    return { node: ColumnFieldNode.create({ kind: 'join', index }, system.column, system.type), reads: [...join.via], labels: system.user === true ? MEMBER : undefined };
  }
  return jsonField(joined, { kind: 'join', index }, name, join.via, (path) => `${join.form}:${path}`);
}

function jsonField(
  form: FormDefinition,
  table: { kind: 'source' } | { kind: 'join'; index: number },
  name: string,
  via: readonly string[],
  read: (path: string) => string,
): ResolvedField | string {
  const properties = propertiesOf(form);
  const property = Object.hasOwn(properties, name) ? properties[name] : undefined;
  if (property === undefined) return `"${name}" is not a field of form ${form.id}`;
  const type = valueTypeOf(property);
  if (type === undefined) return `"${name}" of form ${form.id} is a sub-table or object: report on its lines (source.lines) instead`;
  return { node: JsonFieldNode.create(table, name, type), reads: [...via, read(name)], labels: labelSourceOf(form, name, property) };
}

/**
 * The fields a filter formula names, by plain name: the source form's fields (a lines source's
 * columns first, as a sub-table column's formula sees its own line first), or a workflow or
 * plan-run source's fields. Sub-tables, objects and joined forms are not offered.
 */
export function formulaFields(scope: FieldScope): Map<string, ResolvedField> {
  const { source } = scope;
  const refs: [string, string][] = [];
  if ('workflow' in source) refs.push(...Object.keys(WORKFLOW_FIELDS[source.workflow]).map((name): [string, string] => [name, name]));
  else if ('planRun' in source) refs.push(...Object.keys(PLAN_RUN_FIELDS[source.planRun]).map((name): [string, string] => [name, name]));
  else {
    const form = scope.forms.get(source.form);
    if (form !== undefined) {
      refs.push(...Object.keys(propertiesOf(form)).map((name): [string, string] => [name, `data.${name}`]));
      if (source.lines !== undefined) refs.push(...Object.keys(subTableColumns(form, source.lines) ?? {}).map((name): [string, string] => [name, `line.${name}`]));
    }
  }
  const fields = new Map<string, ResolvedField>();
  for (const [name, ref] of refs) {
    const resolved = resolveField(scope, ref);
    if (typeof resolved !== 'string') fields.set(name, resolved);
  }
  return fields;
}
