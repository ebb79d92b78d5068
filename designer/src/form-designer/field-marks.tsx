import { useI18n } from '../i18n/index.js';
import type { DesignForm } from './field-model.js';
import { computedOf, defaultFormulaOf, permissionOf, ruleOf } from './field-logic.js';

/** What the canvas shows of a field's logic: ƒx for a computed field, 条件 for rules, 受限 for permissions. */
export function FieldMarks({ form, path }: { form: DesignForm; path: string }) {
  const { t } = useI18n();
  const formula = computedOf(form, path) ?? defaultFormulaOf(form, path);
  const rule = ruleOf(form, path);
  const permission = permissionOf(form, path);
  return (
    <>
      {formula !== undefined ? (
        <span className="fd-badge-formula" title={formula} data-testid={`mark-formula-${path}`}>
          {computedOf(form, path) !== undefined ? t('designer.badge.formula') : t('designer.badge.defaultFormula')}
        </span>
      ) : null}
      {rule !== undefined ? (
        <span className="fd-badge-rule" title={[rule.visible, rule.required, rule.readOnly].filter((entry) => entry !== undefined).join(' · ')} data-testid={`mark-rule-${path}`}>
          {t('designer.badge.rule')}
        </span>
      ) : null}
      {permission !== undefined ? <span className="fd-badge-permission">{t('designer.badge.permission')}</span> : null}
    </>
  );
}
