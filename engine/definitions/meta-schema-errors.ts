import type { ErrorObject } from 'ajv/dist/2020.js';

/** A meta-schema problem; kept free of ajv itself so the browser can word the standalone validator's errors. */
export interface SchemaProblem {
  readonly pointer: string;
  readonly message: string;
}

/** ajv's errors as problems with JSON pointers and plain messages. */
export function schemaProblemsOf(errors: readonly ErrorObject[]): SchemaProblem[] {
  return collapse(errors).map((error) => ({ pointer: pointerOf(error), message: messageOf(error) }));
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
