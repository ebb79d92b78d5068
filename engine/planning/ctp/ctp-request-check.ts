import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { OrdoError, type FieldError } from '../../errors/index.js';
import { parseDay } from '../calendar/index.js';
import type { CtpRequest } from '../generated/planning-types.js';
import { CTP_REQUEST_SCHEMA } from './ctp-schemas.js';

let validate: ValidateFunction | undefined;

/** The request as the contract types it, or ORDO_ERR_FUNCTION_INPUT_INVALID with a JSON pointer per problem. */
export function checkCtpRequest(input: unknown): CtpRequest {
  validate ??= new Ajv2020({ allErrors: true, strict: true }).compile(CTP_REQUEST_SCHEMA);
  const fields: FieldError[] = validate(input) ? [] : (validate.errors ?? []).map(fieldError);
  if (fields.length === 0) {
    const request = input as CtpRequest;
    // The schema checks the shape of a date; only the calendar knows 2026-02-30 is no day.
    if (request.requestedDate !== undefined && parseDay(request.requestedDate) === undefined) fields.push(notADay('/requestedDate'));
    request.lines.forEach((line, index) => {
      if (line.requestedDate !== undefined && parseDay(line.requestedDate) === undefined) fields.push(notADay(`/lines/${index}/requestedDate`));
    });
  }
  if (fields.length > 0) {
    throw new OrdoError('ORDO_ERR_FUNCTION_INPUT_INVALID', `ctp.promise input is not valid: ${fields.map((field) => `${field.pointer || '/'} ${field.message}`).join('; ')}`, { fields });
  }
  return input as CtpRequest;
}

function notADay(pointer: string): FieldError {
  return { pointer, code: 'format', message: 'is not a calendar day' };
}

function fieldError(error: ErrorObject): FieldError {
  const missing = error.keyword === 'required' ? `/${String(error.params['missingProperty'])}` : '';
  const extra = error.keyword === 'additionalProperties' ? `/${String(error.params['additionalProperty'])}` : '';
  const message =
    error.keyword === 'additionalProperties'
      ? `unknown property "${String(error.params['additionalProperty'])}"`
      : error.keyword === 'required'
        ? 'is required'
        : (error.message ?? `fails ${error.keyword}`);
  return { pointer: `${error.instancePath}${missing}${extra}`, code: error.keyword, message };
}
