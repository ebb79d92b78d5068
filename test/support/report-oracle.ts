import type { FormDefinition, ReportCondition, ReportDefinition } from '../../engine/definitions/index.js';

/*
 * A plain JavaScript reading of a report definition over rows held in memory: the reference the
 * SQL compiler's results are compared with. It shares no code with engine/reports or
 * runtime/reports; it walks the definition the way the docs describe it.
 */

export interface OracleRecord {
  id: string;
  form: string;
  data: Record<string, unknown>;
  createdAt: Date;
  deleted?: boolean;
}

export interface OracleTask {
  id: string;
  workflow: string;
  form: string;
  node: string;
  assignee: string;
  status: string;
  createdAt: Date;
  actedAt: Date | null;
  actedBy: string | null;
}

/** A stored plan run: its plan's exceptions and planned orders (mrp-plan.schema.json) and the item labels. */
export interface OraclePlanRun {
  id: string;
  createdAt: Date;
  createdBy: string;
  exceptions: readonly Record<string, unknown>[];
  plannedOrders: readonly Record<string, unknown>[];
  itemLabels: Readonly<Record<string, string>>;
}

export interface OracleInput {
  records: readonly OracleRecord[];
  tasks: readonly OracleTask[];
  planRuns?: readonly OraclePlanRun[];
  forms: ReadonlyMap<string, FormDefinition>;
  parameters: Record<string, unknown>;
  today: string;
}

type Row = { source: Record<string, unknown>; line?: Record<string, unknown>; joins: Record<string, Record<string, unknown> | undefined> };

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

function shanghaiDayStart(day: string, next: boolean): number {
  return Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS + (next ? 86_400_000 : 0);
}

function recordView(record: OracleRecord): Record<string, unknown> {
  return { ...Object.fromEntries(Object.entries(record.data).map(([key, value]) => [`data.${key}`, value])), id: record.id, createdAt: record.createdAt };
}

function taskView(task: OracleTask): Record<string, unknown> {
  return {
    id: task.id,
    workflow: task.workflow,
    form: task.form,
    node: task.node,
    assignee: task.assignee,
    status: task.status,
    createdAt: task.createdAt,
    actedAt: task.actedAt,
    actedBy: task.actedBy,
    cycleSeconds: task.actedAt === null ? null : (task.actedAt.getTime() - task.createdAt.getTime()) / 1000,
  };
}

function read(row: Row, ref: string): unknown {
  const dot = ref.indexOf('.');
  if (dot > 0 && ref.startsWith('line.')) return row.line?.[ref.slice(5)] ?? null;
  if (dot > 0 && !ref.startsWith('data.')) {
    const joined = row.joins[ref.slice(0, dot)];
    if (joined === undefined) return null;
    const name = ref.slice(dot + 1);
    return (name === 'id' ? joined['id'] : joined[`data.${name}`]) ?? null;
  }
  return row.source[ref] ?? null;
}

function compare(op: string, left: unknown, right: unknown): boolean {
  if (op === 'ne') return left !== right;
  if (left === null || right === null || right === undefined) return false;
  const a = left instanceof Date ? left.getTime() : left;
  const b = right instanceof Date ? right.getTime() : right;
  switch (op) {
    case 'eq':
      return a === b;
    case 'lt':
      return (a as number) < (b as number);
    case 'lte':
      return (a as number) <= (b as number);
    case 'gt':
      return (a as number) > (b as number);
    default:
      return (a as number) >= (b as number);
  }
}

/** A timestamp compared with a day compares with that day in Shanghai. */
function compareValue(op: string, field: unknown, value: unknown): boolean {
  if (!(field instanceof Date) || typeof value !== 'string') return compare(op, field, value);
  const at = field.getTime();
  const start = shanghaiDayStart(value, false);
  const end = shanghaiDayStart(value, true);
  if (op === 'eq') return at >= start && at < end;
  if (op === 'ne') return !(at >= start && at < end);
  if (op === 'lt') return at < start;
  if (op === 'lte') return at < end;
  if (op === 'gt') return at >= end;
  return at >= start;
}

/** true, false, or undefined when the condition names a parameter not given (it then does not apply). */
function holds(row: Row, condition: ReportCondition, input: OracleInput): boolean | undefined {
  const field = read(row, condition.field);
  if (condition.op === 'isNull') return field === null;
  if (condition.op === 'notNull') return field !== null;
  if (condition.ref !== undefined) return compare(condition.op, field, read(row, condition.ref));
  let value: unknown = condition.today === true ? input.today : condition.value;
  if (condition.param !== undefined) {
    value = input.parameters[condition.param];
    if (value === undefined || value === null || value === '') return undefined;
  }
  if (condition.op === 'in') return (value as unknown[]).some((item) => compareValue('eq', field, item));
  if (condition.op === 'contains') return typeof field === 'string' && field.includes(String(value));
  if (condition.op === 'between') {
    const [from, to] = Array.isArray(value) ? value : [(value as { from?: unknown }).from, (value as { to?: unknown }).to];
    return (from === undefined || compareValue('gte', field, from)) && (to === undefined || compareValue('lte', field, to));
  }
  return compareValue(condition.op, field, value);
}

