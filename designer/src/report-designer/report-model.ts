/**
 * The report designer's model: the report definition itself, as a JSON object, plus whether its text
 * ends with a newline. Every edit is a pure function from one definition to the next that changes only
 * what it names and keeps every other member (joins, drill, roles, measure conditions, unknown keys)
 * and the order of keys as they were, so the JSON view round-trips byte for byte and opening and saving
 * a report never loses what the designer does not show.
 */
import type {
  LocalizedText,
  ReportChart,
  ReportCondition,
  ReportFormulaFilter,
  ReportDefinition,
  ReportGroup,
  ReportMeasure,
  ReportSort,
  ReportSource,
} from '../../../engine/definitions/generated/definition-types.js';

export type JsonObject = { readonly [key: string]: unknown };

export interface DesignReport {
  readonly definition: JsonObject;
  readonly trailingNewline: boolean;
}

export type ChartType = ReportChart['type'];
export type Aggregate = ReportMeasure['agg'];
export type Bucket = NonNullable<ReportGroup['bucket']>;
export type ConditionOp = ReportCondition['op'];
/** A filter row: a structured condition, or a formula over the source's fields. */
export type ReportFilter = ReportCondition | ReportFormulaFilter;

export const isFormulaFilter = (filter: ReportFilter | undefined): filter is ReportFormulaFilter => filter !== undefined && 'formula' in filter;
const paramOf = (filter: ReportFilter | undefined): string | undefined => (filter === undefined || isFormulaFilter(filter) ? undefined : filter.param);
export type MeasureFormat = NonNullable<ReportMeasure['format']>;

/** The schema's member order: a member the designer adds goes where a hand-written report has it. */
const MEMBER_ORDER = ['$schema', 'kind', 'id', 'version', 'title', 'description', 'source', 'joins', 'parameters', 'filters', 'groupBy', 'measures', 'sort', 'limit', 'chart', 'drill', 'roles'];

export const DATE_RANGE_PARAMETER = 'dateRange';

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type ReadResult = { readonly ok: true; readonly model: DesignReport } | { readonly ok: false; readonly error: string };

export function readReport(text: string): ReadResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  if (!isObject(value)) return { ok: false, error: 'not a JSON object' };
  return { ok: true, model: { definition: value, trailingNewline: text.endsWith('\n') } };
}

export function reportText(model: DesignReport): string {
  return `${JSON.stringify(model.definition, null, 2)}${model.trailingNewline ? '\n' : ''}`;
}

export function newReport(id: string, title: LocalizedText): DesignReport {
  return {
    definition: {
      kind: 'report',
      id,
      version: 1,
      title,
      source: {},
      measures: [{ id: 'count', agg: 'count', label: { 'zh-CN': '数量', en: 'Count' } }],
      chart: { type: 'bar' },
    },
    trailingNewline: true,
  };
}

/** Drops members whose value is undefined, so an edited item is the same JSON as the text it becomes. */
export function compact<T extends JsonObject>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as T;
}

/** Sets (or, with undefined, removes) a top-level member, in place when it exists, else at its schema position. */
export function withMember(definition: JsonObject, key: string, value: unknown): JsonObject {
  if (value === undefined) {
    const { [key]: _removed, ...rest } = definition;
    return rest;
  }
  if (Object.hasOwn(definition, key)) return { ...definition, [key]: value };
  const rank = (name: string) => {
    const index = MEMBER_ORDER.indexOf(name);
    return index === -1 ? MEMBER_ORDER.length : index;
  };
  const entries = Object.entries(definition);
  const at = entries.findIndex(([name]) => rank(name) > rank(key));
  entries.splice(at === -1 ? entries.length : at, 0, [key, value]);
  return Object.fromEntries(entries);
}

const list = <T>(value: unknown): readonly T[] => (Array.isArray(value) ? (value as T[]) : []);

export const sourceOf = (definition: JsonObject): Partial<ReportSource> => (isObject(definition.source) ? (definition.source as Partial<ReportSource>) : {});
export const groupsOf = (definition: JsonObject) => list<ReportGroup>(definition.groupBy);
export const measuresOf = (definition: JsonObject) => list<ReportMeasure>(definition.measures);
export const filtersOf = (definition: JsonObject) => list<ReportFilter>(definition.filters);
const conditionsOf = (definition: JsonObject) => filtersOf(definition).filter((filter): filter is ReportCondition => !isFormulaFilter(filter));
export const sortOf = (definition: JsonObject) => list<ReportSort>(definition.sort);
export const chartOf = (definition: JsonObject): ReportChart => (isObject(definition.chart) && typeof definition.chart.type === 'string' ? (definition.chart as unknown as ReportChart) : { type: 'table' });
export const limitOf = (definition: JsonObject): number | undefined => (typeof definition.limit === 'number' ? definition.limit : undefined);

