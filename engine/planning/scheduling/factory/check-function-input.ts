import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { OrdoError, type FieldError } from '../../../errors/index.js';

const validators = new Map<Readonly<Record<string, unknown>>, ValidateFunction>();

/** The input as its schema types it, or ORDO_ERR_FUNCTION_INPUT_INVALID with a JSON pointer per problem. */
export function checkFunctionInput<T>(name: string, schema: Readonly<Record<string, unknown>>, input: unknown): T {
  let validate = validators.get(schema);
  if (validate === undefined) {
    validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    validators.set(schema, validate);
  }
  if (validate(input)) return input as T;
  const fields = (validate.errors ?? []).map(fieldError);
  throw new OrdoError(
    'ORDO_ERR_FUNCTION_INPUT_INVALID',
    `${name} input is not valid: ${fields.map((field) => `${field.pointer || '/'} ${field.message}`).join('; ')}`,
    { fields },
  );
}

function fieldError(error: ErrorObject): FieldError {
  const missing = error.keyword === 'required' ? `/${String(error.params['missingProperty'])}` : '';
  const extra = error.keyword === 'additionalProperties' ? `/${String(error.params['additionalProperty'])}` : '';
  return { pointer: `${error.instancePath}${missing}${extra}`, code: error.keyword, message: error.message ?? `fails ${error.keyword}` };
}
