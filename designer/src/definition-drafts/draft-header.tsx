import type { ReactNode } from 'react';
import { useI18n, type MessageId } from '../i18n/index.js';
import { href, type Route } from '../routing/index.js';
import type { DefinitionDraftState } from './use-definition-draft.js';
import type { DraftActions } from './use-draft-actions.js';

type DraftStatus = Pick<DefinitionDraftState<unknown>, 'dirty' | 'publishedVersion'>;

/** The way back to the list, the definition's title and whether the draft differs from what is published. */
export function DraftTitle({ back, backLabel, title, draft }: { back: Route; backLabel: MessageId; title: string; draft: DraftStatus }) {
  const { t } = useI18n();
  const status = draft.dirty ? t('designer.status.draft') : draft.publishedVersion === null ? t('designer.status.new') : t('designer.status.published', { version: draft.publishedVersion });
  return (
    <div className="fd-title">
      <a className="fd-back" href={href(back)}>
        ‹ {t(backLabel)}
      </a>
      <h1 data-testid="page-title" title={title}>{title}</h1>
      <span className={draft.dirty ? 'fd-status is-dirty' : draft.publishedVersion === null ? 'fd-status is-new' : 'fd-status'} data-testid="designer-status">
        {status}
      </span>
    </div>
  );
}

export interface DraftButtonsProps {
  readonly draft: Pick<DefinitionDraftState<unknown>, 'canUndo' | 'canRedo' | 'undo' | 'redo'>;
  readonly actions: DraftActions;
  /** What Publish does; by default it publishes at once. */
  readonly onPublish?: () => void;
  /** Buttons a designer adds between Save and Publish. */
  readonly children?: ReactNode;
}

/** Undo, redo, save and publish, in the same place with the same names in every designer. */
export function DraftButtons({ draft, actions, onPublish, children }: DraftButtonsProps) {
  const { t } = useI18n();
  return (
    <div className="fd-actions">
      <button type="button" className="btn fd-icon-button" disabled={!draft.canUndo} onClick={draft.undo} title={t('designer.undo')} aria-label={t('designer.undo')} data-testid="designer-undo">
        ↶
      </button>
      <button type="button" className="btn fd-icon-button" disabled={!draft.canRedo} onClick={draft.redo} title={t('designer.redo')} aria-label={t('designer.redo')} data-testid="designer-redo">
        ↷
      </button>
      <button type="button" className="btn" disabled={!actions.canAct} onClick={() => void actions.run('save')} data-testid="designer-save">
        {actions.busy === 'save' ? t('designer.saving') : t('designer.save')}
      </button>
      {children}
      <button type="button" className="btn btn-primary" disabled={!actions.canAct} onClick={onPublish ?? (() => void actions.run('publish'))} data-testid="designer-publish">
        {actions.busy === 'publish' ? t('designer.publishing') : t('designer.publish')}
      </button>
    </div>
  );
}