/** An optional list member: left out when empty, as hand-written reports do. */
const withList = (definition: JsonObject, key: string, items: readonly unknown[]) => withMember(definition, key, items.length === 0 ? undefined : items);

/**
 * Keeps the chart, sort and measure references pointing at groups and measures that exist, changing
 * nothing that is already valid.
 */
export function fitReferences(definition: JsonObject): JsonObject {
  const groups = groupsOf(definition).map((group) => group.as);
  const measures = measuresOf(definition).map((measure) => measure.id);
  const chart = chartOf(definition);
  // Left out, x is the first group and y every measure (designer/src/reports/chart-model.ts).
  const x = chart.x !== undefined && groups.includes(chart.x) ? chart.x : undefined;
  const y = chart.y?.filter((id) => measures.includes(id));
  const series = chart.series !== undefined && groups.includes(chart.series) && chart.series !== x ? chart.series : undefined;
  const fitted = compact({ ...chart, x, y: y === undefined || y.length === 0 ? undefined : y, series });
  const sort = sortOf(definition).filter((entry) => groups.includes(entry.by) || measures.includes(entry.by));
  const changed = JSON.stringify(fitted) !== JSON.stringify(definition.chart);
  const next = changed ? withMember(definition, 'chart', fitted) : definition;
  return sort.length === sortOf(definition).length ? next : withList(next, 'sort', sort);
}

/** A key no other group or measure uses, from a field path (`data.reportDate` -> `reportDate`, then `reportDate2`). */
export function uniqueKey(definition: JsonObject, wanted: string): string {
  const taken = new Set([...groupsOf(definition).map((group) => group.as), ...measuresOf(definition).map((measure) => measure.id)]);
  const base = (wanted.split('.').at(-1) ?? 'field').replace(/[^a-zA-Z0-9_]/g, '') || 'field';
  const start = /^[a-zA-Z]/.test(base) ? base : `f${base}`;
  if (!taken.has(start)) return start;
  for (let index = 2; ; index += 1) if (!taken.has(`${start}${index}`)) return `${start}${index}`;
}

/** A new source is a new question: groups, filters on fields, measures over fields, sort and the drill-down go. */
export function setSource(definition: JsonObject, source: ReportSource): JsonObject {
  let next = withMember(definition, 'source', source);
  for (const key of ['joins', 'groupBy', 'sort', 'drill']) next = withMember(next, key, undefined);
  next = withList(next, 'filters', []);
  next = withMember(next, 'measures', [{ id: 'count', agg: 'count', label: { 'zh-CN': '数量', en: 'Count' } }]);
  const parameters = isObject(next.parameters) && isObject(next.parameters.properties) ? next.parameters : undefined;
  if (parameters !== undefined && Object.keys(parameters.properties as JsonObject).every((name) => name === DATE_RANGE_PARAMETER)) next = withMember(next, 'parameters', undefined);
  return fitReferences(next);
}

export function addGroup(definition: JsonObject, field: string, label: LocalizedText, bucket?: Bucket): JsonObject {
  const group = compact({ field, bucket, as: uniqueKey(definition, field), label });
  return fitReferences(withMember(definition, 'groupBy', [...groupsOf(definition), group]));
}

export function updateGroup(definition: JsonObject, index: number, patch: Partial<ReportGroup>): JsonObject {
  const groups = groupsOf(definition);
  const before = groups[index];
  if (before === undefined) return definition;
  const after = compact({ ...before, ...patch });
  const renamed = renameKey(definition, before.as, after.as);
  return fitReferences(withMember(renamed, 'groupBy', groups.map((group, at) => (at === index ? after : group))));
}

export function removeGroup(definition: JsonObject, index: number): JsonObject {
  return fitReferences(withList(definition, 'groupBy', groupsOf(definition).filter((_, at) => at !== index)));
}

export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  const [moved] = next.splice(from, 1);
  if (moved !== undefined) next.splice(Math.max(0, Math.min(to, next.length)), 0, moved);
  return next;
}

export function moveGroup(definition: JsonObject, from: number, to: number): JsonObject {
  return withMember(definition, 'groupBy', moveItem(groupsOf(definition), from, to));
}

