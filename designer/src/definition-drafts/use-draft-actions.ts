import { useState } from 'react';
import { isApiError, type ApiError, type PublishedDefinition } from '../api/index.js';
import { formatDateTime, useI18n } from '../i18n/index.js';
import { describeFailure } from '../shell/index.js';
import type { DefinitionDraftState } from './use-definition-draft.js';

export type DraftAction = 'save' | 'publish';

export interface DraftFailure {
  readonly message: string;
  readonly problems: ApiError['fieldErrors'];
}

/** Someone else saved the draft since this page loaded it: who and when. */
export interface DraftConflict {
  readonly user: string;
  readonly time: string;
}

export interface DraftNotice {
  readonly message: string;
  readonly published: boolean;
}

export interface DraftActions {
  readonly busy: DraftAction | null;
  /** Neither saving nor publishing, and the text parses. */
  readonly canAct: boolean;
  readonly notice: DraftNotice | null;
  readonly failure: DraftFailure | null;
  readonly conflict: DraftConflict | null;
  dismissNotice(): void;
  /** Saves (with `overwrite`, over someone else's newer save), then publishes when asked to. */
  run(action: DraftAction, overwrite?: boolean): Promise<void>;
}

export interface DraftActionHooks {
  readonly onPublished?: (published: PublishedDefinition) => void;
  /** Called with whatever a save or publish was refused with, after the failure is shown. */
  readonly onFailure?: (error: unknown) => void;
}

/**
 * Save and publish as every designer does them: one at a time, a notice when done, the server's
 * problems listed when refused, and a conflict (not a failure) when someone else saved in between.
 */
export function useDraftActions(draft: DefinitionDraftState<unknown>, hooks: DraftActionHooks = {}): DraftActions {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState<DraftAction | null>(null);
  const [notice, setNotice] = useState<DraftNotice | null>(null);
  const [failure, setFailure] = useState<DraftFailure | null>(null);
  const [conflict, setConflict] = useState<DraftConflict | null>(null);

  async function run(action: DraftAction, overwrite = false) {
    setBusy(action);
    setNotice(null);
    setFailure(null);
    setConflict(null);
    try {
      await draft.save({ overwrite });
      if (action === 'save') {
        setNotice({ message: t('designer.saved'), published: false });
        return;
      }
      const published = await draft.publish();
      hooks.onPublished?.(published);
      setNotice({ message: t(published.published ? 'designer.published' : 'designer.unchanged', { version: published.version }), published: true });
    } catch (error) {
      if (isApiError(error) && error.code === 'ORDO_ERR_DRAFT_CONFLICT') {
        const at = typeof error.extra.updatedAt === 'string' ? formatDateTime(error.extra.updatedAt, locale) : '';
        setConflict({ user: typeof error.extra.updatedBy === 'string' ? error.extra.updatedBy : '?', time: at });
      } else {
        setFailure({ message: describeFailure(error, locale), problems: isApiError(error) ? error.fieldErrors : [] });
      }
      hooks.onFailure?.(error);
    } finally {
      setBusy(null);
    }
  }

  return { busy, canAct: busy === null && draft.jsonError === null, notice, failure, conflict, dismissNotice: () => setNotice(null), run };
}
