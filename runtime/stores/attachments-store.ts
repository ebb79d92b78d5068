import type { Selectable } from 'kysely';
import type { AttachmentsTable } from '../db/index.js';
import type { Executor } from './executor.js';

export type AttachmentRow = Selectable<AttachmentsTable>;
export type AttachmentMeta = Omit<AttachmentRow, 'content'>;

export interface NewAttachmentRow {
  id: string;
  form: string;
  field: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  uploadedBy: string;
  at: Date;
}

const META_COLUMNS = ['id', 'form', 'field', 'record_id', 'name', 'content_type', 'size', 'sha256', 'uploaded_by', 'uploaded_at'] as const;

export async function insertAttachment(db: Executor, row: NewAttachmentRow): Promise<AttachmentMeta> {
  return db
    .insertInto('ordo_attachments')
    .values({
      id: row.id,
      form: row.form,
      field: row.field,
      name: row.name,
      content_type: row.contentType,
      size: row.size,
      sha256: row.sha256,
      content: row.content,
      uploaded_by: row.uploadedBy,
      uploaded_at: row.at,
    })
    .returning(META_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** The file with its content; undefined for an unknown id. */
export async function findAttachment(db: Executor, id: string): Promise<AttachmentRow | undefined> {
  return db.selectFrom('ordo_attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** What is known about these files, without their content. */
export async function findAttachmentMetas(db: Executor, ids: readonly string[]): Promise<AttachmentMeta[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('ordo_attachments').select(META_COLUMNS).where('id', 'in', [...new Set(ids)]).execute();
}

/** Gives the uploads to the record; files already held by it stay. */
export async function linkAttachments(db: Executor, recordId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('ordo_attachments').set({ record_id: recordId }).where('id', 'in', [...new Set(ids)]).where('record_id', 'is', null).execute();
}

/** Deletes uploads no saved record took before `before`; returns how many went. */
export async function purgeUnreferencedAttachments(db: Executor, before: Date): Promise<number> {
  const result = await db.deleteFrom('ordo_attachments').where('record_id', 'is', null).where('uploaded_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
