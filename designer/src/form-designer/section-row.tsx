import { memo } from 'react';
import type { FormSection } from '../../../engine/definitions/generated/definition-types.js';
import { useI18n } from '../i18n/index.js';
import { Sortable } from './sortable-row.js';

/** A section (or divider) on the canvas, dragged like a field; the fields below it, up to the next one, are in it. Memoised like the field rows. */
export const SectionRow = memo(function SectionRow({ section, empty, selected, onSelect }: { section: FormSection; empty: boolean; selected: boolean; onSelect: (id: string) => void }) {
  const { t, text } = useI18n();
  const divider = section.title === undefined;
  const className = `fd-section${divider ? ' is-divider' : ''}${selected ? ' is-selected' : ''}`;
  return (
    <Sortable id={`section:${section.id}`} className={className} testId={`design-section-${section.id}`} onSelect={() => onSelect(section.id)}>
      <span className="fd-icon fd-icon-section" aria-hidden="true">
        ☰
      </span>
      <span className="fd-section-title">{divider ? t('designer.section.untitled') : text(section.title)}</span>
      {divider ? <span className="fd-section-line" aria-hidden="true" /> : null}
      {empty ? <span className="fd-hint fd-section-empty">{t('designer.section.empty')}</span> : null}
    </Sortable>
  );
});
