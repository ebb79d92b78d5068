import type { ListQuery } from './api-types.js';

/** The query string of GET /api/forms/:form/records, with one `filter=field:op:value` per filter. */
export function listQueryToSearch(query: ListQuery): string {
  const params = new URLSearchParams();
  const q = query.q?.trim();
  if (q) params.set('q', q);
  for (const filter of query.filters ?? []) {
    if (filter.field && filter.value !== '') params.append('filter', `${filter.field}:${filter.op}:${filter.value}`);
  }
  if (query.sort) params.set('sort', query.sort);
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  if (query.offset !== undefined && query.offset > 0) params.set('offset', String(query.offset));
  const text = params.toString();
  return text ? `?${text}` : '';
}
