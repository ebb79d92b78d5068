import type { FormDefinition } from '../../../engine/definitions/generated/definition-types.js';
import type { Locale } from '../../../engine/errors/index.js';
import type { HistoryActor } from '../api/index.js';
import { fieldLabel } from '../forms/field-schema.js';

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
