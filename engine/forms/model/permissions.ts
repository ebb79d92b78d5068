import type { FieldPermission } from '../../definitions/generated/definition-types.js';
import type { FieldNode, FormModel } from './form-model.js';
import { getOwn, hasOwn, isPlainObject, type JsonObject } from './json-data.js';

/** The role that may always read and write everything. */
export const ADMIN_ROLE = 'admin';

function allows(list: readonly string[] | undefined, roles: readonly string[]): boolean {
  return list === undefined || roles.includes(ADMIN_ROLE) || roles.some((role) => list.includes(role));
}

function readableBy(permission: FieldPermission | undefined, roles: readonly string[]): boolean {
  return allows(permission?.read, roles);
}

/** A field nobody may see cannot be written either: write implies read. */
function writableBy(permission: FieldPermission | undefined, roles: readonly string[]): boolean {
  return readableBy(permission, roles) && allows(permission?.write, roles);
}

function tableOf(model: FormModel, node: FieldNode): FieldNode | undefined {
  return node.subTable === undefined ? undefined : model.byPath.get(node.subTable);
}

/** A column is readable only when its sub-table is. */
export function canRead(model: FormModel, node: FieldNode, roles: readonly string[]): boolean {
  const table = tableOf(model, node);
  return readableBy(node.permission, roles) && (table === undefined || readableBy(table.permission, roles));
}

export function canWrite(model: FormModel, node: FieldNode, roles: readonly string[]): boolean {
  const table = tableOf(model, node);
  return writableBy(node.permission, roles) && (table === undefined || writableBy(table.permission, roles));
}

function projectLine(model: FormModel, table: FieldNode, line: unknown, roles: readonly string[]): unknown {
  if (!isPlainObject(line)) return line;
  const copy: JsonObject = { ...line };
  for (const column of table.columns ?? []) {
    const node = model.byPath.get(column);
    if (node !== undefined && !canRead(model, node, roles)) delete copy[node.name];
  }
  return copy;
}

/** A copy of record data without the fields (and sub-table columns) the roles may not read. */
export function projectData(model: FormModel, data: unknown, roles: readonly string[]): Record<string, unknown> {
  if (!isPlainObject(data)) return {};
  const copy: JsonObject = { ...data };
  for (const node of model.fields) {
    if (node.subTable !== undefined || !hasOwn(copy, node.name)) continue;
    if (!canRead(model, node, roles)) {
      delete copy[node.name];
      continue;
    }
    const lines = getOwn(copy, node.name);
    if (node.type === 'table' && Array.isArray(lines)) {
      copy[node.name] = lines.map((line: unknown) => projectLine(model, node, line, roles));
    }
  }
  return copy;
}
