import { useMemo } from 'react';
import type { FormDefinition, LocalizedText } from '../../../engine/definitions/generated/definition-types.js';
import { isMessageId, useI18n, type I18n } from '../i18n/index.js';
import { describeFailure } from '../shell/index.js';
import { diffDefinitions, isEmptyDiff, textDiff, type FieldAspect, type FieldChange, type FormChange } from './definition-diff.js';
import type { PublishedText } from './use-published-text.js';

function isLocalized(value: unknown): value is LocalizedText {
  return typeof value === 'object' && value !== null && typeof (value as LocalizedText)['zh-CN'] === 'string' && typeof (value as LocalizedText).en === 'string';
}

function clip(text: string): string {
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}

/** A value of an aspect in words: labels in the reader's language, yes/no, type names, options by label, formulas as written. */
function describeValue(aspect: FieldAspect | FormChange['aspect'], value: unknown, { t, text }: I18n): string {
  if (value === undefined || value === null) return t('designer.diff.none');
  if (typeof value === 'boolean') return t(value ? 'designer.diff.yes' : 'designer.diff.no');
  if (isLocalized(value)) return text(value);
  if (aspect === 'type' && typeof value === 'string') {
    const id = `designer.type.${value}`;
    return isMessageId(id) ? t(id) : value;
  }
  if (aspect === 'width' && typeof value === 'string') {
    const id = `designer.width.${value}`;
    return isMessageId(id) ? t(id) : value;
  }
  if (aspect === 'options' && Array.isArray(value)) return value.map((option: { label?: unknown; value?: unknown }) => (isLocalized(option.label) ? text(option.label) : String(option.value))).join('、');
  if (aspect === 'rules' && Array.isArray(value)) {
    return value.map((rule: Record<string, unknown>) => ['visible', 'required', 'readOnly'].filter((kind) => typeof rule[kind] === 'string').map((kind) => `${kind}: ${String(rule[kind])}`).join('; ')).join(' | ');
  }
  if (aspect === 'sections' && Array.isArray(value)) return value.map((section: { title?: unknown }) => (isLocalized(section.title) ? text(section.title) : t('designer.section.untitled'))).join('、');
  if (aspect === 'order' && Array.isArray(value)) return value.join(' → ');
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return clip(JSON.stringify(value));
}

function aspectName(aspect: FieldAspect | FormChange['aspect'], change: FormChange | undefined, { t }: I18n): string {
  if (aspect === 'other') return t('designer.diff.aspect.other', { keys: (change?.keys ?? []).join(', ') });
  if (aspect === 'order') return t('designer.diff.aspect.position');
  const id = `designer.diff.aspect.${aspect}`;
  return isMessageId(id) ? t(id) : aspect;
}

