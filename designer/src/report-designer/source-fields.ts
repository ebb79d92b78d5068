/**
 * What a report source offers to group, measure and filter by: the same field paths the report
 * planner resolves (engine/reports/resolve-field.ts), with labels and value types for the designer.
 */
import type { FormDefinition, LocalizedText, ReportJoin, ReportSource } from '../../../engine/definitions/generated/definition-types.js';
import { PLAN_RUN_FIELDS } from '../../../engine/reports/plan-run-fields.js';
import { WORKFLOW_FIELDS } from '../../../engine/reports/workflow-fields.js';

export type FieldType = 'string' | 'number' | 'boolean' | 'date' | 'timestamp';

export interface SourceField {
  readonly path: string;
  readonly label: LocalizedText;
  readonly type: FieldType;
  /** Where it comes from, for grouping the field list: the source form, its lines, a join, or the system. */
  readonly group: 'data' | 'line' | 'join' | 'system';
  /** Labelled values of a choice field, for filter pickers. */
  readonly options?: readonly { readonly value: string; readonly label: LocalizedText }[];
  /** The form a lookup field points into, so a picker parameter can offer its records. */
  readonly lookup?: { readonly form: string; readonly displayField?: string };
}

const same = (text: string): LocalizedText => ({ 'zh-CN': text, en: text });

/** Names of system, workflow and plan-run fields; a field not here shows its own name. */
const SYSTEM_LABELS: Readonly<Record<string, LocalizedText>> = {
  id: { 'zh-CN': '编号', en: 'ID' },
  createdAt: { 'zh-CN': '创建时间', en: 'Created at' },
  updatedAt: { 'zh-CN': '更新时间', en: 'Updated at' },
  createdBy: { 'zh-CN': '创建人', en: 'Created by' },
  workflow: { 'zh-CN': '流程', en: 'Workflow' },
  workflowVersion: { 'zh-CN': '流程版本', en: 'Workflow version' },
  form: { 'zh-CN': '表单', en: 'Form' },
  recordId: { 'zh-CN': '记录', en: 'Record' },
  status: { 'zh-CN': '状态', en: 'Status' },
  initiator: { 'zh-CN': '发起人', en: 'Initiator' },
  startedAt: { 'zh-CN': '发起时间', en: 'Started at' },
  endedAt: { 'zh-CN': '结束时间', en: 'Ended at' },
  durationSeconds: { 'zh-CN': '耗时（秒）', en: 'Duration (s)' },
  instanceId: { 'zh-CN': '流程实例', en: 'Instance' },
  node: { 'zh-CN': '环节', en: 'Step' },
  round: { 'zh-CN': '轮次', en: 'Round' },
  assignee: { 'zh-CN': '处理人', en: 'Assignee' },
  dueAt: { 'zh-CN': '截止时间', en: 'Due at' },
  actedAt: { 'zh-CN': '处理时间', en: 'Acted at' },
  actedBy: { 'zh-CN': '实际处理人', en: 'Acted by' },
  cycleSeconds: { 'zh-CN': '处理时长（秒）', en: 'Cycle time (s)' },
  seq: { 'zh-CN': '序号', en: 'Sequence' },
  type: { 'zh-CN': '类型', en: 'Type' },
  actorUsername: { 'zh-CN': '操作人', en: 'Actor' },
  at: { 'zh-CN': '时间', en: 'At' },
  item: { 'zh-CN': '物料', en: 'Item' },
  itemLabel: { 'zh-CN': '物料名称', en: 'Item label' },
  demand: { 'zh-CN': '需求', en: 'Demand' },
  supply: { 'zh-CN': '供给', en: 'Supply' },
  salesOrder: { 'zh-CN': '销售订单', en: 'Sales order' },
  date: { 'zh-CN': '日期', en: 'Date' },
  qty: { 'zh-CN': '数量', en: 'Quantity' },
  message: { 'zh-CN': '说明', en: 'Message' },
  kind: { 'zh-CN': '类别', en: 'Kind' },
  start: { 'zh-CN': '开工日期', en: 'Start' },
  due: { 'zh-CN': '完工日期', en: 'Due' },
  bomVersion: { 'zh-CN': 'BOM 版本', en: 'BOM version' },
  runId: { 'zh-CN': '计划运行', en: 'Plan run' },
  plannedAt: { 'zh-CN': '计划时间', en: 'Planned at' },
  plannedBy: { 'zh-CN': '计划人', en: 'Planned by' },
};

