import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listQueryToSearch } from '../../designer/src/api/list-query.js';
import { formatListSearch, nextSort, PAGE_SIZE, parseFilter, parseListSearch, sortDirection } from '../../designer/src/records/list-search.js';

describe('list query in the URL', () => {
  it('builds the API query with one filter parameter per filter', () => {
    const search = listQueryToSearch({
      q: ' pump ',
      filters: [
        { field: 'status', op: 'eq', value: 'open' },
        { field: 'total', op: 'gte', value: '1000' },
      ],
      sort: '-dueDate',
      limit: 20,
      offset: 40,
    });
    const params = new URLSearchParams(search.slice(1));
    expect(search.startsWith('?')).toBe(true);
    expect(params.get('q')).toBe('pump');
    expect(params.getAll('filter')).toEqual(['status:eq:open', 'total:gte:1000']);
    expect(params.get('sort')).toBe('-dueDate');
    expect(params.get('limit')).toBe('20');
    expect(params.get('offset')).toBe('40');
  });

  it('leaves out empty parts', () => {
    expect(listQueryToSearch({})).toBe('');
    expect(listQueryToSearch({ q: '   ', offset: 0, filters: [{ field: 'x', op: 'eq', value: '' }] })).toBe('');
  });

  it('reads a filter whose value contains colons and refuses unknown operators', () => {
    expect(parseFilter('shipAt:gte:2026-11-24T08:00')).toEqual({ field: 'shipAt', op: 'gte', value: '2026-11-24T08:00' });
    expect(parseFilter('status:like:x')).toBeUndefined();
    expect(parseFilter('status')).toBeUndefined();
  });

  it('round-trips any query through the hash', () => {
    const word = fc.string({ minLength: 1, maxLength: 12 }).filter((value) => value.trim() === value && !value.includes(':'));
    const query = fc.record({
      q: word,
      sort: word,
      offset: fc.nat({ max: 10_000 }),
      filters: fc.array(fc.record({ field: word, op: fc.constantFrom('eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'contains' as const), value: fc.string({ minLength: 1, maxLength: 12 }).filter((value) => value.trim() === value) }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(query, (value) => {
        expect(parseListSearch(formatListSearch(value))).toEqual({ ...value, limit: PAGE_SIZE });
      }),
    );
  });

  it('flips the sort direction on the sorted column and starts ascending on a new one', () => {
    expect(nextSort(undefined, 'total')).toBe('total');
    expect(nextSort('total', 'total')).toBe('-total');
    expect(nextSort('-total', 'total')).toBe('total');
    expect(nextSort('-total', 'customer')).toBe('customer');
    expect(sortDirection('-total', 'total')).toBe('desc');
    expect(sortDirection('total', 'total')).toBe('asc');
    expect(sortDirection('total', 'customer')).toBeUndefined();
  });
});
