import type { ObjectFieldTemplateProps } from '@rjsf/utils';
import { isSubTableLine } from './ordo-form-context.js';

/**
 * The record itself lays its fields out in a two-column grid (sub-tables span both columns); a
 * sub-table line hands its cells straight to the line's grid row; any other object is a fieldset.
 */
export function ObjectTemplate(props: ObjectFieldTemplateProps) {
  const { fieldPathId, properties, title } = props;
  const path = fieldPathId.path;
  if (isSubTableLine(path)) return <>{properties.map((property) => property.content)}</>;
  if (path.length === 0) {
    return (
      <div className="form-grid" id={fieldPathId.$id}>
        {properties.map((property) => property.content)}
      </div>
    );
  }
  return (
    <fieldset className="object-group" id={fieldPathId.$id}>
      {title ? <legend>{title}</legend> : null}
      <div className="form-grid">{properties.map((property) => property.content)}</div>
    </fieldset>
  );
}
