import type { ReportDefinition } from '../definitions/index.js';

/** A partial expression index on ordo_records: ((data->>'key')) for the live records of one form. */
export interface ReportIndex {
  readonly form: string;
  readonly key: string;
}

const INDEXED_OPS = new Set(['eq', 'in', 'between', 'lt', 'lte', 'gt', 'gte']);

/**
 * The record fields a report narrows its rows by: top-level fields of the source form and of joined
 * forms compared with a value, a parameter or today, and the fields joins match on. Those are
 * where an index lets PostgreSQL skip rows; grouped or aggregated fields are read from the rows
 * it keeps anyway, so they get none.
 */
export function reportIndexes(definition: ReportDefinition): ReportIndex[] {
  const source = definition.source;
  if (!('form' in source)) return [];
  const formOf = new Map<string, string>([['data', source.form], ...(definition.joins ?? []).map((join) => [join.as, join.form] as const)]);
  const found = new Map<string, ReportIndex>();
  const add = (form: string, key: string) => found.set(`${form}\u0000${key}`, Object.freeze({ form, key }));
  for (const filter of definition.filters ?? []) {
    if ('formula' in filter || !INDEXED_OPS.has(filter.op) || filter.ref !== undefined) continue;
    const [head, key] = filter.field.split('.');
    const form = head === undefined ? undefined : formOf.get(head);
    if (form !== undefined && key !== undefined && key !== 'id') add(form, key);
  }
  for (const join of definition.joins ?? []) {
    if (join.on !== undefined) add(join.form, join.on);
  }
  return [...found.values()].sort((a, b) => `${a.form}.${a.key}`.localeCompare(`${b.form}.${b.key}`));
}
