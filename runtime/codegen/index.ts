export { renderSchemaTypes, SCHEMA_TYPES_TARGETS, type SchemaTypesTarget } from './schema-types.js';
