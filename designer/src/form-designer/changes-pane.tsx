import { useI18n } from '../i18n/index.js';
import { usePublishedText } from './use-published-text.js';
import { VersionDiff } from './version-diff.js';

/** The 变更 tab: the draft as it is now against the latest published version. */
export function ChangesPane({ id, publishedVersion, draftText }: { id: string; publishedVersion: number | null; draftText: string }) {
  const { t } = useI18n();
  const published = usePublishedText('form', id, publishedVersion);
  return (
    <div className="fd-preview" data-testid="designer-changes">
      <div className="card">
        <h2 className="fd-panel-title">{t('designer.tab.changes')}</h2>
        <VersionDiff published={published} draftText={draftText} />
      </div>
    </div>
  );
}
