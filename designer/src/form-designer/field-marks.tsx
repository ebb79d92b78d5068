import { useI18n } from '../i18n/index.js';
import type { FieldMark } from './canvas-marks.js';

/** What the canvas shows of a field's logic: ƒx for a computed field, 条件 for rules, 受限 for permissions. */
export function FieldMarks({ path, mark }: { path: string; mark: FieldMark | undefined }) {
  const { t } = useI18n();
  if (mark === undefined) return null;
  return (
    <>
      {mark.formula !== undefined ? (
        <span className="fd-badge-formula" title={mark.formula} data-testid={`mark-formula-${path}`}>
          {mark.computed ? t('designer.badge.formula') : t('designer.badge.defaultFormula')}
        </span>
      ) : null}
      {mark.rule !== undefined ? (
        <span className="fd-badge-rule" title={mark.rule} data-testid={`mark-rule-${path}`}>
          {t('designer.badge.rule')}
        </span>
      ) : null}
      {mark.restricted ? <span className="fd-badge-permission">{t('designer.badge.permission')}</span> : null}
    </>
  );
}
