import { OrdoError, type FieldError } from '../../engine/errors/index.js';
import type { RecordFilter, RecordListQuery } from '../services/index.js';

type FilterOp = RecordFilter['op'];

const FILTER_OPS: readonly FilterOp[] = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'contains'];
const FIELD_PATH = /^[a-zA-Z][a-zA-Z0-9_]*(\.[a-zA-Z][a-zA-Z0-9_]*)?$/;

export interface ListQueryString {
  filter?: string[];
  q?: string;
  sort?: string;
  limit: number;
  offset: number;
}

/**
 * Reads `filter=field:op:value` parameters. The value is everything after the second colon, so
 * it may itself hold colons (times, codes such as `SO:2026`).
 */
export function parseFilter(text: string): RecordFilter | undefined {
  const first = text.indexOf(':');
  const second = first < 0 ? -1 : text.indexOf(':', first + 1);
  if (second < 0) return undefined;
  const field = text.slice(0, first);
  const op = text.slice(first + 1, second);
  if (!FIELD_PATH.test(field) || !isFilterOp(op)) return undefined;
  return { field, op, value: text.slice(second + 1) };
}

export function toRecordQuery(query: ListQueryString): RecordListQuery {
  const filters: RecordFilter[] = [];
  const problems: FieldError[] = [];
  (query.filter ?? []).forEach((text, index) => {
    const filter = parseFilter(text);
    if (filter === undefined) {
      problems.push({
        pointer: `/query/filter/${index}`,
        code: 'format',
        message: `must be field:op:value with op one of ${FILTER_OPS.join(', ')}`,
      });
    } else {
      filters.push(filter);
    }
  });
  if (problems.length > 0) {
    throw new OrdoError('ORDO_ERR_REQUEST_INVALID', `${problems[0]?.pointer}: ${problems[0]?.message}`, { fields: problems });
  }
  const result: RecordListQuery = { filters, limit: query.limit, offset: query.offset };
  if (query.q !== undefined && query.q !== '') result.q = query.q;
  if (query.sort !== undefined) result.sort = query.sort;
  return result;
}

function isFilterOp(op: string): op is FilterOp {
  return (FILTER_OPS as readonly string[]).includes(op);
}
