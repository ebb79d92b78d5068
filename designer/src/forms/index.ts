export { ADMIN_ROLE, mayAccess, type FormAction } from './access.js';
export { keepUnchangedErrors, pointerSegments, serverPointerToDataPointer, toErrorList, toErrorSchema, valueAtPointer, type DataError } from './error-schema.js';
export { fieldKind, fieldLabel, fieldOrder, fieldSchema, listColumns, topLevelFields, type FieldKind } from './field-schema.js';
export { LookupField } from './lookup-field.js';
export { changedTopLevel } from './record-diff.js';
export { RecordForm, type RecordFormProps } from './record-form.js';
export { matchesSchema } from './schema-match.js';
export { createStateValidator } from './state-validator.js';