export function moveMeasure(definition: JsonObject, from: number, to: number): JsonObject {
  return withMember(definition, 'measures', moveItem(measuresOf(definition), from, to));
}

export function addMeasure(definition: JsonObject, agg: Aggregate, field: string | undefined, label: LocalizedText): JsonObject {
  const id = uniqueKey(definition, field === undefined ? agg : `${agg}${capitalise(field.split('.').at(-1) ?? '')}`);
  const measure = compact({ id, agg, field, label });
  const chart = chartOf(definition);
  const shown = chart.y === undefined ? definition : withMember(definition, 'chart', { ...chart, y: [...chart.y, id] });
  return fitReferences(withMember(shown, 'measures', [...measuresOf(definition), measure]));
}

export function updateMeasure(definition: JsonObject, index: number, patch: Partial<ReportMeasure>): JsonObject {
  const measures = measuresOf(definition);
  const before = measures[index];
  if (before === undefined) return definition;
  const after = compact({ ...before, ...patch });
  const renamed = renameKey(definition, before.id, after.id);
  return fitReferences(withMember(renamed, 'measures', measures.map((measure, at) => (at === index ? after : measure))));
}

/** A report needs one measure at least (the schema's minItems), so the last one stays. */
export function removeMeasure(definition: JsonObject, index: number): JsonObject {
  const measures = measuresOf(definition);
  if (measures.length <= 1) return definition;
  return fitReferences(withMember(definition, 'measures', measures.filter((_, at) => at !== index)));
}

export function addFilter(definition: JsonObject, condition: ReportFilter): JsonObject {
  return withMember(definition, 'filters', [...filtersOf(definition), compact(condition as unknown as JsonObject)]);
}

/** Replaces a whole condition: changing its kind of value (fixed, parameter, today) must not leave the old one behind. */
export function replaceFilter(definition: JsonObject, index: number, condition: ReportFilter): JsonObject {
  const before = filtersOf(definition)[index];
  const next = withMember(definition, 'filters', filtersOf(definition).map((filter, at) => (at === index ? compact(condition as unknown as JsonObject) : filter)));
  return paramOf(before) === paramOf(condition) ? next : withoutUnusedParameter(next, paramOf(before));
}

export function removeFilter(definition: JsonObject, index: number): JsonObject {
  const removed = filtersOf(definition)[index];
  return withoutUnusedParameter(withList(definition, 'filters', filtersOf(definition).filter((_, at) => at !== index)), paramOf(removed));
}

/** What a picker parameter needs to know about the field it filters. */
export interface PickedField {
  readonly path: string;
  readonly label: LocalizedText;
  readonly type: 'string' | 'number' | 'boolean' | 'date' | 'timestamp';
  readonly options?: readonly { readonly value: string }[];
  readonly lookup?: { readonly form: string; readonly displayField?: string };
}

export function parametersOf(definition: JsonObject): JsonObject {
  return isObject(definition.parameters) && isObject(definition.parameters.properties) ? definition.parameters.properties : {};
}

/**
 * Makes a filter compare with a value the user picks above the report: a parameter named after the
 * field (a choice field's options, a lookup's records, else a typed input). Left empty, the filter
 * does not apply (reports.md: optional filters).
 */
export function pickFilterValue(definition: JsonObject, index: number, field: PickedField): JsonObject {
  const before = filtersOf(definition)[index];
  if (before === undefined || isFormulaFilter(before)) return definition;
  const properties = parametersOf(definition);
  // Two conditions on one field (is / is not) share the value the user picks.
  const own = filtersOf(definition).find((filter, at): filter is ReportCondition => !isFormulaFilter(filter) && at !== index && filter.field === field.path && filter.param !== undefined && Object.hasOwn(properties, filter.param))?.param;
  const name = own ?? uniqueParameter(properties, field.path.split('.').at(-1) ?? 'value');
  const schema = compact({
    type: field.type === 'number' ? 'number' : field.type === 'boolean' ? 'boolean' : 'string',
    ...(field.type === 'date' ? { format: 'date' } : {}),
    title: `${field.label['zh-CN']} / ${field.label.en}`,
    enum: field.options?.map((option) => option.value),
    'x-lookup': field.lookup === undefined ? undefined : compact({ form: field.lookup.form, displayField: field.lookup.displayField }),
  });
  const parameters = isObject(definition.parameters) ? definition.parameters : { type: 'object', properties: {} };
  const withParameter = withMember(definition, 'parameters', { ...parameters, properties: { ...properties, [name]: own === undefined ? schema : properties[own] } });
  const op = before.op === 'ne' ? 'ne' : 'eq';
  return replaceFilter(withParameter, index, { field: before.field, op, param: name });
}

