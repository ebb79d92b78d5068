import { escapePointer } from '../../engine/definitions/index.js';
import { OrdoError, type FieldError, type Locale } from '../../engine/errors/index.js';
import { jsonEqual, type CompiledForm, type FieldNode } from '../../engine/forms/index.js';
import { findAttachmentMetas, findDisplayNames, type Executor } from '../stores/index.js';
import { isPlainObject } from './plain-object.js';

/**
 * Values that name things outside the record: members (users), departments (the app's list) and
 * attachments (uploaded files). The form engine checks their shape; whether they exist, and whether
 * the writer may use a file, needs the database, so it is checked here before the record is written.
 */
export interface ReferenceCheck {
  /** The data with each attachment's name, size and type as stored, whatever the client sent. */
  data: Record<string, unknown>;
  /** Uploads the record takes with this write. */
  newAttachments: string[];
}

export interface ReferenceContext {
  actor: { username: string; locale: Locale };
  /** The record being updated; absent on create. */
  recordId?: string;
  previous?: Readonly<Record<string, unknown>>;
  departments: ReadonlySet<string>;
}

const MESSAGES = {
  member: { en: 'no such user', 'zh-CN': '没有该用户' },
  department: { en: 'no such department', 'zh-CN': '没有该部门' },
  attachment: { en: 'this file was not uploaded to this field, or not by you', 'zh-CN': '该文件不存在，或不是您为此字段上传的' },
} as const;

/** Values of a field across the record: a top-level field, or a column in every line. */
function valuesAt(data: Record<string, unknown>, node: FieldNode): { pointer: string; value: unknown }[] {
  if (node.subTable === undefined) return [{ pointer: `/data/${escapePointer(node.name)}`, value: data[node.name] }];
  const lines = data[node.subTable];
  if (!Array.isArray(lines)) return [];
  return lines.map((line, i) => ({
    pointer: `/data/${escapePointer(node.subTable ?? '')}/${i}/${escapePointer(node.name)}`,
    value: isPlainObject(line) ? line[node.name] : undefined,
  }));
}

function previousValues(context: ReferenceContext, node: FieldNode): Set<unknown> {
  if (context.previous === undefined) return new Set();
  return new Set(valuesAt({ ...context.previous }, node).map((entry) => entry.value));
}

export async function checkFieldReferences(db: Executor, compiled: CompiledForm, data: Record<string, unknown>, context: ReferenceContext): Promise<ReferenceCheck> {
  const errors: FieldError[] = [];
  const locale = context.actor.locale;
  const members: { pointer: string; value: string }[] = [];
  const files: { pointer: string; field: string; index: number; id: string }[] = [];
  for (const node of compiled.model.fields) {
    if (node.kind === undefined) continue;
    const unchanged = previousValues(context, node);
    for (const { pointer, value } of valuesAt(data, node)) {
      if (node.kind === 'member' && typeof value === 'string' && value !== '' && !unchanged.has(value)) members.push({ pointer, value });
      if (node.kind === 'department' && typeof value === 'string' && value !== '' && !unchanged.has(value) && !context.departments.has(value)) {
        errors.push({ pointer, code: 'department', message: MESSAGES.department[locale] });
      }
      if (node.kind === 'attachments' && Array.isArray(value)) {
        value.forEach((item, index) => {
          if (isPlainObject(item) && typeof item['id'] === 'string') files.push({ pointer: `${pointer}/${index}`, field: node.path, index, id: item['id'] });
        });
      }
    }
  }
  const known = await findDisplayNames(db, members.map((member) => member.value));
  for (const member of members) if (!known.has(member.value)) errors.push({ pointer: member.pointer, code: 'member', message: MESSAGES.member[locale] });

  const stored = new Map((await findAttachmentMetas(db, files.map((file) => file.id))).map((row) => [row.id, row]));
  const result: Record<string, unknown> = { ...data };
  const newAttachments: string[] = [];
  for (const file of files) {
    const row = stored.get(file.id);
    const mine = row !== undefined && row.form === compiled.definition.id && row.field === file.field &&
      (row.record_id === null ? row.uploaded_by === context.actor.username : row.record_id === context.recordId);
    if (row === undefined || !mine) {
      errors.push({ pointer: file.pointer, code: 'attachment', message: MESSAGES.attachment[locale] });
      continue;
    }
    if (row.record_id === null) newAttachments.push(row.id);
    const list = result[file.field] as unknown[];
    const canonical = { id: row.id, name: row.name, size: row.size, type: row.content_type };
    if (!jsonEqual(list[file.index], canonical)) result[file.field] = list.map((item, i) => (i === file.index ? canonical : item));
  }
  if (errors.length > 0) throw new OrdoError('ORDO_ERR_VALIDATION', errors.map((error) => `${error.pointer}: ${error.message}`).join('; '), { fields: errors });
  return { data: result, newAttachments };
}
