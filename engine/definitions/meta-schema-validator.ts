import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { schemaProblemsOf, type SchemaProblem } from './meta-schema-errors.js';
import { META_SCHEMAS, type DefinitionKind } from './meta-schemas/index.js';

export { escapePointer, type SchemaProblem } from './meta-schema-errors.js';

let validators: Record<DefinitionKind, ValidateFunction> | undefined;

// Compiled lazily: most callers (the browser, unit tests of other modules) never validate definitions.
function compiledValidators(): Record<DefinitionKind, ValidateFunction> {
  if (validators === undefined) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    ajv.addSchema(META_SCHEMAS.common);
    validators = {
      form: ajv.compile(META_SCHEMAS.form),
      app: ajv.compile(META_SCHEMAS.app),
      workflow: ajv.compile(META_SCHEMAS.workflow),
      report: ajv.compile(META_SCHEMAS.report),
      dashboard: ajv.compile(META_SCHEMAS.dashboard),
      'print-template': ajv.compile(META_SCHEMAS['print-template']),
    };
  }
  return validators;
}

/** Checks a parsed definition against its kind's meta-schema and returns every problem found. */
export function validateAgainstMetaSchema(kind: DefinitionKind, value: unknown): SchemaProblem[] {
  const validate = compiledValidators()[kind];
  if (validate(value)) return [];
  return schemaProblemsOf(validate.errors ?? []);
}

