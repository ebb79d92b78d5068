import type { DesignField, DesignForm } from './field-model.js';
import { LookupFillEditor, type FillTarget } from './lookup-fill-editor.js';
import { FieldWidthInput } from './section-properties.js';

function computedPaths(model: DesignForm): Set<string> {
  const computed = model.rest.computed;
  return new Set(typeof computed === 'object' && computed !== null ? Object.keys(computed) : []);
}

/** The fields a lookup may fill: its siblings (other columns of the same sub-table for a column), not computed ones, not sub-tables. */
function fillTargets(model: DesignForm, field: DesignField, table: DesignField | undefined): FillTarget[] {
  const computed = computedPaths(model);
  const siblings = table === undefined ? model.fields : (table.columns ?? []);
  const prefix = table === undefined ? '' : `${table.name}.`;
  return siblings
    .filter((sibling) => sibling.name !== field.name && sibling.type !== 'table' && !computed.has(`${prefix}${sibling.name}`))
    .map((sibling) => ({ path: `${prefix}${sibling.name}`, label: sibling.label }));
}

/** What the properties panel adds for where a field sits: its width (top-level fields), a lookup's fields that flow in. */
export function FieldLayoutProps({ model, field, table, onChange }: { model: DesignForm; field: DesignField; table: DesignField | undefined; onChange: (field: DesignField) => void }) {
  return (
    <>
      {table === undefined ? <FieldWidthInput field={field} onChange={onChange} /> : null}
      {field.type === 'lookup' ? <LookupFillEditor field={field} targets={fillTargets(model, field, table)} onChange={onChange} /> : null}
    </>
  );
}
