import type { FormDefinition } from '../../../engine/definitions/generated/definition-types.js';
import type { Locale } from '../../../engine/errors/index.js';
import type { FieldChange, HistoryActor } from '../api/api-types.js';
import { fieldLabel, fieldOrder } from '../forms/field-schema.js';

export interface ChangeTarget {
  /** The definition's field path (`lines.qty`), used for the label and formatting. */
  readonly fieldPath: string;
  /** The line of a sub-table the change is in, 0-based. */
  readonly line?: number;
}

/** A change's path may be a field path (`lines.qty`), a data path (`lines.0.qty`) or a JSON pointer (`/lines/0/qty`). */
export function changeTarget(path: string): ChangeTarget {
  const segments = path.startsWith('/') ? path.slice(1).split('/') : path.split('.');
  const names = segments.filter((segment) => !/^\d+$/.test(segment));
  const index = segments.find((segment) => /^\d+$/.test(segment));
  const fieldPath = names.join('.');
  return index === undefined ? { fieldPath } : { fieldPath, line: Number(index) };
}

export function changeLabel(definition: FormDefinition, path: string, locale: Locale): string {
  const target = changeTarget(path);
  const label = fieldLabel(definition, target.fieldPath, locale);
  if (target.line === undefined) return label;
  const [table, column] = target.fieldPath.split('.');
  const tableLabel = fieldLabel(definition, table ?? '', locale);
  const lineText = `${tableLabel} #${target.line + 1}`;
  return column === undefined ? lineText : `${lineText} · ${label}`;
}

export function actorName(actor: HistoryActor): string {
  if (typeof actor === 'string') return actor;
  return actor.displayName || actor.username || actor.id || '';
}

/** Changes in the order the form shows its fields, lines in order; unknown paths last. */
export function sortChanges(definition: FormDefinition, changes: readonly FieldChange[]): FieldChange[] {
  const order = fieldOrder(definition);
  const rank = (change: FieldChange): [number, number, number] => {
    const target = changeTarget(change.path);
    const [table] = target.fieldPath.split('.');
    const tableRank = order.indexOf(table ?? '');
    const fieldRank = order.indexOf(target.fieldPath);
    return [tableRank === -1 ? order.length : tableRank, target.line ?? -1, fieldRank === -1 ? order.length : fieldRank];
  };
  return [...changes].sort((a, b) => {
    const left = rank(a);
    const right = rank(b);
    return left[0] - right[0] || left[1] - right[1] || left[2] - right[2];
  });
}

/** The picked-record ids that changes of lookup fields mention, per lookup form. */
export function lookupIdsInChanges(definition: FormDefinition, changes: readonly FieldChange[]): Map<string, Set<string>> {
  const byForm = new Map<string, Set<string>>();
  for (const change of changes) {
    const lookup = definition.lookups?.[changeTarget(change.path).fieldPath];
    if (!lookup) continue;
    for (const value of [change.before, change.after]) {
      if (typeof value !== 'string' || value === '') continue;
      const ids = byForm.get(lookup.form) ?? new Set<string>();
      ids.add(value);
      byForm.set(lookup.form, ids);
    }
  }
  return byForm;
}
