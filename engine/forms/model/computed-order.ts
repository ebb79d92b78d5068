import type { DefinitionProblems } from './definition-problems.js';
import type { FieldShape } from './field-discovery.js';
import { pointerOf } from './json-data.js';

export interface ComputedEntry {
  readonly path: string;
  readonly subTable?: string;
  readonly references: readonly string[];
}

/**
 * The field a formula's reference names. In a column's formula a bare name is the line's own column
 * when the sub-table has one, otherwise the header field.
 */
export function resolveReference(
  reference: string,
  subTable: string | undefined,
  byPath: ReadonlyMap<string, FieldShape>,
): FieldShape | undefined {
  if (subTable !== undefined && !reference.includes('.')) {
    const column = byPath.get(`${subTable}.${reference}`);
    if (column !== undefined) return column;
  }
  return byPath.get(reference);
}

/**
 * Orders computed fields so each comes after every computed field it reads (a formula reading a
 * whole sub-table reads all its computed columns), and reports each cycle once.
 */
export function orderComputed(
  entries: readonly ComputedEntry[],
  byPath: ReadonlyMap<string, FieldShape>,
  problems: DefinitionProblems,
): string[] {
  const computed = new Map(entries.map((entry) => [entry.path, entry]));
  const dependencies = (entry: ComputedEntry): string[] => {
    const found = new Set<string>();
    for (const reference of entry.references) {
      const field = resolveReference(reference, entry.subTable, byPath);
      if (field === undefined) continue;
      if (computed.has(field.path)) found.add(field.path);
      for (const column of field.columns ?? []) if (computed.has(column)) found.add(column);
    }
    return [...found];
  };

  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const reported = new Set<string>();
  const visit = (path: string, trail: string[]): void => {
    const current = state.get(path);
    if (current === 'done') return;
    if (current === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(path)), path];
      const key = [...new Set(cycle)].sort().join(',');
      if (!reported.has(key)) {
        reported.add(key);
        problems.add(pointerOf('computed', path), 'cycle', `computed fields depend on each other in a cycle: ${cycle.join(' -> ')}`);
      }
      return;
    }
    state.set(path, 'visiting');
    const entry = computed.get(path);
    if (entry !== undefined) for (const dependency of dependencies(entry)) visit(dependency, [...trail, path]);
    state.set(path, 'done');
    order.push(path);
  };
  for (const entry of entries) visit(entry.path, []);
  return order;
}
