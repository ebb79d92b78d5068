import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { META_SCHEMAS, type DefinitionKind } from './meta-schemas/index.js';

export interface SchemaProblem {
  readonly pointer: string;
  readonly message: string;
}

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
  return collapse(validate.errors ?? []).map((error) => ({
    pointer: pointerOf(error),
    message: messageOf(error),
  }));
}

function pointerOf(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') {
    return `${error.instancePath}/${escapePointer(String(error.params['additionalProperty']))}`;
  }
  if (error.keyword === 'required') {
    return `${error.instancePath}/${escapePointer(String(error.params['missingProperty']))}`;
  }
  if (error.keyword === 'propertyNames') {
    return `${error.instancePath}/${escapePointer(String(error.params['propertyName']))}`;
  }
  return error.instancePath;
}

function messageOf(error: ErrorObject): string {
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown property "${String(error.params['additionalProperty'])}"`;
    case 'required':
      return `missing required property "${String(error.params['missingProperty'])}"`;
    case 'propertyNames':
      return `"${String(error.params['propertyName'])}" is not a valid field path (letters, digits, _ and one optional "." for a sub-table column)`;
    case 'const':
      return `must be ${JSON.stringify(error.params['allowedValue'])}`;
    case 'enum':
      return `must be one of ${JSON.stringify(error.params['allowedValues'])}`;
    default:
      return error.message ?? `fails ${error.keyword}`;
  }
}

/**
 * ajv reports a bad property name twice (the `pattern` failure inside `propertyNames`, then
 * `propertyNames` itself); the reader needs only the second.
 */
function collapse(errors: readonly ErrorObject[]): ErrorObject[] {
  return errors.filter((error) => !error.propertyName);
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
