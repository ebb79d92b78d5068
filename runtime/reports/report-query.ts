import { sql, type RawBuilder } from 'kysely';
import type { ConditionNode, MeasureNode, ReportPlan } from '../../engine/reports/index.js';
import { conditionSql, type ConditionContext } from './condition-sql.js';
import { formulaConditionSql } from './formula-sql.js';
import { fieldSql, groupSql, INSTANCE_ALIAS, joinAlias, LINE_ALIAS, SOURCE_ALIAS, WORKFLOW_ALIAS } from './field-sql.js';

export interface QueryContext extends ConditionContext {
  /** Workflow sources: only instances of these forms (those the user may read); undefined for admin. */
  readonly readableForms: readonly string[] | undefined;
}

const WORKFLOW_TABLES = { instances: 'ordo_workflow_instances', tasks: 'ordo_tasks', events: 'ordo_workflow_events' } as const;

/** Output column names: g0.. for groups, m0.. for measures, so no definition name reaches SQL as an identifier. */
export const groupColumn = (index: number) => `g${index}`;
export const measureColumn = (index: number) => `m${index}`;

/** One row per element of a jsonb array (sub-table lines, plan entries); anything but an array has none. */
function entriesSql(array: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`cross join lateral jsonb_array_elements(case when jsonb_typeof(${array}) = 'array' then ${array} else '[]'::jsonb end) as ${sql.ref(LINE_ALIAS)}(value)`;
}

/** FROM, joins and WHERE of a plan: the rows a report aggregates (and a drill-down lists). */
function rowsSql(plan: ReportPlan, context: QueryContext, extra: readonly RawBuilder<unknown>[]): { from: RawBuilder<unknown>; where: RawBuilder<unknown> } {
  const source = plan.source;
  const from: RawBuilder<unknown>[] = [];
  const where: RawBuilder<unknown>[] = [];
  if (source.kind === 'FormSourceNode') {
    from.push(sql`ordo_records as ${sql.ref(SOURCE_ALIAS)}`);
    where.push(sql`${sql.ref(`${SOURCE_ALIAS}.form`)} = ${sql.lit(source.form)}`, sql`${sql.ref(`${SOURCE_ALIAS}.deleted_at`)} is null`);
    if (source.lines !== undefined) {
      from.push(entriesSql(sql`${sql.ref(`${SOURCE_ALIAS}.data`)}->${sql.lit(source.lines)}`));
    }
    for (const join of plan.joins) {
      const alias = joinAlias(join);
      const target = join.on === undefined ? sql.ref(`${alias}.id`) : sql`(${sql.ref(`${alias}.data`)}->>${sql.lit(join.on)})`;
      from.push(
        sql`left join ordo_records as ${sql.ref(alias)} on ${sql.ref(`${alias}.form`)} = ${sql.lit(join.form)} and ${sql.ref(`${alias}.deleted_at`)} is null and ${target} = ${fieldSql(join.field)}`,
      );
    }
  } else if (source.kind === 'PlanRunSourceNode') {
    from.push(sql`ordo_plan_runs as ${sql.ref(SOURCE_ALIAS)}`, entriesSql(sql`${sql.ref(`${SOURCE_ALIAS}.plan`)}->${sql.lit(source.entries)}`));
    // No run yet: the subquery is null and no row matches, so the report is empty rather than an error.
    where.push(sql`${sql.ref(`${SOURCE_ALIAS}.id`)} = (select latest.id from ordo_plan_runs as latest order by latest.created_at desc, latest.id desc limit 1)`);
  } else {
    from.push(sql`${sql.table(WORKFLOW_TABLES[source.table])} as ${sql.ref(WORKFLOW_ALIAS)}`);
    const owner = source.table === 'events' ? INSTANCE_ALIAS : WORKFLOW_ALIAS;
    if (source.table === 'events') from.push(sql`join ordo_workflow_instances as ${sql.ref(INSTANCE_ALIAS)} on ${sql.ref(`${INSTANCE_ALIAS}.id`)} = ${sql.ref(`${WORKFLOW_ALIAS}.instance_id`)}`);
    if (source.definition !== undefined) where.push(sql`${sql.ref(`${owner}.workflow`)} = ${sql.lit(source.definition)}`);
    if (context.readableForms !== undefined) {
      where.push(
        context.readableForms.length === 0
          ? sql`false`
          : sql`${sql.ref(`${owner}.form`)} in (${sql.join(context.readableForms.map((form) => sql`${form}::text`))})`,
      );
    }
  }
  for (const filter of plan.filters) {
    const condition = filter.kind === 'FormulaConditionNode' ? formulaConditionSql(filter, context) : conditionSql(filter, context);
    if (condition !== undefined) where.push(condition);
  }
  where.push(...extra);
  return { from: sql.join(from, sql` `), where: sql.join(where.map((part) => sql`(${part})`), sql` and `) };
}