function bucketOf(value: unknown, bucket: string | undefined): unknown {
  if (value === null || bucket === undefined) return value instanceof Date ? value.toISOString() : value;
  const day = value instanceof Date ? new Date(value.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10) : String(value);
  if (bucket === 'day') return day;
  if (bucket === 'month') return `${day.slice(0, 7)}-01`;
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

function rowsOf(definition: ReportDefinition, input: OracleInput): Row[] {
  const source = definition.source;
  if ('workflow' in source) {
    return input.tasks.filter((task) => source.definition === undefined || task.workflow === source.definition).map((task) => ({ source: taskView(task), joins: {} }));
  }
  if ('planRun' in source) {
    const latest = [...(input.planRuns ?? [])].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))[0];
    if (latest === undefined) return [];
    return latest[source.planRun].map((entry) => ({
      source: {
        ...entry,
        runId: latest.id,
        plannedAt: latest.createdAt,
        plannedBy: latest.createdBy,
        itemLabel: typeof entry['item'] === 'string' ? (latest.itemLabels[entry['item']] ?? null) : null,
      },
      joins: {},
    }));
  }
  const live = input.records.filter((record) => record.deleted !== true);
  const rows: Row[] = [];
  for (const record of live.filter((candidate) => candidate.form === source.form)) {
    const view = recordView(record);
    const lines = source.lines === undefined ? [undefined] : Array.isArray(record.data[source.lines]) ? (record.data[source.lines] as Record<string, unknown>[]) : [];
    for (const line of lines) {
      let partial: Row[] = [{ source: view, ...(line === undefined ? {} : { line }), joins: {} }];
      for (const join of definition.joins ?? []) {
        partial = partial.flatMap((row) => {
          const key = read(row, join.field);
          const matches = live.filter((candidate) => candidate.form === join.form && key !== null && (join.on === undefined ? candidate.id === key : candidate.data[join.on] === key));
          return matches.length === 0 ? [{ ...row, joins: { ...row.joins, [join.as]: undefined } }] : matches.map((match) => ({ ...row, joins: { ...row.joins, [join.as]: recordView(match) } }));
        });
      }
      rows.push(...partial);
    }
  }
  return rows;
}

/** The oracle reads structured conditions; formula filters have their own property test (report-formula-filters). */
function structured(condition: NonNullable<ReportDefinition['filters']>[number]): ReportCondition {
  if ('formula' in condition) throw new Error('the report oracle does not read formula filters');
  return condition;
}

/** The report's rows, keyed by the definition's names, sorted by every dimension. */
export function oracleReport(definition: ReportDefinition, input: OracleInput, hidden: ReadonlySet<string> = new Set()): Record<string, unknown>[] {
  const rows = rowsOf(definition, input).filter((row) => (definition.filters ?? []).every((condition) => holds(row, structured(condition), input) !== false));
  const groups = new Map<string, { key: Record<string, unknown>; rows: Row[] }>();
  for (const row of rows) {
    const key = Object.fromEntries((definition.groupBy ?? []).map((group) => [group.as, bucketOf(read(row, group.field), group.bucket)]));
    const id = JSON.stringify(key);
    const entry = groups.get(id) ?? { key, rows: [] };
    entry.rows.push(row);
    groups.set(id, entry);
  }
  if ((definition.groupBy ?? []).length === 0 && groups.size === 0) groups.set('{}', { key: {}, rows: [] });
  return [...groups.values()].map(({ key, rows: members }) => {
    const result: Record<string, unknown> = { ...key };
    for (const measure of definition.measures) {
      if (hidden.has(measure.id)) continue;
      const kept = members.filter((row) => (measure.where ?? []).every((condition) => holds(row, condition, input) !== false));
      const values = (list: Row[]) =>
        list
          .map((row) => {
            const value = measure.field === undefined ? 1 : read(row, measure.field);
            const times = measure.times === undefined ? 1 : read(row, measure.times);
            return value === null || times === null ? null : measure.times === undefined ? value : Number(value) * Number(times);
          })
          .filter((value) => value !== null);
      const numbers = values(kept).map(Number);
      switch (measure.agg) {
        case 'count':
          result[measure.id] = values(kept).length;
          break;
        case 'countDistinct':
          result[measure.id] = new Set(values(kept)).size;
          break;
        case 'sum':
          result[measure.id] = numbers.length === 0 ? null : numbers.reduce((a, b) => a + b, 0);
          break;
        case 'avg':
          result[measure.id] = numbers.length === 0 ? null : numbers.reduce((a, b) => a + b, 0) / numbers.length;
          break;
        case 'min':
        case 'max': {
          const all = values(kept) as (string | number)[];
          if (all.length === 0) result[measure.id] = null;
          else {
            const found = all.reduce((a, b) => ((measure.agg === 'min' ? b < a : b > a) ? b : a)) as unknown;
            // Timestamps come back as ISO text (docs/reports.md, column values).
            result[measure.id] = found instanceof Date ? found.toISOString() : found;
          }
          break;
        }
        case 'ratio': {
          if (measure.field === undefined) result[measure.id] = members.length === 0 ? null : kept.length / members.length;
          else {
            const whole = values(members).map(Number).reduce((a, b) => a + b, 0);
            result[measure.id] = whole === 0 ? null : numbers.reduce((a, b) => a + b, 0) / whole;
          }
          break;
        }
      }
    }
    return result;
  });
}