function FieldRow({ change, i18n }: { change: FieldChange; i18n: I18n }) {
  const { t, text } = i18n;
  return (
    <li className={`fd-change is-${change.kind}`} data-testid={`change-${change.path}`}>
      <div className="fd-change-head">
        <span className={`fd-change-badge is-${change.kind}`}>{t(`designer.diff.${change.kind}`)}</span>
        <span className="fd-change-label">{text(change.label)}</span>
        <code className="fd-change-path">{change.path}</code>
        {change.kind !== 'changed' ? <span className="fd-change-type">{describeValue('type', change.facts.type, i18n)}</span> : null}
      </div>
      {change.kind === 'changed' ? (
        <ul className="fd-aspects">
          {change.aspects.map((aspect) => (
            <li key={aspect.aspect} data-testid={`change-${change.path}-${aspect.aspect}`}>
              <span className="fd-aspect-name">{aspectName(aspect.aspect, undefined, i18n)}</span>
              <del>{describeValue(aspect.aspect, aspect.before, i18n)}</del>
              <span aria-hidden="true">→</span>
              <ins>{describeValue(aspect.aspect, aspect.after, i18n)}</ins>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

function TextDiff({ before, after }: { before: string; after: string }) {
  const { t } = useI18n();
  // The published text comes without the final newline the designer writes; that difference means nothing.
  const hunks = useMemo(() => textDiff(withNewline(before), withNewline(after)), [before, after]);
  if (hunks.length === 0) return <p className="fd-hint">{t('designer.diff.textSame')}</p>;
  return (
    <div className="fd-text-diff" data-testid="text-diff">
      {hunks.map((hunk) => (
        <div className="fd-hunk" key={`${hunk.oldStart}-${hunk.newStart}`}>
          <div className="fd-hunk-head">
            {t('designer.diff.lines', { oldStart: hunk.oldStart, oldEnd: hunk.oldStart + Math.max(hunk.oldLines - 1, 0), newStart: hunk.newStart, newEnd: hunk.newStart + Math.max(hunk.newLines - 1, 0) })}
          </div>
          {hunk.lines.map((line, index) => (
            <div key={index} className={line.startsWith('+') ? 'fd-line is-added' : line.startsWith('-') ? 'fd-line is-removed' : 'fd-line'}>
              {line}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

/**
 * The draft against the latest published version: fields added, removed and changed in the words of the
 * properties panel, form-wide changes, then the JSON text diff. `compact` leaves the text diff out (the
 * publish dialog).
 */
export function VersionDiff({ published, draftText, compact = false }: { published: PublishedText; draftText: string; compact?: boolean }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const draft = useMemo(() => {
    try {
      return JSON.parse(draftText) as FormDefinition;
    } catch {
      return undefined;
    }
  }, [draftText]);
  const diff = useMemo(() => {
    if (published.status !== 'ready' || draft === undefined) return undefined;
    try {
      return diffDefinitions(JSON.parse(published.body) as FormDefinition, draft);
    } catch {
      return undefined;
    }
  }, [published, draft]);

  if (published.status === 'loading') return <p className="fd-hint">{t('app.loading')}</p>;
  if (published.status === 'failed') return <p className="notice notice-error">{t('designer.diff.loadFailed', { message: describeFailure(published.error, locale) })}</p>;
  if (draft === undefined) return <p className="notice notice-warning">{t('designer.diff.invalid')}</p>;
  if (published.status === 'none') {
    const count = Object.keys(draft.schema?.properties ?? {}).length;
    return (
      <p className="fd-diff-note" data-testid="diff-new">
        {t('designer.diff.new', { count })}
      </p>
    );
  }
  if (diff === undefined) return <p className="notice notice-warning">{t('designer.diff.invalid')}</p>;
  const counts = { added: 0, removed: 0, changed: 0 };
  for (const change of diff.fields) counts[change.kind] += 1;
  return (
    <div className="fd-diff" data-testid="version-diff">
      {isEmptyDiff(diff) ? (
        <p className="fd-diff-note" data-testid="diff-same">
          {t('designer.diff.same', { version: published.version })}
        </p>
      ) : (
        <>
          <p className="fd-diff-note">
            {t('designer.diff.against', { version: published.version })} · <strong data-testid="diff-summary">{t('designer.diff.summary', counts)}</strong>
          </p>
          {diff.form.length > 0 ? (
            <section className="fd-diff-group">
              <h3>{t('designer.diff.form')}</h3>
              <ul className="fd-aspects">
                {diff.form.map((change) => (
                  <li key={change.aspect} data-testid={`change-form-${change.aspect}`}>
                    <span className="fd-aspect-name">{aspectName(change.aspect, change, i18n)}</span>
                    {change.aspect === 'other' ? null : (
                      <>
                        <del>{describeValue(change.aspect, change.before, i18n)}</del>
                        <span aria-hidden="true">→</span>
                        <ins>{describeValue(change.aspect, change.after, i18n)}</ins>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {diff.fields.length > 0 ? (
            <section className="fd-diff-group">
              <h3>{t('designer.diff.fields')}</h3>
              <ul className="fd-changes">
                {diff.fields.map((change) => (
                  <FieldRow key={`${change.kind}:${change.path}`} change={change} i18n={i18n} />
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
      {compact ? null : (
        <section className="fd-diff-group">
          <h3>{t('designer.diff.text')}</h3>
          <TextDiff before={published.body} after={draftText} />
        </section>
      )}
    </div>
  );
}
