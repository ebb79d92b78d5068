import { getSchemaType, type FieldProps } from '@rjsf/utils';
import { useComputedValue } from './computed-values.js';
import { pointerOfPath, type OrdoFormContext } from './ordo-form-context.js';

const FIELD_BY_TYPE: Readonly<Record<string, string>> = {
  boolean: 'BooleanField',
  integer: 'NumberField',
  number: 'NumberField',
  string: 'StringField',
};

/**
 * A computed field: rjsf's own field for its type, showing the value the live form evaluated last
 * (formContext.computedValues) rather than rjsf's copy of the data, which a keystroke that changes
 * only computed values leaves as it was.
 */
export function ComputedField(props: FieldProps) {
  const { registry, fieldPathId, schema } = props;
  const context = registry.formContext as OrdoFormContext;
  const value = useComputedValue(context.computedValues, pointerOfPath(fieldPathId.path));
  const type = getSchemaType(schema);
  const name = FIELD_BY_TYPE[String(Array.isArray(type) ? type[0] : type)];
  const Inner = (name === undefined ? undefined : registry.fields[name]) ?? registry.fields.FallbackField;
  if (Inner === undefined) return null;
  return <Inner {...props} formData={value} />;
}
