import { Fragment } from 'react';
import { ADMIN_ROLE } from '../../../engine/forms/model/permissions.js';
import { useI18n } from '../i18n/index.js';
import { useDefinitions } from '../shell/index.js';
import { FIELD_ACCESS, FORM_ACTIONS, fieldAccess, mayTake, withFieldAccess, withFormAction } from './access-matrix.js';
import type { DesignField, DesignForm } from './field-model.js';
import { accessOf, permissionOf, withAccess, withPermission } from './field-logic.js';
import { FieldTypeIcon } from './field-type-icon.js';

/**
 * The permissions tab: which roles may view, create, change and delete records, and a matrix of
 * fields by roles where each cell is editable, read-only or hidden. Writes `access` and `permissions`.
 */
export function PermissionsEditor({ form, onChange }: { form: DesignForm; onChange: (form: DesignForm) => void }) {
  const { t, text } = useI18n();
  const { app } = useDefinitions();
  const roles = app.roles.filter((role) => role.id !== ADMIN_ROLE);
  const roleIds = roles.map((role) => role.id);
  const access = accessOf(form);
  const rows: { path: string; field: DesignField; column: boolean }[] = form.fields.flatMap((field) => [
    { path: field.name, field, column: false },
    ...(field.columns ?? []).map((column) => ({ path: `${field.name}.${column.name}`, field: column, column: true })),
  ]);

  if (roles.length === 0) return <div className="empty-state">{t('perm.noRoles')}</div>;
  return (
    <div className="pm-page" data-testid="permissions-editor">
      <section className="pm-card">
        <h2 className="fd-panel-title">{t('perm.formTitle')}</h2>
        <p className="fd-hint">{t('perm.formHint')}</p>
        <table className="pm-table pm-access">
          <thead>
            <tr>
              <th scope="col">{t('perm.role')}</th>
              {FORM_ACTIONS.map((action) => (
                <th scope="col" key={action}>
                  {t(`perm.action.${action}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {roles.map((role) => (
              <tr key={role.id}>
                <th scope="row">{text(role.title, role.id)}</th>
                {FORM_ACTIONS.map((action) => (
                  <td key={action}>
                    <input
                      type="checkbox"
                      aria-label={`${text(role.title, role.id)} · ${t(`perm.action.${action}`)}`}
                      checked={mayTake(access, action, role.id)}
                      onChange={(event) => onChange(withAccess(form, withFormAction(access, roleIds, role.id, action, event.target.checked)))}
                      data-testid={`access-${role.id}-${action}`}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="pm-card">
        <h2 className="fd-panel-title">{t('perm.fieldsTitle')}</h2>
        <p className="fd-hint">{t('perm.fieldsHint')}</p>
        {rows.length === 0 ? (
          <div className="fd-canvas-empty">{t('perm.noFields')}</div>
        ) : (
          <div className="pm-scroll">
            <table className="pm-table pm-matrix">
              <thead>
                <tr>
                  <th scope="col" className="pm-sticky">
                    {t('perm.field')}
                  </th>
                  {roles.map((role) => (
                    <th scope="col" key={role.id}>
                      {text(role.title, role.id)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map(({ path, field, column }) => (
                  <Fragment key={path}>
                    <tr className={column ? 'pm-column-row' : undefined}>
                      <th scope="row" className="pm-sticky">
                        <span className="pm-field">
                          <FieldTypeIcon type={field.type} />
                          {text(field.label, field.name)}
                        </span>
                      </th>
                      {roles.map((role) => {
                        const level = fieldAccess(permissionOf(form, path), role.id);
                        return (
                          <td key={role.id}>
                            <select
                              className={`pm-level is-${level}`}
                              value={level}
                              aria-label={t('perm.cell', { field: text(field.label, field.name), role: text(role.title, role.id) })}
                              onChange={(event) => onChange(withPermission(form, path, withFieldAccess(permissionOf(form, path), roleIds, role.id, event.target.value as typeof level)))}
                              data-testid={`perm-${path}-${role.id}`}
                            >
                              {FIELD_ACCESS.map((option) => (
                                <option key={option} value={option}>
                                  {t(`perm.level.${option}`)}
                                </option>
                              ))}
                            </select>
                          </td>
                        );
                      })}
                    </tr>
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
