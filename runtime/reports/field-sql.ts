import { sql, type RawBuilder } from 'kysely';
import type { FieldNode, GroupNode, JoinNode, ValueType } from '../../engine/reports/index.js';

/** Report times are Shanghai times: a day, week or month starts at midnight there. */
export const REPORT_TIME_ZONE = 'Asia/Shanghai';

export const SOURCE_ALIAS = 'r';
export const LINE_ALIAS = 'l';
export const WORKFLOW_ALIAS = 'w';
export const INSTANCE_ALIAS = 'wi';

export function joinAlias(join: Pick<JoinNode, 'index'>): string {
  return `j${join.index}`;
}

function tableAlias(table: { kind: 'source' | 'line' | 'workflow' | 'instance' } | { kind: 'join'; index: number }): string {
  switch (table.kind) {
    case 'source':
      return SOURCE_ALIAS;
    case 'line':
      return LINE_ALIAS;
    case 'workflow':
      return WORKFLOW_ALIAS;
    case 'instance':
      return INSTANCE_ALIAS;
    case 'join':
      return joinAlias(table);
  }
}

/**
 * The SQL of a field. JSON keys and column names come from the definition (checked against the
 * form and the name pattern) and are written as literals so expression indexes match; user values
 * never pass through here.
 */
export function fieldSql(node: FieldNode): RawBuilder<unknown> {
  switch (node.kind) {
    case 'JsonFieldNode': {
      const container = node.table.kind === 'line' ? sql.ref(`${LINE_ALIAS}.value`) : sql.ref(`${tableAlias(node.table)}.data`);
      const text = sql`(${container}->>${sql.lit(node.key)})`;
      if (node.type === 'number') return sql`(${text})::numeric`;
      if (node.type === 'boolean') return sql`(${text})::boolean`;
      if (node.type === 'timestamp') return sql`(${text})::timestamptz`;
      return text;
    }
    case 'ColumnFieldNode':
      return sql.ref(`${tableAlias(node.table)}.${node.column}`);
    case 'DurationFieldNode':
      return sql`extract(epoch from (${sql.ref(`${WORKFLOW_ALIAS}.${node.to}`)} - ${sql.ref(`${WORKFLOW_ALIAS}.${node.from}`)}))`;
    case 'PlanLabelFieldNode':
      return sql`(${sql.ref(`${SOURCE_ALIAS}.labels`)}->${sql.lit(node.label)}->>(${sql.ref(`${LINE_ALIAS}.value`)}->>${sql.lit(node.key)}))`;
  }
}

/** A user value bound as a parameter, cast to the field's SQL type (dates stay ISO text: they compare as text). */
export function boundValue(value: unknown, type: ValueType): RawBuilder<unknown> {
  if (type === 'number') return sql`${value}::numeric`;
  if (type === 'boolean') return sql`${value}::boolean`;
  if (type === 'timestamp') return sql`${value}::timestamptz`;
  return sql`${value}::text`;
}

/** The start of a Shanghai day given as 'YYYY-MM-DD' (or of the next day), as a timestamptz. */
export function dayStart(value: unknown, next: boolean): RawBuilder<unknown> {
  const day = next ? sql`(${value}::date + 1)` : sql`${value}::date`;
  return sql`(${day}::timestamp at time zone ${sql.lit(REPORT_TIME_ZONE)})`;
}

/** A group's expression: the field, or its date bucket as 'YYYY-MM-DD' text (the bucket's first day). */
export function groupSql(group: Pick<GroupNode, 'field' | 'bucket'>): RawBuilder<unknown> {
  const field = fieldSql(group.field);
  // Text groups sort by code point: the same order on PGlite and every PostgreSQL locale, and a
  // memcmp sort instead of the locale's strcoll over every row being grouped.
  if (group.bucket === undefined) return group.field.type === 'string' ? sql`(${field} collate "C")` : field;
  const local = group.field.type === 'timestamp' ? sql`(${field} at time zone ${sql.lit(REPORT_TIME_ZONE)})` : sql`(${field})::date`;
  if (group.bucket === 'month' && group.field.type === 'date') return sql`(left(${field}, 7) || '-01')`;
  if (group.bucket === 'day' && group.field.type === 'date') return field;
  return sql`to_char(date_trunc(${sql.lit(group.bucket)}, ${local}), 'YYYY-MM-DD')`;
}
