export { renderSchemaTypes, SCHEMA_TYPES_TARGETS, type SchemaTypesTarget } from './schema-types.js';
export { VALIDATOR_TARGETS, type ValidatorTarget } from './meta-schema-validators.js';
