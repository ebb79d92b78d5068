import { sql, type Expression, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { DatabaseSchema } from '../db/index.js';

/**
 * Conditions on record lists. Field names arrive here already checked against the form, and still
 * travel as bound parameters (`data->>$1`), never as SQL text.
 */
export type RecordTarget =
  | { kind: 'text'; field: string }
  | { kind: 'number'; field: string }
  | { kind: 'boolean'; field: string }
  /** A multiple choice (a JSON array of values): eq / ne ask whether the list holds the value. */
  | { kind: 'choices'; field: string }
  | { kind: 'time'; column: 'created_at' | 'updated_at' };

export type FilterOp = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'contains';

export type RecordCondition =
  | { type: 'filter'; target: RecordTarget; op: FilterOp; value: string }
  /** Case-insensitive substring search over several text fields (any may match). */
  | { type: 'search'; fields: readonly string[]; text: string };

export type RecordSort =
  | { kind: 'data'; field: string; direction: 'asc' | 'desc' }
  | { kind: 'time'; column: 'created_at' | 'updated_at'; direction: 'asc' | 'desc' };

type RecordQuery<O> = SelectQueryBuilder<DatabaseSchema, 'ordo_records', O>;

export function applyRecordConditions<O>(query: RecordQuery<O>, conditions: readonly RecordCondition[]): RecordQuery<O> {
  let result = query;
  for (const condition of conditions) result = result.where(conditionSql(condition));
  return result;
}

export function orderRecords<O>(query: RecordQuery<O>, sort: RecordSort): RecordQuery<O> {
  // jsonb orders numbers numerically and strings by collation; id breaks ties so pages are stable.
  const key = sort.kind === 'data' ? sql`data -> ${sort.field}::text` : sql.ref(sort.column);
  return query.orderBy(key, sort.direction).orderBy('id', sort.direction);
}

/** Escapes LIKE wildcards so the user's text matches literally (backslash is the default escape). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

function conditionSql(condition: RecordCondition): Expression<SqlBool> {
  if (condition.type === 'search') {
    const pattern = likePattern(condition.text);
    const parts = condition.fields.map((field) => sql<SqlBool>`(data ->> ${field}::text) ilike ${pattern}`);
    return parts.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
  }
  const { target, op, value } = condition;
  if (op === 'contains') {
    const left = target.kind === 'time' ? sql`${sql.ref(target.column)}::text` : sql`data ->> ${target.field}::text`;
    return sql<SqlBool>`${left} ilike ${likePattern(value)}`;
  }
  if (target.kind === 'choices') {
    const holds = sql<SqlBool>`coalesce(data -> ${target.field}::text, '[]'::jsonb) @> jsonb_build_array(${value}::text)`;
    return op === 'ne' ? sql<SqlBool>`not ${holds}` : holds;
  }
  const [left, right] = operands(target, value);
  return sql<SqlBool>`${left} ${comparison(op)} ${right}`;
}

function operands(target: Exclude<RecordTarget, { kind: 'choices' }>, value: string) {
  switch (target.kind) {
    case 'text':
    case 'boolean':
      return [sql`(data ->> ${target.field}::text)`, sql`${value}::text`] as const;
    case 'number':
      // A record written when the field was still text holds a string there: it matches no number filter.
      return [
        sql`(case when jsonb_typeof(data -> ${target.field}::text) = 'number' then (data ->> ${target.field}::text)::numeric end)`,
        sql`${value}::numeric`,
      ] as const;
    case 'time':
      return [sql.ref(target.column), sql`${new Date(value)}::timestamptz`] as const;
  }
}

// The operator comes from this fixed table, never from the request text.
function comparison(op: Exclude<FilterOp, 'contains'>) {
  const operators = { eq: '=', ne: 'is distinct from', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;
  return sql.raw(operators[op]);
}
