import type { FieldTemplateProps } from '@rjsf/utils';
import type { OrdoFormContext } from './ordo-form-context.js';
import { fieldPathOf, isSubTableCell, isSubTableLine, pointerOfPath } from './ordo-form-context.js';

const LABELLED_FIELDS = new Set(['lookup', 'member', 'department', 'attachments']);
const WIDTHS = new Set(['full', 'half', 'third']);

/** The width the form's layout gives a top-level field (the model's toRjsf puts it in `ui:options`). */
function widthClass(options: unknown): string {
  const width = typeof options === 'object' && options !== null ? (options as { width?: unknown }).width : undefined;
  return typeof width === 'string' && WIDTHS.has(width) ? `w-${width}` : '';
}

function testIdOf(path: readonly (string | number)[]): string {
  return path.map(String).join('-');
}

/**
 * Renders every field with the live state the form model computed for it: hidden fields vanish,
 * required markers follow the rules, read-only fields sit in a disabled fieldset (which disables
 * every control inside, per line of a sub-table too). Texts are rendered as text, never as HTML.
 */
export function FieldTemplate(props: FieldTemplateProps) {
  const { fieldPathId, id, label, children, rawErrors, rawHelp, rawDescription, hidden, registry, schema, uiSchema } = props;
  const context = registry.formContext as OrdoFormContext;
  const path = fieldPathId.path;
  if (path.length === 0 || isSubTableLine(path)) return children;
  const state = context.states[pointerOfPath(path)];
  const cell = isSubTableCell(path);
  if (hidden) return <div className="hidden">{children}</div>;
  if (state && !state.visible) return cell ? <div className="cell cell-hidden" /> : null;
  const required = state ? state.required : Boolean(props.required);
  const readOnly = Boolean(state?.readOnly);
  const errors = (rawErrors ?? []).filter((message) => message !== '');
  const computed = context.computed.includes(fieldPathOf(path));
  const isTable = schema.type === 'array' && typeof schema.items === 'object' && schema.items !== null && !Array.isArray(schema.items) && (schema.items as { type?: unknown }).type === 'object';
  const className = ['field', cell ? 'cell' : '', errors.length > 0 ? 'has-error' : '', computed ? 'is-computed' : '', isTable ? 'field-table' : '', cell ? '' : widthClass(uiSchema?.['ui:options'])].filter(Boolean).join(' ');
  const testId = testIdOf(path);
  // rjsf hides the label of any custom `ui:field`; Ordo's pickers, the attachment list and a computed
  // field (but a yes/no, whose checkbox brings its label) need it.
  const customField = String(uiSchema?.['ui:field']);
  const displayLabel = props.displayLabel || LABELLED_FIELDS.has(customField) || (customField === 'computed' && schema.type !== 'boolean');

  return (
    <div className={className} data-testid={`field-${testId}`} data-field={fieldPathOf(path)}>
      {!cell && displayLabel && !isTable ? (
        <label className="field-label" htmlFor={id}>
          {label}
          {required ? <span className="required-mark" aria-hidden="true"> *</span> : null}
          {computed ? <span className="computed-tag">{context.i18n.t('record.computed')}</span> : null}
        </label>
      ) : null}
      {readOnly ? (
        <fieldset className="readonly-wrap" disabled>
          {children}
        </fieldset>
      ) : (
        children
      )}
      {errors.length > 0 ? (
        <ul className="field-errors" data-testid={`error-${testId}`}>
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
      {!cell && displayLabel && rawDescription && !isTable ? <p className="field-help">{rawDescription}</p> : null}
      {!cell && rawHelp ? <p className="field-help">{rawHelp}</p> : null}
    </div>
  );
}
