import type { FilterOperator, ListQuery, RecordFilter } from '../api/api-types.js';
import { listQueryToSearch } from '../api/list-query.js';

export const FILTER_OPERATORS: readonly FilterOperator[] = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'contains'];

export const PAGE_SIZE = 20;

function isOperator(value: string): value is FilterOperator {
  return (FILTER_OPERATORS as readonly string[]).includes(value);
}

/** `field:op:value`; the value may itself contain colons. */
export function parseFilter(text: string): RecordFilter | undefined {
  const first = text.indexOf(':');
  const second = first === -1 ? -1 : text.indexOf(':', first + 1);
  if (second === -1) return undefined;
  const field = text.slice(0, first);
  const op = text.slice(first + 1, second);
  if (!field || !isOperator(op)) return undefined;
  return { field, op, value: text.slice(second + 1) };
}

/** The list page keeps its query in the URL hash (`#/forms/x?q=..&sort=..`) so reload and back work. */
export function parseListSearch(search: string): ListQuery {
  const params = new URLSearchParams(search);
  const filters = params.getAll('filter').map(parseFilter).filter((filter): filter is RecordFilter => filter !== undefined);
  const offset = Number(params.get('offset') ?? '0');
  const query: { q?: string; sort?: string; filters: RecordFilter[]; offset: number; limit: number } = {
    filters,
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
    limit: PAGE_SIZE,
  };
  const q = params.get('q');
  if (q) query.q = q;
  const sort = params.get('sort');
  if (sort) query.sort = sort;
  return query;
}

export function formatListSearch(query: ListQuery): string {
  const { limit: _limit, ...rest } = query;
  return listQueryToSearch(rest).replace(/^\?/, '');
}

/** Clicking a header: a new column sorts ascending, the sorted column flips direction. */
export function nextSort(current: string | undefined, field: string): string {
  if (current === field) return `-${field}`;
  return field;
}

export function sortDirection(current: string | undefined, field: string): 'asc' | 'desc' | undefined {
  if (current === field) return 'asc';
  if (current === `-${field}`) return 'desc';
  return undefined;
}
