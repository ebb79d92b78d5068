import { createHash, randomUUID } from 'node:crypto';
import { OrdoError } from '../../engine/errors/index.js';
import type { CompiledForm } from '../../engine/forms/index.js';
import { canRead, canWrite } from '../../engine/forms/index.js';
import type { OrdoDatabase } from '../db/index.js';
import { mayUseForm } from '../services/form-access.js';
import type { Actor } from '../services/types.js';
import { findAttachment, findRecord, insertAttachment, purgeUnreferencedAttachments } from '../stores/index.js';
import { ALLOWED_ATTACHMENT_TYPES, sniffAttachmentType } from './content-sniffing.js';

/** The largest file one upload may carry. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** How long an upload waits for a saved record to take it before it may be purged. */
export const UNREFERENCED_ATTACHMENT_MS = 24 * 60 * 60 * 1000;

const MAX_NAME_LENGTH = 255;

/** An attachment field's value holds one of these per file. */
export interface AttachmentValue {
  id: string;
  name: string;
  size: number;
  type: string;
}

export interface AttachmentFile extends AttachmentValue {
  sha256: string;
  content: Buffer;
}

export interface AttachmentService {
  upload(actor: Actor, form: string, field: string, name: string, content: Uint8Array): Promise<AttachmentValue>;
  download(actor: Actor, id: string): Promise<AttachmentFile>;
}

export interface AttachmentDependencies {
  database: OrdoDatabase;
  form: (id: string) => CompiledForm;
  now: () => Date;
}

/** A file name as people see it: no path, no control characters, at most 255 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return [...base.replace(/[\u0000-\u001f\u007f]/g, '').trim()].slice(0, MAX_NAME_LENGTH).join('');
}

function notFound(id: string): OrdoError {
  return new OrdoError('ORDO_ERR_ATTACHMENT_NOT_FOUND', `No attachment ${id}`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createAttachmentService(deps: AttachmentDependencies): AttachmentService {
  const { db } = deps.database;

  async function upload(actor: Actor, formId: string, field: string, name: string, content: Uint8Array): Promise<AttachmentValue> {
    const compiled = deps.form(formId);
    const definition = compiled.definition;
    if (!mayUseForm(definition, actor.roles, 'create') && !mayUseForm(definition, actor.roles, 'update')) {
      throw new OrdoError('ORDO_ERR_FORBIDDEN', `You may not add files to records of form ${formId}`);
    }
    const node = compiled.model.byPath.get(field);
    if (node?.kind !== 'attachments' || !canRead(compiled.model, node, actor.roles) || !canWrite(compiled.model, node, actor.roles)) {
      throw new OrdoError('ORDO_ERR_REQUEST_INVALID', `${field} is not an attachment field of form ${formId} that you may fill`, {
        fields: [{ pointer: '/query/field', code: 'field', message: 'not an attachment field you may fill' }],
      });
    }
    const fileName = cleanFileName(name);
    if (fileName === '' || content.length === 0) throw new OrdoError('ORDO_ERR_ATTACHMENT_EMPTY', fileName === '' ? 'Give the file a name' : 'The file is empty');
    if (content.length > MAX_ATTACHMENT_BYTES) throw tooLarge();
    const type = sniffAttachmentType(content, fileName);
    if (type === undefined) {
      throw new OrdoError('ORDO_ERR_ATTACHMENT_TYPE', `${fileName} is not an image, PDF, Office document or text file`, { extra: { allowed: [...ALLOWED_ATTACHMENT_TYPES] } });
    }
    const at = deps.now();
    // Purging here keeps abandoned uploads bounded without a timer: one indexed delete per upload.
    await purgeUnreferencedAttachments(db, new Date(at.getTime() - UNREFERENCED_ATTACHMENT_MS));
    const row = await insertAttachment(db, {
      id: randomUUID(),
      form: formId,
      field,
      name: fileName,
      contentType: type,
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
      uploadedBy: actor.username,
      at,
    });
    return { id: row.id, name: row.name, size: row.size, type: row.content_type };
  }

  async function download(actor: Actor, id: string): Promise<AttachmentFile> {
    if (!UUID.test(id)) throw notFound(id);
    const row = await findAttachment(db, id);
    if (row === undefined) throw notFound(id);
    if (row.record_id === null) {
      if (row.uploaded_by !== actor.username) throw notFound(id);
    } else {
      let compiled: CompiledForm;
      try {
        compiled = deps.form(row.form);
      } catch {
        throw notFound(id);
      }
      const node = compiled.model.byPath.get(row.field);
      const readable = mayUseForm(compiled.definition, actor.roles, 'read') && (node === undefined || canRead(compiled.model, node, actor.roles));
      if (!readable || (await findRecord(db, row.form, row.record_id)) === undefined) throw notFound(id);
    }
    return { id: row.id, name: row.name, size: row.size, type: row.content_type, sha256: row.sha256, content: Buffer.from(row.content) };
  }

  return { upload, download };
}

export function tooLarge(): OrdoError {
  return new OrdoError('ORDO_ERR_ATTACHMENT_TOO_LARGE', `An attachment may be at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MiB`, { extra: { limit: MAX_ATTACHMENT_BYTES } });
}
