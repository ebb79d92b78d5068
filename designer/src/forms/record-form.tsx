import { useRef, useState } from 'react';
import type { FormDefinition } from '../../../engine/definitions/generated/definition-types.js';
import { isApiError, newIdempotencyKey, type OrdoRecord } from '../api/index.js';
import { useSession } from '../auth/index.js';
import { useI18n } from '../i18n/index.js';
import { describeError } from '../shell/describe-error.js';
import { ErrorSummary } from './error-summary.js';
import { LiveFormView } from './live-form-view.js';
import { changedTopLevel } from './record-diff.js';
import { useLiveForm, type FormData } from './use-live-form.js';

export interface RecordFormProps {
  readonly definition: FormDefinition;
  /** The stored record; absent when creating one. */
  readonly record?: OrdoRecord;
  readonly editable: boolean;
  readonly onSaved: (record: OrdoRecord, created: boolean) => void;
  /** Asked for when the server reports that someone else changed the record first. */
  readonly onReload: () => void;
  /** Told when a save starts, so the page can drop an earlier confirmation. */
  readonly onSaving?: () => void;
}

export function RecordForm({ definition, record, editable, onSaved, onReload, onSaving }: RecordFormProps) {
  const { api } = useSession();
  const { t, locale } = useI18n();
  const form = useLiveForm(record === undefined ? { definition } : { definition, data: record.data });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<number | null>(null);
  // Drawn once: the form re-renders as the user types, and drawing a key takes crypto randomness.
  const [firstKey] = useState(newIdempotencyKey);
  const idempotencyKey = useRef(firstKey);

  async function onSubmit(submitted: FormData) {
    form.check(submitted);
    setFailure(null);
    setConflict(null);
    const data = form.evaluate(submitted);
    onSaving?.();
    setBusy(true);
    try {
      if (!record) {
        const created = await api.createRecord(definition.id, data, idempotencyKey.current);
        onSaved(created, true);
        return;
      }
      const changes = changedTopLevel(record.data, data, form.mayWrite);
      if (Object.keys(changes).length === 0) {
        onSaved(record, false);
        return;
      }
      onSaved(await api.updateRecord(definition.id, record.id, record.revision, changes), false);
    } catch (caught) {
      if (!isApiError(caught)) {
        setFailure(String(caught));
        return;
      }
      // A retry after a network failure must replay the same create; after an answer it is a new request.
      if (caught.code !== 'NETWORK') idempotencyKey.current = newIdempotencyKey();
      if (caught.code === 'ORDO_ERR_REVISION_CONFLICT') {
        const current = caught.extra.currentRevision;
        setConflict(typeof current === 'number' ? current : record ? record.revision + 1 : 0);
        return;
      }
      form.showServerErrors(caught);
      setFailure(describeError(caught, locale));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="record-form">
      {conflict !== null ? (
        <div className="notice notice-warning" role="alert" data-testid="conflict">
          <p>{t('record.conflict', { revision: conflict })}</p>
          <p className="muted">{t('record.conflictHint')}</p>
          <button type="button" className="btn btn-primary btn-small" onClick={onReload} data-testid="conflict-reload">
            {t('record.conflictReload')}
          </button>
        </div>
      ) : null}
      <ErrorSummary failure={failure} errors={form.summary} />
      <LiveFormView form={form.props} readonly={!editable} onSubmit={(data) => void onSubmit(data)}>
        {editable ? (
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy} data-testid="save-record">
              {busy ? t('record.saving') : t('record.save')}
            </button>
          </div>
        ) : null}
      </LiveFormView>
    </div>
  );
}