const RECORD_FIELDS: readonly [string, FieldType][] = [
  ['createdAt', 'timestamp'],
  ['updatedAt', 'timestamp'],
  ['createdBy', 'string'],
  ['id', 'string'],
];

type SchemaNode = { readonly type?: unknown; readonly format?: unknown; readonly enum?: unknown; readonly items?: unknown; readonly properties?: unknown };

function typeOf(node: SchemaNode): FieldType | undefined {
  const type = Array.isArray(node.type) ? node.type.find((entry) => entry !== 'null') : node.type;
  if (type === 'number' || type === 'integer') return 'number';
  if (type === 'boolean') return 'boolean';
  if (type !== 'string') return undefined;
  if (node.format === 'date') return 'date';
  if (node.format === 'date-time') return 'timestamp';
  return 'string';
}

function propertiesOf(node: unknown): [string, SchemaNode][] {
  const properties = (node as SchemaNode | undefined)?.properties;
  return typeof properties === 'object' && properties !== null ? (Object.entries(properties) as [string, SchemaNode][]) : [];
}

function formFields(form: FormDefinition, prefix: string, group: SourceField['group'], lines?: string): SourceField[] {
  const labels = (form.labels ?? {}) as Record<string, LocalizedText>;
  const options = (form.options ?? {}) as Record<string, Record<string, LocalizedText>>;
  const lookups = (form.lookups ?? {}) as Record<string, { form: string; displayField?: string }>;
  const node = lines === undefined ? form.schema : (propertiesOf(form.schema).find(([name]) => name === lines)?.[1]?.items as SchemaNode | undefined);
  return propertiesOf(node).flatMap(([name, schema]) => {
    const type = typeOf(schema);
    if (type === undefined) return [];
    const key = lines === undefined ? name : `${lines}.${name}`;
    const choices = options[key] ?? options[name];
    const lookup = lookups[key];
    const values = Array.isArray(schema.enum) ? (schema.enum.filter((value) => typeof value === 'string') as string[]) : [];
    return [
      {
        path: `${prefix}.${name}`,
        label: labels[key] ?? same(name),
        type,
        group,
        ...(values.length > 0 ? { options: values.map((value) => ({ value, label: choices?.[value] ?? same(value) })) } : {}),
        ...(lookup === undefined ? {} : { lookup: { form: lookup.form, ...(lookup.displayField === undefined ? {} : { displayField: lookup.displayField }) } }),
      },
    ];
  });
}

/** The sub-tables of a form (array fields of objects), for "one row per line" sources. */
export function subTables(form: FormDefinition): { name: string; label: LocalizedText }[] {
  const labels = (form.labels ?? {}) as Record<string, LocalizedText>;
  return propertiesOf(form.schema)
    .filter(([, schema]) => schema.type === 'array' && propertiesOf(schema.items).length > 0)
    .map(([name]) => ({ name, label: labels[name] ?? same(name) }));
}

export function sourceFields(source: Partial<ReportSource>, forms: ReadonlyMap<string, FormDefinition>, joins: readonly ReportJoin[] = []): SourceField[] {
  const system = (entries: readonly [string, FieldType][]) => entries.map(([path, type]): SourceField => ({ path, label: SYSTEM_LABELS[path] ?? same(path), type, group: 'system' }));
  if ('workflow' in source && source.workflow !== undefined) {
    return system(Object.entries(WORKFLOW_FIELDS[source.workflow]).map(([name, field]) => [name, 'type' in field ? field.type : 'number']));
  }
  if ('planRun' in source && source.planRun !== undefined) {
    return system(Object.entries(PLAN_RUN_FIELDS[source.planRun]).map(([name, field]) => [name, 'type' in field ? field.type : 'string']));
  }
  const form = 'form' in source && source.form !== undefined ? forms.get(source.form) : undefined;
  if (form === undefined) return [];
  const lines = 'lines' in source && source.lines !== undefined ? formFields(form, 'line', 'line', source.lines) : [];
  const joined = joins.flatMap((join) => {
    const target = forms.get(join.form);
    return target === undefined ? [] : formFields(target, join.as, 'join');
  });
  return [...lines, ...formFields(form, 'data', 'data'), ...joined, ...system(RECORD_FIELDS)];
}

export function isDateLike(type: FieldType): boolean {
  return type === 'date' || type === 'timestamp';
}