function filterClause(conditions: readonly ConditionNode[], context: ConditionContext): RawBuilder<unknown> | undefined {
  const parts = conditions.flatMap((condition) => conditionSql(condition, context) ?? []);
  return parts.length === 0 ? undefined : sql.join(parts.map((part) => sql`(${part})`), sql` and `);
}

function measureSql(measure: MeasureNode, context: ConditionContext): RawBuilder<unknown> {
  const field = measure.field === undefined ? undefined : fieldSql(measure.field);
  const where = filterClause(measure.where, context);
  const filter = where === undefined ? sql`` : sql` filter (where ${where})`;
  switch (measure.agg) {
    case 'count':
      return field === undefined ? sql`count(*)${filter}` : sql`count(${field})${filter}`;
    case 'countDistinct':
      return sql`count(distinct ${field})${filter}`;
    case 'ratio': {
      // No row meeting the numerator's conditions is a share of 0, not an unknown one.
      if (field !== undefined) return sql`(coalesce(sum(${field})${filter}, 0) / nullif(sum(${field}), 0))`;
      return sql`(count(*)${filter}::numeric / nullif(count(*), 0))`;
    }
    case 'sum': {
      const value = measure.times === undefined ? field : sql`${field} * ${fieldSql(measure.times)}`;
      return sql`sum(${value})${filter}`;
    }
    case 'avg':
      return sql`avg(${field})${filter}`;
    case 'min':
      return sql`min(${field})${filter}`;
    case 'max':
      return sql`max(${field})${filter}`;
  }
}

/** The one aggregate query of a report run: groups, measures, sort, limit; every user value bound. */
export function reportQuery(plan: ReportPlan, context: QueryContext): RawBuilder<Record<string, unknown>> {
  const { from, where } = rowsSql(plan, context, []);
  const groups = plan.groups.map((group, index) => sql`${groupSql(group)} as ${sql.ref(groupColumn(index))}`);
  const measures = plan.measures.map((measure, index) => sql`${measureSql(measure, context)} as ${sql.ref(measureColumn(index))}`);
  const groupBy = plan.groups.length === 0 ? sql`` : sql` group by ${sql.join(plan.groups.map((group) => groupSql(group)))}`;
  const columnOf = (key: string) => {
    const group = plan.groups.findIndex((node) => node.key === key);
    return group >= 0 ? groupColumn(group) : measureColumn(plan.measures.findIndex((node) => node.key === key));
  };
  const order = plan.sort.length > 0
    ? plan.sort.map((node) => sql`${sql.ref(columnOf(node.key))} ${node.dir === 'desc' ? sql`desc nulls last` : sql`asc nulls last`}`)
    : plan.groups.map((_group, index) => sql`${sql.ref(groupColumn(index))} asc nulls last`);
  const orderBy = order.length === 0 ? sql`` : sql` order by ${sql.join(order)}`;
  const limit = plan.limit === undefined ? sql`` : sql` limit ${plan.limit}`;
  return sql<Record<string, unknown>>`select ${sql.join([...groups, ...measures])} from ${from} where ${where}${groupBy}${orderBy}${limit}`;
}

/**
 * The ids of the records behind one row of a report (the source's or a join's records), a page of
 * them and how many there are. `rowConditions` pin each group to the row's value.
 */
export function drillQuery(
  plan: ReportPlan,
  context: QueryContext,
  target: { kind: 'source' } | { kind: 'join'; index: number },
  rowConditions: readonly RawBuilder<unknown>[],
  page: { limit: number; offset: number },
): RawBuilder<{ id: string; total: string | number }> {
  const { from, where } = rowsSql(plan, context, rowConditions);
  const id = sql.ref(target.kind === 'source' ? `${SOURCE_ALIAS}.id` : `${joinAlias(target)}.id`);
  return sql<{ id: string; total: string | number }>`select ids.id, count(*) over () as total from (select distinct ${id} as id from ${from} where ${where} and ${id} is not null) as ids order by ids.id limit ${page.limit} offset ${page.offset}`;
}

/** Pins a group to a row's value (null matches a missing value). */
export function rowCondition(plan: ReportPlan, index: number, value: unknown): RawBuilder<unknown> {
  const group = plan.groups[index]!;
  const expression = groupSql(group);
  if (value === null) return sql`${expression} is null`;
  if (group.bucket !== undefined || group.field.type === 'date') return sql`${expression} = ${value}::text`;
  if (group.field.type === 'number') return sql`${expression} = ${value}::numeric`;
  if (group.field.type === 'boolean') return sql`${expression} = ${value}::boolean`;
  if (group.field.type === 'timestamp') return sql`${expression} = ${value}::timestamptz`;
  return sql`${expression} = ${value}::text`;
}
