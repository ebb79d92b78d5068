import type { FormModel } from '../../../engine/forms/model/index.js';

type Json = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The uiSchema with every computed field (top-level and sub-table column) rendered by the `computed` field. */
export function markComputedUi(uiSchema: Json, model: FormModel): Record<string, unknown> {
  const marked: Record<string, unknown> = { ...uiSchema };
  const mark = (holder: Record<string, unknown>, name: string) => {
    const own = Object.prototype.hasOwnProperty.call(holder, name) ? holder[name] : undefined;
    // defineProperty keeps a field named `__proto__` an ordinary key instead of a prototype switch.
    Object.defineProperty(holder, name, { value: { ...(isRecord(own) ? own : {}), 'ui:field': 'computed' }, enumerable: true, writable: true, configurable: true });
  };
  for (const node of model.fields) {
    if (node.formula === undefined) continue;
    if (node.subTable === undefined) {
      mark(marked, node.name);
      continue;
    }
    const tableUi = Object.prototype.hasOwnProperty.call(marked, node.subTable) ? marked[node.subTable] : undefined;
    const table = { ...(isRecord(tableUi) ? tableUi : {}) };
    const items = { ...(isRecord(table.items) ? table.items : {}) };
    mark(items, node.name);
    table.items = items;
    Object.defineProperty(marked, node.subTable, { value: table, enumerable: true, writable: true, configurable: true });
  }
  return marked;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return a === undefined || a === null ? b === undefined || b === null : false;
  return typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b);
}

/** Whether two records hold the same entries, apart from the fields in `skip` (absent and null count as the same). */
function sameExcept(a: Json, b: Json, skip: ReadonlySet<string>, tables: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (skip.has(key)) continue;
    const left = a[key];
    const right = b[key];
    const columns = tables.get(key);
    if (columns !== undefined && Array.isArray(left) && Array.isArray(right)) {
      if (left.length !== right.length) return false;
      for (let index = 0; index < left.length; index += 1) {
        const line = left[index];
        const other = right[index];
        if (isRecord(line) && isRecord(other) ? !sameExcept(line, other, columns, new Map()) : !sameValue(line, other)) return false;
      }
      continue;
    }
    if (!sameValue(left, right)) return false;
  }
  return true;
}

/**
 * Whether `evaluated` differs from what rjsf holds (`entered`) only in computed values: then the
 * computed fields can show the evaluation by themselves, and rjsf needs no new form data.
 */
export function differsOnlyInComputed(model: FormModel, entered: Json, evaluated: Json): boolean {
  const skip = new Set<string>();
  const tables = new Map<string, Set<string>>();
  for (const node of model.fields) {
    if (node.subTable !== undefined) {
      const columns = tables.get(node.subTable) ?? new Set<string>();
      if (node.formula !== undefined) columns.add(node.name);
      tables.set(node.subTable, columns);
    } else if (node.formula !== undefined) {
      skip.add(node.name);
    }
  }
  return sameExcept(entered, evaluated, skip, tables);
}
