import type { FormDefinition } from '../../engine/definitions/index.js';
import { OrdoError, type FieldError } from '../../engine/errors/index.js';
import type { RecordCondition, RecordSort, RecordTarget } from '../stores/index.js';
import { mayReadField } from './form-access.js';
import type { RecordListQuery } from './types.js';

export const MAX_PAGE_SIZE = 200;
const DEFAULT_SORT = '-createdAt';
const META_COLUMNS = { createdAt: 'created_at', updatedAt: 'updated_at' } as const;
const NUMBER = /^-?\d+(\.\d+)?$/;

export interface TranslatedQuery {
  conditions: RecordCondition[];
  sort: RecordSort;
  limit: number;
  offset: number;
}

/**
 * Turns the API's list query into store conditions. Every field must be a top-level field of the
 * form that the actor may read (or createdAt / updatedAt); anything else is reported with the
 * pointer of the query parameter, so the client knows which one to fix.
 */
export function translateListQuery(
  definition: FormDefinition,
  roles: readonly string[],
  query: RecordListQuery,
  maxLimit: number = MAX_PAGE_SIZE,
): TranslatedQuery {
  const problems: FieldError[] = [];
  const conditions: RecordCondition[] = [];

  query.filters.forEach((filter, index) => {
    const pointer = `/query/filter/${index}`;
    const target = resolveTarget(definition, roles, filter.field);
    if (typeof target === 'string') return problems.push({ pointer, code: 'field', message: target });
    const problem = valueProblem(target, filter.op, filter.value);
    if (problem !== undefined) return problems.push({ pointer, code: 'value', message: problem });
    conditions.push({ type: 'filter', target, op: filter.op, value: filter.value });
  });

  const text = query.q?.trim() ?? '';
  if (text.length > 0) conditions.push({ type: 'search', fields: searchFields(definition, roles), text });

  const sortText = query.sort ?? definition.list?.sort ?? DEFAULT_SORT;
  const direction = sortText.startsWith('-') ? 'desc' : 'asc';
  const sortTarget = resolveTarget(definition, roles, sortText.replace(/^-/, ''));
  let sort: RecordSort = { kind: 'time', column: 'created_at', direction: 'desc' };
  if (typeof sortTarget === 'string') problems.push({ pointer: '/query/sort', code: 'field', message: sortTarget });
  else sort = sortTarget.kind === 'time' ? { kind: 'time', column: sortTarget.column, direction } : { kind: 'data', field: sortTarget.field, direction };

  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > maxLimit) {
    problems.push({ pointer: '/query/limit', code: 'maximum', message: `must be a whole number from 1 to ${maxLimit}` });
  }
  if (!Number.isInteger(query.offset) || query.offset < 0) {
    problems.push({ pointer: '/query/offset', code: 'minimum', message: 'must be a whole number of at least 0' });
  }
  if (problems.length > 0) {
    throw new OrdoError('ORDO_ERR_REQUEST_INVALID', problems.map((p) => `${p.pointer}: ${p.message}`).join('; '), { fields: problems });
  }
  return { conditions, sort, limit: query.limit, offset: query.offset };
}

/** The store target of a field name, or the reason it cannot be used. */
function resolveTarget(definition: FormDefinition, roles: readonly string[], field: string): RecordTarget | string {
  if (field === 'createdAt' || field === 'updatedAt') return { kind: 'time', column: META_COLUMNS[field] };
  const schema = Object.hasOwn(definition.schema.properties, field) ? definition.schema.properties[field] : undefined;
  if (schema === undefined || !mayReadField(definition, field, roles)) return `${field} is not a field of form ${definition.id}`;
  const type = schema.type;
  if (type === 'number' || type === 'integer') return { kind: 'number', field };
  if (type === 'boolean') return { kind: 'boolean', field };
  if (type === 'array' && Object.hasOwn(definition.options ?? {}, field)) return { kind: 'choices', field };
  if (type === 'array' || type === 'object') return `${field} is a table and cannot be filtered or sorted`;
  return { kind: 'text', field };
}

function valueProblem(target: RecordTarget, op: string, value: string): string | undefined {
  if (target.kind === 'choices' && op !== 'eq' && op !== 'ne' && op !== 'contains') return 'a multiple choice takes eq (holds the value), ne (does not) or contains';
  if (target.kind === 'number' && op !== 'contains' && !NUMBER.test(value)) return `${value} is not a number`;
  if (target.kind === 'boolean' && !((op === 'eq' || op === 'ne') && (value === 'true' || value === 'false'))) {
    return 'a yes/no field takes eq or ne with true or false';
  }
  if (target.kind === 'time' && (op === 'contains' || !isStorableTime(value))) {
    return `${value} is not a date (2026-11-24) or date and time (2026-11-24T08:00:00Z) between the years 1 and 9999`;
  }
  return undefined;
}

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** An ISO 8601 date or date-time PostgreSQL's timestamptz can hold, and a real calendar day. */
function isStorableTime(value: string): boolean {
  const match = ISO_TIME.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  return year >= 1 && !Number.isNaN(Date.parse(value)) && calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
}

/** The list's search fields, else every top-level text field; only those the actor may read. */
function searchFields(definition: FormDefinition, roles: readonly string[]): string[] {
  const properties = definition.schema.properties;
  const candidates =
    definition.list?.searchFields ?? Object.keys(properties).filter((field) => properties[field]?.type === 'string');
  return candidates.filter((field) => Object.hasOwn(properties, field) && mayReadField(definition, field, roles));
}
