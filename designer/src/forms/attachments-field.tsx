import type { FieldProps } from '@rjsf/utils';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { ApiClient, AttachmentValue } from '../api/index.js';
import { saveFile } from '../exports/save-file.js';
import { describeFailure } from '../shell/describe-error.js';
import type { OrdoFormContext } from './ordo-form-context.js';

/** The server refuses larger files (ORDO_ERR_ATTACHMENT_TOO_LARGE); checking first saves sending them. */
const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp,application/pdf,.docx,.xlsx,.pptx,.txt,.csv';

function isAttachment(value: unknown): value is AttachmentValue {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Record<string, unknown>;
  return typeof file.id === 'string' && typeof file.name === 'string' && typeof file.size === 'number' && typeof file.type === 'string';
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** An image attachment drawn from a blob fetched with the session's token (an <img src> cannot send it). */
function Thumbnail({ api, file }: { api: ApiClient; file: AttachmentValue }) {
  const [url, setUrl] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    let objectUrl: string | undefined;
    api.attachment(file.id).then(
      (download) => {
        if (!live) return;
        objectUrl = URL.createObjectURL(download.blob);
        setUrl(objectUrl);
      },
      () => undefined,
    );
    return () => {
      live = false;
      if (objectUrl !== undefined) URL.revokeObjectURL(objectUrl);
    };
  }, [api, file.id]);
  return url === undefined ? <span className="attachment-icon is-loading" aria-hidden="true" /> : <img className="attachment-thumb" src={url} alt={file.name} />;
}

function FileBadge({ type }: { type: string }) {
  const label = type === 'application/pdf' ? 'PDF' : type.includes('sheet') || type === 'text/csv' ? 'XLS' : type.includes('word') ? 'DOC' : type.includes('presentation') ? 'PPT' : 'TXT';
  return <span className={`attachment-icon attachment-icon-${label.toLowerCase()}`} aria-hidden="true">{label}</span>;
}

/**
 * 附件: files uploaded one request each as soon as they are chosen or dropped, listed with a thumbnail
 * for images; the field's value is the list the server answered, saved with the record.
 */
export function AttachmentsField(props: FieldProps) {
  const { fieldPathId, formData, onChange, disabled, readonly, registry, schema } = props;
  const id = fieldPathId.$id;
  const context = registry.formContext as OrdoFormContext;
  const { t, locale } = context.i18n;
  const files = Array.isArray(formData) ? formData.filter(isAttachment) : [];
  const filesRef = useRef(files);
  filesRef.current = files;
  const [uploading, setUploading] = useState<readonly string[]>([]);
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const locked = disabled || readonly;
  const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : 20;
  const field = fieldPathId.path.filter((segment) => typeof segment === 'string').join('.');
  const setFiles = (next: readonly AttachmentValue[]) => onChange(next.length === 0 ? undefined : [...next], fieldPathId.path);

  async function add(chosen: readonly File[]) {
    const room = maxItems - filesRef.current.length;
    const refused: string[] = [];
    if (chosen.length > room) refused.push(t('attachment.tooMany', { max: maxItems }));
    const accepted = chosen.slice(0, Math.max(room, 0)).filter((file) => {
      if (file.size <= MAX_BYTES) return true;
      refused.push(t('attachment.tooLarge', { name: file.name }));
      return false;
    });
    setProblems(refused);
    setUploading((names) => [...names, ...accepted.map((file) => file.name)]);
    for (const file of accepted) {
      try {
        const stored = await context.api.uploadAttachment(context.formId, field, file);
        setFiles([...filesRef.current, stored]);
      } catch (failure) {
        setProblems((list) => [...list, `${file.name}: ${describeFailure(failure, locale)}`]);
      } finally {
        setUploading((names) => {
          const index = names.indexOf(file.name);
          return index < 0 ? names : [...names.slice(0, index), ...names.slice(index + 1)];
        });
      }
    }
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    if (!locked) void add([...event.dataTransfer.files]);
  }

  async function open(file: AttachmentValue) {
    try {
      saveFile(await context.api.attachment(file.id), file.name);
    } catch (failure) {
      setProblems([`${file.name}: ${describeFailure(failure, locale)}`]);
    }
  }

  return (
    <div className="attachments" data-testid={`attachments-${id}`}>
      {files.length > 0 ? (
        <ul className="attachment-list">
          {files.map((file) => (
            <li key={file.id} className="attachment-item" data-testid={`attachment-${file.id}`}>
              {file.type.startsWith('image/') ? <Thumbnail api={context.api} file={file} /> : <FileBadge type={file.type} />}
              <span className="attachment-text">
                <button type="button" className="link-button attachment-name" title={t('attachment.download')} onClick={() => void open(file)}>
                  {file.name}
                </button>
                <span className="attachment-size">{fileSize(file.size)}</span>
              </span>
              {!locked ? (
                <button
                  type="button"
                  className="attachment-remove"
                  aria-label={t('attachment.remove', { name: file.name })}
                  title={t('attachment.remove', { name: file.name })}
                  onClick={() => setFiles(files.filter((other) => other.id !== file.id))}
                >
                  ×
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : locked ? (
        <p className="attachment-empty">{t('attachment.none')}</p>
      ) : null}
      {uploading.length > 0 ? (
        <p className="attachment-progress" role="status">
          {t('attachment.uploading', { names: uploading.join('、') })}
        </p>
      ) : null}
      {!locked && files.length < maxItems ? (
        <div
          className={dragging ? 'attachment-drop is-dragging' : 'attachment-drop'}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <button type="button" className="btn btn-small" id={id} onClick={() => input.current?.click()}>
            {t('attachment.add')}
          </button>
          <span className="attachment-hint">{t('attachment.hint', { max: maxItems })}</span>
          <input
            ref={input}
            type="file"
            multiple
            accept={ACCEPT}
            hidden
            data-testid={`attachment-input-${id}`}
            onChange={(event) => {
              const chosen = [...(event.target.files ?? [])];
              event.target.value = '';
              void add(chosen);
            }}
          />
        </div>
      ) : null}
      {problems.length > 0 ? (
        <ul className="field-errors attachment-problems">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