function uniqueParameter(properties: JsonObject, wanted: string): string {
  const base = /^[a-zA-Z][a-zA-Z0-9_]*$/.test(wanted) ? wanted : 'value';
  if (!Object.hasOwn(properties, base)) return base;
  for (let index = 2; ; index += 1) if (!Object.hasOwn(properties, `${base}${index}`)) return `${base}${index}`;
}

/** A parameter no filter or measure condition reads any more goes with the last condition that did. */
function withoutUnusedParameter(definition: JsonObject, name: string | undefined): JsonObject {
  if (name === undefined) return definition;
  const used = [...conditionsOf(definition), ...measuresOf(definition).flatMap((measure) => measure.where ?? [])].some((condition) => condition.param === name);
  const properties = parametersOf(definition);
  if (used || !Object.hasOwn(properties, name) || !isObject(definition.parameters)) return definition;
  const { [name]: _unused, ...rest } = properties;
  const required = Array.isArray(definition.parameters.required) ? (definition.parameters.required as string[]).filter((entry) => entry !== name) : undefined;
  if (Object.keys(rest).length === 0) return withMember(definition, 'parameters', undefined);
  return withMember(definition, 'parameters', compact({ ...definition.parameters, properties: rest, required: required === undefined || required.length > 0 ? required : undefined }));
}

export function setChart(definition: JsonObject, patch: Partial<ReportChart>): JsonObject {
  return fitReferences(withMember(definition, 'chart', compact({ ...chartOf(definition), ...patch })));
}

export function setSort(definition: JsonObject, sort: readonly ReportSort[]): JsonObject {
  return withList(definition, 'sort', sort);
}

export function setLimit(definition: JsonObject, limit: number | undefined): JsonObject {
  return withMember(definition, 'limit', limit);
}

export function setTitle(definition: JsonObject, title: LocalizedText): JsonObject {
  return withMember(definition, 'title', title);
}

/** The date-range parameter and the filter it drives: the field a user narrows the period by, or none. */
export function dateRangeField(definition: JsonObject): string | undefined {
  return conditionsOf(definition).find((filter) => filter.op === 'between' && filter.param === DATE_RANGE_PARAMETER)?.field;
}

export function setDateRange(definition: JsonObject, field: string | undefined): JsonObject {
  const filters = filtersOf(definition).filter((filter) => isFormulaFilter(filter) || !(filter.op === 'between' && filter.param === DATE_RANGE_PARAMETER));
  const parameters = isObject(definition.parameters) ? definition.parameters : { type: 'object', properties: {} };
  const { [DATE_RANGE_PARAMETER]: _old, ...others } = isObject(parameters.properties) ? parameters.properties : {};
  if (field === undefined) {
    const next = withList(definition, 'filters', filters);
    return withMember(next, 'parameters', Object.keys(others).length === 0 ? undefined : { ...parameters, properties: others });
  }
  const range = {
    type: 'object',
    title: '日期范围 / Date range',
    properties: { from: { type: 'string', format: 'date' }, to: { type: 'string', format: 'date' } },
    additionalProperties: false,
  };
  const next = withMember(definition, 'parameters', { ...parameters, properties: { ...others, [DATE_RANGE_PARAMETER]: range } });
  return withMember(next, 'filters', [...filters, { field, op: 'between', param: DATE_RANGE_PARAMETER }]);
}

/** Follows a renamed group or measure key through the chart and the sort. */
function renameKey(definition: JsonObject, from: string, to: string): JsonObject {
  if (from === to) return definition;
  const chart = chartOf(definition);
  const renamedChart = compact({
    ...chart,
    x: chart.x === from ? to : chart.x,
    y: chart.y?.map((key) => (key === from ? to : key)),
    series: chart.series === from ? to : chart.series,
  });
  const next = Object.hasOwn(definition, 'chart') ? withMember(definition, 'chart', renamedChart) : definition;
  const sort = sortOf(definition);
  return sort.length === 0 ? next : withMember(next, 'sort', sort.map((entry) => (entry.by === from ? { ...entry, by: to } : entry)));
}

function capitalise(name: string): string {
  return name.length === 0 ? name : `${name[0]!.toUpperCase()}${name.slice(1)}`;
}

export type { ReportDefinition };
