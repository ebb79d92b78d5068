import { useEffect, useRef } from 'react';
import { ModalDialog } from '../definition-drafts/index.js';
import { useI18n } from '../i18n/index.js';
import { usePublishedText } from './use-published-text.js';
import { VersionDiff } from './version-diff.js';

/** Before publishing: what changes against the published version, then publish or cancel. */
export function PublishDialog({ id, publishedVersion, draftText, onConfirm, onCancel }: { id: string; publishedVersion: number | null; draftText: string; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const published = usePublishedText('form', id, publishedVersion);
  const confirm = useRef<HTMLButtonElement>(null);
  const loading = published.status === 'loading';
  // Publish takes the focus once the comparison is in: a disabled button cannot hold it.
  useEffect(() => confirm.current?.focus(), [loading]);
  const next = published.status === 'ready' ? published.version + 1 : 1;
  return (
    <ModalDialog title={t('designer.publishDialog.title', { version: next })} onClose={onCancel} testId="publish-dialog" className="fd-dialog-wide">
      <p className="fd-hint">{t('designer.publishDialog.body')}</p>
      <div className="fd-dialog-body">
        <VersionDiff published={published} draftText={draftText} compact />
      </div>
      <div className="fd-dialog-actions">
        <button type="button" className="btn" onClick={onCancel} data-testid="publish-cancel">
          {t('designer.publishDialog.cancel')}
        </button>
        <button type="button" ref={confirm} className="btn btn-primary" disabled={loading} onClick={onConfirm} data-testid="publish-confirm">
          {t('designer.publishDialog.confirm')}
        </button>
      </div>
    </ModalDialog>
  );
}
