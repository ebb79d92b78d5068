import { sql, type RawBuilder } from 'kysely';
import { escapePointer } from '../../engine/definitions/index.js';
import { OrdoError } from '../../engine/errors/index.js';
import type { ConditionNode, ValueType } from '../../engine/reports/index.js';
import { boundValue, dayStart, fieldSql } from './field-sql.js';

export interface ConditionContext {
  readonly parameters: Readonly<Record<string, unknown>>;
  /** Today in Shanghai, 'YYYY-MM-DD'. */
  readonly today: string;
}

type Operand = { kind: 'none' } | { kind: 'values'; values: unknown[]; pointer: string } | { kind: 'range'; from: unknown; to: unknown } | { kind: 'field'; sql: RawBuilder<unknown> };

/**
 * The SQL of a condition, or undefined when it names a parameter that was not given (an optional
 * filter left empty). Every value is a bound parameter; a value of the wrong type is refused.
 */
export function conditionSql(node: ConditionNode, context: ConditionContext): RawBuilder<unknown> | undefined {
  const operand = operandOf(node, context);
  if (operand === undefined) return undefined;
  const field = fieldSql(node.field);
  const type = node.field.type;
  if (node.op === 'isNull') return sql`${field} is null`;
  if (node.op === 'notNull') return sql`${field} is not null`;
  if (operand.kind === 'field') return compare(node.op, field, operand.sql, type);
  if (operand.kind === 'range') {
    const parts = [
      operand.from === undefined ? undefined : bound('gte', field, operand.from, type),
      operand.to === undefined ? undefined : bound('lte', field, operand.to, type),
    ].filter((part) => part !== undefined);
    return parts.length === 0 ? undefined : sql.join(parts, sql` and `);
  }
  if (operand.kind !== 'values') return undefined;
  if (node.op === 'in') {
    if (operand.values.length === 0) return sql`false`;
    return sql`(${sql.join(operand.values.map((value) => bound('eq', field, value, type)), sql` or `)})`;
  }
  // Case-sensitive: lower() follows the database's locale, so PGlite and PostgreSQL could disagree.
  if (node.op === 'contains') return sql`strpos(${field}, ${operand.values[0]}::text) > 0`;
  return bound(node.op, field, operand.values[0], type);
}

/**
 * Text is ordered by code point (collation "C") so that PGlite and any PostgreSQL locale agree;
 * dates are ISO text, which orders the same under every collation.
 */
function compare(op: ConditionNode['op'], left: RawBuilder<unknown>, right: RawBuilder<unknown>, type?: ValueType): RawBuilder<unknown> {
  if (type === 'string' && op !== 'eq' && op !== 'ne') left = sql`${left} collate "C"`;
  switch (op) {
    case 'eq':
      return sql`${left} = ${right}`;
    case 'ne':
      return sql`${left} is distinct from ${right}`;
    case 'lt':
      return sql`${left} < ${right}`;
    case 'lte':
      return sql`${left} <= ${right}`;
    case 'gt':
      return sql`${left} > ${right}`;
    default:
      return sql`${left} >= ${right}`;
  }
}

/** A comparison with one bound value; a timestamp compared with a day compares with that Shanghai day. */
function bound(op: ConditionNode['op'], field: RawBuilder<unknown>, value: unknown, type: ValueType): RawBuilder<unknown> {
  if (type !== 'timestamp' || !isDay(value)) return compare(op, field, boundValue(value, type), type);
  switch (op) {
    case 'eq':
      return sql`(${field} >= ${dayStart(value, false)} and ${field} < ${dayStart(value, true)})`;
    case 'ne':
      return sql`not (${field} >= ${dayStart(value, false)} and ${field} < ${dayStart(value, true)})`;
    case 'lt':
      return sql`${field} < ${dayStart(value, false)}`;
    case 'lte':
      return sql`${field} < ${dayStart(value, true)}`;
    case 'gt':
      return sql`${field} >= ${dayStart(value, true)}`;
    default:
      return sql`${field} >= ${dayStart(value, false)}`;
  }
}

/** A real calendar day 'YYYY-MM-DD' (PostgreSQL would refuse 2026-02-30 mid-query). */
export function isDay(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** An ISO 8601 instant with its offset, which PostgreSQL reads as timestamptz. */
export function isInstant(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
    isDay(value.slice(0, 10)) &&
    !Number.isNaN(Date.parse(value))
  );
}

function operandOf(node: ConditionNode, context: ConditionContext): Operand | undefined {
  const operand = node.operand;
  switch (operand.kind) {
    case 'NoOperand':
      return { kind: 'none' };
    case 'FieldOperand':
      return { kind: 'field', sql: fieldSql(operand.field) };
    case 'TodayOperand':
      return { kind: 'values', values: [context.today], pointer: '' };
    case 'ValueOperand':
      return node.op === 'between'
        ? { kind: 'range', from: (operand.value as unknown[])[0], to: (operand.value as unknown[])[1] }
        : { kind: 'values', values: node.op === 'in' ? (operand.value as unknown[]) : [operand.value], pointer: '' };
    case 'ParamOperand': {
      const value = context.parameters[operand.name];
      if (value === undefined || value === null || value === '') return undefined;
      const pointer = `/parameters/${escapePointer(operand.name)}`;
      if (node.op === 'between') return rangeOf(value, node.field.type, pointer);
      const values = node.op === 'in' ? value : [value];
      if (!Array.isArray(values)) throw wrongType(pointer, 'must be a list');
      values.forEach((item, index) => checkType(item, node.field.type, node.op === 'in' ? `${pointer}/${index}` : pointer));
      return { kind: 'values', values, pointer };
    }
  }
}

function rangeOf(value: unknown, type: ValueType, pointer: string): Operand {
  if (Array.isArray(value) && value.length === 2) {
    value.forEach((item, index) => item === null || checkType(item, type, `${pointer}/${index}`));
    return { kind: 'range', from: value[0] ?? undefined, to: value[1] ?? undefined };
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const { from, to } = value as { from?: unknown; to?: unknown };
    if (from !== undefined && from !== '') checkType(from, type, `${pointer}/from`);
    if (to !== undefined && to !== '') checkType(to, type, `${pointer}/to`);
    return { kind: 'range', from: from === '' ? undefined : from, to: to === '' ? undefined : to };
  }
  throw wrongType(pointer, 'must be {from, to} or [from, to]');
}

function checkType(value: unknown, type: ValueType, pointer: string): void {
  const ok =
    type === 'number'
      ? typeof value === 'number' && Number.isFinite(value)
      : type === 'boolean'
        ? typeof value === 'boolean'
        : type === 'date' || type === 'timestamp'
          ? isDay(value) || isInstant(value)
          : typeof value === 'string';
  if (!ok) throw wrongType(pointer, `must be a ${type === 'timestamp' ? 'date' : type}`);
  // PostgreSQL text cannot hold NUL; refused here rather than failing mid-query.
  if (typeof value === 'string' && value.includes('\u0000')) throw wrongType(pointer, 'must not contain the NUL character');
}

function wrongType(pointer: string, message: string): OrdoError {
  return new OrdoError('ORDO_ERR_REPORT_PARAMETERS_INVALID', `${pointer}: ${message}`, { fields: [{ pointer, code: 'type', message }] });
}
