import type { FieldNode, FormModel } from './form-model.js';
import { getOwn, isPlainObject, pointerOf, type JsonObject } from './json-data.js';

/** One place a field's value lives: a top-level field, or a column in one line of a sub-table. */
export interface FieldSlot {
  readonly node: FieldNode;
  /** Data pointer: `/customer`, `/lines/0/qty`. */
  readonly pointer: string;
  /** The object holding the value: the record data, or the line. */
  readonly holder: JsonObject;
  /** The line index for a column. */
  readonly line?: number;
}

/**
 * Every slot of the data, in field order; a sub-table's slot comes before its lines' slots. Lines
 * that are not objects have no slots (validation reports them).
 */
export function fieldSlots(model: FormModel, data: JsonObject): FieldSlot[] {
  const slots: FieldSlot[] = [];
  for (const node of model.fields) {
    if (node.subTable !== undefined) continue;
    slots.push({ node, pointer: pointerOf(node.name), holder: data });
    if (node.type !== 'table') continue;
    const lines = getOwn(data, node.name);
    if (!Array.isArray(lines)) continue;
    const columns = (node.columns ?? []).flatMap((path) => model.byPath.get(path) ?? []);
    lines.forEach((line: unknown, index) => {
      if (!isPlainObject(line)) return;
      for (const column of columns) {
        slots.push({ node: column, pointer: pointerOf(node.name, index, column.name), holder: line, line: index });
      }
    });
  }
  return slots;
}

/**
 * A working copy of untrusted data that the engine may change: the record object, its sub-table
 * arrays and their line objects are copied; values below them are shared and never modified.
 */
export function copyData(model: FormModel, data: unknown): JsonObject {
  if (!isPlainObject(data)) return {};
  const copy: JsonObject = { ...data };
  for (const node of model.fields) {
    if (node.type !== 'table' || node.subTable !== undefined) continue;
    const lines = getOwn(copy, node.name);
    if (Array.isArray(lines)) copy[node.name] = lines.map((line: unknown) => (isPlainObject(line) ? { ...line } : line));
  }
  return copy;
}
