import { getDefaultRegistry } from '@rjsf/core';
import { orderProperties, type ArrayFieldItemTemplateProps, type ArrayFieldTemplateProps, type RJSFSchema } from '@rjsf/utils';
import type { CSSProperties } from 'react';
import type { OrdoFormContext } from './ordo-form-context.js';
import { pointerOfPath } from './ordo-form-context.js';

const DEFAULTS = getDefaultRegistry().templates;

interface ItemSchema {
  readonly properties: Readonly<Record<string, RJSFSchema>>;
  readonly required?: readonly string[];
}

function subTableItems(schema: RJSFSchema): ItemSchema | undefined {
  const items = schema.items;
  if (typeof items !== 'object' || items === null || Array.isArray(items)) return undefined;
  const properties = (items as RJSFSchema).properties;
  if ((items as RJSFSchema).type !== 'object' || typeof properties !== 'object') return undefined;
  return items as ItemSchema;
}

/** Visible columns in the order the line's ObjectTemplate renders them. */
function columnsOf(items: ItemSchema, itemsUi: Record<string, unknown> | undefined): string[] {
  const names = Object.keys(items.properties);
  const order = itemsUi?.['ui:order'];
  const ordered = Array.isArray(order) ? orderProperties(names, order as string[]) : names;
  return ordered.filter((name) => {
    const ui = itemsUi?.[name] as Record<string, unknown> | undefined;
    return ui?.['ui:widget'] !== 'hidden';
  });
}

/** Every row of the table reads its grid columns from this custom property, so header and lines line up. */
function gridStyle(columnCount: number, withButtons: boolean): CSSProperties {
  return { '--sub-table-columns': `2.5rem repeat(${columnCount}, minmax(5.5rem, 1fr))${withButtons ? ' 4.5rem' : ''}` } as CSSProperties;
}

/** A sub-table (array of objects) as a compact table: one header row, one grid row per line, add/remove buttons. */
export function SubTableTemplate(props: ArrayFieldTemplateProps) {
  const { schema, uiSchema, items, canAdd, onAddClick, disabled, readonly, fieldPathId, title, registry, required } = props;
  const itemSchema = subTableItems(schema);
  if (!itemSchema) return <DEFAULTS.ArrayFieldTemplate {...props} />;
  const context = registry.formContext as OrdoFormContext;
  const { t } = context.i18n;
  const itemsUi = (uiSchema?.items ?? undefined) as Record<string, unknown> | undefined;
  const columns = columnsOf(itemSchema, itemsUi);
  const editable = !disabled && !readonly;
  const style = gridStyle(columns.length, editable);
  const name = fieldPathId.path.map(String).join('-');
  const lineCount = Array.isArray(props.formData) ? props.formData.length : items.length;
  const columnRequired = (column: string) =>
    (itemSchema.required ?? []).includes(column) ||
    Array.from({ length: lineCount }, (_, line) => context.states[pointerOfPath([...fieldPathId.path, line, column])]).some((state) => state?.visible && state.required);

  return (
    <section className="sub-table" id={fieldPathId.$id} data-testid={`table-${name}`}>
      <div className="sub-table-title">
        <span>
          {title}
          {required ? <span className="required-mark"> *</span> : null}
        </span>
      </div>
      <div className="sub-table-scroll">
        <div className="sub-table-grid" role="table" style={style}>
          <div className="sub-table-row sub-table-head" role="row">
            <div className="cell cell-index" role="columnheader">
              #
            </div>
            {columns.map((column) => {
              const columnSchema = itemSchema.properties[column];
              const numeric = columnSchema?.type === 'number' || columnSchema?.type === 'integer';
              return (
                <div key={column} className={numeric ? 'cell num' : 'cell'} role="columnheader">
                  {columnSchema?.title ?? column}
                  {columnRequired(column) ? <span className="required-mark"> *</span> : null}
                </div>
              );
            })}
            {editable ? <div className="cell" role="columnheader" /> : null}
          </div>
          {items.length === 0 ? <div className="sub-table-empty muted">{t('table.empty')}</div> : items}
        </div>
      </div>
      {canAdd && editable ? (
        <button type="button" className="btn btn-small" onClick={onAddClick} data-testid={`add-${name}`}>
          + {t('table.add')}
        </button>
      ) : null}
    </section>
  );
}

/** One line of a sub-table: its cells come from the line's ObjectTemplate, then the remove button. */
export function SubTableItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { children, index, buttonsProps, registry, schema, readonly, disabled } = props;
  if (schema.type !== 'object' || typeof schema.properties !== 'object') return <DEFAULTS.ArrayFieldItemTemplate {...props} />;
  const context = registry.formContext as OrdoFormContext;
  const tableName = buttonsProps.fieldPathId.path.slice(0, -1).map(String).join('-');
  const editable = !disabled && !readonly;
  return (
    <div className="sub-table-row" role="row" data-testid={`line-${tableName}-${index}`}>
      <div className="cell cell-index">{index + 1}</div>
      {children}
      {editable ? (
        <div className="cell cell-actions">
          {buttonsProps.hasRemove ? (
            <button type="button" className="btn btn-small btn-danger-ghost" onClick={buttonsProps.onRemoveItem} data-testid={`remove-${tableName}-${index}`}>
              {context.i18n.t('table.remove')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
